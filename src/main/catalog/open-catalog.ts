import { linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { CatalogDb } from './catalog-db';
import { takeWriteLockAtBegin } from './immediate-transactions';
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
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Several processes may write one catalog (the app, serve, write, import): a writer waits
    // its turn rather than fail, and write transactions take the lock at BEGIN. The wait
    // blocks the thread (the app's main process too), so it is bounded: with the retries of
    // immediate-transactions.ts at most ≈16 s, after which the edit stays queued and the
    // window says so. Other writers hold the lock for milliseconds, a batch for about one.
    db.pragma('busy_timeout = 5000');
    takeWriteLockAtBegin(db);
    // The search index's pages are many; with SQLite's default 2 MB cache a batch edit of
    // thousands of photos evicts and re-reads them (measured: 3× slower reads).
    db.pragma('cache_size = -65536');
    migrate(db, options.targetVersion);
  } catch (error) {
    // A damaged or read-only file: the caller salvages or reports it, with the file let go.
    db.close();
    throw error;
  }
  return db;
}

/**
 * Makes a new, empty catalog file at `file` unless one appeared meanwhile: built under a name
 * of this process's own and linked into place whole, so that no process ever sees the
 * catalog as the empty file SQLite starts from (which a later start must take for damage).
 */
export function createCatalogFile(file: string, options: OpenCatalogOptions = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  const building = `${file}.new-${process.pid}`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  openCatalog(building, options).close();
  try {
    // link(2) never replaces: when another process made the catalog first, theirs stays.
    linkSync(building, file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') renameSync(building, file);
    else if (code !== 'EEXIST') throw error;
  } finally {
    rmSync(building, { force: true });
  }
}

/**
 * After an import, refreshes the statistics the planner uses to pick the search filters'
 * partial indexes. Only the catalog's own tables: statistics taken of the full-text index's
 * shadow tables while they are nearly empty made later inserts slow down quadratically
 * (measured: 8,000 → 2,400 photos/s over 20,000 inserts), as does `PRAGMA optimize` run on
 * an empty catalog. A sampled ANALYZE costs milliseconds.
 */
export function refreshPlannerStatistics(db: CatalogDb): void {
  db.pragma('analysis_limit = 1000');
  db.exec('ANALYZE photos; ANALYZE captions;');
}
