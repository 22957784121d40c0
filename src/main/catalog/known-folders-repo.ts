import type { CatalogDb } from './catalog-db';

/**
 * Every folder (or single file) the user has imported or watched: the roots of all import
 * runs and the watched folders. These are folders the user chose before, in any session.
 */
export function knownFolders(db: CatalogDb): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT root.value AS path FROM import_runs, json_each(import_runs.roots) AS root
       UNION SELECT path FROM watched_folders`,
    )
    .all() as { path: string }[];
  return rows.map((row) => row.path);
}
