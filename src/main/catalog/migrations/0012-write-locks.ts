import type { CatalogDb } from '../catalog-db';

/**
 * One process writes a photo's file at a time: the app, `cutline serve` and `cutline write`
 * may run at once on one catalog. A photo being written has a row naming the process (its
 * pid and when it started, against a reused pid) until its write is settled; the row of a
 * process that died, or one past its expiry, may be taken over.
 */
export default function migrate0012WriteLocks(db: CatalogDb): void {
  db.exec(`
    CREATE TABLE write_locks (
      photo_id INTEGER PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
      owner_pid INTEGER NOT NULL,
      -- Milliseconds since 1970 at which the owning process started.
      owner_started_at REAL NOT NULL,
      -- Milliseconds since 1970 after which the lock may be taken whoever holds it.
      expires_at REAL NOT NULL
    ) STRICT;
  `);
}
