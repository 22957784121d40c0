import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogDb } from '../../src/main/catalog/catalog-db';
import { FRESH_SCHEMA } from '../../src/main/catalog/fresh-schema';
import { migrate, schemaVersion } from '../../src/main/catalog/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/catalog/migrations';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { applySnapshot, schemaSnapshot } from '../../src/main/catalog/schema-snapshot';

const folders: string[] = [];
function catalogFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'cutline-fresh-schema-'));
  folders.push(folder);
  return join(folder, 'catalog.sqlite');
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A catalog made the long way: every migration in turn, up to `target`. */
function migratedStepByStep(target = LATEST_VERSION): CatalogDb {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    for (const step of MIGRATIONS.filter((m) => m.version <= target)) {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }
  })();
  return db;
}

/** Everything in a catalog: schema, rows, and the full-text index's own tables. */
function contents(db: CatalogDb) {
  const shadow = (
    db.prepare('PRAGMA table_list').all() as { name: string; type: string; schema: string }[]
  )
    .filter((table) => table.schema === 'main' && table.type === 'shadow')
    .map((table) => table.name)
    .sort();
  return {
    snapshot: schemaSnapshot(db),
    shadow: Object.fromEntries(
      shadow.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]),
    ),
  };
}

describe('a new catalog made from the schema snapshot (fresh-schema.ts)', () => {
  it('is the catalog every migration in turn makes: schema, rows and search index alike', () => {
    const db = openCatalog(catalogFile());
    const long = migratedStepByStep();
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(contents(db)).toEqual(contents(long));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    long.close();
  });

  it('is made by the migrations after it when it is older than the latest migration', () => {
    // A snapshot left behind by a new migration stays right (only slower): simulated with a
    // snapshot one version older than the latest.
    const behind = migratedStepByStep(LATEST_VERSION - 1);
    const old = schemaSnapshot(behind);
    behind.close();
    const db = new Database(catalogFile());
    db.pragma('foreign_keys = ON');
    db.transaction(() => applySnapshot(db, old))();
    migrate(db);
    const long = migratedStepByStep();
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(contents(db)).toEqual(contents(long));
    db.close();
    long.close();
  });

  it('is not used for a catalog asked to stop at an older version (the upgrade tests)', () => {
    const db = openCatalog(catalogFile(), { targetVersion: FRESH_SCHEMA.version - 1 });
    const long = migratedStepByStep(FRESH_SCHEMA.version - 1);
    expect(contents(db)).toEqual(contents(long));
    db.close();
    long.close();
  });

  it('is up to date with the migrations (else: npx tsx scripts/make-fresh-schema.ts)', () => {
    if (FRESH_SCHEMA.version < LATEST_VERSION) {
      // Not a failure: new catalogs are still right, made from the snapshot and then the newer
      // migrations; they only take longer to make.
      console.warn(
        `fresh-schema.ts is at version ${FRESH_SCHEMA.version}, the migrations at ${LATEST_VERSION}: run npx tsx scripts/make-fresh-schema.ts`,
      );
    }
    expect(FRESH_SCHEMA.version).toBeLessThanOrEqual(LATEST_VERSION);
  });
});
