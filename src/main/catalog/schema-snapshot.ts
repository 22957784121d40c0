import type { CatalogDb } from './catalog-db';

/**
 * A catalog's schema and the rows its migrations left, as the statements that make them again
 * in an empty file: what `fresh-schema.ts` holds for new catalogs, and what the test compares.
 */
export interface SchemaSnapshot {
  /** The schema version (user_version) the statements bring an empty file to. */
  version: number;
  statements: string[];
}

interface SchemaEntry {
  type: string;
  name: string;
  sql: string;
}

/** A value as an SQL literal. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
  return `'${String(value).replaceAll("'", "''")}'`;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Reads `db`'s schema in the order it was made (tables before the triggers and indexes on
 * them), without SQLite's own tables and the shadow tables a full-text index makes for itself;
 * then the rows of every table, and the options set on each full-text index (its automerge).
 */
export function schemaSnapshot(db: CatalogDb): SchemaSnapshot {
  const shadow = new Set(
    (db.prepare('PRAGMA table_list').all() as { name: string; type: string; schema: string }[])
      .filter((table) => table.schema === 'main' && table.type === 'shadow')
      .map((table) => table.name),
  );
  const entries = (
    db
      .prepare(
        `SELECT type, name, sql FROM sqlite_schema
         WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid`,
      )
      .all() as SchemaEntry[]
  ).filter((entry) => !shadow.has(entry.name));
  const statements = entries.map((entry) => entry.sql);
  for (const entry of entries) {
    if (entry.type !== 'table') continue;
    if (/^CREATE VIRTUAL TABLE/i.test(entry.sql)) {
      if (!/USING\s+fts5/i.test(entry.sql)) throw new Error(`cannot snapshot ${entry.name}`);
      const options = db
        .prepare(`SELECT k, v FROM ${quoted(`${entry.name}_config`)} WHERE k <> 'version'`)
        .all() as { k: string; v: unknown }[];
      for (const { k, v } of options) {
        statements.push(
          `INSERT INTO ${quoted(entry.name)} (${quoted(entry.name)}, rank) VALUES (${literal(k)}, ${literal(v)})`,
        );
      }
      continue;
    }
    for (const row of db.prepare(`SELECT * FROM ${quoted(entry.name)}`).all() as Record<
      string,
      unknown
    >[]) {
      const columns = Object.keys(row);
      statements.push(
        `INSERT INTO ${quoted(entry.name)} (${columns.map(quoted).join(', ')}) VALUES (${columns.map((c) => literal(row[c])).join(', ')})`,
      );
    }
  }
  const hasSequence = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'")
    .get();
  if (hasSequence) {
    for (const { name, seq } of db.prepare('SELECT name, seq FROM sqlite_sequence').all() as {
      name: string;
      seq: number;
    }[]) {
      // The rows above set it too, to their largest id; a migration may have set it higher.
      statements.push(
        `DELETE FROM sqlite_sequence WHERE name = ${literal(name)}`,
        `INSERT INTO sqlite_sequence (name, seq) VALUES (${literal(name)}, ${literal(seq)})`,
      );
    }
  }
  return { version: db.pragma('user_version', { simple: true }) as number, statements };
}

/** True when `db` is a file no schema was ever put in (SQLite's empty start). */
export function isEmptyCatalog(db: CatalogDb): boolean {
  return db.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get() === undefined;
}

/** Makes the snapshot's schema and rows in an empty catalog, inside the caller's transaction. */
export function applySnapshot(db: CatalogDb, snapshot: SchemaSnapshot): void {
  for (const statement of snapshot.statements) db.exec(statement);
  db.pragma(`user_version = ${snapshot.version}`);
}
