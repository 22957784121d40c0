import { chmod, mkdir, mkdtemp, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogDb } from '../../src/main/catalog/catalog-db';
import { listProblems, listRuns } from '../../src/main/catalog/import-runs-repo';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { importPaths } from '../../src/main/services/import-photos';
import { getPhotoByPath, searchLibrary } from '../../src/main/services/library';
import { createReadPool } from '../../src/main/services/read-pool';
import {
  createExifTool,
  makeBrokenFiles,
  makeJpeg,
  wireTags,
  writeTags,
} from '../helpers/make-photos';

let exiftool: ExifTool;
let root: string;
let shoot: string;

const GOOD = [
  {
    name: '01-parade.jpg',
    caption: 'North Korean soldiers march during a parade in Pyongyang, North Korea.',
    creators: ['Gavriil Grigorov'],
    credit: 'Sputnik, Kremlin Pool Photo via AP',
    city: 'Pyongyang',
  },
  {
    name: 'Séoul — 서울 station.jpg',
    caption: 'People watch a TV screen at Seoul Railway Station in Seoul, South Korea.',
    creators: ['Ahn Young-joon'],
    credit: 'AP Photo/Ahn Young-joon',
    city: 'Seoul',
  },
  {
    name: 'day2/03-summit.jpg',
    caption: 'Leaders meet at the summit.',
    creators: ['Lee Jin-man'],
    credit: 'AP',
    city: 'Pyongyang',
  },
];

beforeAll(async () => {
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-import-'));
  shoot = join(root, 'shoot');
  for (const [i, photo] of GOOD.entries()) {
    await makeJpeg(exiftool, join(shoot, photo.name), {
      colour: [60 * i, 120, 200 - 40 * i],
      tags: wireTags(photo),
    });
  }
  // A PNG with no metadata at all still imports, with a rendered thumbnail.
  await sharp({ create: { width: 300, height: 200, channels: 3, background: '#884422' } })
    .png()
    .toFile(join(shoot, 'scan.png'));
  await makeBrokenFiles(join(shoot, 'broken'), join(shoot, GOOD[0]!.name));
  // A symbolic link back up the tree must not loop forever.
  await symlink(shoot, join(shoot, 'day2', 'loop'));
}, 60_000);

afterAll(async () => {
  await exiftool?.end();
  if (root) await rm(root, { recursive: true, force: true });
});

function freshCatalog(): CatalogDb {
  return openCatalog(':memory:');
}

/** Every photo of a catalog as the app shows it, with its thumbnail, by path. */
function snapshot(catalog: CatalogDb) {
  const repo = new PhotosRepo(catalog);
  const photos = catalog.prepare('SELECT id, path FROM photos ORDER BY path').all() as {
    id: number;
    path: string;
  }[];
  const thumbs = repo.thumbnails(photos.map((photo) => photo.id));
  return photos.map(({ id, path }) => {
    const { record, origins } = getPhotoByPath(catalog, path);
    return { record, origins, thumbnail: thumbs.get(id)?.toString('base64') ?? null };
  });
}

