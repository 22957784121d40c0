import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { startServices } from '../../src/main/services/cutline-services';
import type { Handlers } from '../../src/shared/contract';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { photoWrite } from '../helpers/photo-write';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('templates');

let handlers: Handlers;
let ids: number[];

// biome-ignore lint/suspicious/noExplicitAny: the test reads answers of every shape.
async function call(name: string, input: unknown = {}): Promise<any> {
  return dispatch(handlers, name, input);
}
async function value(name: string, input: unknown = {}) {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}
const record = async (id: number) => (await value('photos:get', { id })).record;

beforeAll(async () => {
  handlers = createHandlers(shoot.services);
  const repo = new PhotosRepo(shoot.services.db);
  ids = shoot.services.db.transaction(() =>
    Array.from({ length: 100 }, (_, i) =>
      repo.save(
        photoWrite(`/shoot/KOR-${String(i + 1).padStart(3, '0')}.jpg`, {
          caption: i % 2 === 0 ? `Photo ${i + 1} shows the parade.` : '',
          city: i < 50 ? 'Pyongyang' : 'Wonsan',
          country: 'North Korea',
          dateCreated: '2024-06-19T10:00:00',
          creditLine: i === 0 ? 'Reuters' : '',
        }),
        null,
      ),
    ),
  )();
});

