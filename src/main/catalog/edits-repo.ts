/**
 * The SQL of editing: field values of the captions table one at a time, the unwritten-field
 * markers, the edit steps (undo units) and the field history. The edit service decides; this
 * layer only reads and writes rows.
 */

import {
  CAPTION_FIELDS,
  type CaptionField,
  type CaptionFields,
  type FieldOrigins,
  type FieldValue,
  isListField,
} from '../../shared/model';
import type { CatalogDb } from './catalog-db';
import { CAPTION_COLUMNS } from './photos-repo';

export type StepState = 'done' | 'undone' | 'dropped';
export type HistoryKind = 'edit' | 'undo' | 'redo';

/** Rows per set-based statement: big enough to be fast, small enough to parse in one go. */
const MANY_CHUNK = 5000;

export interface StepRow {
  id: number;
  label: string;
  who: string;
  at: string;
  state: StepState;
  mergeKey: string | null;
}

export interface HistoryRow {
  id: number;
  stepId: number;
  kind: HistoryKind;
  photoId: number;
  field: CaptionField;
  oldValue: FieldValue;
  newValue: FieldValue;
  at: string;
  who: string;
  /** The change made the field's copies agree (its value stayed the same). */
  agree: boolean;
}

interface RawHistoryRow extends Omit<HistoryRow, 'oldValue' | 'newValue' | 'agree'> {
  oldValue: string;
  newValue: string;
  agree: number;
}

const HISTORY_COLUMNS = `id, step_id AS stepId, kind, photo_id AS photoId, field,
  old_value AS oldValue, new_value AS newValue, at, who, agree`;

function decodeHistory(row: RawHistoryRow): HistoryRow {
  return {
    ...row,
    oldValue: JSON.parse(row.oldValue) as FieldValue,
    newValue: JSON.parse(row.newValue) as FieldValue,
    agree: row.agree === 1,
  };
}

/** A field value as its column stores it (lists as JSON arrays). */
function toColumn(field: CaptionField, value: FieldValue): string {
  return isListField(field) ? JSON.stringify(value) : (value as string);
}

function fromColumn(field: CaptionField, value: string): FieldValue {
  return isListField(field) ? (JSON.parse(value) as string[]) : value;
}

function fieldsFromRow(row: Record<string, string | number>): CaptionFields {
  const fields = {} as Record<CaptionField, FieldValue>;
  for (const field of CAPTION_FIELDS) {
    fields[field] = fromColumn(field, String(row[CAPTION_COLUMNS[field]] ?? ''));
  }
  return fields as CaptionFields;
}

/** One field's change, as history records it. */
export interface FieldChange {
  photoId: number;
  field: CaptionField;
  oldValue: FieldValue;
  newValue: FieldValue;
  /** Made the field's copies agree rather than changed its value (old and new are the same). */
  agree?: boolean;
}

/** New values of some fields of one photo, and whether the photo is then over an IIM limit. */
export interface FieldWrite {
  photoId: number;
  values: Partial<Record<CaptionField, FieldValue>>;
  overIimLimit: boolean;
}

/** Prepared statements of editing, made once per catalog. */
export class EditsRepo {
  private readonly statements;

