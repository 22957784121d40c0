/**
 * The image-data digest a desk member publishes a photo by (issue 18 part 2) is taken by the
 * import's read workers as they read the file, for the photos under the desk's root only,
 * and the publisher uses it instead of reading and hashing every file again on the catalog
 * thread. A catalog on no desk takes no digest. Real files, real read workers, a real
 * PostgreSQL (skipped with a printed reason when CUTLINE_TEST_PG is not set).
 */
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskRepo } from '../../src/main/catalog/desk-repo';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { exiftoolPool } from '../../src/main/metadata/exiftool-pool';
import { imageDataDigest } from '../../src/main/metadata/image-data-digest';
import { startServices } from '../../src/main/services/cutline-services';
import { createDeskDatabase, deskTestServer, dropDeskDatabase } from '../helpers/desk-database';
import { type DeskMember, joinedMember } from '../helpers/desk-member';
import { createExifTool, makeJpeg, wireTags } from '../helpers/make-photos';

const server = deskTestServer();

const UNDER_ROOT = ['shoot/a.jpg', 'shoot/b.jpg', 'shoot/deep/c.jpg'];

let folder: string;
let deskUrl: string;
let exiftool: ExifTool;
let root: string;
let outside: string;

const pathOf = (rel: string) => join(root, ...rel.split('/'));

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cutline-desk-import-digest-'));
  exiftool = createExifTool();
  root = join(folder, 'volume');
  outside = join(folder, 'elsewhere', 'own.jpg');
  for (const [i, rel] of [...UNDER_ROOT, null].entries()) {
    await makeJpeg(exiftool, rel ? pathOf(rel) : outside, {
      colour: [30 + i * 50, 120, 200 - i * 40],
      tags: wireTags({ caption: `Caption ${i}.`, creators: ['Ann Lee'], credit: 'AP' }),
    });
  }
});

afterAll(async () => {
  await exiftool?.end();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('a catalog on no desk', () => {
  it('takes no image-data digest when it imports', async () => {
    const services = startServices(join(folder, 'alone.sqlite'), { workers: 1 });
    try {
      const summary = await (await services.importer.start([root])).done;
      expect(summary.imported).toBe(UNDER_ROOT.length);
      const rows = services.db.prepare('SELECT count(*) AS n FROM desk_photo_identity').get() as {
        n: number;
      };
      expect(rows.n).toBe(0);
    } finally {
      await services.close();
    }
  });
});

describe.skipIf(!server)('a desk member importing (real PostgreSQL, real files)', () => {
  let anna: DeskMember;

  beforeAll(async () => {
    deskUrl = await createDeskDatabase(server as string);
    // A read worker of its own (workers: 1), as the app reads: the digest is taken there.
    anna = await joinedMember(folder, deskUrl, 'Anna', root, { workers: 1 });
  });

  afterAll(async () => {
    await anna?.services.close();
    if (deskUrl) await dropDeskDatabase(server as string, deskUrl);
  });

  it('stores the digest of each photo under the root as the import reads it, and no other', async () => {
    const summary = await (await anna.services.importer.start([root, outside])).done;
    expect(summary.imported).toBe(UNDER_ROOT.length + 1);
    const photos = new PhotosRepo(anna.services.db);
    const desk = new DeskRepo(anna.services.db);
    for (const rel of UNDER_ROOT) {
      const known = photos.findByPath(pathOf(rel));
      const digest = await imageDataDigest(pathOf(rel), exiftoolPool());
      expect(digest).toMatch(/^[0-9a-f]{32}$/);
      // Taken for the file as the catalog knows it, and not yet published.
      expect(desk.identity(known?.id as number)).toEqual({
        fingerprint: known?.fingerprint,
        imageDigest: digest,
        published: null,
      });
    }
    // Outside the desk's root: not shared, so no digest was taken.
    expect(desk.identity(photos.findByPath(outside)?.id as number)).toBeUndefined();
  });

  it('publishes the digest the import took without reading the file again', async () => {
    // The file moved away after the import: reading it now would find nothing, so the digest
    // on the desk can only be the one the import stored.
    const rel = UNDER_ROOT[0] as string;
    const digest = await imageDataDigest(pathOf(rel), exiftoolPool());
    await rename(pathOf(rel), `${pathOf(rel)}.away`);
    try {
      const report = await anna.services.desk.syncOnce();
      expect(report.photosPublished).toBe(UNDER_ROOT.length);
    } finally {
      await rename(`${pathOf(rel)}.away`, pathOf(rel));
    }
    const client = new pg.Client({ connectionString: deskUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ rel_path: string; image_digest: string | null }>(
        'SELECT rel_path, image_digest FROM desk_photos ORDER BY rel_path',
      );
      const expected = await Promise.all(
        UNDER_ROOT.map(async (r) => ({
          rel_path: r,
          image_digest: await imageDataDigest(pathOf(r), exiftoolPool()),
        })),
      );
      expect(rows).toEqual(expected.sort((x, y) => (x.rel_path < y.rel_path ? -1 : 1)));
      expect(rows.find((row) => row.rel_path === rel)?.image_digest).toBe(digest);
    } finally {
      await client.end();
    }
    // Published: the catalog says so, with the digest kept.
    const id = new PhotosRepo(anna.services.db).findByPath(pathOf(rel))?.id as number;
    expect(new DeskRepo(anna.services.db).identity(id)?.imageDigest).toBe(digest);
  });
});
