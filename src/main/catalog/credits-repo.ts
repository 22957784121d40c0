import type { CatalogDb } from './catalog-db';

/** The credit-bearing fields the credit directory reads and normalises. */
export type CreditField = 'creators' | 'creditLine' | 'source';

const COLUMN: Record<Exclude<CreditField, 'creators'>, string> = {
  creditLine: 'credit_line',
  source: 'source',
};

/** A Credit Line and Source pair and its photo count. */
export interface CreditPairCount {
  creditLine: string;
  source: string;
  count: number;
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
