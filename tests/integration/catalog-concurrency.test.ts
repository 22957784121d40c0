/**
 * Several processes, one catalog: `cutline write`, `cutline import` and `cutline set` run as
 * separate processes at once on one catalog, as the app, `cutline serve` and scripts do.
 * Writes wait their turn (no "database is locked"), a photo is written by one process at a
 * time (no temporary file of one removed by the other as a leftover), and nothing is left
 * unwritten or unimported.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPhoto } from '../../src/main/metadata/read-photo';
import { startServices } from '../../src/main/services/cutline-services';
import { createExifTool, makeJpeg, wireTags } from '../helpers/make-photos';
import { runCutline } from '../helpers/run-cutline';

let root: string;
let original: string;

/** `count` copies of the test photo in a new folder. */
function folderOf(name: string, count: number): string {
  const folder = join(root, name);
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    copyFileSync(original, join(folder, `${name}-${String(i).padStart(3, '0')}.jpg`));
  }
  return folder;
}

function countOf(db: string, sql: string): number {
  const catalog = new Database(db, { readonly: true });
  try {
    return (catalog.prepare(sql).get() as { n: number }).n;
  } finally {
    catalog.close();
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-concurrency-'));
  const exiftool = createExifTool();
  try {
    original = await makeJpeg(exiftool, join(root, 'original.jpg'), {
      tags: wireTags({ caption: 'Before.', credit: 'AP', creators: ['Ann Lee'] }),
    });
  } finally {
    await exiftool.end();
  }
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('several processes on one catalog', () => {
  it('two `cutline write` at once write every photo once, correctly, leaving nothing', async () => {
    const folder = folderOf('write', 40);
    const db = join(root, 'write.sqlite');
    const services = startServices(db, { workers: 0 });
    try {
      await (await services.importer.start([folder])).done;
      const ids = (services.db.prepare('SELECT id FROM photos').all() as { id: number }[]).map(
        (row) => row.id,
      );
      for (const id of ids) services.editor.setFields([id], { caption: `Caption of photo ${id}.` });
    } finally {
      await services.close();
    }
    expect(countOf(db, 'SELECT count(DISTINCT photo_id) AS n FROM unwritten_fields')).toBe(40);

    const runs = await Promise.all([
      runCutline(['write', '--all-changed', '--json', '--db', db]),
      runCutline(['write', '--all-changed', '--json', '--db', db]),
    ]);
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/locked/i);
      expect(run.code, run.stderr).toBe(0);
    }
    const results = runs.map((run) => JSON.parse(run.stdout) as { written: number; failed: [] });
    expect(results.flatMap((result) => result.failed)).toEqual([]);
    // Each photo written by one of the two, not both.
    expect(results[0]!.written + results[1]!.written).toBe(40);
    expect(countOf(db, 'SELECT count(*) AS n FROM unwritten_fields')).toBe(0);
    expect(countOf(db, 'SELECT count(*) AS n FROM write_queue')).toBe(0);
    expect(countOf(db, 'SELECT count(*) AS n FROM write_locks')).toBe(0);
    // Every file holds its own caption, and no temporary file is left beside them.
    const catalog = new Database(db, { readonly: true });
    const photos = catalog.prepare('SELECT id, path FROM photos ORDER BY id').all() as {
      id: number;
      path: string;
    }[];
    catalog.close();
    for (const photo of photos) {
      expect((await readPhoto(photo.path)).fields.caption).toBe(`Caption of photo ${photo.id}.`);
    }
    expect(readdirSync(folder).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 180_000);

  it('an import and edits at once: both done, no "database is locked"', async () => {
    const db = join(root, 'import-edit.sqlite');
    const edited = join(folderOf('edited', 3), 'edited-000.jpg');
    expect((await runCutline(['import', join(root, 'edited'), '--db', db])).code).toBe(0);
    const big = folderOf('big', 400);

    const importing = runCutline(['import', big, '--json', '--db', db]);
    const edits = [];
    const states = new Set<string>();
    for (let i = 0; i < 4; i++) {
      edits.push(await runCutline(['set', edited, '--caption', `Edit ${i}`, '--db', db]));
      // Each `set` opened the catalog: the import another process runs is not "interrupted".
      const catalog = new Database(db, { readonly: true });
      for (const row of catalog.prepare('SELECT state FROM import_runs').all() as {
        state: string;
      }[]) {
        states.add(row.state);
      }
      catalog.close();
    }
    expect([...states].filter((state) => state !== 'running' && state !== 'done')).toEqual([]);
    const imported = await importing;
    for (const run of [imported, ...edits]) {
      expect(run.stderr).not.toMatch(/locked/i);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(JSON.parse(imported.stdout).imported).toBe(400);
    expect(countOf(db, 'SELECT count(*) AS n FROM photos')).toBe(403);
    expect(
      countOf(
        db,
        "SELECT count(*) AS n FROM captions c JOIN photos p ON p.id = c.photo_id WHERE c.caption = 'Edit 3' AND p.file_name = 'edited-000.jpg'",
      ),
    ).toBe(1);
  }, 180_000);

  it('two imports at once both finish', async () => {
    const db = join(root, 'two-imports.sqlite');
    const [first, second] = await Promise.all([
      runCutline(['import', folderOf('first', 200), '--json', '--db', db]),
      runCutline(['import', folderOf('second', 200), '--json', '--db', db]),
    ]);
    for (const run of [first!, second!]) {
      expect(run.stderr).not.toMatch(/locked/i);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).imported).toBe(200);
    }
    expect(countOf(db, 'SELECT count(*) AS n FROM photos')).toBe(400);
    expect(countOf(db, "SELECT count(*) AS n FROM import_runs WHERE state = 'done'")).toBe(2);
  }, 180_000);
});
