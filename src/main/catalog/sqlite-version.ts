import type { CatalogDb } from './catalog-db';

/** The SQLite library the catalog runs on (for the About box and bug reports). */
export function sqliteVersion(db: CatalogDb): string {
  return (db.prepare('SELECT sqlite_version() AS version').get() as { version: string }).version;
}
