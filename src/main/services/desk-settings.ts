/**
 * The house rules a desk shares (issue 18 part 3): templates, code replacements and the
 * desk-wide settings of src/shared/desk-settings.ts travel between members' catalogs through
 * the desk database. A kind is shared by a member (`cutline desk share templates`), which
 * publishes that member's entries; from then on every member takes in the desk's entries of
 * the kind, and a change any member makes to one (in the app, the CLI, in the same catalog)
 * is published at the next sync, found by comparing the catalog with what was last agreed
 * with the desk — so no caller of the template, code or settings services needs to know.
 * Entries are applied here through those same services (validated as when typed), so the UI
 * shows them as its own.
 *
 * Two members changing the same entry at once: the last one to reach the desk wins, and the
 * value it replaced stays in the desk's history with who wrote it (marked as replaced
 * unseen). A template or a house style is a whole, deliberate choice, not text typed in a
 * photo's field: holding back the house's rules on every member until a person settles a
 * conflict would do more harm than taking the latest and keeping the other to hand.
 *
 * A member's entries that existed before the kind reached them stay theirs (not published)
 * until they change one; an entry with the same name as the desk's takes the desk's value.
 */
import type { z } from 'zod';
import { contract } from '../../shared/contract';
import {
  canonicalJson,
  codeKey,
  type DeskSharedRevisionView,
  type DeskSharedView,
  SHARED_SETTING_KEYS,
  type SharedKind,
  type SharedSettingKey,
  settingKey,
  templateKey,
} from '../../shared/desk-settings';
import type { FieldChanges } from '../../shared/edits';
import { CutlineError } from '../../shared/result';
import { type SettingsPatch, settingsPatchSchema } from '../../shared/settings';
import type { TemplateOptions } from '../../shared/template-options';
import type { CatalogDb } from '../catalog/catalog-db';
import { DeskSettingsRepo, type SeenEntry } from '../catalog/desk-settings-repo';
import type { DeskSettingsDb, DeskSharedEntryOut } from '../desk/desk-settings-db';
import { codeList, removeCodeReplacement, setCodeReplacement } from './code-replacements';
import type { EditService } from './edits';
import { failureMessage } from './failure-message';
import { getSettings, updateSettings } from './settings';
import { TemplateService } from './templates';

/** Entries read per round trip. */
const BATCH = 500;

/** What one sync did with the shared settings. */
export interface SharedSettingsReport {
  /** Entries of this member's that reached the desk. */
  settingsPublished: number;
  /** Entries of colleagues' taken into this catalog. */
  settingsApplied: number;
  /** Entries this catalog refused (a value it cannot use), each in one line. */
  settingsRefused: string[];
}

/** A template as the desk carries it. */
interface SharedTemplate {
  name: string;
  values: FieldChanges;
  options: TemplateOptions;
}

/** A code replacement as the desk carries it. */
interface SharedCode {
  code: string;
  replacements: string[];
}

const NONE = 'null';

/** The value as the schema reads it, or a refusal with the schema's first complaint. */
function checked<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new CutlineError('invalid-input', `${issue?.path.join('.') || 'value'}: ${issue?.message}`);
}

/** What an entry is called in a message (a template by its name as written). */
function entryName(key: string, value?: unknown): string {
  const [kind, ...rest] = key.split(':');
  const name = rest.join(':');
  if (kind === 'template') return `template "${(value as SharedTemplate | null)?.name ?? name}"`;
  if (kind === 'code') return `code "${name}"`;
  return `setting ${name}`;
}

export class DeskSettings {
  private readonly repo: DeskSettingsRepo;
  private readonly templates: TemplateService;

  /** The kinds taken in since the last `takeChanged()`. */
  private changed = new Set<SharedKind>();

  constructor(
    private readonly db: CatalogDb,
    editor: EditService,
  ) {
    this.repo = new DeskSettingsRepo(db);
    this.templates = new TemplateService(db, editor);
  }

  /**
   * Makes kinds the desk's and publishes this member's entries of them (they replace the
   * desk's entries of the same names); the desk's other entries are then taken in here.
   */
  async share(
    desk: DeskSettingsDb,
    kinds: readonly SharedKind[],
    memberId: number,
    who: string,
    report: SharedSettingsReport,
  ): Promise<void> {
    await desk.share(kinds, who);
    const onDesk = new Map((await desk.entriesOf(kinds)).map((entry) => [entry.key, entry]));
    for (const kind of kinds) {
      for (const [key, value] of this.local(kind)) {
        const current = onDesk.get(key);
        const seen = { key, kind, value: canonicalJson(value), revision: current?.revision ?? 0 };
        if (!current || canonicalJson(current.value) !== seen.value) {
          // Sharing is an explicit choice of this member's values: not an unseen replacement.
          const outcome = await desk.publish({ key, kind, value }, seen.revision, memberId, who);
          seen.revision = outcome.revision;
          report.settingsPublished++;
        }
        this.repo.setSeen(seen);
      }
      if (!this.repo.kinds().has(kind)) await this.adopt(desk, kind, report);
    }
  }

