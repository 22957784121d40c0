import { resolve } from 'node:path';
import { resolveCatalogPath } from '../../main/services/catalog-location';
import { startServices } from '../../main/services/cutline-services';
import { getPhotoByPath } from '../../main/services/library';
import { counted } from '../../shared/counted';
import { fieldChangesSchema } from '../../shared/edits';
import { FIELD_LABELS } from '../../shared/model';
import { CutlineError } from '../../shared/result';
import { parseCommandArgs, printJson } from '../cli-options';
import { changesFromOptions, fieldOptions } from '../field-options';

/** `cutline set FILE… --caption TEXT --creators A --creators B … [--db FILE] [--json]` */
export async function runSet(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, fieldOptions());
  if (positionals.length === 0) {
    throw new CutlineError('invalid-input', 'Name the photo files to change.');
  }
  const parsed = fieldChangesSchema.safeParse(changesFromOptions(values));
  if (!parsed.success)
    throw new CutlineError('invalid-input', parsed.error.issues[0]?.message ?? '');
  if (Object.keys(parsed.data).length === 0) {
    throw new CutlineError('invalid-input', 'Give at least one field, e.g. --caption "…".');
  }
  const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
  try {
    const ids = positionals.map((file) => getPhotoByPath(services.db, resolve(file)).id);
    const outcome = services.editor.setFields(ids, parsed.data);
    if (values.json) printJson(outcome);
    else {
      process.stdout.write(
        `${counted(outcome.changes, 'change')} in ${counted(outcome.photos, 'photo')} (in the catalog; not yet written to the files)\n`,
      );
    }
    return 0;
  } finally {
    await services.close();
  }
}

/** `cutline history FILE [--db FILE] [--json]` */
export async function runHistory(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  const [file] = positionals;
  if (!file) throw new CutlineError('invalid-input', 'Name the photo file.');
  const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
  try {
    const history = services.editor.history(getPhotoByPath(services.db, resolve(file)).id);
    if (values.json) printJson(history);
    else {
      const shown = (value: string | string[]) =>
        JSON.stringify(Array.isArray(value) ? value.join('; ') : value);
      for (const entry of history) {
        const kind = entry.kind === 'edit' ? '' : ` (${entry.kind})`;
        const change = entry.agree
          ? `copies made to agree on ${shown(entry.newValue)}`
          : `${shown(entry.oldValue)} → ${shown(entry.newValue)}`;
        process.stdout.write(
          `${entry.at}  ${entry.who}  ${FIELD_LABELS[entry.field]}${kind}: ${change}\n`,
        );
      }
    }
    return 0;
  } finally {
    await services.close();
  }
}

/** `cutline undo|redo [--db FILE] [--json]` */
export function runReplay(kind: 'undo' | 'redo') {
  return async (args: string[]): Promise<number> => {
    const { values } = parseCommandArgs(args, {});
    const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
    try {
      const outcome = kind === 'undo' ? services.editor.undo() : services.editor.redo();
      if (values.json) printJson(outcome);
      else if (!outcome) process.stdout.write(`Nothing to ${kind}.\n`);
      else {
        const verb = kind === 'undo' ? 'Undid' : 'Redid';
        const photos = `${counted(outcome.photos, 'photo')}`;
        process.stdout.write(`${verb} "${outcome.label}" (${photos})\n`);
      }
      return 0;
    } finally {
      await services.close();
    }
  };
}

/** `cutline apply-template NAME FILE… [--overwrite] [--live] [--db FILE] [--json]` */
export async function runApplyTemplate(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    overwrite: { type: 'boolean', default: false },
    live: { type: 'boolean', default: false },
  });
  const [name, ...files] = positionals;
  if (!name || files.length === 0) {
    throw new CutlineError('invalid-input', 'Use: cutline apply-template NAME FILE…');
  }
  const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
  try {
    const ids = files.map((file) => getPhotoByPath(services.db, resolve(file)).id);
    const outcome = services.templates.apply({
      name,
      ids,
      mode: values.overwrite ? 'overwrite' : 'fill-empty',
      live: values.live ?? false,
    });
    if (values.json) printJson(outcome);
    else {
      process.stdout.write(
        `Template "${name}": ${counted(outcome.changes, 'change')} in ${counted(outcome.photos, 'photo')}\n`,
      );
    }
    return 0;
  } finally {
    await services.close();
  }
}
