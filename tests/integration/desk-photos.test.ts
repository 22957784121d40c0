/**
 * Photos across the desk (issue 18 part 2), on a real PostgreSQL with real files: two
 * members see the same shoot under different root folders (a copy of the folder, and a
 * symbolic link to it); a photo is known by its image-data digest and its path under the
 * root; one member's import reaches the other's catalog and grid, at the other's path,
 * without the other importing anything; an edit lands on the right photo. Skipped with a
 * printed reason when CUTLINE_TEST_PG is not set.
 */
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api';
import { DeskRepo } from '../../src/main/catalog/desk-repo';
import { EditsRepo } from '../../src/main/catalog/edits-repo';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { exiftoolPool } from '../../src/main/metadata/exiftool-pool';
import { imageDataDigest } from '../../src/main/metadata/image-data-digest';
import type { PhotoPage } from '../../src/shared/contract';
import { createDeskDatabase, deskTestServer, dropDeskDatabase } from '../helpers/desk-database';
import { type DeskMember, joinedMember } from '../helpers/desk-member';
import { createExifTool, makeJpeg, wireTags } from '../helpers/make-photos';

const server = deskTestServer();

const SHOOT = ['summit/arrival.jpg', 'summit/handshake.jpg', 'summit/press/podium.jpg'];

type Member = DeskMember;

let folder: string;
let deskUrl: string;
let exiftool: ExifTool;
const members: Member[] = [];

async function member(name: string, root: string): Promise<Member> {
  const made = await joinedMember(folder, deskUrl, name, root);
  members.push(made);
  return made;
}

const photoAt = (m: Member, rel: string) =>
  new PhotosRepo(m.services.db).detailByPath(join(m.root, ...rel.split('/')));