  /** Stops sharing kinds on the desk; every member keeps what it has. */
  async unshare(desk: DeskSettingsDb, kinds: readonly SharedKind[]): Promise<void> {
    await desk.unshare(kinds);
    for (const kind of kinds) this.repo.dropKind(kind);
  }

  /**
   * One sync of the shared settings: this member's changes published, kinds newly shared
   * taken in whole, then every entry changed on the desk since the last look.
   */
  async sync(
    desk: DeskSettingsDb,
    memberId: number,
    who: string,
    report: SharedSettingsReport,
  ): Promise<void> {
    const state = await desk.state();
    const shared = new Set(state.kinds);
    const mine = this.repo.kinds();
    for (const kind of mine) if (!shared.has(kind)) this.repo.dropKind(kind);
    if (shared.size === 0) return;
    for (const kind of shared) {
      if (mine.has(kind)) await this.publishChanges(desk, kind, memberId, who, report);
      else await this.adopt(desk, kind, report);
    }
    // Nothing changed on the desk since the last look (what this member published just now
    // is read at the next one, and passed over as already agreed).
    if (state.lastVersion <= this.repo.lastVersion()) return;
    for (;;) {
      const entries = await desk.entriesAfter(this.repo.lastVersion(), BATCH);
      if (entries.length === 0) return;
      this.receive(
        entries.filter((entry) => shared.has(entry.kind)),
        report,
      );
      this.repo.setLastVersion(entries[entries.length - 1]?.version ?? 0);
    }
  }

  /** What the desk shares, with who changed each entry last and when. */
  view(desk: DeskSettingsDb): Promise<DeskSharedView> {
    return desk.view();
  }

  /** Every value an entry has had (a template by its name, a code, `setting:houseStyle`). */
  history(desk: DeskSettingsDb, key: string): Promise<DeskSharedRevisionView[]> {
    return desk.history(key);
  }

  /** The kinds of which entries were taken in since last asked (for the UI to reload). */
  takeChanged(): SharedKind[] {
    const kinds = [...this.changed];
    this.changed.clear();
    return kinds;
  }

  /** Forgets the desk's bookkeeping (the member left); the settings themselves stay. */
  forget(): void {
    this.repo.clear();
  }

  /** This catalog's entries of a kind, by desk key. */
  private local(kind: SharedKind): Map<string, unknown> {
    const entries = new Map<string, unknown>();
    if (kind === 'templates') {
      for (const t of this.templates.list()) {
        const shared: SharedTemplate = { name: t.name, values: t.values, options: t.options };
        entries.set(templateKey(t.name), shared);
      }
    } else if (kind === 'codes') {
      for (const c of codeList(this.db).entries) {
        const shared: SharedCode = { code: c.code, replacements: c.replacements };
        entries.set(codeKey(c.code), shared);
      }
    } else {
      const settings = getSettings(this.db);
      for (const key of SHARED_SETTING_KEYS[kind]) entries.set(settingKey(key), settings[key]);
    }
    return entries;
  }

  /** Publishes the entries of a kind changed here since last agreed with the desk. */
  private async publishChanges(
    desk: DeskSettingsDb,
    kind: SharedKind,
    memberId: number,
    who: string,
    report: SharedSettingsReport,
  ): Promise<void> {
    const local = this.local(kind);
    const seen = this.repo.seen(kind);
    const changed: { key: string; value: unknown; base: SeenEntry | undefined }[] = [];
    for (const [key, value] of local) {
      const base = seen.get(key);
      if (base?.value !== canonicalJson(value)) changed.push({ key, value, base });
    }
    for (const [key, base] of seen) {
      if (local.has(key) || base.value === NONE) continue;
      // A private entry deleted stays unknown to the desk; a shared one is deleted there.
      if (base.revision === 0) this.repo.dropSeen(key);
      else changed.push({ key, value: null, base });
    }
    for (const { key, value, base } of changed) {
      const outcome = await desk.publish({ key, kind, value }, base?.revision ?? 0, memberId, who);
      this.repo.setSeen({ key, kind, value: canonicalJson(value), revision: outcome.revision });
      report.settingsPublished++;
      if (outcome.replaced) {
        console.warn(
          `[cutline] desk: ${entryName(key, value)} replaced ${outcome.replaced.who}'s change of ${outcome.replaced.at} (kept in the desk's history)`,
        );
      }
    }
  }

