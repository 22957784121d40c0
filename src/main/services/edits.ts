/**
 * Editing caption fields in the catalog: every change in one transaction, recorded in the
 * history with who and when, grouped into undo steps, and marked "not yet in the file" until
 * the writer (a later issue) puts it there. Nothing here touches an image file.
 */
import { userInfo } from 'node:os';
import { fieldsOverIimLimit } from '../../shared/checks/iim-limits';
import { normaliseRating, normaliseTagged } from '../../shared/culling';
import type {
  AgreeOutcome,
  EditOutcome,
  FieldChanges,
  HistoryEntry,
  UndoState,
} from '../../shared/edits';
import { parseStructItem, structItemJson } from '../../shared/iptc-structures';
import { isVocabularyField, normaliseVocabulary } from '../../shared/iptc-vocab';
import {
  type CaptionField,
  type CaptionFields,
  FIELD_LABELS,
  type FieldValue,
  isListField,
  isStructureField,
  type PhotoRecord,
  sameFieldValue,
} from '../../shared/model';
import { CutlineError } from '../../shared/result';
import { expandTemplateText, fieldsUsedBy } from '../../shared/template-text';
import type { CatalogDb } from '../catalog/catalog-db';
import { EditsRepo, type FieldChange, type HistoryKind } from '../catalog/edits-repo';
import { photosRepoOf } from '../catalog/photos-repo';
import {
  dropLiveField,
  hasLiveFields,
  liveFieldsOf,
  setLiveField,
} from '../catalog/templates-repo';
import {
  agreeLabel,
  markAgreements,
  pairKey,
  plannedAgreements,
  unmarkAgreements,
} from './copies-agree';
import { getSettings } from './settings';
import { templateContext } from './template-context';

/** Typing in one field merges into one undo step while pauses stay shorter than this. */
const MERGE_WINDOW_MS = 60_000;

/** A photo's values before an edit and the ones it changes. */
interface PlannedWrite {
  photoId: number;
  current: CaptionFields;
  next: Partial<Record<CaptionField, FieldValue>>;
}

/** One photo's changes within an edit (a batch gives each photo its own values). */
export interface PhotoChanges {
  photoId: number;
  changes: FieldChanges;
}

/** One field's new value set by someone else (a colleague's edit from the desk). */
export interface AuthoredEdit {
  photoId: number;
  field: CaptionField;
  value: FieldValue;
  /** Who made it, as the history records it. */
  who: string;
}

/** What applying edits made elsewhere did. */
export interface AuthoredOutcome {
  /** For each edit, in order: whether it changed its field (false: the photo is not here, or the value was already there). */
  applied: boolean[];
  /** The photos whose fields changed. */
  photoIds: number[];
}

export interface EditOptions {
  /** What the user did, as the history and the undo menu show it. */
  label?: string;
  /**
   * Typing: merge into the previous step when it was typing in the same field of the same
   * photo a moment ago, so that undo takes back a burst of typing, not one letter.
   */
  typing?: boolean;
  /**
   * Template texts that the fields set here keep following from now on, by photo (a
   * template applied with live values).
   */
  liveTexts?: ReadonlyMap<number, Partial<Record<CaptionField, string>>>;
  /** Who made the edit, when not this catalog's user (a colleague's edit from the desk). */
  who?: string;
  /**
   * False for a colleague's edit from the desk: it is in the history but not on this
   * editor's undo stack (undo takes back one's own edits only).
   */
  undoable?: boolean;
}

// C0 control characters other than tab and line feed have no place in a caption and break
// IIM and XMP; pasted text from PDFs and terminals carries them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A value as the catalog keeps it: no control characters, list items trimmed and unique. */
export function cleanValue(field: CaptionField, value: FieldValue): FieldValue {
  const clean = (text: string) => text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '');
  if (field === 'rating') return normaliseRating(String(value));
  if (field === 'tagged') return normaliseTagged(String(value));
  if (field === 'label') return clean(String(value)).trim();
  if (isVocabularyField(field)) return normaliseVocabulary(field, clean(String(value)));
  if (isStructureField(field)) {
    // One JSON text per structure, its members cleaned and in one order (iptc-structures.ts).
    const items = (Array.isArray(value) ? value : [value]).map((json) => {
      const item = parseStructItem(json, field);
      for (const name of Object.keys(item)) item[name] = clean(item[name] ?? '');
      return structItemJson(item);
    });
    return items.filter((item) => item !== '');
  }
  if (!isListField(field)) return clean(Array.isArray(value) ? value.join('; ') : value);
  const items = (Array.isArray(value) ? value : [value]).map((item) => clean(item).trim());
  return [...new Set(items.filter((item) => item !== ''))];
}

