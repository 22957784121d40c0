/**
 * Write ownership on the desk (issue 18 part 5), on a real PostgreSQL with real files on one
 * shared folder that the two members mount at different paths (a symbolic link): one member
 * at a time writes a photo's file (a PostgreSQL advisory lock keyed by the photo's identity);
 * the other waits, or is refused with a message naming the writer; after a write, the file's
 * new size, modification time and fingerprint reach the other, whose next write or rescan
 * finds no conflict. Skipped with a printed reason when CUTLINE_TEST_PG is not set.
 */
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditsRepo } from '../../src/main/catalog/edits-repo';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { identifyFile } from '../../src/main/metadata/fingerprint';
import { readPhoto } from '../../src/main/metadata/read-photo';
import { startServices } from '../../src/main/services/cutline-services';
import { searchLibrary } from '../../src/main/services/library';
import { updateSettings } from '../../src/main/services/settings';
import type { CaptionFields } from '../../src/shared/model';
import type { WriteSummary } from '../../src/shared/write-back';
import { createDeskDatabase, deskTestServer, dropDeskDatabase } from '../helpers/desk-database';
import { type DeskMember, joinedMember } from '../helpers/desk-member';
import { createExifTool, makeJpeg, wireTags } from '../helpers/make-photos';
import { TcpRelay } from '../helpers/tcp-relay';

const server = deskTestServer();

const SHOOT = ['race/finish.jpg', 'race/podium.jpg', 'race/crowd.jpg'];

type Member = DeskMember;

let folder: string;
let volume: string;
let deskUrl: string;
let exiftool: ExifTool;
const members: Member[] = [];

async function member(name: string, root: string, writeWaitMs: number): Promise<Member> {
  const made = await joinedMember(folder, deskUrl, name, root, { desk: { writeWaitMs } });
  members.push(made);
  return made;
}

const idOf = (m: Member, rel: string) =>
  new PhotosRepo(m.services.db).findByPath(join(m.root, ...rel.split('/')))?.id as number;
const unwritten = (m: Member, rel: string) =>
  Object.keys(new EditsRepo(m.services.db).unwrittenOf(idOf(m, rel)));
const inFile = async (rel: string, field: keyof CaptionFields) =>
  (await readPhoto(join(volume, ...rel.split('/')))).fields[field];
const write = (m: Member, rel: string): Promise<WriteSummary> =>
  m.services.writer.write({ ids: [idOf(m, rel)], allChanged: false, sidecar: false });

/** The catalog knows the file as it is on disk: size, modification time, fingerprint. */
async function knowsFileAsItIs(m: Member, rel: string): Promise<void> {
  const known = new PhotosRepo(m.services.db).findByPath(join(m.root, ...rel.split('/')));
  const now = await identifyFile(join(volume, ...rel.split('/')));
  expect(known).toMatchObject({
    byteSize: now.byteSize,
    mtimeMs: now.mtimeMs,
    fingerprint: now.fingerprint,
  });
}

const noConflicts = (summary: WriteSummary) => {
  expect(summary.conflicts).toEqual([]);
  expect(summary.failed).toEqual([]);
};

