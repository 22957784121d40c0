import type { CatalogDb } from '../catalog-db';

/** Import runs (so an interrupted one can be seen and resumed) and per-file problems. */
export default function migrate0002ImportRuns(db: CatalogDb): void {
  db.exec(`
    CREATE TABLE import_runs (
      id INTEGER PRIMARY KEY,
      roots TEXT NOT NULL CHECK (json_valid(roots)),
      started_at TEXT NOT NULL,
      finished_at TEXT,
      state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'interrupted')),
      imported INTEGER NOT NULL DEFAULT 0,
      updated INTEGER NOT NULL DEFAULT 0,
      unchanged INTEGER NOT NULL DEFAULT 0,
      failed INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE import_problems (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      reason TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX import_problems_path ON import_problems (path);

    CREATE TABLE watched_folders (
      path TEXT PRIMARY KEY,
      active INTEGER NOT NULL DEFAULT 1,
      added_at TEXT NOT NULL
    ) STRICT;
  `);
}
