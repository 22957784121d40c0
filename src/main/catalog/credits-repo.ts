import type { CatalogDb } from './catalog-db';

/** The credit-bearing fields the credit directory reads and normalises. */
export type CreditField = 'creators' | 'creditLine' | 'source';

const COLUMN: Record<Exclude<CreditField, 'creators'>, string> = {
  creditLine: 'credit_line',
  source: 'source',
};

/** A value of a credit field and how many photos carry it. */
export interface ValueCount {
  value: string;
  count: number;
}

/** A Credit Line and Source pair and its photo count. */
export interface CreditPairCount {
  creditLine: string;
  source: string;
  count: number;
}

/** Every distinct value of a field with its photo count, most used first. */
export function countFieldValues(db: CatalogDb, field: CreditField): ValueCount[] {
  const sql =
    field === 'creators'
      ? `SELECT j.value AS value, count(*) AS count FROM captions c, json_each(c.creators) j
         GROUP BY j.value ORDER BY count DESC, value`
      : `SELECT ${COLUMN[field]} AS value, count(*) AS count FROM captions
         WHERE ${COLUMN[field]} <> '' GROUP BY ${COLUMN[field]} ORDER BY count DESC, value`;
  return db.prepare(sql).all() as ValueCount[];
}

/** Each Credit Line and Source pair the catalog holds, with how many photos carry it. */
export function countCreditPairs(db: CatalogDb): CreditPairCount[] {
  return db
    .prepare(
      `SELECT credit_line AS creditLine, source, count(*) AS count FROM captions
       WHERE credit_line <> '' OR source <> '' GROUP BY credit_line, source`,
    )
    .all() as CreditPairCount[];
}

/** Ids of the photos whose field holds exactly `value` (as one of its creators, for lists). */
export function photosWithValue(db: CatalogDb, field: CreditField, value: string): number[] {
  const sql =
    field === 'creators'
      ? `SELECT c.photo_id AS id FROM captions c
         WHERE EXISTS (SELECT 1 FROM json_each(c.creators) WHERE value = ?)`
      : `SELECT photo_id AS id FROM captions WHERE ${COLUMN[field]} = ?`;
  return (db.prepare(sql).all(value) as { id: number }[]).map((row) => row.id);
}

/**
 * Replaces one spelling with another everywhere in the catalog, in one transaction; returns
 * how many photos changed. A creator keeps its place in each photo's list.
 */
export function replaceFieldValue(
  db: CatalogDb,
  field: CreditField,
  from: string,
  to: string,
): number {
  const sql =
    field === 'creators'
      ? `UPDATE captions SET creators = (
           SELECT json_group_array(CASE WHEN value = @from THEN @to ELSE value END)
           FROM json_each(captions.creators))
         WHERE EXISTS (SELECT 1 FROM json_each(captions.creators) WHERE value = @from)`
      : `UPDATE captions SET ${COLUMN[field]} = @to WHERE ${COLUMN[field]} = @from`;
  return db.transaction(() => db.prepare(sql).run({ from, to }).changes)();
}
