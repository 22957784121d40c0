/**
 * The desk on a real PostgreSQL: members' catalogs (each its own SQLite file, its own edit
 * service) joined to one desk database. Skipped with a printed reason when CUTLINE_TEST_PG
 * is not set (a developer without PostgreSQL); CI sets it (.ci/run).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api';
import { DeskRepo } from '../../src/main/catalog/desk-repo';
import { EditsRepo } from '../../src/main/catalog/edits-repo';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { type CutlineServices, startServices } from '../../src/main/services/cutline-services';
import { DeskSync } from '../../src/main/services/desk-sync';
import { updateSettings } from '../../src/main/services/settings';
import type { CaptionField, FieldValue } from '../../src/shared/model';
import { createDeskDatabase, deskTestServer, dropDeskDatabase } from '../helpers/desk-database';
import { photoWrite } from '../helpers/photo-write';
import { TcpRelay } from '../helpers/tcp-relay';

const server = deskTestServer();

/** One editor: a catalog of the shoot under the editor's own mount of the desk's folder. */
interface Member {
  name: string;
  root: string;
  services: CutlineServices;
  desk: DeskSync;
  ids: number[];
}

const SHOOT = ['summit/01.jpg', 'summit/02.jpg', 'summit/03.jpg', 'summit/04.jpg'];

let folder: string;
let deskUrl: string;
const members: Member[] = [];

async function member(name: string, root: string): Promise<Member> {
  const services = startServices(join(folder, `${name}.sqlite`), { workers: 0 });
  updateSettings(services.db, { userName: name });
  const photos = new PhotosRepo(services.db);
  // The same files on the shared volume, mounted at a different place on each machine.
  const ids = SHOOT.map((rel) => {
    const write = photoWrite(`${root}/${rel}`, { caption: `Start ${rel}` });
    return photos.save({ ...write, fingerprint: `fp-${rel}` }, null);
  });
  const desk = new DeskSync(services.db, services.editor, services.events, {
    pollMs: 50,
    maxBackoffMs: 400,
  });
  const made = { name, root, services, desk, ids };
  members.push(made);
  return made;
}

const fieldOf = (m: Member, index: number, field: CaptionField): FieldValue | undefined =>
  m.services.editor.values([m.ids[index] as number], field).get(m.ids[index] as number);

/** Waits until `check` holds, up to `ms`; the time it took. */
async function until(check: () => boolean, ms = 10_000): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

