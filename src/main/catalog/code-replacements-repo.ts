/** The user's code replacements (`kju` → `Kim Jong Un`), kept in the catalog. */
import type { CatalogDb } from './catalog-db';

export interface CodeReplacementRow {
  code: string;
  replacements: string[];
}

export function listCodeReplacements(db: CatalogDb): CodeReplacementRow[] {
  const rows = db
    .prepare('SELECT code, replacements FROM code_replacements ORDER BY code')
    .all() as { code: string; replacements: string }[];
  return rows.map((row) => ({ code: row.code, replacements: JSON.parse(row.replacements) }));
}

/** Adds or replaces codes; with `replaceAll` the list becomes exactly `entries`. */
export function storeCodeReplacements(
  db: CatalogDb,
  entries: readonly CodeReplacementRow[],
  replaceAll: boolean,
): number {
  const upsert = db.prepare(
    `INSERT INTO code_replacements (code, replacements) VALUES (?, ?)
     ON CONFLICT (code) DO UPDATE SET replacements = excluded.replacements`,
  );
  return db.transaction(() => {
    if (replaceAll) db.prepare('DELETE FROM code_replacements').run();
    for (const entry of entries) upsert.run(entry.code, JSON.stringify(entry.replacements));
    return entries.length;
  })();
}

export function deleteCodeReplacement(db: CatalogDb, code: string): boolean {
  return db.prepare('DELETE FROM code_replacements WHERE code = ?').run(code).changes > 0;
}
