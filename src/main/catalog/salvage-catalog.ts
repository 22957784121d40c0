/**
 * Salvage of a damaged catalog: every row SQLite can still read, table by table, copied into
 * a new catalog made by the migrations. A table whose scan stops at a damaged page is read
 * on by key ranges, bisected down to single rows around the damage, so one bad page costs
 * only the rows on it. The search index is not copied: the new catalog's triggers rebuild it
 * from the salvaged captions.
 */
import { closeSync, fsyncSync, openSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { CatalogDb } from './catalog-db';
import { migrate, schemaVersion } from './migrate';
import { LATEST_VERSION } from './migrations';
import { openCatalog } from './open-catalog';

/** What became of one table's rows. */
export interface TableSalvage {
  table: string;
  saved: number;
  /** Rows the damaged catalog held that are not in the new one; null when unknown (its
   * count could not be read either, and some of its pages could not). */
  lost: number | null;
}

export interface SalvageReport {
  tables: TableSalvage[];
}

/** Key ranges read at a time once a table's plain scan has failed. */
const RANGE = 1024;
/**
 * Where a table's largest key cannot be read either, ranges past the last key read are
 * searched until this many in a row hold no readable row (its last page is damaged, and
 * every range beyond fails as much as one holding rows would).
 */
const BLIND_EMPTY_RANGES = 4;

/** Tables whose rows mean nothing once the processes that made them are gone. */
const TRANSIENT_TABLES = new Set(['write_locks']);

type Row = Record<string, unknown>;

/**
 * Copies what `sourceFile` (a damaged catalog, opened read-only and never changed) still
 * holds into a new catalog at `targetFile` (replaced if present), brought to the latest
 * schema, flushed to disk and closed. `onTable` is told before each table (progress, tests).
 */
export function salvageCatalog(
  sourceFile: string,
  targetFile: string,
  options: { nativeBinding?: string; onTable?: (table: string) => void } = {},
): SalvageReport {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(targetFile + suffix, { force: true });
  const source = openSource(sourceFile, options.nativeBinding);
  try {
    const version = sourceVersion(source);
    // Rows are copied into the schema they were written for, then migrated like any catalog.
    const target = openCatalog(targetFile, {
      nativeBinding: options.nativeBinding,
      targetVersion: version,
    });
    try {
      // A crash mid-salvage leaves only a temporary file that the next start throws away, so
      // nothing is flushed until the end.
      target.pragma('synchronous = OFF');
      const sourceTables = source ? tableNames(source) : null;
      const report: SalvageReport = { tables: [] };
      for (const table of copyOrder(target)) {
        options.onTable?.(table);
        report.tables.push(
          source && sourceTables?.has(table)
            ? salvageTable(source, target, table)
            : { table, saved: 0, lost: sourceTables ? 0 : null },
        );
      }
      migrate(target);
      target.pragma('wal_checkpoint(TRUNCATE)');
      return report;
    } finally {
      target.close();
      flushFile(targetFile);
    }
  } finally {
    source?.close();
  }
}

/** The damaged file opened read-only, or null when SQLite cannot read even its header. */
function openSource(file: string, nativeBinding?: string): CatalogDb | null {
  try {
    const db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    db.pragma('query_only = ON');
    return db;
  } catch {
    return null;
  }
}

function sourceVersion(source: CatalogDb | null): number {
  if (!source) return LATEST_VERSION;
  const version = attempt(() => schemaVersion(source));
  // An unreadable or newer version: salvage into today's schema, by the columns both know.
  return version === undefined || version > LATEST_VERSION || version < 1
    ? LATEST_VERSION
    : version;
}

function tableNames(db: CatalogDb): Set<string> | null {
  const rows = attempt(
    () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Row[],
  );
  return rows ? new Set(rows.map((row) => String(row.name))) : null;
}

/**
 * The target's own tables, parents before the tables that refer to them, without the
 * search index and its shadow tables (rebuilt by triggers) or SQLite's own.
 */
function copyOrder(target: CatalogDb): string[] {
  const rows = target
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .all() as { name: string; sql: string }[];
  const virtual = rows.filter((row) => /^CREATE VIRTUAL/i.test(row.sql)).map((row) => row.name);
  const tables = rows
    .map((row) => row.name)
    .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)))
    .filter((name) => !TRANSIENT_TABLES.has(name));
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    const parents = target.pragma(`foreign_key_list(${quote(table)})`) as { table: string }[];
    for (const parent of parents) if (tables.includes(parent.table)) visit(parent.table, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

interface TableShape {
  /** Columns both catalogs have. */
  columns: string[];
  /** What the rows are ordered and ranged by: the rowid, or an integer first key column. */
  key: string | null;
}

function shapeOf(source: CatalogDb, target: CatalogDb, table: string): TableShape | null {
  const info = (db: CatalogDb) =>
    attempt(
      () =>
        db.pragma(`table_info(${quote(table)})`) as { name: string; pk: number; type: string }[],
    );
  const sourceColumns = info(source);
  const targetColumns = info(target);
  if (!sourceColumns || !targetColumns) return null;
  const known = new Set(sourceColumns.map((column) => column.name));
  const columns = targetColumns.map((column) => column.name).filter((name) => known.has(name));
  const withoutRowid = attempt(
    () =>
      source
        .prepare('SELECT 1 FROM sqlite_master WHERE name = ? AND sql LIKE ?')
        .get(table, '%WITHOUT ROWID%') !== undefined,
  );
  const firstKey = sourceColumns.find((column) => column.pk === 1);
  const key = withoutRowid
    ? firstKey && /INT/i.test(firstKey.type)
      ? quote(firstKey.name)
      : null
    : 'rowid';
  return { columns, key };
}

/** Copies one table's readable rows; counts what was saved and, where it can, what was lost. */
function salvageTable(source: CatalogDb, target: CatalogDb, table: string): TableSalvage {
  const shape = shapeOf(source, target, table);
  if (!shape || shape.columns.length === 0)
    return { table, saved: 0, lost: countOf(source, table) };
  const names = shape.columns.map(quote).join(', ');
  const insert = target.prepare(
    `INSERT INTO ${quote(table)} (${names}) VALUES (${shape.columns.map(() => '?').join(', ')})`,
  );
  const keyAs = shape.key ? `${shape.key} AS "cutline salvage key", ` : '';
  const select = `SELECT ${keyAs}${names} FROM ${quote(table)}`;
  let saved = 0;
  let refused = 0;
  let lastKey: number | null = null;
  let scanFailed = false;
  const store = (row: Row) => {
    const key = row['cutline salvage key'];
    if (typeof key === 'number') lastKey = key;
    try {
      insert.run(...shape.columns.map((column) => row[column]));
      saved++;
    } catch {
      // A row whose parent was lost (or that breaks a rule the damage hid) stays behind.
      refused++;
    }
  };
  target.transaction(() => {
    try {
      const order = shape.key ? ` ORDER BY ${shape.key}` : '';
      for (const row of source.prepare(`${select}${order}`).iterate() as Iterable<Row>) store(row);
    } catch {
      scanFailed = true;
    }
    if (scanFailed && shape.key) {
      const largest = largestKey(source, table, shape.key);
      readByRanges(source, `${select} WHERE ${shape.key} >= ? AND ${shape.key} < ?`, {
        from: lastKey === null ? Number.MIN_SAFE_INTEGER : lastKey + 1,
        to: largest ?? Number.MAX_SAFE_INTEGER,
        blind: largest === null,
        store,
      });
    }
  })();
  const expected = countOf(source, table);
  const lost = expected !== null ? Math.max(0, expected - saved) : scanFailed ? null : refused;
  return { table, saved, lost };
}

/**
 * Reads rows by key ranges; a range that fails is halved until the failing part is a single
 * key, which is given up (it lies on a damaged page).
 */
function readByRanges(
  source: CatalogDb,
  sql: string,
  range: { from: number; to: number; blind: boolean; store: (row: Row) => void },
): void {
  const statement = source.prepare(sql);
  /** Reads [from, to); answers how many rows it found. */
  const read = (from: number, to: number): number => {
    let rows: Row[];
    try {
      rows = statement.all(from, to) as Row[];
    } catch {
      if (to - from <= 1) return 0;
      const middle = from + Math.floor((to - from) / 2);
      return read(from, middle) + read(middle, to);
    }
    for (const row of rows) range.store(row);
    return rows.length;
  };
  // Keys below 1 (never given by the catalog, possible by hand) are tried once, not bisected:
  // every range left of a damaged first page fails, and halving them would never end.
  let from = range.from;
  if (from < 1) {
    try {
      for (const row of statement.all(from, 1) as Row[]) range.store(row);
    } catch {
      // Given up.
    }
    from = 1;
  }
  for (let empty = 0; from <= range.to; from += RANGE) {
    const found = read(from, Math.min(from + RANGE, range.to + 1));
    empty = found > 0 ? 0 : empty + 1;
    if (range.blind && empty >= BLIND_EMPTY_RANGES) return;
  }
}

/** The table's largest key, or null when that cannot be read. */
function largestKey(source: CatalogDb, table: string, key: string): number | null {
  const largest = attempt(
    () =>
      (source.prepare(`SELECT max(${key}) AS n FROM ${quote(table)}`).get() as { n: number | null })
        .n,
  );
  return typeof largest === 'number' ? largest : null;
}

/** How many rows the damaged table holds (SQLite counts through an index when it can). */
function countOf(source: CatalogDb, table: string): number | null {
  const counted = attempt(
    () => (source.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n,
  );
  return counted ?? null;
}

/** The value `read` answers, or undefined when the damage made it throw. */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** A table or column name as an SQL identifier (names come from the catalogs' own schema). */
function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The new catalog's bytes on disk before it is renamed into place. */
function flushFile(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
