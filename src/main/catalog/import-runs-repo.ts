import type { Statement } from 'better-sqlite3';
import type { ImportRunInfo } from '../../shared/contract';
import type { ImportProblem } from '../../shared/model';
import type { CatalogDb } from './catalog-db';
import type { ProcessOwner } from './process-owner';

export interface RunCounts {
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** Statements prepared once per catalog: import calls these once per file. */
const prepared = new WeakMap<CatalogDb, Map<string, Statement>>();

function statement(db: CatalogDb, sql: string): Statement {
  let cache = prepared.get(db);
  if (!cache) {
    cache = new Map();
    prepared.set(db, cache);
  }
  let found = cache.get(sql);
  if (!found) {
    found = db.prepare(sql);
    cache.set(sql, found);
  }
  return found;
}

/** Starts a run owned by `owner` (the process running it) and returns its id. */
export function startRun(
  db: CatalogDb,
  roots: readonly string[],
  owner: ProcessOwner | null = null,
): number {
  const row = db
    .prepare(
      `INSERT INTO import_runs (roots, started_at, state, owner_pid, owner_started_at)
       VALUES (?, ?, 'running', ?, ?) RETURNING id`,
    )
    .get(
      JSON.stringify(roots),
      new Date().toISOString(),
      owner?.pid ?? null,
      owner?.startedAt ?? null,
    ) as {
    id: number;
  };
  return row.id;
}

/** Saves a run's counts as it goes, so a crash leaves an honest record. */
export function updateRunCounts(db: CatalogDb, runId: number, counts: RunCounts): void {
  statement(
    db,
    `UPDATE import_runs SET imported = @imported, updated = @updated, unchanged = @unchanged,
     failed = @failed WHERE id = @runId`,
  ).run({ ...counts, runId });
}

export function finishRun(
  db: CatalogDb,
  runId: number,
  state: 'done' | 'cancelled',
  counts: RunCounts,
): void {
  updateRunCounts(db, runId, counts);
  db.prepare('UPDATE import_runs SET state = ?, finished_at = ? WHERE id = ?').run(
    state,
    new Date().toISOString(),
    runId,
  );
}

/**
 * Runs still marked running when a catalog is opened were cut short (crash, quit) unless
 * their process still runs (another process importing into the same catalog): mark those
 * whose owner `isGone` interrupted, so the UI can offer to resume them.
 */
export function markInterruptedRuns(
  db: CatalogDb,
  isGone: (owner: ProcessOwner) => boolean,
): number {
  return db.transaction(() => {
    const running = db
      .prepare(
        `SELECT id, owner_pid AS pid, owner_started_at AS startedAt FROM import_runs
         WHERE state = 'running'`,
      )
      .all() as { id: number; pid: number | null; startedAt: number | null }[];
    const mark = db.prepare(`UPDATE import_runs SET state = 'interrupted' WHERE id = ?`);
    let marked = 0;
    for (const run of running) {
      const owner = run.pid === null || run.startedAt === null ? null : (run as ProcessOwner);
      if (owner && !isGone(owner)) continue;
      mark.run(run.id);
      marked++;
    }
    return marked;
  })();
}

/**
 * Records that a run found these photos (new, changed, moved or unchanged): the photos of
 * "that import", whatever is added under its folders later.
 */
export function addRunPhotos(db: CatalogDb, runId: number, photoIds: readonly number[]): void {
  if (photoIds.length === 0) return;
  statement(
    db,
    `INSERT OR IGNORE INTO import_run_photos (run_id, photo_id)
     SELECT ?, value FROM json_each(?)`,
  ).run(runId, JSON.stringify(photoIds));
}

/** The latest run's id, or null before the first import. */
export function latestRunId(db: CatalogDb): number | null {
  return (db.prepare('SELECT max(id) AS id FROM import_runs').get() as { id: number | null }).id;
}

export function getRun(db: CatalogDb, runId: number): ImportRunInfo | undefined {
  const row = db.prepare(`${RUN_SELECT} WHERE id = ?`).get(runId) as RunRow | undefined;
  return row ? runFromRow(row) : undefined;
}

export function listRuns(db: CatalogDb, limit = 50): ImportRunInfo[] {
  return (db.prepare(`${RUN_SELECT} ORDER BY id DESC LIMIT ?`).all(limit) as RunRow[]).map(
    runFromRow,
  );
}

/** Records that one file could not be imported, and why. */
export function addProblem(db: CatalogDb, runId: number, path: string, reason: string): void {
  statement(db, 'INSERT INTO import_problems (run_id, path, reason, at) VALUES (?, ?, ?, ?)').run(
    runId,
    path,
    reason,
    new Date().toISOString(),
  );
}

/** A file imported fine now: its older problems are history, not current problems. */
export function clearProblems(db: CatalogDb, path: string): void {
  statement(db, 'DELETE FROM import_problems WHERE path = ?').run(path);
}

/** The latest problem of each file that still has one, newest first. */
export function listProblems(db: CatalogDb, limit: number): ImportProblem[] {
  return db
    .prepare(
      `SELECT path, reason, run_id AS runId, at FROM import_problems
       WHERE id IN (SELECT max(id) FROM import_problems GROUP BY path)
       ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as ImportProblem[];
}

export function countProblems(db: CatalogDb): number {
  return (
    db.prepare('SELECT count(DISTINCT path) AS n FROM import_problems').get() as { n: number }
  ).n;
}

const RUN_SELECT = `SELECT id AS runId, started_at AS startedAt, finished_at AS finishedAt,
  roots, state, imported, updated, unchanged, failed FROM import_runs`;

type RunRow = Omit<ImportRunInfo, 'roots'> & { roots: string };

function runFromRow(row: RunRow): ImportRunInfo {
  return { ...row, roots: JSON.parse(row.roots) as string[] };
}