describe('import', () => {
  it('imports good photos and reports every bad file with a plain reason', async () => {
    const db = freshCatalog();
    const progress: number[] = [];
    const summary = await importPaths(db, [shoot], { onProgress: (p) => progress.push(p.done) });

    // The truncated JPEG still carries its caption: imported, and listed as a problem.
    expect(summary.imported).toBe(5);
    expect(summary.updated).toBe(0);
    expect(summary.cancelled).toBe(false);
    const reasons: Record<string, string> = Object.fromEntries(
      summary.failed.map((f) => [f.path.split('/').pop(), f.reason]),
    );
    expect(Object.keys(reasons).sort()).toEqual(['empty.jpg', 'garbage.tif', 'not-a-photo.jpg']);
    expect(reasons['empty.jpg']).toMatch(/empty/);
    expect(reasons['not-a-photo.jpg']).toBe('not an image file');
    for (const reason of Object.values(reasons)) expect(reason).not.toMatch(/^\s*at |Error:/);
    const skipped = summary.skipped.map((s) => s.path.split('/').pop());
    expect(skipped).toContain('notes.txt');
    expect(summary.skipped.find((s) => s.path.endsWith('loop'))?.reason).toMatch(/loop/);
    expect(progress.at(-1)).toBe(8);

    // The problems are in the catalog, for the problems list.
    const problems = listProblems(db, 100);
    expect(problems.map((p) => p.path.split('/').pop()).sort()).toEqual([
      'empty.jpg',
      'garbage.tif',
      'not-a-photo.jpg',
      'truncated.jpg',
    ]);
    expect(problems.find((p) => p.path.endsWith('truncated.jpg'))?.reason).toMatch(
      /truncated or corrupt JPEG.*metadata was imported/,
    );
    expect(listRuns(db)[0]).toMatchObject({ state: 'done', imported: 5, failed: 3 });

    // What the files carry is what the catalog holds, Unicode names included.
    const seoul = getPhotoByPath(db, join(shoot, GOOD[1]!.name));
    expect(seoul.record.caption).toBe(GOOD[1]!.caption);
    expect(seoul.record.creators).toEqual(['Ahn Young-joon']);
    expect(seoul.record.creditLine).toBe('AP Photo/Ahn Young-joon');
    expect(seoul.record.fileName).toBe('Séoul — 서울 station.jpg');

    // Every good photo has a stored thumbnail, including the metadata-less PNG.
    const repo = new PhotosRepo(db);
    const page = searchLibrary(db, { query: '', offset: 0, limit: 50 });
    const whole = page.items.filter((p) => p.fileName !== 'truncated.jpg');
    expect(whole).toHaveLength(4);
    expect(repo.thumbnails(whole.map((p) => p.id)).size).toBe(4);
    expect(searchLibrary(db, { query: 'pyongyang', offset: 0, limit: 50 }).total).toBe(2);
    db.close();
  });

  it('adds nothing twice and reads nothing again when re-importing an unchanged folder', async () => {
    const db = freshCatalog();
    await importPaths(db, [shoot]);
    const again = await importPaths(db, [shoot]);
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 5 });
    expect(new PhotosRepo(db).count()).toBe(5);
    db.close();
  });

  it('recognises a renamed or moved photo as the same photo', async () => {
    const db = freshCatalog();
    await importPaths(db, [shoot]);
    const before = getPhotoByPath(db, join(shoot, GOOD[0]!.name));
    const movedTo = join(shoot, 'day2', 'renamed-parade.jpg');
    await rename(join(shoot, GOOD[0]!.name), movedTo);
    try {
      const summary = await importPaths(db, [shoot]);
      expect(summary).toMatchObject({ imported: 0, updated: 1, unchanged: 4 });
      const after = getPhotoByPath(db, movedTo);
      expect(after.id).toBe(before.id);
      expect(after.record.caption).toBe(GOOD[0]!.caption);
      expect(new PhotosRepo(db).count()).toBe(5);
    } finally {
      await rename(movedTo, join(shoot, GOOD[0]!.name));
    }
    db.close();
  });

  it('re-reads a photo changed on disk and marks a deleted one missing', async () => {
    const folder = await mkdtemp(join(root, 'changes-'));
    const a = await makeJpeg(exiftool, join(folder, 'a.jpg'), {
      tags: wireTags({ caption: 'Old caption' }),
    });
    const b = await makeJpeg(exiftool, join(folder, 'b.jpg'), {
      tags: wireTags({ caption: 'Doomed' }),
    });
    const db = freshCatalog();
    await importPaths(db, [folder]);
    const id = getPhotoByPath(db, a).id;

    await writeTags(exiftool, a, wireTags({ caption: 'New caption from Photo Mechanic' }));
    expect(getPhotoByPath(db, a).fileState).toBe('changed');
    await unlink(b);
    const summary = await importPaths(db, [folder]);
    expect(summary).toMatchObject({ imported: 0, updated: 1, unchanged: 0 });
    const changed = getPhotoByPath(db, a);
    expect(changed.id).toBe(id);
    expect(changed.record.caption).toBe('New caption from Photo Mechanic');
    expect(changed.fileState).toBe('ok');
    expect(searchLibrary(db, { query: 'is:missing', offset: 0, limit: 5 }).items[0]?.path).toBe(b);
    // The search index follows the new caption, and keeps it through a re-read that changes
    // only the file's facts (unchanged caption rows are left alone).
    const found = (query: string) =>
      searchLibrary(db, { query, offset: 0, limit: 5 }).items.map((item) => item.path);
    expect(found('Mechanic')).toEqual([a]);
    expect(found('Old')).toEqual([]);
    await writeTags(exiftool, a, { 'EXIF:Software': 'Photo Mechanic 6' });
    expect(await importPaths(db, [folder])).toMatchObject({ updated: 1 });
    expect(found('Mechanic')).toEqual([a]);
    db.close();
  });

  it('records the photos each run found: new, changed, moved or unchanged, not what came later', async () => {
    const folder = await mkdtemp(join(root, 'runs-'));
    const a = await makeJpeg(exiftool, join(folder, 'a.jpg'), {
      colour: [10, 20, 30],
      tags: wireTags({ caption: 'First' }),
    });
    const b = await makeJpeg(exiftool, join(folder, 'b.jpg'), {
      colour: [200, 20, 30],
      tags: wireTags({ caption: 'Second' }),
    });
    const db = freshCatalog();
    const found = (query: string) =>
      searchLibrary(db, { query, offset: 0, limit: 50 })
        .items.map((item) => item.path)
        .sort();
    const first = await importPaths(db, [folder]);
    // A photo put under the first run's folder and imported on its own, later.
    const c = await makeJpeg(exiftool, join(folder, 'later', 'c.jpg'), {
      colour: [20, 200, 30],
      tags: wireTags({ caption: 'Third' }),
    });
    const second = await importPaths(db, [c]);
    expect(found(`import:${first.runId}`)).toEqual([a, b]);
    expect(found(`import:${second.runId}`)).toEqual([c]);
    expect(found('import:last')).toEqual([c]);

    await writeTags(exiftool, a, wireTags({ caption: 'First, recaptioned' }));
    const movedB = join(folder, 'b-renamed.jpg');
    await rename(b, movedB);
    const third = await importPaths(db, [folder]);
    expect(third).toMatchObject({ imported: 0, updated: 2, unchanged: 1 });
    expect(found('import:last')).toEqual([a, movedB, c]);
    // Earlier runs keep what they found; the moved photo is the same photo, at its new path.
    expect(found(`import:${first.runId}`)).toEqual([a, movedB]);
    db.close();
  });

  it('reads in worker threads, as the app does, with the same result', async () => {
    const db = freshCatalog();
    const pool = createReadPool(2);
    try {
      const summary = await importPaths(db, [shoot], { pool });
      expect(summary.imported).toBe(5);
      expect(summary.failed).toHaveLength(3);
      expect(getPhotoByPath(db, join(shoot, 'day2', '03-summit.jpg')).record.creators).toEqual([
        'Lee Jin-man',
      ]);
      // Workers read every file into the same memory: each record and thumbnail must still
      // be exactly what reading on this thread gives.
      const here = freshCatalog();
      await importPaths(here, [shoot], { pool: createReadPool(0) });
      expect(snapshot(db)).toEqual(snapshot(here));
      // A file cut off inside its EXIF thumbnail gets none (once it got the bytes after the
      // cut: whatever lay in memory there).
      const truncated = snapshot(db).find((photo) => photo.record.fileName === 'truncated.jpg');
      expect(truncated?.thumbnail).toBeNull();
      here.close();
    } finally {
      await pool.close();
    }
    db.close();
  });

  it('reads ahead when its files come from the disk, with the same result', async () => {
    // As if every file came from the disk: the worker reads the next files' ends ahead while
    // it parses (read-ahead.ts) and lets its event loop turn between files.
    const db = freshCatalog();
    const pool = createReadPool(1, { alwaysReadAhead: true });
    try {
      const summary = await importPaths(db, [shoot], { pool });
      expect(summary.imported).toBe(5);
      expect(summary.failed).toHaveLength(3);
      const here = freshCatalog();
      await importPaths(here, [shoot], { pool: createReadPool(0) });
      expect(snapshot(db)).toEqual(snapshot(here));
      here.close();
    } finally {
      await pool.close();
    }
    db.close();
  });

  it('warms its workers up ahead of the first import, which then reads as usual', async () => {
    const db = freshCatalog();
    const pool = createReadPool(1);
    try {
      await pool.warmUp();
      const summary = await importPaths(db, [shoot], { pool });
      expect(summary.imported).toBe(5);
      expect(getPhotoByPath(db, join(shoot, 'day2', '03-summit.jpg')).record.creators).toEqual([
        'Lee Jin-man',
      ]);
    } finally {
      await pool.close();
    }
    db.close();
  });

  it('starts a worker without its warm-up (as cutline import does), which reads as usual', async () => {
    const db = freshCatalog();
    const pool = createReadPool(1, { warmUp: false });
    try {
      // Settles once the worker has loaded: it says it is warmed up without warming up.
      await pool.warmUp();
      const summary = await importPaths(db, [shoot], { pool });
      expect(summary.imported).toBe(5);
      expect(summary.failed.map((f) => f.reason).sort()).toEqual([
        'empty file (0 bytes)',
        'not an image file',
        'not an image file',
      ]);
      expect(getPhotoByPath(db, join(shoot, 'day2', '03-summit.jpg')).record.creators).toEqual([
        'Lee Jin-man',
      ]);
    } finally {
      await pool.close();
    }
    db.close();
  });

  it('leaves a consistent catalog when cancelled, and a re-run finishes the job', async () => {
    const db = freshCatalog();
    const controller = new AbortController();
    const first = await importPaths(db, [shoot], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'reading') controller.abort();
      },
    });
    expect(first.cancelled).toBe(true);
    expect(listRuns(db)[0]?.state).toBe('cancelled');
    const stored = new PhotosRepo(db).count();
    expect(stored).toBeLessThan(5);
    // Every stored photo is whole: record, caption row and index entry together.
    expect(searchLibrary(db, { query: '', offset: 0, limit: 50 }).total).toBe(stored);

    const resumed = await importPaths(db, [shoot]);
    expect(resumed.imported + resumed.unchanged).toBe(5);
    expect(new PhotosRepo(db).count()).toBe(5);
    db.close();
  });

  it('imports a list of single files as well as folders', async () => {
    const db = freshCatalog();
    const summary = await importPaths(db, [
      join(shoot, GOOD[0]!.name),
      join(shoot, 'scan.png'),
      join(root, 'does-not-exist.jpg'),
    ]);
    expect(summary.imported).toBe(2);
    expect(summary.failed).toEqual([
      { path: join(root, 'does-not-exist.jpg'), reason: 'file or folder not found' },
    ]);
    db.close();
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports an unreadable folder and goes on (permissions do not bind root)',
    async () => {
      const folder = await mkdtemp(join(root, 'locked-'));
      await mkdir(join(folder, 'private'));
      await writeFile(join(folder, 'private', 'x.jpg'), 'x');
      await chmod(join(folder, 'private'), 0o000);
      try {
        const db = freshCatalog();
        const summary = await importPaths(db, [folder, join(shoot, 'scan.png')]);
        expect(summary.imported).toBe(1);
        expect(summary.failed[0]?.reason).toBe('permission denied');
        db.close();
      } finally {
        await chmod(join(folder, 'private'), 0o755);
      }
    },
  );
});
