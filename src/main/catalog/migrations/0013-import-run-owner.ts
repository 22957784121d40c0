import type { CatalogDb } from '../catalog-db';

/**
 * Which process runs an import: several processes may import into one catalog at once, and
 * one starting must mark as interrupted only the runs whose process is gone, not another's
 * import still running. Older runs have no owner (they are taken as gone).
 */
export default function migrate0013ImportRunOwner(db: CatalogDb): void {
  db.exec(`
    ALTER TABLE import_runs ADD COLUMN owner_pid INTEGER;
    -- Milliseconds since 1970 at which the owning process started.
    ALTER TABLE import_runs ADD COLUMN owner_started_at REAL;
  `);
}
