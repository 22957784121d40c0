/**
 * `cutline desk …`: join a desk, leave it, see its state and conflicts, settle one, and
 * push-and-pull once (for scripts and cron; a running app or `cutline serve` syncs on its
 * own).
 */
import { resolveCatalogPath } from '../../main/services/catalog-location';
import { startServices } from '../../main/services/cutline-services';
import type { DeskConflictView, DeskStatus } from '../../shared/desk';
import {
  type DeskSharedView,
  SHARED_KIND_LABELS,
  SHARED_KINDS,
  type SharedKind,
} from '../../shared/desk-settings';
import { isListField } from '../../shared/model';
import { CutlineError } from '../../shared/result';
import { parseCommandArgs, printJson } from '../cli-options';

const USE =
  'Use: cutline desk join URL --name NAME [--root DIR] | leave | status | sync | conflicts | settle ID (--take desk|other | --value TEXT) | share KIND… | unshare KIND… | shared [--history KEY]';

const KINDS_USE = `Name what to share: ${SHARED_KINDS.join(', ')} (or all).`;

/** The kinds named on the command line; an unknown one is refused with the list. */
function kindsOf(names: readonly string[]): SharedKind[] {
  if (names.length === 0) throw new CutlineError('invalid-input', KINDS_USE);
  if (names.includes('all')) return [...SHARED_KINDS];
  for (const name of names) {
    if (!(SHARED_KINDS as readonly string[]).includes(name)) {
      throw new CutlineError('invalid-input', `Unknown kind "${name}". ${KINDS_USE}`);
    }
  }
  return [...new Set(names)] as SharedKind[];
}

function printShared(view: DeskSharedView): void {
  if (view.kinds.length === 0) {
    process.stdout.write('The desk shares nothing yet (cutline desk share templates …).\n');
    return;
  }
  for (const { kind, sharedBy, sharedAt } of view.kinds) {
    process.stdout.write(`Shared: ${SHARED_KIND_LABELS[kind]} (by ${sharedBy}, ${sharedAt})\n`);
  }
  for (const entry of view.entries) {
    const state = entry.value === null ? ' (deleted)' : '';
    process.stdout.write(`  ${entry.key}${state}  r${entry.revision}  ${entry.who}  ${entry.at}\n`);
  }
}

const shown = (value: unknown) => (Array.isArray(value) ? value.join('; ') : String(value ?? ''));

function printStatus(status: DeskStatus): void {
  if (!status.linked) {
    process.stdout.write('Not on a desk (cutline desk join URL --name NAME).\n');
    return;
  }
  process.stdout.write(
    `Desk: ${status.url}\nMember: ${status.memberName} (root ${status.root})\n` +
      `State: ${status.online ? 'online' : `offline (${status.error})`}\n` +
      `Waiting to push: ${status.queue}\nLast sequence read: ${status.lastSeq}` +
      (status.deskSeq === null ? '\n' : ` of ${status.deskSeq}\n`),
  );
  if (status.online) {
    const members = status.members.map((m) => `${m.name}${m.online ? ' (online)' : ''}`);
    process.stdout.write(
      `Members: ${members.join(', ')}\nOpen conflicts: ${status.openConflicts}\n`,
    );
  }
}

function printConflicts(conflicts: DeskConflictView[]): void {
  if (conflicts.length === 0) process.stdout.write('No open desk conflicts.\n');
  for (const c of conflicts) {
    process.stdout.write(
      `#${c.id} ${c.relPath} ${c.field}\n  desk  (${c.deskWho ?? 'unknown'}): ${shown(c.deskValue)}\n` +
        `  other (${c.otherWho}): ${shown(c.otherValue)}\n`,
    );
  }
}