const idsOf = (writes: readonly PlannedWrite[]) =>
  writes.slice(0, 1000).map((write) => write.photoId);

/** The name the history records: the user name from settings, else the OS user. */
function editorName(db: CatalogDb): string {
  const name = getSettings(db).userName.trim();
  if (name) return name;
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The label of an edit of these fields ("Caption", "Caption, Headline"). */
function labelFor(changes: readonly PhotoChanges[]): string {
  const fields = new Set<CaptionField>();
  for (const { changes: c } of changes)
    for (const f of Object.keys(c)) fields.add(f as CaptionField);
  const names = [...fields].map((field) => FIELD_LABELS[field]);
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} …` : names.join(', ') || 'Edit';
}

export class EditService {
  private readonly repo: EditsRepo;

  constructor(private readonly db: CatalogDb) {
    this.repo = new EditsRepo(db);
  }

  /** Sets the same values on every photo given. */
  setFields(ids: readonly number[], changes: FieldChanges, options: EditOptions = {}): EditOutcome {
    return this.apply(
      ids.map((photoId) => ({ photoId, changes })),
      options,
    );
  }

  /** Applies per-photo changes as one undo step, in one transaction. */
  apply(entries: readonly PhotoChanges[], options: EditOptions = {}): EditOutcome {
    const label = options.label ?? labelFor(entries);
    const only = entries.length === 1 ? entries[0] : undefined;
    const onlyField =
      only && Object.keys(only.changes).length === 1 ? Object.keys(only.changes)[0] : undefined;
    const mergeKey =
      options.typing && only && onlyField ? `typing:${only.photoId}:${onlyField}` : null;
    const who = options.who ?? editorName(this.db);
    return this.repo.transaction(() => {
      const at = new Date().toISOString();
      let stepId: number | null = null;
      let merging = false;
      const latest = mergeKey ? this.repo.latestStep() : undefined;
      if (
        latest &&
        latest.state === 'done' &&
        latest.mergeKey === mergeKey &&
        Date.parse(at) - Date.parse(latest.at) < MERGE_WINDOW_MS
      ) {
        stepId = latest.id;
        merging = true;
        this.repo.touchStep(stepId, at);
      }
      const ids = entries.map((entry) => entry.photoId);
      const currentOf = this.repo.fieldsOfMany(ids);
      const missing = ids.filter((photoId) => !currentOf.has(photoId));
      const writes: PlannedWrite[] = [];
      for (const { photoId, changes: fields } of entries) {
        const current = currentOf.get(photoId);
        if (!current) continue;
        const next: Partial<Record<CaptionField, FieldValue>> = {};
        for (const [key, raw] of Object.entries(fields)) {
          if (raw === undefined) continue;
          const field = key as CaptionField;
          const value = cleanValue(field, raw);
          if (!sameFieldValue(current[field], value)) next[field] = value;
        }
        if (Object.keys(next).length > 0) writes.push({ photoId, current, next });
      }
      this.followLiveTexts(writes, options.liveTexts);
      if (writes.length > 0) {
        stepId ??= this.repo.startStep(label, who, at, mergeKey);
        if (options.undoable === false) this.repo.setStepState(stepId, 'dropped');
        this.store(writes);
      }
      for (const [photoId, texts] of options.liveTexts ?? []) {
        for (const [field, text] of Object.entries(texts)) {
          setLiveField(this.db, photoId, field as CaptionField, text);
        }
      }
      let changes = 0;
      const recorded: FieldChange[] = [];
      for (const { photoId, current, next } of writes) {
        for (const [key, value] of Object.entries(next)) {
          const field = key as CaptionField;
          const merged =
            merging && stepId !== null && this.repo.mergeChange(stepId, photoId, field, value, at);
          if (!merged) recorded.push({ photoId, field, oldValue: current[field], newValue: value });
          changes++;
        }
      }
      if (stepId !== null) this.repo.recordChanges(stepId, 'edit', recorded, at, who);
      if (missing.length === entries.length && entries.length > 0) {
        throw new CutlineError('not-found', `There is no photo ${missing[0]} in the catalog.`);
      }
      return { photos: writes.length, photoIds: idsOf(writes), changes, stepId, label };
    });
  }

  /**
   * Applies edits made elsewhere (colleagues' edits from the desk) in their order, as
   * `apply` applies one (undoable: false) but many in one transaction: each edit that
   * changes its field is a history row of its own with its author, in a step per author
   * labelled `labelOf(who)` and kept off this editor's undo stack; each photo is stored
   * once with its last values, so the unwritten marks, the IIM-limit flags, live template
   * fields and the search index end as they would after the edits one by one. A member
   * took in a colleague's edits at about 25 a second one `apply` each (a transaction, a
   * step, a caption UPDATE prepared again, per edit); the desk delivers hundreds at once.
   */
  applyInOrder(edits: readonly AuthoredEdit[], labelOf: (who: string) => string): AuthoredOutcome {
    return this.repo.transaction(() => {
      const at = new Date().toISOString();
      const ids = [...new Set(edits.map((edit) => edit.photoId))];
      // A photo with fields that follow template texts takes its edits one by one, so each
      // refill is recorded after the edit that caused it, as the edit's author's.
      const live = hasLiveFields(this.db) ? liveFieldsOf(this.db, ids) : new Map();
      const currentOf = this.repo.fieldsOfMany(ids.filter((id) => !live.has(id)));
      const writes = new Map<number, PlannedWrite>();
      const stepOf = new Map<string, number>();
      const recorded: (FieldChange & { stepId: number; who: string })[] = [];
      const changed = new Set<number>();
      const applied = edits.map(({ photoId, field, value: raw, who }) => {
        if (live.has(photoId)) {
          const outcome = this.apply([{ photoId, changes: { [field]: raw } }], {
            label: labelOf(who),
            who,
            undoable: false,
          });
          if (outcome.changes > 0) changed.add(photoId);
          return outcome.changes > 0;
        }
        const current = currentOf.get(photoId);
        if (!current) return false;
        const write = writes.get(photoId) ?? { photoId, current, next: {} };
        const before = field in write.next ? (write.next[field] as FieldValue) : current[field];
        const value = cleanValue(field, raw);
        if (sameFieldValue(before, value)) return false;
        write.next[field] = value;
        writes.set(photoId, write);
        changed.add(photoId);
        let stepId = stepOf.get(who);
        if (stepId === undefined) {
          stepId = this.repo.startStep(labelOf(who), who, at, null);
          this.repo.setStepState(stepId, 'dropped');
          stepOf.set(who, stepId);
        }
        recorded.push({ photoId, field, oldValue: before, newValue: value, stepId, who });
        return true;
      });
      // Changed and changed back within the batch: nothing to store for that field.
      for (const write of writes.values()) {
        for (const [key, value] of Object.entries(write.next)) {
          const field = key as CaptionField;
          if (sameFieldValue(write.current[field], value)) delete write.next[field];
        }
      }
      this.store([...writes.values()].filter((write) => Object.keys(write.next).length > 0));
      this.repo.recordAuthoredChanges(recorded, at);
      return { applied, photoIds: [...changed] };
    });
  }

  /** One field's values of many photos, by id (photos not in the catalog are left out). */
  values(ids: readonly number[], field: CaptionField): Map<number, FieldValue> {
    const values = new Map<number, FieldValue>();
    for (const [photoId, fields] of this.repo.fieldsOfMany(ids)) values.set(photoId, fields[field]);
    return values;
  }

  /**
   * Makes the copies of fields agree in the files (copies-agree.ts), as one undo step: every
   * field of these photos whose copies disagreed when last read, or only those of `fields`.
   * No value changes; each such field is marked to be written into every copy.
   */
  makeCopiesAgree(ids: readonly number[], fields?: readonly CaptionField[]): AgreeOutcome {
    const label = agreeLabel(fields);
    const who = editorName(this.db);
    return this.repo.transaction(() => {
      const planned = plannedAgreements(this.repo, ids, fields);
      if (planned.length === 0 && ids.length > 0 && !ids.some((id) => this.repo.exists(id))) {
        throw new CutlineError('not-found', `There is no photo ${ids[0]} in the catalog.`);
      }
      const photoIds = [...new Set(planned.map((change) => change.photoId))];
      const byField: AgreeOutcome['byField'] = {};
      for (const { field } of planned) byField[field] = (byField[field] ?? 0) + 1;
      let stepId: number | null = null;
      if (planned.length > 0) {
        const at = new Date().toISOString();
        stepId = this.repo.startStep(label, who, at, null);
        markAgreements(this.repo, planned);
        this.repo.recordChanges(stepId, 'edit', planned, at, who);
      }
      return {
        photos: photoIds.length,
        photoIds: photoIds.slice(0, 1000),
        changes: planned.length,
        stepId,
        label,
        total: new Set(ids).size,
        byField,
      };
    });
  }

  /** Takes back the latest step; null when there is nothing to undo. */
  undo(): EditOutcome | null {
    return this.replay('undo');
  }

  /** Does again the step undone last; null when there is nothing to redo. */
  redo(): EditOutcome | null {
    return this.replay('redo');
  }

  undoState(): UndoState {
    return {
      undo: this.repo.lastDoneStep()?.label ?? null,
      redo: this.repo.firstUndoneStep()?.label ?? null,
    };
  }

  /** A photo's recorded changes, newest first. */
  history(photoId: number, limit = 500): HistoryEntry[] {
    if (!this.repo.exists(photoId)) {
      throw new CutlineError('not-found', `There is no photo ${photoId} in the catalog.`);
    }
    return this.repo.historyOf(photoId, limit).map((row) => ({
      id: row.id,
      photoId: row.photoId,
      field: row.field,
      oldValue: row.oldValue,
      newValue: row.newValue,
      at: row.at,
      who: row.who,
      kind: row.kind,
      label: row.label,
      agree: row.agree,
    }));
  }

  /** Puts back a value from the history (the value before that change, or after it). */
  restore(historyId: number, which: 'before' | 'after'): EditOutcome {
    const entry = this.repo.historyEntry(historyId);
    if (!entry) throw new CutlineError('not-found', `There is no history entry ${historyId}.`);
    const value = which === 'before' ? entry.oldValue : entry.newValue;
    return this.apply([{ photoId: entry.photoId, changes: { [entry.field]: value } }], {
      label: `Restore ${FIELD_LABELS[entry.field]}`,
    });
  }

  /** The fields of a photo not yet written to its file, with the values the file holds. */
  unwritten(photoId: number): Partial<Record<CaptionField, FieldValue>> {
    return this.repo.unwrittenOf(photoId);
  }

  private replay(kind: Exclude<HistoryKind, 'edit'>): EditOutcome | null {
    const who = editorName(this.db);
    return this.repo.transaction(() => {
      const step = kind === 'undo' ? this.repo.lastDoneStep() : this.repo.firstUndoneStep();
      if (!step) return null;
      const at = new Date().toISOString();
      const recorded = this.repo.changesOf(step.id);
      const ordered = kind === 'undo' ? [...recorded].reverse() : recorded;
      // Group by photo so that each photo is written once.
      const targets = new Map<number, Partial<Record<CaptionField, FieldValue>>>();
      for (const change of ordered) {
        const next = targets.get(change.photoId) ?? {};
        next[change.field] = kind === 'undo' ? change.oldValue : change.newValue;
        targets.set(change.photoId, next);
      }
      const currentOf = this.repo.fieldsOfMany([...targets.keys()]);
      const writes: PlannedWrite[] = [];
      for (const [photoId, target] of targets) {
        const current = currentOf.get(photoId);
        if (!current) continue; // the photo left the catalog since
        const next: Partial<Record<CaptionField, FieldValue>> = {};
        for (const [key, value] of Object.entries(target)) {
          if (!sameFieldValue(current[key as CaptionField], value))
            next[key as CaptionField] = value;
        }
        if (Object.keys(next).length > 0) writes.push({ photoId, current, next });
      }
      this.store(writes);
      // Copies made to agree changed no value: their marks are what undo and redo move.
      const agreements = recorded.filter((change) => change.agree);
      const marks =
        agreements.length === 0
          ? []
          : kind === 'undo'
            ? unmarkAgreements(this.repo, agreements)
            : this.markAgain(agreements);
      this.repo.recordChanges(step.id, kind, [...changesOf(writes), ...marks], at, who);
      const touched = [...new Set([...writes, ...marks].map((write) => write.photoId))];
      this.repo.setStepState(step.id, kind === 'undo' ? 'undone' : 'done');
      return {
        photos: touched.length,
        photoIds: touched.slice(0, 1000),
        changes: recorded.length,
        stepId: step.id,
        label: step.label,
      };
    });
  }

  /** Redoes a step's agreements where the copies still disagree and are not marked already. */
  private markAgain(agreements: readonly FieldChange[]): FieldChange[] {
    const pairs = new Set(agreements.map((change) => pairKey(change.photoId, change.field)));
    const ids = [...new Set(agreements.map((change) => change.photoId))];
    const planned = plannedAgreements(this.repo, ids, undefined, pairs);
    markAgreements(this.repo, planned);
    return planned;
  }

  /**
   * Keeps live template values true: a field that follows a template text and depends on a
   * field changed here is filled again in the same step; a live field the user changes by
   * hand stops following its template.
   */
  private followLiveTexts(writes: PlannedWrite[], settingNow: EditOptions['liveTexts']): void {
    if (writes.length === 0 || !hasLiveFields(this.db)) return;
    const liveOf = liveFieldsOf(
      this.db,
      writes.map((write) => write.photoId),
    );
    const photos = photosRepoOf(this.db);
    for (const write of writes) {
      const live = { ...liveOf.get(write.photoId) };
      const setting = settingNow?.get(write.photoId) ?? {};
      for (const field of Object.keys(write.next) as CaptionField[]) {
        if (live[field] !== undefined && setting[field] === undefined) {
          dropLiveField(this.db, write.photoId, field);
          delete live[field];
        }
      }
      const changed = new Set(Object.keys(write.next));
      const followers = (Object.entries(live) as [CaptionField, string][]).filter(
        ([field, text]) =>
          !changed.has(field) && fieldsUsedBy(text).some((used) => changed.has(used)),
      );
      if (followers.length === 0) continue;
      const record = photos.detail(write.photoId)?.record;
      if (!record) continue;
      const context = templateContext({ ...record, ...write.next } as PhotoRecord, 1);
      for (const [field, text] of followers) {
        const value = expandTemplateText(text, context);
        if (!sameFieldValue(write.current[field], value)) write.next[field] = value;
      }
    }
  }

  /**
   * Stores the new values (one set-based write for all photos), and keeps the unwritten
   * markers and the IIM-limit flags true.
   */
  private store(writes: readonly PlannedWrite[]): void {
    this.repo.setValuesMany(
      writes.map(({ photoId, current, next }) => ({
        photoId,
        values: next,
        overIimLimit: fieldsOverIimLimit({ ...current, ...next } as CaptionFields).length > 0,
      })),
    );
    const fileValuesOf = this.repo.unwrittenOfMany(writes.map((write) => write.photoId));
    const departures: [number, CaptionField, FieldValue][] = [];
    for (const { photoId, current, next } of writes) {
      const fileValues = fileValuesOf.get(photoId) ?? {};
      for (const [key, value] of Object.entries(next)) {
        const field = key as CaptionField;
        const fileValue = fileValues[field];
        // The first departure from the file remembers what the file holds.
        if (fileValue === undefined) departures.push([photoId, field, current[field]]);
        else if (sameFieldValue(fileValue, value)) this.repo.clearEdit(photoId, field);
      }
    }
    this.repo.markUnwrittenMany(departures);
  }
}

/** Every field change the writes make, photo by photo, as history records them. */
function changesOf(writes: readonly PlannedWrite[]): FieldChange[] {
  return writes.flatMap(({ photoId, current, next }) =>
    (Object.entries(next) as [CaptionField, FieldValue][]).map(([field, newValue]) => ({
      photoId,
      field,
      oldValue: current[field],
      newValue,
    })),
  );
}
