/** Templates (stationery pads) and the live template texts of photos' fields. */
import type { FieldChanges, TemplateInfo } from '../../shared/edits';
import type { CaptionField } from '../../shared/model';
import type { TemplateOptions } from '../../shared/template-options';
import type { CatalogDb } from './catalog-db';

interface RawTemplateRow {
  id: number;
  name: string;
  fields: string;
  options: string;
  updatedAt: string;
}

const decode = (row: RawTemplateRow): TemplateInfo => ({
  id: row.id,
  name: row.name,
  values: JSON.parse(row.fields) as FieldChanges,
  options: JSON.parse(row.options) as TemplateOptions,
  updatedAt: row.updatedAt,
});

const COLUMNS = 'id, name, fields, options, updated_at AS updatedAt';

export function listTemplates(db: CatalogDb): TemplateInfo[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM templates ORDER BY name COLLATE NOCASE`)
    .all() as RawTemplateRow[];
  return rows.map(decode);
}

/** The template of that name (names are compared without case). */
export function findTemplate(db: CatalogDb, name: string): TemplateInfo | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM templates WHERE name = ?`).get(name) as
    | RawTemplateRow
    | undefined;
  return row ? decode(row) : undefined;
}

/** Creates the template or replaces the values and choices of the one with that name. */
export function saveTemplate(
  db: CatalogDb,
  name: string,
  values: FieldChanges,
  options: TemplateOptions = {},
): TemplateInfo {
  const row = db
    .prepare(
      `INSERT INTO templates (name, fields, options, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET fields = excluded.fields, options = excluded.options,
         updated_at = excluded.updated_at
       RETURNING ${COLUMNS}`,
    )
    .get(
      name,
      JSON.stringify(values),
      JSON.stringify(options),
      new Date().toISOString(),
    ) as RawTemplateRow;
  return decode(row);
}

export function deleteTemplate(db: CatalogDb, name: string): boolean {
  return db.prepare('DELETE FROM templates WHERE name = ?').run(name).changes > 0;
}

/** The live template texts of the given photos, by photo. */
export function liveFieldsOf(
  db: CatalogDb,
  photoIds: readonly number[],
): Map<number, Partial<Record<CaptionField, string>>> {
  const result = new Map<number, Partial<Record<CaptionField, string>>>();
  const statement = db.prepare(
    `SELECT photo_id AS id, field, template_text AS text FROM live_fields
     WHERE photo_id IN (SELECT value FROM json_each(?))`,
  );
  for (let i = 0; i < photoIds.length; i += 5000) {
    const rows = statement.all(JSON.stringify(photoIds.slice(i, i + 5000))) as {
      id: number;
      field: CaptionField;
      text: string;
    }[];
    for (const row of rows) {
      const fields = result.get(row.id) ?? {};
      fields[row.field] = row.text;
      result.set(row.id, fields);
    }
  }
  return result;
}

/** Keeps a field following its template text from now on. */
export function setLiveField(db: CatalogDb, photoId: number, field: CaptionField, text: string) {
  db.prepare(
    `INSERT INTO live_fields (photo_id, field, template_text) VALUES (?, ?, ?)
     ON CONFLICT DO UPDATE SET template_text = excluded.template_text`,
  ).run(photoId, field, text);
}

/** The user took the field over: it no longer follows its template. */
export function dropLiveField(db: CatalogDb, photoId: number, field: CaptionField): void {
  db.prepare('DELETE FROM live_fields WHERE photo_id = ? AND field = ?').run(photoId, field);
}

/** True when some photo has a live field (most catalogs have none: skip the lookups). */
export function hasLiveFields(db: CatalogDb): boolean {
  return db.prepare('SELECT 1 AS found FROM live_fields LIMIT 1').get() !== undefined;
}