/** `cutline desk VERB …`. */
export async function runDesk(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    name: { type: 'string' },
    root: { type: 'string' },
    take: { type: 'string' },
    value: { type: 'string' },
    history: { type: 'string' },
  });
  const [verb, target] = positionals;
  if (!verb) throw new CutlineError('invalid-input', USE);
  const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
  const { desk } = services;
  try {
    switch (verb) {
      case 'join': {
        if (!target || !values.name) throw new CutlineError('invalid-input', USE);
        const status = await desk.join(target, values.name, values.root ?? process.cwd());
        if (new URL(target).password) {
          process.stderr.write(
            'cutline: the password is not kept; put it in ~/.pgpass or PGPASSWORD for later syncs.\n',
          );
        }
        if (values.json) printJson(status);
        else printStatus(status);
        return 0;
      }
      case 'leave': {
        const status = await desk.leave();
        if (values.json) printJson(status);
        else process.stdout.write('Left the desk.\n');
        return 0;
      }
      case 'status': {
        const status = await desk.status();
        if (values.json) printJson(status);
        else printStatus(status);
        return status.linked && !status.online ? 1 : 0;
      }
      case 'sync': {
        const report = await desk.syncOnce();
        if (values.json) printJson(report);
        else {
          process.stdout.write(
            `Pushed ${report.pushed} edit(s), ${report.conflicts} conflict(s); applied ${report.applied} from the desk (sequence ${report.lastSeq}).\n` +
              `Photos: ${report.photosPublished} published, ${report.photosAdded} added from the desk, ${report.photosRewritten} read again after a colleague's write.\n`,
          );
          if (report.settingsPublished + report.settingsApplied > 0) {
            process.stdout.write(
              `Shared house rules: published ${report.settingsPublished}, took in ${report.settingsApplied}.\n`,
            );
          }
        }
        // A house rule this catalog could not use is said, once, and the run says it did less.
        for (const refused of report.settingsRefused) process.stderr.write(`cutline: ${refused}\n`);
        return report.settingsRefused.length > 0 ? 1 : 0;
      }
      case 'conflicts': {
        const conflicts = await desk.conflicts();
        if (values.json) printJson(conflicts);
        else printConflicts(conflicts);
        return 0;
      }
      case 'settle': {
        const id = Number(target);
        if (!Number.isInteger(id) || id <= 0) throw new CutlineError('invalid-input', USE);
        const conflict = (await desk.conflicts()).find((c) => c.id === id);
        if (!conflict) throw new CutlineError('not-found', `There is no open desk conflict ${id}.`);
        let value: unknown;
        if (values.take === 'desk') value = conflict.deskValue;
        else if (values.take === 'other') value = conflict.otherValue;
        else if (values.value !== undefined) {
          value = isListField(conflict.field)
            ? values.value.split(';').map((item) => item.trim())
            : values.value;
        } else throw new CutlineError('invalid-input', USE);
        const report = await desk.settle(id, value as string | string[]);
        if (values.json) printJson(report);
        else process.stdout.write(`Settled conflict ${id}.\n`);
        return 0;
      }
      case 'share': {
        const kinds = kindsOf(positionals.slice(1));
        const report = await desk.share(kinds);
        if (values.json) printJson(report);
        else {
          process.stdout.write(
            `The desk shares ${kinds.map((k) => SHARED_KIND_LABELS[k]).join(', ')}: published ${report.settingsPublished} entr${report.settingsPublished === 1 ? 'y' : 'ies'}, took in ${report.settingsApplied}.\n`,
          );
        }
        for (const refused of report.settingsRefused) process.stderr.write(`cutline: ${refused}\n`);
        return report.settingsRefused.length > 0 ? 1 : 0;
      }
      case 'unshare': {
        const view = await desk.unshare(kindsOf(positionals.slice(1)));
        if (values.json) printJson(view);
        else printShared(view);
        return 0;
      }
      case 'shared': {
        if (values.history !== undefined) {
          const history = await desk.sharedHistory(values.history);
          if (values.json) printJson(history);
          else if (history.length === 0) {
            process.stdout.write(`The desk has no entry ${values.history}.\n`);
          } else {
            for (const r of history) {
              const unseen = r.replacedUnseen ? ' (replaced a change it had not seen)' : '';
              process.stdout.write(
                `r${r.revision} ${r.who} ${r.at}${unseen}: ${JSON.stringify(r.value)}\n`,
              );
            }
          }
          return 0;
        }
        const view = await desk.shared();
        if (values.json) printJson(view);
        else printShared(view);
        return 0;
      }
      default:
        throw new CutlineError('invalid-input', USE);
    }
  } finally {
    await services.close();
  }
}
