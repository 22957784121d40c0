import type { CatalogDb } from '../catalog-db';

/** Settings that travel with the catalog (house credit style, user agencies, …). */
export default function migrate0005Settings(db: CatalogDb): void {
  db.exec(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT;
  `);
}
