/**
 * Makes src/main/catalog/fresh-schema.ts: the schema (and rows) every migration makes, as the
 * statements a new catalog is created with in one go (migrate.ts). Run it after adding a
 * migration:
 *   npx tsx scripts/make-fresh-schema.ts
 * A snapshot left behind is still right, only slower: a new catalog gets it, then the newer
 * migrations (tests/catalog/fresh-schema.test.ts checks that both ways give the same catalog).
 */
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS } from '../src/main/catalog/migrations';
import { schemaSnapshot } from '../src/main/catalog/schema-snapshot';

const db = new Database(':memory:');
db.pragma('foreign_keys = ON');
db.transaction(() => {
  for (const step of MIGRATIONS) {
    step.up(db);
    db.pragma(`user_version = ${step.version}`);
  }
})();
const snapshot = schemaSnapshot(db);
db.close();
if (snapshot.version !== LATEST_VERSION)
  throw new Error('the migrations did not reach the latest version');
const out = new URL('../src/main/catalog/fresh-schema.ts', import.meta.url);
writeFileSync(
  out,
  `// Made by scripts/make-fresh-schema.ts from migrations 1–${snapshot.version}: do not edit; run it again
// after adding a migration (a new catalog gets this schema, then the migrations after it).
import type { SchemaSnapshot } from './schema-snapshot';

/** The schema every migration up to version ${snapshot.version} makes, for new catalogs (migrate.ts). */
export const FRESH_SCHEMA: SchemaSnapshot = {
  version: ${snapshot.version},
  statements: ${JSON.stringify(snapshot.statements, null, 2).replaceAll('\n', '\n  ')},
};
`,
);
console.log(
  `${out.pathname}: version ${snapshot.version}, ${snapshot.statements.length} statements`,
);
