import type { WatchedFolder } from '../../shared/contract';
import type { CatalogDb } from './catalog-db';

const SELECT = `SELECT path, active, added_at AS addedAt FROM watched_folders`;

type Row = { path: string; active: number; addedAt: string };
const fromRow = (row: Row): WatchedFolder => ({ ...row, active: row.active === 1 });

export function listWatchedFolders(db: CatalogDb): WatchedFolder[] {
  return (db.prepare(`${SELECT} ORDER BY path`).all() as Row[]).map(fromRow);
}

/** Adds a folder to watch (or re-activates it); returns its record. */
export function addWatchedFolder(db: CatalogDb, path: string): WatchedFolder {
  db.prepare(
    `INSERT INTO watched_folders (path, active, added_at) VALUES (?, 1, ?)
     ON CONFLICT (path) DO UPDATE SET active = 1`,
  ).run(path, new Date().toISOString());
  return fromRow(db.prepare(`${SELECT} WHERE path = ?`).get(path) as Row);
}

export function removeWatchedFolder(db: CatalogDb, path: string): boolean {
  return db.prepare('DELETE FROM watched_folders WHERE path = ?').run(path).changes > 0;
}
