import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { importPaths } from '../../src/main/services/import-photos';
import type { PhotoPage } from '../../src/shared/contract';
import type { ImportProgress } from '../../src/shared/model';
import { callApi, startCutline } from '../e2e/cutline-server';
import { createExifTool, makeJpeg, wireTags } from '../helpers/make-photos';

/**
 * Photos without an embedded thumbnail: the metadata is stored first, the thumbnails are
 * rendered after it (on every core), and `--thumbnails=later` leaves them to
 * `cutline thumbnails`.
 */
const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'cutline.js');

let exiftool: ExifTool;
let root: string;
let plain: string;
let withThumb: string;
const PLAIN_COUNT = 6;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    await run(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT });
  }
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-import-thumbs-'));
  plain = join(root, 'plain');
  for (let i = 0; i < PLAIN_COUNT; i++) {
    await makeJpeg(exiftool, join(plain, `wire-${i}.jpg`), {
      width: 1600,
      height: 1067,
      exifThumbnail: false,
      tags: wireTags({ caption: `Wire photo ${i} without a thumbnail.`, credit: 'AP' }),
    });
  }
  withThumb = join(root, 'camera');
  await makeJpeg(exiftool, join(withThumb, 'camera.jpg'), {
    tags: wireTags({ caption: 'A camera photo with its EXIF thumbnail.', credit: 'Reuters' }),
  });
}, 120_000);

afterAll(async () => {
  await exiftool?.end();
  await rm(root, { recursive: true, force: true });
});

describe('thumbnails rendered after the metadata', () => {
  it('stores each photo before its thumbnail, then renders every thumbnail before it ends', async () => {
    const db = openCatalog(join(root, 'first.sqlite'));
    try {
      const repo = photosRepoOf(db);
      const thumbnailsWhenStored: (Buffer | null)[] = [];
      const progress: ImportProgress[] = [];
      const summary = await importPaths(db, [plain, withThumb], {
        onNewPhotos: (ids) => {
          for (const id of ids) thumbnailsWhenStored.push(repo.thumbnail(id));
        },
        onProgress: (p) => progress.push(p),
      });
      expect(summary.imported).toBe(PLAIN_COUNT + 1);
      // The wire photos were in the catalog, searchable, before their thumbnails were made.
      expect(thumbnailsWhenStored.filter((t) => t === null)).toHaveLength(PLAIN_COUNT);
      expect(repo.withoutThumbnails()).toEqual([]);
      const last = progress.at(-1)!;
      expect(last).toMatchObject({ thumbnailsTotal: PLAIN_COUNT, thumbnailsDone: PLAIN_COUNT });
      const origins = db.prepare('SELECT origin, count(*) AS n FROM thumbnails GROUP BY origin');
      expect(origins.all()).toEqual([
        { origin: 'embedded', n: 1 },
        { origin: 'rendered', n: PLAIN_COUNT },
      ]);
    } finally {
      db.close();
    }
  });

  it('stores the first photos one, then two, then four at a time, and the first thumbnail at once', async () => {
    const db = openCatalog(join(root, 'early.sqlite'));
    try {
      const batches: number[] = [];
      const thumbnailBatches: number[] = [];
      const summary = await importPaths(db, [plain], {
        onNewPhotos: (ids) => batches.push(ids.length),
        onThumbnails: (ids) => thumbnailBatches.push(ids.length),
      });
      expect(summary.imported).toBe(PLAIN_COUNT);
      expect(batches.reduce((a, b) => a + b, 0)).toBe(PLAIN_COUNT);
      // Growing from one (a batch can be cut short by its 250 ms bound, never made longer).
      for (const [i, size] of batches.entries()) expect(size).toBeLessThanOrEqual(2 ** i);
      expect(batches.length).toBeGreaterThan(2);
      // The first thumbnail is stored as soon as it is made, not with those made in the
      // 150 ms after it; the renderer makes as many at once as there are cores (≤ 4).
      expect(thumbnailBatches[0]).toBeLessThan(PLAIN_COUNT);
      expect(thumbnailBatches.reduce((a, b) => a + b, 0)).toBe(PLAIN_COUNT);
    } finally {
      db.close();
    }
  });

  it('cutline import --thumbnails=later leaves them; cutline thumbnails makes them', async () => {
    const db = join(root, 'later.sqlite');
    const cutline = (...args: string[]) =>
      run(process.execPath, [CLI, ...args, '--db', db], { cwd: ROOT });
    const imported = JSON.parse(
      (await cutline('import', plain, withThumb, '--thumbnails=later', '--json')).stdout,
    );
    expect(imported.imported).toBe(PLAIN_COUNT + 1);
    const listed = JSON.parse((await cutline('list', '--search', 'thumbnail', '--json')).stdout);
    expect(listed).toHaveLength(PLAIN_COUNT + 1);
    const catalog = openCatalog(db);
    try {
      expect(photosRepoOf(catalog).withoutThumbnails()).toHaveLength(PLAIN_COUNT);
    } finally {
      catalog.close();
    }
    const made = await cutline('thumbnails');
    expect(made.stdout).toBe(`Made ${PLAIN_COUNT} thumbnails.\n`);
    const again = JSON.parse((await cutline('thumbnails', '--json')).stdout);
    expect(again).toEqual({ made: 0, failed: 0 });
    const reopened = openCatalog(db);
    try {
      expect(photosRepoOf(reopened).withoutThumbnails()).toEqual([]);
    } finally {
      reopened.close();
    }
  });

  it('cutline serve renders what --thumbnails=later left, in the background', async () => {
    const db = join(root, 'serve.sqlite');
    await run(process.execPath, [CLI, 'import', plain, '--thumbnails=later', '--db', db], {
      cwd: ROOT,
    });
    const server = await startCutline(db);
    try {
      let page = await callApi<PhotoPage>(server.url, 'photos:search', { query: '' });
      expect(page.total).toBe(PLAIN_COUNT);
      // Nothing asks for it: the server renders them on its own, and they show in the grid.
      for (let tries = 0; tries < 600; tries++) {
        page = await callApi<PhotoPage>(server.url, 'photos:search', { query: '' });
        if (page.items.every((photo) => photo.hasThumbnail)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(page.items.filter((photo) => !photo.hasThumbnail)).toEqual([]);
    } finally {
      await server.stop();
    }
    const catalog = openCatalog(db);
    try {
      const origins = catalog.prepare('SELECT DISTINCT origin FROM thumbnails').all();
      expect(origins).toEqual([{ origin: 'rendered' }]);
    } finally {
      catalog.close();
    }
  }, 120_000);

  it('says plainly that --thumbnails takes now or later', async () => {
    const failed = await run(
      process.execPath,
      [CLI, 'import', plain, '--thumbnails=soon', '--db', join(root, 'bad.sqlite')],
      { cwd: ROOT },
    ).catch((error: { stderr: string; code: number }) => error);
    expect('code' in failed && failed.code).not.toBe(0);
    expect((failed as { stderr: string }).stderr).toContain('--thumbnails is now or later');
  });
});
