/**
 * Write ownership on the desk (issue 18 part 5), on a real PostgreSQL with real files on one
 * shared folder that the two members mount at different paths (a symbolic link): one member
 * at a time writes a photo's file (a PostgreSQL advisory lock keyed by the photo's identity);
 * the other waits, or is refused with a message naming the writer; after a write, the file's
 * new size, modification time and fingerprint reach the other, whose next write or rescan
 * finds no conflict. The locks live on a connection of their own: a sync held up does not
 * hold them up, and a write whose lock went with that connection (the server ended it) is
 * not put in place. Five members write the same photos at once. Skipped with a printed
 * reason when CUTLINE_TEST_PG is not set.
 */
import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { ExifTool } from 'exiftool-vendored';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditsRepo } from '../../src/main/catalog/edits-repo';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { identifyFile } from '../../src/main/metadata/fingerprint';
import { imageDataDigest } from '../../src/main/metadata/image-data-digest';
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

/**
 * The member takes in the desk's news and rescans `folder`: nothing changed on disk behind
 * its back, nothing left to write, no conflict, and it knows each file as it is.
 */
async function syncsAndRescansClean(m: Member, folder: string, rels: readonly string[]) {
  await m.services.desk.syncOnce();
  await (await m.services.importer.start([folder])).done;
  const changed = searchLibrary(m.services.db, { query: 'is:changed', offset: 0, limit: 10 });
  expect(changed.total).toBe(0);
  for (const rel of rels) {
    expect(unwritten(m, rel)).toEqual([]);
    await knowsFileAsItIs(m, rel);
  }
  expect(m.services.writer.conflicts()).toEqual([]);
}

const noConflicts = (summary: WriteSummary) => {
  expect(summary.conflicts).toEqual([]);
  expect(summary.failed).toEqual([]);
};

/**
 * Writes one photo of `m` with `fault` made right after the writer has taken the photo's
 * desk lock, through the writer's own interface to the desk (the worst moment: the file is
 * about to be written).
 */
async function writeWithFaultAfterClaim(
  m: Member,
  rel: string,
  fault: () => Promise<void>,
): Promise<WriteSummary> {
  const desk = m.services.desk;
  m.services.writer.shareLocks({
    claimWrites: async (ids) => {
      const refused = await desk.claimWrites(ids);
      await fault();
      return refused;
    },
    confirmWrite: (id) => desk.confirmWrite(id),
    releaseWrites: (ids, written) => desk.releaseWrites(ids, written),
  });
  try {
    return await write(m, rel);
  } finally {
    m.services.writer.shareLocks(desk);
  }
}