  constructor(private readonly db: CatalogDb) {
    this.statements = {
      markUnwritten: db.prepare(
        `INSERT INTO unwritten_fields (photo_id, field, file_value) VALUES (?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
      clearUnwritten: db.prepare('DELETE FROM unwritten_fields WHERE photo_id = ? AND field = ?'),
      clearEdit: db.prepare(
        'DELETE FROM unwritten_fields WHERE photo_id = ? AND field = ? AND agree = 0',
      ),
      markAgreeMany: db.prepare(
        `INSERT INTO unwritten_fields (photo_id, field, file_value, agree)
         SELECT j.value ->> 0, j.value ->> 1, j.value -> 2, 1 FROM json_each(?) AS j WHERE true
         ON CONFLICT (photo_id, field) DO UPDATE SET agree = 1`,
      ),
      unmarkAgree: db.prepare(
        'UPDATE unwritten_fields SET agree = 0 WHERE photo_id = ? AND field = ?',
      ),
      agreeRows: db.prepare(
        `SELECT photo_id AS id, field FROM unwritten_fields
         WHERE agree = 1 AND photo_id IN (SELECT value FROM json_each(?))`,
      ),
      disagreeingRows: db.prepare(
        `SELECT photo_id AS id, origins FROM captions
         WHERE copies_disagree = 1 AND photo_id IN (SELECT value FROM json_each(?))`,
      ),
      unwrittenOf: db.prepare(
        'SELECT field, file_value AS value FROM unwritten_fields WHERE photo_id = ?',
      ),
      insertStep: db.prepare(
        `INSERT INTO edit_steps (label, who, at, merge_key) VALUES (?, ?, ?, ?) RETURNING id`,
      ),
      dropRedoable: db.prepare(`UPDATE edit_steps SET state = 'dropped' WHERE state = 'undone'`),
      latestStep: db.prepare(
        `SELECT id, label, who, at, state, merge_key AS mergeKey FROM edit_steps
         ORDER BY id DESC LIMIT 1`,
      ),
      lastDone: db.prepare(
        `SELECT id, label, who, at, state, merge_key AS mergeKey FROM edit_steps
         WHERE state = 'done' ORDER BY id DESC LIMIT 1`,
      ),
      firstUndone: db.prepare(
        `SELECT id, label, who, at, state, merge_key AS mergeKey FROM edit_steps
         WHERE state = 'undone' ORDER BY id LIMIT 1`,
      ),
      setStepState: db.prepare('UPDATE edit_steps SET state = ? WHERE id = ?'),
      touchStep: db.prepare('UPDATE edit_steps SET at = ? WHERE id = ?'),
      // Many rows of one step in one statement: a batch records tens of thousands, and a
      // statement run per row cost more than the rows themselves. `->` gives each value's
      // JSON, as JSON.stringify would.
      insertHistoryMany: db.prepare(
        `INSERT INTO field_history
           (step_id, kind, photo_id, field, old_value, new_value, at, who, agree)
         SELECT ?, ?, j.value ->> 0, j.value ->> 1, j.value -> 2, j.value -> 3, ?, ?, j.value ->> 4
         FROM json_each(?) AS j ORDER BY j.key`,
      ),
      // Rows of several steps and authors in their order (edits applied from the desk).
      insertHistoryRows: db.prepare(
        `INSERT INTO field_history
           (step_id, kind, photo_id, field, old_value, new_value, at, who, agree)
         SELECT j.value ->> 5, 'edit', j.value ->> 0, j.value ->> 1, j.value -> 2, j.value -> 3,
           ?, j.value ->> 6, 0
         FROM json_each(?) AS j ORDER BY j.key`,
      ),
      markUnwrittenMany: db.prepare(
        `INSERT INTO unwritten_fields (photo_id, field, file_value)
         SELECT j.value ->> 0, j.value ->> 1, j.value -> 2 FROM json_each(?) AS j WHERE true
         ON CONFLICT DO NOTHING`,
      ),
      mergeHistory: db.prepare(
        `UPDATE field_history SET new_value = ?, at = ?
         WHERE step_id = ? AND kind = 'edit' AND photo_id = ? AND field = ?`,
      ),
      // Arrays of four values: undoing 10,000 photos reads 30,000 of these.
      stepChanges: db
        .prepare(
          `SELECT photo_id, field, old_value, new_value, agree FROM field_history
           WHERE step_id = ? AND kind = 'edit' ORDER BY id`,
        )
        .raw(),
      photoHistory: db.prepare(
        `SELECT h.id, h.step_id AS stepId, h.kind, h.photo_id AS photoId, h.field,
           h.old_value AS oldValue, h.new_value AS newValue, h.at, h.who, h.agree, s.label
         FROM field_history h JOIN edit_steps s ON s.id = h.step_id
         WHERE h.photo_id = ? ORDER BY h.id DESC LIMIT ?`,
      ),
      captionRow: db.prepare('SELECT * FROM captions WHERE photo_id = ?'),
      // Raw rows of named columns: building 10,000 objects of every column costs more than
      // the query itself.
      captionRows: db
        .prepare(
          `SELECT photo_id, ${CAPTION_FIELDS.map((f) => CAPTION_COLUMNS[f]).join(', ')}
           FROM captions WHERE photo_id IN (SELECT value FROM json_each(?))`,
        )
        .raw(true),
      unwrittenRows: db.prepare(
        `SELECT photo_id AS id, field, file_value AS value FROM unwritten_fields
         WHERE photo_id IN (SELECT value FROM json_each(?))`,
      ),
      historyEntry: db.prepare(`SELECT ${HISTORY_COLUMNS} FROM field_history WHERE id = ?`),
      photoExists: db.prepare('SELECT 1 AS found FROM captions WHERE photo_id = ?'),
    };
  }

  exists(photoId: number): boolean {
    return this.statements.photoExists.get(photoId) !== undefined;
  }

  /**
   * Writes new field values and IIM-limit flags of many photos. Every UPDATE of captions
   * rewrites the photo's search-index row, and SQLite does that more than three times faster
   * in one set-based UPDATE than row by row, so the values go through a temporary table and
   * one UPDATE … FROM per set of fields changed.
   */
  setValuesMany(rows: readonly FieldWrite[]): void {
    const groups = new Map<string, FieldWrite[]>();
    for (const row of rows) {
      const key = (Object.keys(row.values) as CaptionField[]).sort().join(',');
      if (!key) continue;
      const group = groups.get(key) ?? [];
      group.push(row);
      groups.set(key, group);
    }
    this.db.exec(
      `CREATE TEMP TABLE IF NOT EXISTS edit_values (photo_id INTEGER PRIMARY KEY, over INTEGER,
        ${CAPTION_FIELDS.map((_, i) => `v${i} TEXT`).join(', ')})`,
    );
    for (const [key, group] of groups) {
      const fields = key.split(',') as CaptionField[];
      const slots = fields.map((field) => `v${CAPTION_FIELDS.indexOf(field)}`);
      this.db.exec('DELETE FROM temp.edit_values');
      const insert = this.db.prepare<unknown[]>(
        `INSERT INTO temp.edit_values (photo_id, over, ${slots.join(', ')})
         VALUES (?, ?, ${slots.map(() => '?').join(', ')})`,
      );
      for (const row of group) {
        const values = fields.map((field) => toColumn(field, row.values[field] as FieldValue));
        insert.run(row.photoId, row.overIimLimit ? 1 : 0, ...values);
      }
      const sets = fields.map((field, i) => `${CAPTION_COLUMNS[field]} = e.${slots[i]}`);
      this.db.exec(
        `UPDATE captions SET ${sets.join(', ')}, over_iim_limit = e.over
         FROM temp.edit_values e WHERE captions.photo_id = e.photo_id`,
      );
    }
  }

  /** Every caption field of many photos, by id (photos not in the catalog are left out). */
  fieldsOfMany(photoIds: readonly number[]): Map<number, CaptionFields> {
    const result = new Map<number, CaptionFields>();
    for (let i = 0; i < photoIds.length; i += 5000) {
      const chunk = JSON.stringify(photoIds.slice(i, i + 5000));
      const rows = this.statements.captionRows.all(chunk) as [number, ...string[]][];
      for (const [photoId, ...values] of rows) {
        const fields = {} as Record<CaptionField, FieldValue>;
        CAPTION_FIELDS.forEach((field, i) => {
          fields[field] = fromColumn(field, values[i] ?? '');
        });
        result.set(photoId, fields as CaptionFields);
      }
    }
    return result;
  }

  /** The unwritten fields of many photos with the values their files hold, by id. */
  unwrittenOfMany(
    photoIds: readonly number[],
  ): Map<number, Partial<Record<CaptionField, FieldValue>>> {
    const result = new Map<number, Partial<Record<CaptionField, FieldValue>>>();
    for (let i = 0; i < photoIds.length; i += 5000) {
      const chunk = JSON.stringify(photoIds.slice(i, i + 5000));
      const rows = this.statements.unwrittenRows.all(chunk) as {
        id: number;
        field: CaptionField;
        value: string;
      }[];
      for (const row of rows) {
        const fields = result.get(row.id) ?? {};
        fields[row.field] = JSON.parse(row.value) as FieldValue;
        result.set(row.id, fields);
      }
    }
    return result;
  }

  /** `markUnwritten` for many fields at once: [photo, field, the file's value] each. */
  markUnwrittenMany(rows: readonly [number, CaptionField, FieldValue][]): void {
    for (let i = 0; i < rows.length; i += MANY_CHUNK) {
      this.statements.markUnwrittenMany.run(JSON.stringify(rows.slice(i, i + MANY_CHUNK)));
    }
  }

  /** Remembers the file's value the first time a field departs from it. */
  markUnwritten(photoId: number, field: CaptionField, fileValue: FieldValue): void {
    this.statements.markUnwritten.run(photoId, field, JSON.stringify(fileValue));
  }

  clearUnwritten(photoId: number, field: CaptionField): void {
    this.statements.clearUnwritten.run(photoId, field);
  }

  /**
   * An edit taken back to the file's value is no longer unwritten, unless the field's copies
   * are also to be made to agree (then the field is still to be written).
   */
  clearEdit(photoId: number, field: CaptionField): void {
    this.statements.clearEdit.run(photoId, field);
  }

  /**
   * Marks fields to be written into every copy of their files: [photo, field, the file's
   * value] each (the value is the file's too when the field has no edit of its own).
   */
  markAgreeMany(rows: readonly [number, CaptionField, FieldValue][]): void {
    for (let i = 0; i < rows.length; i += MANY_CHUNK) {
      this.statements.markAgreeMany.run(JSON.stringify(rows.slice(i, i + MANY_CHUNK)));
    }
  }

  /**
   * Takes back `markAgreeMany` for one field: it stays unwritten only when `edited` (its
   * value is not the file's).
   */
  unmarkAgree(photoId: number, field: CaptionField, edited: boolean): void {
    if (edited) this.statements.unmarkAgree.run(photoId, field);
    else this.statements.clearUnwritten.run(photoId, field);
  }

  /** The fields of many photos marked to have their copies made agree, by id. */
  agreeingOfMany(photoIds: readonly number[]): Map<number, Set<CaptionField>> {
    const result = new Map<number, Set<CaptionField>>();
    for (let i = 0; i < photoIds.length; i += MANY_CHUNK) {
      const chunk = JSON.stringify(photoIds.slice(i, i + MANY_CHUNK));
      for (const row of this.statements.agreeRows.all(chunk) as {
        id: number;
        field: CaptionField;
      }[]) {
        const fields = result.get(row.id) ?? new Set<CaptionField>();
        fields.add(row.field);
        result.set(row.id, fields);
      }
    }
    return result;
  }

  /** What each copy held when last read, of the photos among these whose copies disagree. */
  disagreeingOfMany(photoIds: readonly number[]): Map<number, FieldOrigins> {
    const result = new Map<number, FieldOrigins>();
    for (let i = 0; i < photoIds.length; i += MANY_CHUNK) {
      const chunk = JSON.stringify(photoIds.slice(i, i + MANY_CHUNK));
      const rows = this.statements.disagreeingRows.all(chunk) as { id: number; origins: string }[];
      for (const row of rows) result.set(row.id, JSON.parse(row.origins) as FieldOrigins);
    }
    return result;
  }

  /** The fields of a photo not yet written to its file, with the file's values. */
  unwrittenOf(photoId: number): Partial<Record<CaptionField, FieldValue>> {
    const rows = this.statements.unwrittenOf.all(photoId) as {
      field: CaptionField;
      value: string;
    }[];
    return Object.fromEntries(rows.map((row) => [row.field, JSON.parse(row.value)]));
  }

  /** Starts a new undo step; steps that were undone can no longer be redone. */
  startStep(label: string, who: string, at: string, mergeKey: string | null): number {
    this.statements.dropRedoable.run();
    return (this.statements.insertStep.get(label, who, at, mergeKey) as { id: number }).id;
  }

  latestStep(): StepRow | undefined {
    return this.statements.latestStep.get() as StepRow | undefined;
  }

  lastDoneStep(): StepRow | undefined {
    return this.statements.lastDone.get() as StepRow | undefined;
  }

  firstUndoneStep(): StepRow | undefined {
    return this.statements.firstUndone.get() as StepRow | undefined;
  }

  setStepState(stepId: number, state: StepState): void {
    this.statements.setStepState.run(state, stepId);
  }

  touchStep(stepId: number, at: string): void {
    this.statements.touchStep.run(at, stepId);
  }

  /** Records the changes of one step, in their order. */
  recordChanges(
    stepId: number,
    kind: HistoryKind,
    changes: readonly FieldChange[],
    at: string,
    who: string,
  ): void {
    for (let i = 0; i < changes.length; i += MANY_CHUNK) {
      const rows = changes
        .slice(i, i + MANY_CHUNK)
        .map((change) => [
          change.photoId,
          change.field,
          change.oldValue,
          change.newValue,
          change.agree ? 1 : 0,
        ]);
      this.statements.insertHistoryMany.run(stepId, kind, at, who, JSON.stringify(rows));
    }
  }

  /**
   * Records edit changes each of its own step and author, in the order given (the order
   * the history shows them in, per photo and field).
   */
  recordAuthoredChanges(
    changes: readonly (FieldChange & { stepId: number; who: string })[],
    at: string,
  ): void {
    for (let i = 0; i < changes.length; i += MANY_CHUNK) {
      const rows = changes
        .slice(i, i + MANY_CHUNK)
        .map((c) => [c.photoId, c.field, c.oldValue, c.newValue, 0, c.stepId, c.who]);
      this.statements.insertHistoryRows.run(at, JSON.stringify(rows));
    }
  }

  /** Folds more typing into a merged step's change; false when the step has no such change. */
  mergeChange(
    stepId: number,
    photoId: number,
    field: CaptionField,
    newValue: FieldValue,
    at: string,
  ): boolean {
    return (
      this.statements.mergeHistory.run(JSON.stringify(newValue), at, stepId, photoId, field)
        .changes > 0
    );
  }

  /** The edits a step made, oldest first. */
  changesOf(stepId: number): FieldChange[] {
    const rows = this.statements.stepChanges.all(stepId) as [
      number,
      CaptionField,
      string,
      string,
      number,
    ][];
    return rows.map(([photoId, field, oldValue, newValue, agree]) => ({
      photoId,
      field,
      oldValue: JSON.parse(oldValue) as FieldValue,
      newValue: JSON.parse(newValue) as FieldValue,
      agree: agree === 1,
    }));
  }

  /** A photo's history, newest first, with what the user did each time. */
  historyOf(photoId: number, limit: number): (HistoryRow & { label: string })[] {
    const rows = this.statements.photoHistory.all(photoId, limit) as (RawHistoryRow & {
      label: string;
    })[];
    return rows.map((row) => ({ ...decodeHistory(row), label: row.label }));
  }

  /** Every caption field of one photo (undefined when there is no such photo). */
  fieldsOf(photoId: number): CaptionFields | undefined {
    const row = this.statements.captionRow.get(photoId) as Record<string, string> | undefined;
    return row ? fieldsFromRow(row) : undefined;
  }

  historyEntry(id: number): HistoryRow | undefined {
    const row = this.statements.historyEntry.get(id) as RawHistoryRow | undefined;
    return row ? decodeHistory(row) : undefined;
  }

  /** Runs `work` in one transaction (an edit is stored whole or not at all). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