describe.skipIf(!server)('photos across the desk (real PostgreSQL, real files)', () => {
  let anna: Member;
  let ben: Member;
  let cleo: Member;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cutline-desk-photos-'));
    exiftool = createExifTool();
    const shared = join(folder, 'volume');
    for (const [i, rel] of SHOOT.entries()) {
      await makeJpeg(exiftool, join(shared, ...rel.split('/')), {
        colour: [40 + i * 60, 90, 160 - i * 40],
        tags: wireTags({ caption: `Wire caption ${i}.`, creators: ['Jon Chol Jin'], credit: 'AP' }),
      });
    }
    // Anna mounts the volume at its own place; Ben sees it through another path (a link);
    // Cleo works on a copy of the folder (same files, another root, other modification times).
    await symlink(shared, join(folder, 'ben-mount'));
    await cp(shared, join(folder, 'cleo-copy'), { recursive: true });
    deskUrl = await createDeskDatabase(server as string);
    anna = await member('Anna', shared);
    ben = await member('Ben', join(folder, 'ben-mount'));
    cleo = await member('Cleo', join(folder, 'cleo-copy'));
  });

  afterAll(async () => {
    for (const m of members) await m.services.close();
    await exiftool?.end();
    if (deskUrl) await dropDeskDatabase(server as string, deskUrl);
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("puts one member's import in the others' catalogs and grids, at their own paths", async () => {
    await (await anna.services.importer.start([anna.root])).done;
    const published = await anna.services.desk.syncOnce();
    expect(published.photosPublished).toBe(SHOOT.length);
    // Nothing imported by Ben or Cleo: the desk brings the photos.
    expect(new PhotosRepo(ben.services.db).count()).toBe(0);
    const report = await ben.services.desk.syncOnce();
    expect(report).toMatchObject({ photosAdded: SHOOT.length });
    expect((await cleo.services.desk.syncOnce()).photosAdded).toBe(SHOOT.length);
    for (const rel of SHOOT) {
      const original = photoAt(anna, rel);
      for (const other of [ben, cleo]) {
        const copy = photoAt(other, rel);
        expect(copy?.record.path).toBe(join(other.root, ...rel.split('/')));
        expect(copy?.record.caption).toBe(original?.record.caption);
        expect(copy?.record.creators).toEqual(['Jon Chol Jin']);
        expect(copy?.hasThumbnail).toBe(true);
        expect(new PhotosRepo(other.services.db).thumbnail(copy?.id as number)).toEqual(
          new PhotosRepo(anna.services.db).thumbnail(original?.id as number),
        );
        // Nothing to write: the photo came with its file's values.
        expect(copy?.unwritten ?? {}).toEqual({});
      }
    }
    // Ben's grid shows them, through the contract the grid calls, and finds them by text.
    const grid = createHandlers(ben.services);
    for (const query of ['', 'Jon Chol Jin']) {
      const page = await dispatch(grid, 'photos:search', { query, offset: 0, limit: 10 });
      expect(page.ok).toBe(true);
      const paths = (page as { value: PhotoPage }).value.items.map((p) => p.path).sort();
      expect(paths).toEqual(SHOOT.map((rel) => join(ben.root, ...rel.split('/'))).sort());
    }
    // Their catalogs do not publish the photos back as new.
    expect((await ben.services.desk.syncOnce()).photosPublished).toBe(0);
  });

  it('knows a photo by its image-data digest and its path under the root, on every member', async () => {
    for (const rel of SHOOT) {
      const digest = await imageDataDigest(join(anna.root, ...rel.split('/')), exiftoolPool());
      expect(digest).toMatch(/^[0-9a-f]{32}$/);
      for (const m of members) {
        const photo = photoAt(m, rel);
        expect(new DeskRepo(m.services.db).identity(photo?.id as number)?.imageDigest).toBe(digest);
      }
    }
  });

  it('lands an edit on the right photo in each catalog, whatever its root', async () => {
    const arrival = photoAt(anna, SHOOT[0] as string)?.id as number;
    anna.services.editor.setFields([arrival], { caption: 'Leaders arrive at the summit.' });
    anna.services.editor.setFields([arrival], { city: 'Geneva' });
    await anna.services.desk.syncOnce();
    expect((await ben.services.desk.syncOnce()).applied).toBe(2);
    expect((await cleo.services.desk.syncOnce()).applied).toBe(2);
    for (const m of [ben, cleo]) {
      expect(photoAt(m, SHOOT[0] as string)?.record).toMatchObject({
        caption: 'Leaders arrive at the summit.',
        city: 'Geneva',
      });
      // The other photos are untouched.
      expect(photoAt(m, SHOOT[1] as string)?.record.caption).toBe('Wire caption 1.');
      // Applied as edits: marked for writing in each member's copy.
      const id = photoAt(m, SHOOT[0] as string)?.id as number;
      expect(Object.keys(new EditsRepo(m.services.db).unwrittenOf(id)).sort()).toEqual([
        'caption',
        'city',
      ]);
    }
  });

  it('gives a member who joins later the photos with the edits made before it came', async () => {
    const dana = await member('Dana', join(folder, 'cleo-copy'));
    const report = await dana.services.desk.syncOnce();
    expect(report.photosAdded).toBe(SHOOT.length);
    expect(photoAt(dana, SHOOT[0] as string)?.record).toMatchObject({
      caption: 'Leaders arrive at the summit.',
      city: 'Geneva',
    });
    // The file still holds the wire caption: the desk's value is an edit to write.
    expect(photoAt(dana, SHOOT[0] as string)?.unwritten).toMatchObject({
      caption: 'Wire caption 0.',
    });
  });

  it('does not put an edit on another picture that lies at the same path elsewhere', async () => {
    // Fay's folder has a picture of its own where the others have the handshake.
    const fayRoot = join(folder, 'fay-folder');
    await makeJpeg(exiftool, join(fayRoot, 'summit', 'handshake.jpg'), {
      colour: [250, 20, 20],
      tags: wireTags({ caption: 'Another picture.', creators: ['Someone Else'], credit: 'X' }),
    });
    const fay = await member('Fay', fayRoot);
    await (await fay.services.importer.start([fayRoot])).done;
    await fay.services.desk.syncOnce();
    const rel = SHOOT[1] as string;
    anna.services.editor.setFields([photoAt(anna, rel)?.id as number], {
      caption: 'Leaders shake hands.',
    });
    await anna.services.desk.syncOnce();
    const atFay = await fay.services.desk.syncOnce();
    expect(atFay.applied).toBe(0);
    expect(atFay.notHere).toBeGreaterThan(0);
    expect(photoAt(fay, rel)?.record.caption).toBe('Another picture.');
    // The members with the same picture take it.
    expect((await ben.services.desk.syncOnce()).applied).toBe(1);
    expect(photoAt(ben, rel)?.record.caption).toBe('Leaders shake hands.');
  });

  it('adds nothing for a member whose root is not mounted, and the photos once it is', async () => {
    const eli = await member('Eli', join(folder, 'not-mounted'));
    const report = await eli.services.desk.syncOnce();
    expect(report.photosAdded).toBe(0);
    expect(new PhotosRepo(eli.services.db).count()).toBe(0);
    // Once the volume is there, the photos come (but the handshake: the desk's last word on
    // its path is Fay's picture, which Eli's volume does not hold).
    await symlink(join(folder, 'volume'), join(folder, 'not-mounted'));
    expect((await eli.services.desk.syncOnce()).photosAdded).toBe(SHOOT.length - 1);
    expect(photoAt(eli, SHOOT[1] as string)).toBeUndefined();
    expect(photoAt(eli, SHOOT[0] as string)?.record.caption).toBe('Leaders arrive at the summit.');
  });
});
