/** The distinct values of one caption field across the catalog, with how many photos hold each. */
import { type CaptionField, isListField } from '../../shared/model';
import type { CatalogDb } from './catalog-db';
import { CAPTION_COLUMNS } from './photos-repo';

/** A value of a field and how many photos carry it. */
export interface ValueCount {
  value: string;
  count: number;
}

/** Every distinct non-empty value of a field (each item, for lists), most used first. */
export function countFieldValues(db: CatalogDb, field: CaptionField): ValueCount[] {
  const column = CAPTION_COLUMNS[field];
  const sql = isListField(field)
    ? `SELECT j.value AS value, count(*) AS count FROM captions c, json_each(c.${column}) j
       GROUP BY j.value ORDER BY count DESC, value`
    : `SELECT ${column} AS value, count(*) AS count FROM captions
       WHERE ${column} <> '' GROUP BY ${column} ORDER BY count DESC, value`;
  return db.prepare(sql).all() as ValueCount[];
}
