import type { CatalogDb } from './catalog-db';

/** True when `path` is a photo the catalog holds or the .xmp sidecar of one. */
export function isCatalogedFile(db: CatalogDb, path: string): boolean {
  const row = db
    .prepare(
      `SELECT 1 FROM photos WHERE path = ?
       UNION ALL SELECT 1 FROM photos WHERE sidecar_path = ? LIMIT 1`,
    )
    .get(path, path);
  return row !== undefined;
}
