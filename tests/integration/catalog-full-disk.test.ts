/**
 * Nothing exits 0 having done less than it says: `cutline import` with its catalog on a real
 * small tmpfs that fills up mid-import, and on a catalog that has become read-only. Each ends
 * with a non-zero status and one line naming the cause, and the catalog stays consistent
 * (integrity check ok, the run's counts equal the photos stored). Mounting needs root: where
 * it is not permitted the tests are skipped with the reason printed.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExifTool, makeJpeg, wireTags } from '../helpers/make-photos';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'cutline.js');
const PHOTOS = 200;

let root: string;
let photos: string;
const mounts: string[] = [];

/** Mounts a tmpfs of `size` at a new folder; null (with the reason) where that is not allowed. */
function mountTmpfs(name: string, size: string): string | { skipped: string } {
  const at = join(root, name);
  mkdirSync(at, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at], { stdio: 'pipe' });
  } catch (error) {
    return { skipped: `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})` };
  }
  mounts.push(at);
  return at;
}

/** Runs the built CLI; never throws, answers the status and both outputs. */
async function cutline(db: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args, '--db', db], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The catalog as it is on disk: SQLite's integrity check and the counts that must agree. */
function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const runs = db
      .prepare('SELECT state, imported + updated + unchanged AS stored, failed FROM import_runs')
      .all() as { state: string; stored: number; failed: number }[];
    return {
      integrity,
      photos: count('photos'),
      captions: count('captions'),
      indexed: count('captions_fts_docsize'),
      runs,
    };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    await run(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT });
  }
  root = await mkdtemp(join(tmpdir(), 'cutline-full-disk-'));
  photos = join(root, 'photos');
  const exiftool = createExifTool();
  try {
    const first = await makeJpeg(exiftool, join(photos, 'p000.jpg'), {
      tags: wireTags({ caption: 'Fans wait outside the stadium. '.repeat(8), credit: 'AP' }),
    });
    for (let i = 1; i < PHOTOS; i++) {
      copyFileSync(first, join(photos, `p${String(i).padStart(3, '0')}.jpg`));
    }
  } finally {
    await exiftool.end();
  }
}, 120_000);

afterAll(async () => {
  for (const at of mounts) execFileSync('umount', ['-l', at]);
  await rm(root, { recursive: true, force: true });
});

describe('a full disk under the catalog', () => {
  it('stops the import with a non-zero status and "no space", and the catalog stays whole', async (context) => {
    const disk = mountTmpfs('full', '2m');
    if (typeof disk !== 'string') {
      console.log(`skipped: ${disk.skipped}`);
      context.skip();
      return;
    }
    // 2 MiB less a filler leaves ≈800 KB: an empty catalog fits, 200 photos do not.
    const filler = join(disk, 'filler');
    writeFileSync(filler, Buffer.alloc(2 * 1024 * 1024 - 800 * 1024));
    const catalog = join(disk, 'catalog.sqlite');

    const full = await cutline(catalog, 'import', photos);
    expect(full.code).not.toBe(0);
    expect(full.stderr.trim().split('\n')).toHaveLength(1);
    expect(full.stderr).toMatch(/no space left/);
    const after = inspect(catalog);
    expect(after.integrity).toBe('ok');
    expect(after.photos).toBeLessThan(PHOTOS);
    expect(after.captions).toBe(after.photos);
    expect(after.indexed).toBe(after.photos);
    // The run recorded with each stored batch says exactly what is stored.
    expect(after.runs).toHaveLength(1);
    expect(after.runs[0]?.stored).toBe(after.photos);

    // With space again, the import finishes, and its counts add up to the files found.
    rmSync(filler);
    const again = await cutline(catalog, 'import', photos, '--json');
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout) as {
      imported: number;
      updated: number;
      unchanged: number;
      failed: unknown[];
    };
    expect(summary.imported + summary.updated + summary.unchanged + summary.failed.length).toBe(
      PHOTOS,
    );
    expect(inspect(catalog)).toMatchObject({ integrity: 'ok', photos: PHOTOS, indexed: PHOTOS });
  }, 120_000);
});

describe('a read-only catalog', () => {
  it('refuses import and edits with a non-zero status naming "read-only"', async (context) => {
    const disk = mountTmpfs('read-only', '8m');
    if (typeof disk !== 'string') {
      console.log(`skipped: ${disk.skipped}`);
      context.skip();
      return;
    }
    const catalog = join(disk, 'catalog.sqlite');
    const first = await cutline(catalog, 'import', join(photos, 'p000.jpg'));
    expect(first.code).toBe(0);
    execFileSync('mount', ['-o', 'remount,ro', disk]);

    for (const args of [
      ['import', photos],
      ['set', join(photos, 'p000.jpg'), '--caption', 'New words'],
    ]) {
      const refused = await cutline(catalog, ...args);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toMatch(/read-only/);
    }
    // (SQLite cannot open a WAL catalog on a read-only disk even to read it.)
    execFileSync('mount', ['-o', 'remount,rw', disk]);
    expect(inspect(catalog)).toMatchObject({ integrity: 'ok', photos: 1, captions: 1 });
  }, 60_000);
});
