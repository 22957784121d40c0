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

/** The roots of import runs (folders or single files), the most recently imported first. */
export function recentImportRoots(db: CatalogDb, limit: number): string[] {
  const rows = db
    .prepare(
      `SELECT root.value AS path, max(import_runs.started_at) AS latest
       FROM import_runs, json_each(import_runs.roots) AS root
       GROUP BY root.value ORDER BY latest DESC, path LIMIT ?`,
    )
    .all(limit) as { path: string }[];
  return rows.map((row) => row.path);
}