describe.skipIf(!server)('one member at a time writes a file (real PostgreSQL, real files)', () => {
  let anna: Member;
  let ben: Member;
  let cleo: Member;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cutline-desk-write-'));
    exiftool = createExifTool();
    volume = join(folder, 'volume');
    for (const [i, rel] of SHOOT.entries()) {
      await makeJpeg(exiftool, join(volume, ...rel.split('/')), {
        colour: [200 - i * 50, 60 + i * 40, 90],
        tags: wireTags({ caption: `Wire caption ${i}.`, creators: ['Ann Pix'], credit: 'AFP' }),
      });
    }
    await symlink(volume, join(folder, 'ben-mount'));
    deskUrl = await createDeskDatabase(server as string);
    anna = await member('Anna', volume, 10_000);
    ben = await member('Ben', join(folder, 'ben-mount'), 10_000);
    await (await anna.services.importer.start([volume])).done;
    await anna.services.desk.syncOnce();
    expect((await ben.services.desk.syncOnce()).photosAdded).toBe(SHOOT.length);
    // Cleo gives up sooner, so a refusal is seen without a long wait.
    await symlink(volume, join(folder, 'cleo-mount'));
    cleo = await member('Cleo', join(folder, 'cleo-mount'), 400);
    expect((await cleo.services.desk.syncOnce()).photosAdded).toBe(SHOOT.length);
  });

  afterAll(async () => {
    for (const m of members) await m.services.close();
    await exiftool?.end();
    if (deskUrl) await dropDeskDatabase(server as string, deskUrl);
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('lets both write one photo at once: one writes, the other waits and finds it done', async () => {
    const rel = SHOOT[0] as string;
    anna.services.editor.setFields([idOf(anna, rel)], { caption: 'Winner crosses the line.' });
    ben.services.editor.setFields([idOf(ben, rel)], { headline: 'Marathon' });
    await anna.services.desk.syncOnce();
    await ben.services.desk.syncOnce();
    await anna.services.desk.syncOnce();
    expect(unwritten(anna, rel).sort()).toEqual(['caption', 'headline']);
    expect(unwritten(ben, rel).sort()).toEqual(['caption', 'headline']);
    const [fromAnna, fromBen] = await Promise.all([write(anna, rel), write(ben, rel)]);
    noConflicts(fromAnna);
    noConflicts(fromBen);
    expect(await inFile(rel, 'caption')).toBe('Winner crosses the line.');
    expect(await inFile(rel, 'headline')).toBe('Marathon');
    for (const m of [anna, ben]) {
      expect(unwritten(m, rel)).toEqual([]);
      expect(m.services.writer.conflicts()).toEqual([]);
    }
    // The one who wrote second found the file as the first left it (read again, not a
    // conflict); once the desk's news of the write reached it, both know the file as it is.
    await anna.services.desk.syncOnce();
    await ben.services.desk.syncOnce();
    await knowsFileAsItIs(anna, rel);
    await knowsFileAsItIs(ben, rel);
  });

  it("takes in a colleague's write before its own, so a newer edit is no false conflict", async () => {
    const rel = SHOOT[1] as string;
    anna.services.editor.setFields([idOf(anna, rel)], { caption: 'Gold for Kenya.' });
    await anna.services.desk.syncOnce();
    await ben.services.desk.syncOnce();
    // Anna writes; Ben, who has not heard of the write, improves the caption and writes.
    noConflicts(await write(anna, rel));
    ben.services.editor.setFields([idOf(ben, rel)], { caption: 'Gold and silver for Kenya.' });
    const fromBen = await write(ben, rel);
    noConflicts(fromBen);
    expect(fromBen.written).toBe(1);
    expect(await inFile(rel, 'caption')).toBe('Gold and silver for Kenya.');
    await knowsFileAsItIs(ben, rel);
    // Anna hears of Ben's edit and his write: nothing left to write, no conflict.
    const report = await anna.services.desk.syncOnce();
    expect(report.photosRewritten).toBe(1);
    expect(new PhotosRepo(anna.services.db).detail(idOf(anna, rel))?.record.caption).toBe(
      'Gold and silver for Kenya.',
    );
    expect(unwritten(anna, rel)).toEqual([]);
    await knowsFileAsItIs(anna, rel);
    noConflicts(await write(anna, rel));
  });

  it('refuses, naming the writer, when a colleague holds the file past the wait; nothing lost', async () => {
    const rel = SHOOT[2] as string;
    cleo.services.editor.setFields([idOf(cleo, rel)], { city: 'Berlin' });
    const held = await anna.services.desk.claimWrites([idOf(anna, rel)]);
    expect(held.size).toBe(0);
    const before = await identifyFile(join(volume, ...rel.split('/')));
    const refused = await write(cleo, rel);
    expect(refused.written).toBe(0);
    expect(refused.conflicts).toEqual([]);
    expect(refused.failed).toHaveLength(1);
    expect(refused.failed[0]?.reason).toMatch(/^Anna is writing this file on the desk/);
    // The file was left alone and Cleo's edit is kept, still to be written.
    expect((await identifyFile(join(volume, ...rel.split('/')))).fingerprint).toBe(
      before.fingerprint,
    );
    expect(unwritten(cleo, rel)).toEqual(['city']);
    await anna.services.desk.releaseWrites([idOf(anna, rel)], []);
    noConflicts(await write(cleo, rel));
    expect(await inFile(rel, 'city')).toBe('Berlin');
  });

  it("sees no conflict on a rescan after the others' writes", async () => {
    // Every edit on the desk first (a running app pushes within a poll), then each member
    // takes in the others' edits and writes, and rescans its folder.
    for (const m of [ben, cleo, anna]) await m.services.desk.syncOnce();
    for (const m of [anna, ben, cleo]) {
      await m.services.desk.syncOnce();
      await (await m.services.importer.start([m.root])).done;
      const changed = searchLibrary(m.services.db, { query: 'is:changed', offset: 0, limit: 10 });
      expect(changed.total).toBe(0);
      for (const rel of SHOOT) {
        expect(unwritten(m, rel)).toEqual([]);
        await knowsFileAsItIs(m, rel);
      }
      expect(m.services.writer.conflicts()).toEqual([]);
    }
    for (const m of [anna, ben]) {
      const photo = new PhotosRepo(m.services.db).detail(idOf(m, SHOOT[2] as string));
      expect(photo?.record.city).toBe('Berlin');
    }
  });

  it('writes without the desk when it is out of reach (the file check still guards it)', async () => {
    const url = new URL(deskUrl);
    const relay = new TcpRelay(url.hostname, Number(url.port));
    await relay.open();
    url.port = String(relay.port);
    await symlink(volume, join(folder, 'gus-mount'));
    const services = startServices(join(folder, 'Gus.sqlite'), { workers: 0 });
    const gus: Member = { name: 'Gus', root: join(folder, 'gus-mount'), services };
    members.push(gus);
    updateSettings(services.db, { userName: 'Gus' });
    await services.desk.join(url.toString(), 'Gus', gus.root);
    await services.desk.syncOnce();
    await relay.cut();
    const rel = SHOOT[0] as string;
    services.editor.setFields([idOf(gus, rel)], { country: 'Kenya' });
    const summary = await write(gus, rel);
    noConflicts(summary);
    expect(summary.written).toBe(1);
    expect(await inFile(rel, 'country')).toBe('Kenya');
    await relay.cut();
  });
});