/** A plain connection to the desk's database, as a database administrator would use. */
async function adminOf(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

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
    for (const m of [anna, ben, cleo]) await syncsAndRescansClean(m, m.root, SHOOT);
    for (const m of [anna, ben]) {
      const photo = new PhotosRepo(m.services.db).detail(idOf(m, SHOOT[2] as string));
      expect(photo?.record.city).toBe('Berlin');
    }
  });

  it('does not put a file in place once the connection holding its lock has died; edits kept', async () => {
    const rel = SHOOT[1] as string;
    const path = join(volume, ...rel.split('/'));
    anna.services.editor.setFields([idOf(anna, rel)], { caption: 'Lock lost on the way.' });
    const before = await identifyFile(path);
    const admin = await adminOf(deskUrl);
    let ended = 0;
    // The server ends the session holding Anna's lock (a dropped link), and Ben takes the
    // lock at once, as a colleague writing the file would.
    const summary = await writeWithFaultAfterClaim(anna, rel, async () => {
      const { rows } = await admin.query<{ ended: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_locks
         WHERE locktype = 'advisory' AND classid = 736103 AND granted
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      ended = rows.filter((row) => row.ended).length;
      expect((await ben.services.desk.claimWrites([idOf(ben, rel)])).size).toBe(0);
    });
    expect(ended).toBe(1);
    expect(summary.written).toBe(0);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]?.reason).toMatch(/connection to the desk broke during the write/);
    expect((await identifyFile(path)).fingerprint).toBe(before.fingerprint);
    expect(unwritten(anna, rel)).toEqual(['caption']);
    // Only the lock connection was ended: Anna's sync goes on, and once Ben is done she
    // writes on a new lock connection.
    await anna.services.desk.syncOnce();
    await ben.services.desk.releaseWrites([idOf(ben, rel)], []);
    noConflicts(await write(anna, rel));
    expect(await inFile(rel, 'caption')).toBe('Lock lost on the way.');
    await admin.end();
  });

  it("keeps a write's lock when the desk's other connections break", async () => {
    const rel = SHOOT[0] as string;
    anna.services.editor.setFields([idOf(anna, rel)], { provinceState: 'Rift Valley' });
    const admin = await adminOf(deskUrl);
    let ended = 0;
    // Every desk connection but the one holding Anna's lock is ended (her sync's among
    // them); Cleo, who tries to write the photo meanwhile, is refused.
    const summary = await writeWithFaultAfterClaim(anna, rel, async () => {
      const { rows } = await admin.query<{ ended: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()
           AND application_name = 'cutline-desk'
           AND pid NOT IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory'
             AND classid = 736103 AND granted)`,
      );
      ended = rows.filter((row) => row.ended).length;
      const refused = await cleo.services.desk.claimWrites([idOf(cleo, rel)]);
      expect(refused.get(idOf(cleo, rel))).toMatch(/^Anna is writing this file on the desk/);
    });
    expect(ended).toBeGreaterThan(0);
    noConflicts(summary);
    expect(summary.written).toBe(1);
    expect(await inFile(rel, 'provinceState')).toBe('Rift Valley');
    // The lock was given back: Cleo may write the photo now.
    expect((await cleo.services.desk.claimWrites([idOf(cleo, rel)])).size).toBe(0);
    await cleo.services.desk.releaseWrites([idOf(cleo, rel)], []);
    // Anna's sync finds its connection gone and makes a new one.
    await anna.services.desk.syncOnce().catch(() => anna.services.desk.syncOnce());
    await admin.end();
  });

  it('takes and gives back its locks while its own sync is held up', async () => {
    const rel = SHOOT[2] as string;
    ben.services.editor.setFields([idOf(ben, rel)], { headline: 'Sync held up' });
    await ben.services.desk.syncOnce();
    // Another session locks the edit log: Ben's next sync stops in its read of the log (as
    // behind a long first upload of photos), holding his sync connection.
    const admin = await adminOf(deskUrl);
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE desk_edits IN ACCESS EXCLUSIVE MODE');
    let synced = false;
    const sync = ben.services.desk.syncOnce().finally(() => {
      synced = true;
    });
    for (;;) {
      const { rows } = await admin.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
           AND wait_event_type = 'Lock' AND application_name = 'cutline-desk'`,
      );
      if (rows.length > 0) break;
      await delay(50);
    }
    // Should the write wait for the sync, let the sync go after a long while, so that the
    // test fails on the order below instead of hanging.
    const breaker = setTimeout(() => void admin.query('COMMIT').catch(() => undefined), 60_000);
    try {
      const summary = await write(ben, rel);
      noConflicts(summary);
      expect(summary.written).toBe(1);
      expect(synced).toBe(false);
    } finally {
      clearTimeout(breaker);
      await admin.query('COMMIT').catch(() => undefined);
    }
    await sync;
    await admin.end();
    expect(await inFile(rel, 'headline')).toBe('Sync held up');
    await anna.services.desk.syncOnce();
    await knowsFileAsItIs(anna, rel);
  }, 90_000);

  it('five members on one folder, each through its own mount, write the same photos at once', async () => {
    const summit = [
      'summit/arrival.jpg',
      'summit/handshake.jpg',
      'summit/family.jpg',
      'summit/press.jpg',
    ];
    const digests = new Map<string, string | null>();
    for (const [i, rel] of summit.entries()) {
      const path = join(volume, ...rel.split('/'));
      await makeJpeg(exiftool, path, {
        colour: [40 + i * 50, 120, 200 - i * 40],
        tags: wireTags({ caption: `Summit wire ${i}.`, creators: ['Ann Pix'], credit: 'AFP' }),
      });
      digests.set(rel, await imageDataDigest(path, exiftool));
    }
    const five: Member[] = [anna, ben];
    for (const name of ['Dan', 'Eve', 'Fay']) {
      await symlink(volume, join(folder, `${name.toLowerCase()}-mount`));
      // They wait as long as it takes: five writers of the same files queue behind each other.
      five.push(await member(name, join(folder, `${name.toLowerCase()}-mount`), 120_000));
    }
    await (await anna.services.importer.start([join(volume, 'summit')])).done;
    for (const m of five) await m.services.desk.syncOnce();
    for (const m of five.slice(1)) {
      for (const rel of summit) expect(idOf(m, rel)).toBeGreaterThan(0);
    }
    // Each edits another field of every photo: the edits merge, and each member has all five.
    const fields = ['caption', 'headline', 'city', 'country', 'source'] as const;
    for (const [i, m] of five.entries()) {
      const ids = summit.map((rel) => idOf(m, rel));
      m.services.editor.setFields(ids, { [fields[i] as string]: `${m.name} ${fields[i]}` });
    }
    for (const m of five) await m.services.desk.syncOnce();
    for (const m of five) await m.services.desk.syncOnce();
    for (const m of five) {
      for (const rel of summit) expect(unwritten(m, rel).sort()).toEqual([...fields].sort());
    }
    const summaries = await Promise.all(
      five.map((m) =>
        m.services.writer.write({
          ids: summit.map((rel) => idOf(m, rel)),
          allChanged: false,
          sidecar: false,
        }),
      ),
    );
    for (const summary of summaries) noConflicts(summary);
    expect(summaries.reduce((sum, summary) => sum + summary.written, 0)).toBeGreaterThanOrEqual(
      summit.length,
    );
    // Each file whole (its picture untouched, read without error, no temporary left) with
    // every member's field in it.
    for (const rel of summit) {
      const path = join(volume, ...rel.split('/'));
      expect(await imageDataDigest(path, exiftool)).toBe(digests.get(rel));
      const read = await readPhoto(path);
      for (const [i, m] of five.entries()) {
        expect(read.fields[fields[i] as keyof CaptionFields]).toBe(`${m.name} ${fields[i]}`);
      }
    }
    expect((await readdir(join(volume, 'summit'))).sort()).toEqual(
      summit.map((rel) => rel.slice('summit/'.length)).sort(),
    );
    // Once each has heard of the others' writes, none sees a conflict, on a rescan either.
    for (const m of five) await m.services.desk.syncOnce();
    for (const m of five) {
      await syncsAndRescansClean(m, join(m.root, 'summit'), summit);
      expect(m.services.writer.overview().unwritten).toBe(0);
    }
  }, 240_000);

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