describe('templates', () => {
  it('refuses a template with an unknown variable, naming it', async () => {
    const bad = await call('templates:save', { name: 'Bad', values: { caption: 'In {town}' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(bad.error.message).toContain('Unknown variable {town}');
    expect(await value('templates:list')).toEqual([]);
  });

  it('applies variables to 100 photos, each its own; only empty fields unless overwriting', async () => {
    await value('templates:save', {
      name: 'Parade',
      values: {
        caption: '{firstsentence} North Koreans gather in {city}, {country}, on {date:long}.',
        creditLine: 'AP',
        jobId: 'KOR-{seq:3}',
        keywords: ['{city}', 'parade'],
      },
    });
    const outcome = await value('templates:apply', { name: 'Parade', ids, mode: 'fill-empty' });
    expect(outcome.photos).toBe(100);
    for (const [i, id] of ids.entries()) {
      const photo = await record(id);
      const city = i < 50 ? 'Pyongyang' : 'Wonsan';
      // Photos with a caption keep it (fill-empty); the empty ones get the shoot's caption.
      expect(photo.caption).toBe(
        i % 2 === 0
          ? `Photo ${i + 1} shows the parade.`
          : `North Koreans gather in ${city}, North Korea, on Wednesday, June 19, 2024.`,
      );
      expect(photo.creditLine).toBe(i === 0 ? 'Reuters' : 'AP');
      expect(photo.jobId).toBe(`KOR-${String(i + 1).padStart(3, '0')}`);
      expect(photo.keywords).toEqual([city, 'parade']);
    }
    // One undo step takes back all 100.
    await value('edits:undo');
    for (const id of ids) expect((await record(id)).jobId).toBe('');
  });

  it('overwrites, keeping each photo its own first sentence in front of the shared caption', async () => {
    await value('templates:apply', { name: 'Parade', ids: ids.slice(0, 2), mode: 'overwrite' });
    expect((await record(ids[0]!)).caption).toBe(
      'Photo 1 shows the parade. North Koreans gather in Pyongyang, North Korea, on Wednesday, June 19, 2024.',
    );
    expect((await record(ids[0]!)).creditLine).toBe('AP');
  });

  it('keeps live values following the city, until the user edits them by hand', async () => {
    await value('templates:save', {
      name: 'Live',
      values: { headline: 'Parade in {city}', caption: 'People gather in {city}.' },
    });
    const [first, second] = [ids[10]!, ids[11]!];
    await value('templates:apply', {
      name: 'Live',
      ids: [first, second],
      mode: 'overwrite',
      live: true,
    });
    expect((await record(first)).headline).toBe('Parade in Pyongyang');

    await value('edits:set', { ids: [first, second], changes: { city: 'Kaesong' } });
    expect((await record(first)).headline).toBe('Parade in Kaesong');
    expect((await record(second)).caption).toBe('People gather in Kaesong.');

    // Typed over by hand: the headline of the first photo stops following.
    await value('edits:set', { ids: [first], changes: { headline: 'My own headline' } });
    await value('edits:set', { ids: [first, second], changes: { city: 'Sinuiju' } });
    expect((await record(first)).headline).toBe('My own headline');
    expect((await record(first)).caption).toBe('People gather in Sinuiju.');
    expect((await record(second)).headline).toBe('Parade in Sinuiju');

    // The city change and the caption that followed it are one undo step.
    await value('edits:undo');
    expect((await record(second)).headline).toBe('Parade in Kaesong');
  });

  it('says plainly when the template does not exist', async () => {
    const missing = await call('templates:apply', { name: 'Nope', ids });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(missing.error.message).toContain('"Nope"');
  });
});

describe('the stationery pad: a check box per field, and replace / append / prepend', () => {
  it('applies only the ticked fields, appending and prepending, as one undo step', async () => {
    const [withCaption, empty] = [ids[20]!, ids[21]!];
    await value('edits:set', {
      ids: [withCaption, empty],
      changes: { headline: 'Parade', keywords: ['parade'], instructions: 'Embargo' },
    });
    const saved = await value('templates:save', {
      name: 'Pad',
      values: {
        caption: 'Seen in {city}.\nNot for sale in {country}.',
        headline: 'UPDATE:',
        keywords: ['{city}', 'parade', 'military'],
        creditLine: 'Unticked agency',
        instructions: 'Call the desk',
        city: 'Hamhung',
      },
      options: {
        caption: { apply: true, how: 'append' },
        headline: { apply: true, how: 'prepend' },
        keywords: { apply: true, how: 'append' },
        creditLine: { apply: false, how: 'replace' },
      },
    });
    // Kept in the template, unticked: it comes back for the dialog, and is not applied.
    expect(saved.values.creditLine).toBe('Unticked agency');
    expect(saved.options.creditLine).toEqual({ apply: false, how: 'replace' });
    const before = await record(withCaption);

    const outcome = await value('templates:apply', {
      name: 'Pad',
      ids: [withCaption, empty],
      mode: 'fill-empty',
    });
    expect(outcome.photos).toBe(2);
    const first = await record(withCaption);
    // Appended after the photo's own caption, with its line break kept.
    expect(first.caption).toBe(
      `${before.caption} Seen in Pyongyang.\nNot for sale in North Korea.`,
    );
    expect(first.headline).toBe('UPDATE: Parade');
    // A list gains the names it lacks, in order, and keeps those it has once.
    expect(first.keywords).toEqual(['parade', 'Pyongyang', 'military']);
    // Unticked: untouched.
    expect(first.creditLine).toBe('');
    // Replacing, "only empty fields": the instructions and the city the photo has stay.
    expect(first.instructions).toBe('Embargo');
    expect(first.city).toBe('Pyongyang');
    // An empty caption appended to is the template's text alone.
    expect((await record(empty)).caption).toBe('Seen in Pyongyang.\nNot for sale in North Korea.');

    await value('edits:undo');
    const undone = await record(withCaption);
    expect(undone).toMatchObject({
      caption: before.caption,
      headline: 'Parade',
      keywords: ['parade'],
    });
    expect((await record(empty)).caption).toBe('');
  });

  it('refuses to add to a single value (a rating, a date), naming the field', async () => {
    const bad = await call('templates:save', {
      name: 'Stars',
      values: { rating: '3' },
      options: { rating: { apply: true, how: 'append' } },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(bad.error.message).toContain('Rating');
    const date = await call('templates:save', {
      name: 'Dates',
      values: { dateCreated: '2024-06-19' },
      options: { dateCreated: { apply: true, how: 'prepend' } },
    });
    expect(date).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(date.error.message).toContain('Date created');
    expect((await value('templates:list')).map((t: { name: string }) => t.name)).not.toContain(
      'Dates',
    );
  });

  it('loads a template saved before the choices existed: every field applied, replacing', async () => {
    const file = join(shoot.root, 'old-catalog.sqlite');
    const old = openCatalog(file, { targetVersion: 18 });
    // Written with the SQL of version 18, as a catalog of that age holds it.
    old
      .prepare(`INSERT INTO templates (name, fields, updated_at) VALUES (?, ?, ?)`)
      .run('Old desk', JSON.stringify({ creditLine: 'AP', caption: 'In {city}.' }), 'x');
    // The photo too: today's PhotosRepo writes columns a version-18 catalog does not have.
    old
      .prepare(
        `INSERT INTO photos (path, file_name, format, byte_size, mtime_ms, fingerprint,
         imported_at, updated_at) VALUES ('/old/OLD-1.jpg', 'OLD-1.jpg', 'JPEG', 1, 1, 'f', 'x', 'x')`,
      )
      .run();
    const photo = (
      old.prepare(`SELECT id FROM photos WHERE path = '/old/OLD-1.jpg'`).get() as { id: number }
    ).id;
    old
      .prepare(`INSERT INTO captions (photo_id, caption, city) VALUES (?, '', 'Busan')`)
      .run(photo);
    old.close();
    const upgraded = startServices(file, { workers: 0 });
    try {
      const [template] = upgraded.templates.list();
      expect(template).toMatchObject({
        name: 'Old desk',
        values: { creditLine: 'AP', caption: 'In {city}.' },
        options: {},
      });
      upgraded.templates.apply({ name: 'Old desk', ids: [photo], mode: 'fill-empty', live: false });
      expect(new PhotosRepo(upgraded.db).records([photo]).get(photo)).toMatchObject({
        caption: 'In Busan.',
        creditLine: 'AP',
      });
    } finally {
      await upgraded.close();
    }
  });
});

describe('the import template', () => {
  it('fills the empty fields of photos as they are imported, and only those photos', async () => {
    await makeJpeg(shoot.exiftool, join(shoot.root, 'arrivals', 'new-1.jpg'), {
      tags: wireTags({ caption: 'Own caption.', city: 'Seoul' }),
    });
    await makeJpeg(shoot.exiftool, join(shoot.root, 'arrivals', 'new-2.jpg'), {
      tags: wireTags({ city: 'Busan' }),
    });
    await value('templates:save', {
      name: 'Desk',
      values: { creditLine: 'AP', caption: 'Scene in {city}.' },
    });
    await value('settings:set', { importTemplate: 'Desk' });
    const { done } = await shoot.services.importer.start([join(shoot.root, 'arrivals')]);
    await done;
    const found = await value('photos:search', { query: 'file:new' });
    const byName = Object.fromEntries(
      await Promise.all(
        found.items.map(async (item: { id: number; fileName: string }) => [
          item.fileName,
          await record(item.id),
        ]),
      ),
    );
    expect(byName['new-1.jpg']).toMatchObject({ caption: 'Own caption.', creditLine: 'AP' });
    expect(byName['new-2.jpg']).toMatchObject({ caption: 'Scene in Busan.', creditLine: 'AP' });
    // Photos already in the catalog were not touched.
    expect((await record(ids[99]!)).creditLine).toBe('');
    await value('settings:set', { importTemplate: '' });
  });
});
