/**
 * A damaged catalog, really damaged on disk (a garbage header; a b-tree page overwritten),
 * is found at start by the quick check, kept whole with its name saying when, what can be read
 * of it is salvaged into a new catalog (tests/integration/catalog-salvage.test.ts goes table by
 * table), and the user is told: as a notice (app, bridge) and on stderr (CLI).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickCheckCatalog } from '../../src/main/catalog/check-catalog';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { openCheckedCatalog } from '../../src/main/services/catalog-health';
import { startServices } from '../../src/main/services/cutline-services';

const ROOT = join(import.meta.dirname, '..', '..');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-damaged-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A real catalog with enough rows to span many pages, folded out of WAL and closed. */
function makeCatalog(name: string): string {
  const file = join(root, name, 'catalog.sqlite');
  const db = openCatalog(file);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`row ${i} ${'x'.repeat(200)}`);
  })();
  db.pragma('journal_mode = DELETE');
  db.close();
  return file;
}

/** Overwrites `length` bytes at `offset` with a pattern no SQLite page has. */
async function scribble(file: string, offset: number, length: number): Promise<void> {
  const handle = await open(file, 'r+');
  await handle.write(Buffer.alloc(length, 0xa5), 0, length, offset);
  await handle.close();
}

function asideFiles(file: string): string[] {
  const dir = join(file, '..');
  return readdirSync(dir).filter(
    (name) => name.startsWith('catalog.sqlite.damaged-') && !/-(wal|shm)$/.test(name),
  );
}

describe('the catalog check at start', () => {
  it('leaves a healthy catalog where it is', () => {
    const file = makeCatalog('healthy');
    expect(quickCheckCatalog(file)).toEqual({ ok: true });
    const { db, damaged } = openCheckedCatalog(file);
    db.close();
    expect(damaged).toBeNull();
    expect(asideFiles(file)).toEqual([]);
  });

  it('moves aside a file whose header is garbage, and starts a new catalog', async () => {
    const file = makeCatalog('header');
    await scribble(file, 0, 100);
    const broken = readFileSync(file);
    const { db, damaged } = openCheckedCatalog(file);
    expect(damaged?.problem).toMatch(/not a database/i);
    expect(damaged?.movedTo).toMatch(/catalog\.sqlite\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    // The damaged copy is kept byte for byte; the new catalog is empty and usable.
    expect(readFileSync(damaged!.movedTo).equals(broken)).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM photos').get()).toEqual({ n: 0 });
    db.close();
    expect(damaged?.message).toContain(damaged!.movedTo);
  });

  it('finds a damaged b-tree page that opening alone would not notice', async () => {
    const file = makeCatalog('page');
    // A leaf page of the filler table, wherever the migrations' own tables put it.
    const probe = new Database(file, { readonly: true });
    const leaves = probe
      .prepare("SELECT pageno FROM dbstat WHERE name = 'filler' AND pagetype = 'leaf'")
      .all() as { pageno: number }[];
    probe.close();
    const page = leaves[Math.floor(leaves.length / 2)]!.pageno;
    await scribble(file, 4096 * (page - 1) + 8, 2000);
    const check = quickCheckCatalog(file);
    expect(check.ok).toBe(false);
    const { db, damaged } = openCheckedCatalog(file);
    db.close();
    expect(damaged).not.toBeNull();
    expect(asideFiles(file)).toHaveLength(1);
  });

  it('tells the app and the bridge with a notice', async () => {
    const file = makeCatalog('notice');
    await scribble(file, 0, 100);
    const services = startServices(file, { workers: 0 });
    try {
      const [notice] = services.notices.list();
      expect(notice?.level).toBe('error');
      expect(notice?.message).toMatch(/catalog was damaged.*kept the damaged file as .*damaged-/);
    } finally {
      await services.close();
    }
  });

  it('tells a CLI user on stderr and goes on with the new catalog', async () => {
    const file = makeCatalog('cli');
    await scribble(file, 0, 100);
    if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
      throw new Error('out/main/cli.js is missing: run "npm run build" first.');
    }
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'bin', 'cutline.js'), 'list', '--db', file, '--json'],
      { cwd: ROOT },
    );
    expect(stderr).toMatch(/catalog was damaged.*kept the damaged file as/);
    expect(JSON.parse(stdout)).toEqual([]);
    expect(asideFiles(file)).toHaveLength(1);
  });
});