  /**
   * Takes in a kind newly shared: the desk's entries are applied (a same-named entry here
   * takes the desk's value); entries only this catalog has stay private until changed.
   */
  private async adopt(
    desk: DeskSettingsDb,
    kind: SharedKind,
    report: SharedSettingsReport,
  ): Promise<void> {
    const entries = await desk.entriesOf([kind]);
    this.receive(entries, report);
    const onDesk = new Set(entries.map((entry) => entry.key));
    for (const [key, value] of this.local(kind)) {
      if (!onDesk.has(key))
        this.repo.setSeen({ key, kind, value: canonicalJson(value), revision: 0 });
    }
    this.repo.addKind(kind);
  }

  /** Applies the desk's entries that differ here, through the services that save them. */
  private receive(entries: readonly DeskSharedEntryOut[], report: SharedSettingsReport): void {
    const locals = new Map<SharedKind, Map<string, unknown>>();
    const localOf = (kind: SharedKind) => {
      const found = locals.get(kind) ?? this.local(kind);
      locals.set(kind, found);
      return found;
    };
    const seenOf = new Map<SharedKind, Map<string, SeenEntry>>();
    const settingsPatch: { entry: DeskSharedEntryOut; key: SharedSettingKey; here: string }[] = [];
    for (const entry of entries) {
      const value = canonicalJson(entry.value);
      const local = localOf(entry.kind);
      const here = local.has(entry.key) ? canonicalJson(local.get(entry.key)) : NONE;
      const seen = seenOf.get(entry.kind) ?? this.repo.seen(entry.kind);
      seenOf.set(entry.kind, seen);
      const agreed = seen.get(entry.key)?.value ?? NONE;
      // A change made here and not yet published is this member's newer word: it goes to
      // the desk at the next sync (and wins there, as the later writer).
      if (here !== agreed && here !== value && seen.has(entry.key)) continue;
      const record = { key: entry.key, kind: entry.kind, value, revision: entry.revision };
      if (here === value) {
        this.repo.setSeen(record);
        continue;
      }
      if (entry.key.startsWith('setting:')) {
        settingsPatch.push({ entry, key: entry.key.slice(8) as SharedSettingKey, here });
        continue;
      }
      const problem = this.applyEntry(entry, local);
      if (problem) this.refuse(entry, problem, here, report);
      else {
        this.repo.setSeen(record);
        report.settingsApplied++;
        this.changed.add(entry.kind);
      }
    }
    this.applySettings(settingsPatch, report);
  }

  /** Applies a template or a code; the reason it was refused, or null. */
  private applyEntry(entry: DeskSharedEntryOut, local: Map<string, unknown>): string | null {
    try {
      // Checked as the same call from any transport would be: the value came over the wire.
      if (entry.kind === 'templates') {
        const here = local.get(entry.key) as SharedTemplate | undefined;
        if (entry.value === null) {
          if (here) this.templates.delete(here.name);
          return null;
        }
        const template = checked(contract['templates:save'].input, entry.value);
        this.templates.save(template.name, template.values, template.options);
      } else if (entry.value === null) {
        removeCodeReplacement(this.db, entry.key.slice(5));
      } else {
        setCodeReplacement(this.db, checked(contract['codes:set'].input, entry.value));
      }
      return null;
    } catch (error) {
      return failureMessage(error);
    }
  }

  /**
   * Shared settings taken in together (the house style may name a style that arrives with
   * it); when the whole is refused, each is tried alone, so one bad value holds back no other.
   */
  private applySettings(
    changes: readonly { entry: DeskSharedEntryOut; key: SharedSettingKey; here: string }[],
    report: SharedSettingsReport,
  ): void {
    if (changes.length === 0) return;
    const patchOf = (items: typeof changes) =>
      checked(
        settingsPatchSchema,
        Object.fromEntries(items.map((c) => [c.key, c.entry.value])),
      ) as SettingsPatch;
    const accept = (items: typeof changes) => {
      for (const { entry } of items) {
        const value = canonicalJson(entry.value);
        this.repo.setSeen({ key: entry.key, kind: entry.kind, value, revision: entry.revision });
        report.settingsApplied++;
        this.changed.add(entry.kind);
      }
    };
    try {
      updateSettings(this.db, patchOf(changes));
      accept(changes);
      return;
    } catch {
      // Tried one by one below, each refusal said.
    }
    for (const change of changes) {
      try {
        updateSettings(this.db, patchOf([change]));
        accept([change]);
      } catch (error) {
        this.refuse(change.entry, failureMessage(error), change.here, report);
      }
    }
  }

  /**
   * An entry this catalog cannot use: said once, and what is here is taken as agreed (so it
   * is not published back over the desk's value).
   */
  private refuse(
    entry: DeskSharedEntryOut,
    problem: string,
    here: string,
    report: SharedSettingsReport,
  ): void {
    const message = `${entryName(entry.key, entry.value)} from ${entry.who} not taken in: ${problem}`;
    report.settingsRefused.push(message);
    console.warn(`[cutline] desk: ${message}`);
    this.repo.setSeen({ key: entry.key, kind: entry.kind, value: here, revision: entry.revision });
  }
}
