import { userInfo } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import type { Handlers } from '../../src/shared/contract';
import { photoWrite } from '../helpers/photo-write';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('edits');

let handlers: Handlers;
let first: number;
let second: number;

// biome-ignore lint/suspicious/noExplicitAny: the test reads answers of every shape.
async function call(name: string, input: unknown = {}): Promise<any> {
  const result = await dispatch(handlers, name, input);
  return result;
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
  first = repo.save(
    photoWrite('/shoot/01.jpg', {
      caption: 'Kim Jong Un waves.',
      creators: ['Jon Chol Jin'],
      city: 'Pyongyang',
    }),
    null,
  );
  second = repo.save(photoWrite('/shoot/02.jpg', { caption: 'Seoul at night.' }), null);
});

describe('editing fields', () => {
  it('stores an edit in the catalog, marks it unwritten with the file value, and records who', async () => {
    const outcome = await value('edits:set', {
      ids: [first],
      changes: {
        caption: 'Kim Jong Un waves to the crowd in Pyongyang, Wednesday, June 19, 2024.',
      },
    });
    expect(outcome).toMatchObject({ photos: 1, changes: 1, label: 'Caption' });
    const detail = await value('photos:get', { id: first });
    expect(detail.record.caption).toContain('to the crowd');
    expect(detail.unwritten).toEqual({ caption: 'Kim Jong Un waves.' });
    const history = await value('edits:history', { id: first });
    expect(history[0]).toMatchObject({
      field: 'caption',
      oldValue: 'Kim Jong Un waves.',
      who: userInfo().username,
      kind: 'edit',
    });
    const found = await value('photos:search', { query: 'crowd' });
    expect(found.items.map((item: { id: number }) => item.id)).toEqual([first]);
    expect(found.items[0].unwritten).toBe(true);
    expect((await value('photos:search', { query: 'is:unwritten' })).total).toBe(1);
  });

  it('clears the unwritten mark when a field is edited back to what the file holds', async () => {
    await value('edits:set', { ids: [first], changes: { caption: 'Kim Jong Un waves.' } });
    expect((await value('photos:get', { id: first })).unwritten).toEqual({});
    expect((await value('photos:search', { query: 'is:unwritten' })).total).toBe(0);
  });

  it('records the user name from settings', async () => {
    await value('settings:set', { userName: 'Night Desk' });
    try {
      await value('edits:set', { ids: [second], changes: { headline: 'Seoul' } });
      expect((await value('edits:history', { id: second }))[0].who).toBe('Night Desk');
    } finally {
      await value('settings:set', { userName: '' });
    }
  });

  it('cleans values: control characters go, list items are trimmed and unique', async () => {
    await value('edits:set', {
      ids: [second],
      changes: {
        caption: 'Line\u0000 one\r\nLine two\u0007',
        keywords: [' Seoul ', 'Seoul', '', 'night'],
      },
    });
    const photo = await record(second);
    expect(photo.caption).toBe('Line one\nLine two');
    expect(photo.keywords).toEqual(['Seoul', 'night']);
  });

  it('refuses unknown fields, wrong kinds and unknown photos plainly', async () => {
    expect(await call('edits:set', { ids: [first], changes: { colour: 'red' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call('edits:set', { ids: [first], changes: { creators: 'A' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call('edits:set', { ids: [99999], changes: { caption: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('keeps a megabyte caption whole', async () => {
    const huge = 'Pyongyang '.repeat(100_000);
    await value('edits:set', { ids: [second], changes: { caption: huge } });
    expect((await record(second)).caption).toHaveLength(huge.length);
    const over = await value('photos:search', { query: 'is:over-limit' });
    expect(over.items.map((item: { id: number }) => item.id)).toContain(second);
  });
});

describe('undo, redo and history', () => {
  it('merges a burst of typing into one step that one undo takes back', async () => {
    const before = (await record(first)).headline;
    for (const text of ['P', 'Pa', 'Par', 'Parade']) {
      await value('edits:set', { ids: [first], changes: { headline: text }, typing: true });
    }
    expect((await value('edits:undoState')).undo).toBe('Headline');
    await value('edits:undo');
    expect((await record(first)).headline).toBe(before);
    expect((await value('edits:undoState')).redo).toBe('Headline');
    await value('edits:redo');
    expect((await record(first)).headline).toBe('Parade');
  });

  it('undoes a 10,000-photo batch as one step, in one transaction', async () => {
    const repo = new PhotosRepo(shoot.services.db);
    const ids = shoot.services.db.transaction(() =>
      Array.from({ length: 10_000 }, (_, i) =>
        repo.save(photoWrite(`/batch/${String(i).padStart(5, '0')}.jpg`, { city: 'Seoul' }), null),
      ),
    )();
    const outcome = await value('edits:set', {
      ids,
      changes: { creditLine: 'AP', city: 'Pyongyang' },
    });
    expect(outcome).toMatchObject({ photos: 10_000, changes: 20_000 });
    expect((await value('photos:search', { query: 'city:Pyongyang' })).total).toBe(10_001);
    const undone = await value('edits:undo');
    expect(undone).toMatchObject({ photos: 10_000, stepId: outcome.stepId });
    expect((await value('photos:search', { query: 'city:Pyongyang' })).total).toBe(1);
    expect((await value('photos:search', { query: 'is:unwritten' })).total).toBeLessThan(10);
  });

  it('drops what could be redone once a new edit is made', async () => {
    await value('edits:set', { ids: [first], changes: { title: 'One' } });
    await value('edits:undo');
    expect((await value('edits:undoState')).redo).toBe('Title');
    await value('edits:set', { ids: [first], changes: { title: 'Two' } });
    expect((await value('edits:undoState')).redo).toBeNull();
    expect(await value('edits:redo')).toBeNull();
    expect((await record(first)).title).toBe('Two');
  });

  it('restores an earlier value from the history, as a change of its own', async () => {
    await value('edits:set', { ids: [first], changes: { city: 'Wonsan' } });
    const history = await value('edits:history', { id: first });
    const cityChange = history.find((entry: { field: string }) => entry.field === 'city');
    expect(cityChange).toMatchObject({ oldValue: 'Pyongyang', newValue: 'Wonsan' });
    await value('edits:restore', { historyId: cityChange.id, which: 'before' });
    expect((await record(first)).city).toBe('Pyongyang');
    const after = await value('edits:history', { id: first });
    expect(after[0]).toMatchObject({ field: 'city', label: 'Restore City', newValue: 'Pyongyang' });
    // Undo and redo are in the history too.
    expect(after.some((entry: { kind: string }) => entry.kind === 'undo')).toBe(true);
  });
});

describe('suggestions of values already used', () => {
  it('offers names whose words start with what was typed, and learns new ones after an edit', async () => {
    expect(await value('fields:suggest', { field: 'creators', prefix: 'jon' })).toEqual([
      'Jon Chol Jin',
    ]);
    expect(await value('fields:suggest', { field: 'creators', prefix: 'chol' })).toEqual([
      'Jon Chol Jin',
    ]);
    expect(await value('fields:suggest', { field: 'creators', prefix: 'ahn' })).toEqual([]);
    await value('edits:set', { ids: [second], changes: { creators: ['Ahn Young-joon'] } });
    expect(await value('fields:suggest', { field: 'creators', prefix: 'AHN' })).toEqual([
      'Ahn Young-joon',
    ]);
    expect(await value('fields:suggest', { field: 'city', prefix: 'pyo' })).toEqual(['Pyongyang']);
    expect(await call('fields:suggest', { field: 'colour', prefix: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});

describe('batch editing', () => {
  let ids: number[];
  beforeAll(() => {
    const repo = new PhotosRepo(shoot.services.db);
    ids = [
      repo.save(photoWrite('/bb/1.jpg', { creditLine: 'AP Photo', caption: 'One.' }), null),
      repo.save(photoWrite('/bb/2.jpg', { creditLine: '', caption: 'Two.' }), null),
      repo.save(photoWrite('/bb/3.jpg', { creditLine: 'Reuters', caption: 'Three.' }), null),
    ];
  });

  it('previews without storing, then applies as one undo step', async () => {
    const preview = await value('edits:batch', {
      ids,
      field: 'creditLine',
      operation: { kind: 'set', value: 'AP' },
      mode: 'fill-empty',
      preview: true,
    });
    expect(preview).toMatchObject({ changed: 1, total: 3, outcome: null });
    expect(preview.samples).toEqual([{ fileName: '2.jpg', before: '', after: 'AP' }]);
    expect((await record(ids[1]!)).creditLine).toBe('');

    const applied = await value('edits:batch', {
      ids,
      field: 'creditLine',
      operation: { kind: 'replace', find: '^AP Photo$', replace: 'AP', regex: true },
    });
    expect(applied).toMatchObject({ changed: 1, outcome: { label: 'Batch: Credit line' } });
    expect((await record(ids[0]!)).creditLine).toBe('AP');
    await value('edits:undo');
    expect((await record(ids[0]!)).creditLine).toBe('AP Photo');
  });

  it('explains a broken regular expression instead of failing', async () => {
    const broken = await call('edits:batch', {
      ids,
      field: 'caption',
      operation: { kind: 'replace', find: '(', replace: '', regex: true },
      preview: true,
    });
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(broken.error.message).toMatch(/cannot be used/);
  });
});

describe('code replacements in the catalog', () => {
  it('imports a Photo Mechanic file, exports it back, and edits one code', async () => {
    const loaded = await value('codes:import', {
      text: 'kju\tKim Jong Un\tNorth Korean leader Kim Jong Un\nbad line\npyo\tPyongyang\n',
    });
    expect(loaded).toEqual({
      imported: 2,
      problems: [{ line: 2, message: 'the code "bad line" has a space in it' }],
    });
    const list = await value('codes:list');
    expect(list.delimiter).toBe('=');
    expect(list.entries.map((entry: { code: string }) => entry.code)).toEqual(['kju', 'pyo']);
    const { text } = await value('codes:export');
    expect(text).toContain('kju\tKim Jong Un\tNorth Korean leader Kim Jong Un');

    await value('codes:set', { code: 'pyo', replacements: ['Pyongyang, North Korea'] });
    await value('codes:delete', { code: 'kju' });
    expect((await value('codes:list')).entries).toEqual([
      { code: 'pyo', replacements: ['Pyongyang, North Korea'] },
    ]);
    const spaced = await call('codes:set', { code: 'two words', replacements: ['x'] });
    expect(spaced).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const nothing = await call('codes:import', { text: 'no tabs here\n' });
    expect(nothing.error.message).toMatch(/No code could be read: line 1/);
  });
});