describe.skipIf(!server)('the desk (real PostgreSQL)', () => {
  let anna: Member;
  let ben: Member;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cutline-desk-'));
    deskUrl = await createDeskDatabase(server as string);
    anna = await member('Anna', '/Volumes/Desk');
    ben = await member('Ben', '/mnt/nas/desk');
    await anna.desk.join(deskUrl, 'Anna', anna.root);
    await ben.desk.join(deskUrl, 'Ben', ben.root);
    anna.desk.start();
    ben.desk.start();
  });

  afterAll(async () => {
    for (const m of members) {
      await m.desk.close();
      await m.services.close();
    }
    if (deskUrl) await dropDeskDatabase(server as string, deskUrl);
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('carries a caption typed in one catalog into the other, with who wrote it', async () => {
    anna.services.editor.setFields(
      [anna.ids[0] as number],
      { caption: 'Leaders arrive.' },
      {
        typing: true,
      },
    );
    const took = await until(() => fieldOf(ben, 0, 'caption') === 'Leaders arrive.');
    console.info(`[desk] a caption reached the other catalog in ${took} ms`);
    const history = ben.services.editor.history(ben.ids[0] as number);
    expect(history[0]).toMatchObject({ who: 'Anna', newValue: 'Leaders arrive.' });
    // Applied as an edit: the field is marked for writing in Ben's copy of the file too.
    expect(new EditsRepo(ben.services.db).unwrittenOf(ben.ids[0] as number)).toHaveProperty(
      'caption',
    );
    // Ben's catalog does not send Anna's edit back to the desk.
    expect(new DeskRepo(ben.services.db).outboxCount()).toBe(0);
    // Ben's undo takes back Ben's own edits, not Anna's.
    expect(ben.services.editor.undoState().undo).toBeNull();
    expect(ben.services.editor.undo()).toBeNull();
    expect(fieldOf(ben, 0, 'caption')).toBe('Leaders arrive.');
  });

  it('merges edits of different fields of one photo made at once', async () => {
    anna.services.editor.setFields([anna.ids[1] as number], { headline: 'Summit opens' });
    ben.services.editor.setFields([ben.ids[1] as number], { city: 'Geneva' });
    await until(
      () => fieldOf(anna, 1, 'city') === 'Geneva' && fieldOf(ben, 1, 'headline') === 'Summit opens',
    );
    expect(fieldOf(anna, 1, 'headline')).toBe('Summit opens');
    expect(fieldOf(ben, 1, 'city')).toBe('Geneva');
    expect(await anna.desk.conflicts()).toEqual([]);
  });

  it('keeps both versions of one field changed from the same value, until a person settles', async () => {
    anna.desk.stop();
    ben.desk.stop();
    anna.services.editor.setFields([anna.ids[2] as number], { caption: "Anna's words." });
    ben.services.editor.setFields([ben.ids[2] as number], { caption: "Ben's words." });
    expect((await anna.desk.syncOnce()).pushed).toBe(1);
    expect((await ben.desk.syncOnce()).conflicts).toBe(1);
    await anna.desk.syncOnce();
    // Nobody's words were overwritten.
    expect(fieldOf(anna, 2, 'caption')).toBe("Anna's words.");
    expect(fieldOf(ben, 2, 'caption')).toBe("Ben's words.");
    const [conflict, ...more] = await ben.desk.conflicts();
    expect(more).toEqual([]);
    expect(conflict).toMatchObject({
      relPath: 'summit/03.jpg',
      path: '/mnt/nas/desk/summit/03.jpg',
      photoId: ben.ids[2],
      field: 'caption',
      base: 'Start summit/03.jpg',
      deskValue: "Anna's words.",
      deskWho: 'Anna',
      otherValue: "Ben's words.",
      otherWho: 'Ben',
    });
    await ben.desk.settle(conflict?.id as number, "Ben's words, checked.");
    await anna.desk.syncOnce();
    expect(fieldOf(anna, 2, 'caption')).toBe("Ben's words, checked.");
    expect(fieldOf(ben, 2, 'caption')).toBe("Ben's words, checked.");
    expect(await anna.desk.conflicts()).toEqual([]);
    anna.desk.start();
    ben.desk.start();
  });

  it('recognises an edit pushed twice (a member killed between push and bookkeeping)', async () => {
    ben.desk.stop();
    ben.services.editor.setFields([ben.ids[3] as number], { country: 'Switzerland' });
    const row = ben.services.db.prepare('SELECT * FROM desk_outbox').get() as Record<
      string,
      unknown
    >;
    await ben.desk.syncOnce();
    const before = (await ben.desk.status()).deskSeq;
    // The outbox row as it was before the push: as if the push's commit had not been noted.
    ben.services.db
      .prepare(
        `INSERT INTO desk_outbox (edit_uid, photo_id, field, base, value, who, at)
         VALUES (@edit_uid, @photo_id, @field, @base, @value, @who, @at)`,
      )
      .run(row);
    await ben.desk.syncOnce();
    expect((await ben.desk.status()).deskSeq).toBe(before);
    await until(() => fieldOf(anna, 3, 'country') === 'Switzerland');
    ben.desk.start();
  });

  it('keeps the edits of a member whose network is cut, and delivers them in order on return', async () => {
    const url = new URL(deskUrl);
    const relay = new TcpRelay(url.hostname, Number(url.port));
    await relay.open();
    url.port = String(relay.port);
    const cleo = await member('Cleo', '/home/cleo/desk');
    await cleo.desk.join(url.toString(), 'Cleo', cleo.root);
    // A member who joins late catches up with what the desk already holds.
    await cleo.desk.syncOnce();
    expect(fieldOf(cleo, 0, 'caption')).toBe('Leaders arrive.');
    cleo.desk.start();
    await relay.cut();
    const photo = cleo.ids[0] as number;
    cleo.services.editor.setFields([photo], { caption: 'First draft.' });
    cleo.services.editor.setFields([photo], { caption: 'Second draft.' });
    cleo.services.editor.setFields([photo], { headline: 'Arrivals' });
    await until(() => !cleo.desk.isOnline());
    const offline = await cleo.desk.status();
    expect(offline).toMatchObject({ online: false, queue: 3 });
    expect(offline.error).toBeTruthy();
    // The toolbar's view says the same without reaching for the desk.
    const state = cleo.desk.state();
    expect(state).toMatchObject({ linked: true, online: false, queue: 3 });
    expect(state.error).toBeTruthy();
    // Work goes on locally meanwhile.
    expect(fieldOf(cleo, 0, 'caption')).toBe('Second draft.');
    await relay.open();
    await until(
      () =>
        fieldOf(anna, 0, 'headline') === 'Arrivals' && fieldOf(ben, 0, 'headline') === 'Arrivals',
    );
    const fromCleo = anna.services.editor
      .history(anna.ids[0] as number)
      .filter((entry) => entry.who === 'Cleo')
      .reverse()
      .map((entry) => entry.newValue);
    expect(fromCleo).toEqual(['First draft.', 'Second draft.', 'Arrivals']);
    expect((await cleo.desk.status()).queue).toBe(0);
    expect(cleo.desk.state()).toMatchObject({ online: true, queue: 0, error: null });
    await cleo.desk.close();
    await relay.cut();
  });

  it('brings five members to the same values when all edit at once', async () => {
    const more = [
      await member('Dana', '/Users/dana/Desk'),
      await member('Eli', '/c/Desk'),
      await member('Fay', '/media/desk'),
    ];
    for (const m of more) {
      await m.desk.join(deskUrl, m.name, m.root);
      await m.desk.syncOnce();
      m.desk.start();
    }
    const five = [anna, ben, ...more];
    // Each member types in its own field of the same photo, several times, all at once.
    const fields: CaptionField[] = ['caption', 'headline', 'city', 'country', 'title'];
    for (let round = 1; round <= 5; round++) {
      five.forEach((m, i) => {
        m.services.editor.setFields([m.ids[1] as number], {
          [fields[i] as CaptionField]: `${m.name} ${round}`,
        });
      });
    }
    await until(() =>
      five.every((m) =>
        five.every((w, i) => fieldOf(m, 1, fields[i] as CaptionField) === `${w.name} 5`),
      ),
    );
    expect(await anna.desk.conflicts()).toEqual([]);
    for (const m of more) m.desk.stop();
  });

  it('is reached through the contract, and a reopened app keeps in step on its own', async () => {
    const gus = await member('Gus', '/srv/desk');
    const handlers = createHandlers(gus.services);
    const joined = await dispatch(handlers, 'desk:join', {
      url: deskUrl,
      name: 'Gus',
      root: gus.root,
    });
    expect(joined).toMatchObject({ ok: true, value: { linked: true, online: true } });
    await until(() => fieldOf(gus, 0, 'caption') === fieldOf(anna, 0, 'caption'));
    const file = join(folder, 'Gus.sqlite');
    await gus.desk.close();
    await gus.services.close();
    const reopened = startServices(file, { workers: 0, syncDesk: true });
    members.push({ ...gus, services: reopened, desk: reopened.desk });
    anna.services.editor.setFields([anna.ids[3] as number], { caption: 'While Gus was away.' });
    await until(
      () =>
        reopened.editor.values([gus.ids[3] as number], 'caption').get(gus.ids[3] as number) ===
        'While Gus was away.',
    );
    const status = await dispatch(createHandlers(reopened), 'desk:status', {});
    expect(status).toMatchObject({
      ok: true,
      value: { linked: true, memberName: 'Gus', queue: 0 },
    });
  });

  it('tells the others which photo and field an editor has open', async () => {
    const handlers = createHandlers(anna.services);
    expect(
      await dispatch(handlers, 'desk:here', { photoId: anna.ids[2], field: 'caption' }),
    ).toMatchObject({ ok: true, value: { told: true } });
    expect(await ben.desk.presence()).toContainEqual({
      name: 'Anna',
      relPath: 'summit/03.jpg',
      photoId: ben.ids[2],
      field: 'caption',
    });
    await anna.desk.setPresence(null, null);
    expect((await ben.desk.presence()).filter((p) => p.name === 'Anna')).toEqual([]);
  });

  it('skips a field this version does not have (a member on another version), and goes on', async () => {
    // Anna's catalog as an older Cutline would fill it: an edit of the Licensor names list
    // that migration 0024 replaced, then a caption edit.
    anna.services.db
      .prepare(
        `INSERT INTO desk_outbox (edit_uid, photo_id, field, base, value, who, at)
         VALUES ('old-field-1', ?, 'licensorNames', '[]', '["Desk A"]', 'Anna', '2026-01-01T00:00:00Z')`,
      )
      .run(anna.ids[3]);
    anna.services.editor.setFields([anna.ids[3] as number], { caption: 'After an old field.' });
    await until(() => fieldOf(ben, 3, 'caption') === 'After an old field.');
    expect(ben.desk.state().error).toBeNull();
    expect(fieldOf(ben, 3, 'licensors')).toEqual([]);
  });

  it('leaves a catalog that never joined a desk exactly as it was', async () => {
    const loner = await member('Lone', '/Volumes/Elsewhere');
    loner.services.editor.setFields([loner.ids[0] as number], { caption: 'Mine alone.' });
    expect(new DeskRepo(loner.services.db).outboxCount()).toBe(0);
    loner.desk.start();
    expect(await loner.desk.status()).toMatchObject({ linked: false, queue: 0 });
    expect(loner.desk.state()).toMatchObject({ linked: false, online: false, queue: 0 });
    expect(fieldOf(anna, 0, 'caption')).not.toBe('Mine alone.');
  });
});
