import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import type { Handlers } from '../../src/shared/contract';
import type { CaptionFields } from '../../src/shared/model';
import { photoWrite } from '../helpers/photo-write';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('credits');

let handlers: Handlers;
const ids: Record<string, number> = {};

const PHOTOS: Record<string, Partial<CaptionFields>> = {
  kremlin1: {
    creators: ['Gavriil Grigorov'],
    creditLine: 'AP',
    source: 'Pool Sputnik Kremlin',
    caption: 'Russian President Vladimir Putin arrives in Pyongyang.',
  },
  kremlin2: {
    creators: ['Kristina Kormilitsyna'],
    creditLine: 'AP',
    source: 'Pool Sputnik Kremlin',
    caption: 'Putin and Kim Jong Un talk in Pyongyang.',
  },
  seoul1: {
    creators: ['Ahn Young-joon'],
    creditLine: 'AP Photo',
    caption: 'People watch a TV screen in Seoul. (AP Photo/Ahn Young-joon)',
  },
  seoul2: { creators: ['Ahn Young-Joon'], creditLine: 'Associated Press', caption: 'Seoul.' },
  uncredited: { caption: 'A photo nobody credited.' },
};

// biome-ignore lint/suspicious/noExplicitAny: the test reads answers of every shape.
async function call(name: string, input: unknown = {}): Promise<any> {
  return dispatch(handlers, name, input);
}

beforeAll(async () => {
  handlers = createHandlers(shoot.services);
  const repo = new PhotosRepo(shoot.services.db);
  for (const [name, fields] of Object.entries(PHOTOS)) {
    ids[name] = repo.save(photoWrite(`/shoot/${name}.jpg`, fields), null);
  }
});

describe('settings over the contract', () => {
  it('answers the defaults, then keeps what is set', async () => {
    expect((await call('settings:get')).value).toMatchObject({ houseStyle: 'ap', userName: '' });
    const set = await call('settings:set', { userName: 'Photo Desk' });
    expect(set.ok).toBe(true);
    expect((await call('settings:get')).value.userName).toBe('Photo Desk');
  });

  it('refuses a house style that does not exist, and unknown settings, with a plain message', async () => {
    const unknownStyle = await call('settings:set', { houseStyle: 'bbc' });
    expect(unknownStyle).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(unknownStyle.error.message).toContain('Unknown credit style "bbc"');
    const unknownKey = await call('settings:set', { colour: 'red' });
    expect(unknownKey).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await call('settings:get')).value.houseStyle).toBe('ap');
  });

  it('takes a style of the user’s own once its template compiles', async () => {
    const broken = await call('settings:set', {
      creditStyles: [{ name: 'broken', template: '{creators' }],
    });
    expect(broken.ok).toBe(false);
    expect(broken.error.message).toContain('broken');
    const fine = await call('settings:set', {
      creditStyles: [{ name: 'Desk', template: '{creators} for {agencies|upper}' }],
      houseStyle: 'Desk',
    });
    try {
      expect(fine.ok).toBe(true);
      const block = await call('credits:block', { ids: [ids.seoul1] });
      expect(block.value).toMatchObject({ style: 'Desk', text: 'Photo: Ahn Young-joon for AP' });
    } finally {
      await call('settings:set', { houseStyle: 'ap' });
    }
  });
});

describe('credit directory', () => {
  it('lists creators and agencies with their counts and spellings', async () => {
    const { value } = await call('credits:directory');
    const ahn = value.creators.find((entry: { name: string }) => entry.name.startsWith('Ahn'));
    expect(ahn).toMatchObject({ count: 2 });
    expect(ahn.variants.map((v: { value: string }) => v.value).sort()).toEqual([
      'Ahn Young-Joon',
      'Ahn Young-joon',
    ]);
    const ap = value.agencies.find((entry: { name: string }) => entry.name === 'AP');
    expect(ap.count).toBe(4);
    expect(ap.variants).toEqual([
      { value: 'AP', count: 2 },
      { value: 'AP Photo', count: 1 },
      { value: 'Associated Press', count: 1 },
    ]);
    expect(value.agencies.find((entry: { name: string }) => entry.name === 'Sputnik').count).toBe(
      2,
    );
  });

  it('normalises a spelling everywhere: the directory, the records and search agree', async () => {
    const creator = await call('credits:normalize', {
      kind: 'creator',
      from: 'Ahn Young-Joon',
      to: 'Ahn Young-joon',
    });
    expect(creator.value).toEqual({ changed: 1 });
    const agency = await call('credits:normalize', { kind: 'agency', from: 'AP Photo', to: 'AP' });
    expect(agency.value).toEqual({ changed: 1 });

    const { value } = await call('credits:directory');
    const ahn = value.creators.find((entry: { name: string }) => entry.name === 'Ahn Young-joon');
    expect(ahn.variants).toEqual([{ value: 'Ahn Young-joon', count: 2 }]);
    const ap = value.agencies.find((entry: { name: string }) => entry.name === 'AP');
    expect(ap.variants[0]).toEqual({ value: 'AP', count: 3 });

    const seoul2 = (await call('photos:get', { id: ids.seoul2 })).value;
    expect(seoul2.record.creators).toEqual(['Ahn Young-joon']);
    // An edit like any other: in the photo's history, not yet written to the file.
    expect(seoul2.unwritten).toEqual({ creators: ['Ahn Young-Joon'] });
    const history = (await call('edits:history', { id: ids.seoul2 })).value;
    expect(history[0]).toMatchObject({
      label: 'Normalise "Ahn Young-Joon" to "Ahn Young-joon"',
      oldValue: ['Ahn Young-Joon'],
      newValue: ['Ahn Young-joon'],
    });
    const found = await call('photos:search', { query: 'creditLine:"AP Photo"' });
    expect(found.value.total).toBe(0);
  });

  it('refuses an empty replacement and leaves the catalog as it was', async () => {
    const empty = await call('credits:normalize', { kind: 'agency', from: 'AP', to: '  ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const { value } = await call('credits:directory');
    expect(value.agencies.find((entry: { name: string }) => entry.name === 'AP').count).toBe(4);
  });
});

describe('credit block', () => {
  it('prints the photos in the order given, people sharing agency and pool grouped', async () => {
    const block = await call('credits:block', {
      ids: [ids.kremlin1, ids.seoul1, ids.kremlin2, ids.uncredited],
    });
    expect(block.value).toEqual({
      text: 'Photos: Gavriil Grigorov and Kristina Kormilitsyna, Sputnik, Kremlin Pool Photo via AP; Ahn Young-joon/AP',
      style: 'ap',
      photoCount: 4,
      uncredited: 1,
    });
  });

  it('prints in another style when asked, and refuses an unknown one', async () => {
    const reuters = await call('credits:block', { ids: [ids.seoul1], style: 'reuters' });
    expect(reuters.value.text).toContain('Ahn Young-joon');
    expect(reuters.value.style).toBe('reuters');
    const unknown = await call('credits:block', { ids: [ids.seoul1], style: 'bbc' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('takes the photos of a search', async () => {
    const block = await call('credits:block', { query: 'Pyongyang' });
    expect(block.value.photoCount).toBe(2);
    expect(block.value.text).toBe(
      'Photos: Gavriil Grigorov and Kristina Kormilitsyna, Sputnik, Kremlin Pool Photo via AP',
    );
  });
});
