import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { CatalogDb } from './catalog-db';
import { migrate } from './migrate';

export interface OpenCatalogOptions {
  /** A better-sqlite3 addon built for another ABI (Electron's), kept outside node_modules. */
  nativeBinding?: string;
  /** Stop before this schema version (tests of the upgrade path). */
  targetVersion?: number;
}

/**
 * Opens (creating when needed) a catalog file and brings its schema up to date. WAL lets the
 * app and the CLI read the same catalog while one of them writes.
 */
export function openCatalog(file: string, options: OpenCatalogOptions = {}): CatalogDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, options.targetVersion);
  // Cheap when statistics are fresh; gives the planner what it needs to pick the partial
  // indexes of the search filters (https://sqlite.org/pragma.html#pragma_optimize).
  db.pragma('optimize = 0x10002');
  return db;
}

/** After a large change (an import), lets SQLite refresh the statistics its planner uses. */
export function refreshPlannerStatistics(db: CatalogDb): void {
  db.pragma('optimize');
}
