import { CutlineError } from '../../shared/result';
import type { CatalogDb } from './catalog-db';
import { FRESH_SCHEMA } from './fresh-schema';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { applySnapshot, isEmptyCatalog } from './schema-snapshot';

/** The schema version a catalog file is at (SQLite's user_version). */
export function schemaVersion(db: CatalogDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the catalog up to `target` (the latest by default), all pending steps in one
 * transaction so that a crash mid-way leaves the old schema intact. A catalog written by a
 * newer Cutline is refused rather than damaged. A new, empty catalog gets the schema the
 * migrations make in one go (fresh-schema.ts: 3 ms against 35 ms of CPU for every migration's
 * DDL, which every first `cutline` command paid), then the migrations newer than that.
 */
export function migrate(db: CatalogDb, target: number = LATEST_VERSION): void {
  for (let i = 1; i < MIGRATIONS.length; i++) {
    if ((MIGRATIONS[i]?.version ?? 0) <= (MIGRATIONS[i - 1]?.version ?? 0)) {
      throw new Error('Catalog migrations must be listed in increasing version order.');
    }
  }
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new CutlineError(
      'unsupported',
      `This catalog was written by a newer version of Cutline (schema ${current}; this version knows up to ${LATEST_VERSION}). Update Cutline to open it.`,
    );
  }
  if (!MIGRATIONS.some((m) => m.version > current && m.version <= target)) return;
  db.transaction(() => {
    // Read again under the write lock: another process may have just migrated this catalog.
    let now = schemaVersion(db);
    if (now === 0 && target >= FRESH_SCHEMA.version && isEmptyCatalog(db)) {
      applySnapshot(db, FRESH_SCHEMA);
      now = FRESH_SCHEMA.version;
    }
    for (const step of MIGRATIONS.filter((m) => m.version > now && m.version <= target)) {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }
  })();
}
