/**
 * EditService.applyInOrder (the desk applies colleagues' edits with it, many in one
 * transaction) must leave a catalog exactly as the same edits applied one `apply` each:
 * the values, the search index, the unwritten marks, live template fields, the history row
 * by row with its authors, and an undo stack that does not hold them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { type CutlineServices, startServices } from '../../src/main/services/cutline-services';
import type { AuthoredEdit } from '../../src/main/services/edits';
import { searchLibrary } from '../../src/main/services/library';
import { photoWrite } from '../helpers/photo-write';

let folder: string;
let oneByOne: CutlineServices;
let inOrder: CutlineServices;
const ids: number[] = [];

/** The same three photos in a catalog of its own, one with a live headline. */
function catalog(name: string): CutlineServices {
  const services = startServices(join(folder, `${name}.sqlite`), { workers: 0 });
  const repo = new PhotosRepo(services.db);
  const made = [
    repo.save(photoWrite('/desk/01.jpg', { caption: 'Wire one.', city: 'Seoul' }), null),
    repo.save(photoWrite('/desk/02.jpg', { caption: 'Wire two.', keywords: ['summit'] }), null),
    repo.save(photoWrite('/desk/03.jpg', { caption: 'Wire three.' }), null),
  ];
  // The headline of photo 1 follows its city (a template applied with live values).
  services.editor.apply(
    [{ photoId: made[0] as number, changes: { headline: 'Summit in Seoul' } }],
    {
      liveTexts: new Map([[made[0] as number, { headline: 'Summit in {city}' }]]),
    },
  );
  if (ids.length === 0) ids.push(...made);
  return services;
}

/** Colleagues' edits, in the desk's order: one field edited several times, back and forth. */
function edits(): AuthoredEdit[] {
  const [a, b, c] = ids as [number, number, number];
  return [
    { photoId: a, field: 'caption', value: 'Anna one.', who: 'Anna' },
    { photoId: b, field: 'caption', value: 'Ben two.', who: 'Ben' },
    { photoId: a, field: 'caption', value: 'Ben one.', who: 'Ben' },
    { photoId: a, field: 'city', value: 'Busan', who: 'Cleo' },
    // Back to what the file holds: no longer unwritten.
    { photoId: b, field: 'caption', value: 'Wire two.', who: 'Anna' },
    { photoId: b, field: 'keywords', value: ['summit', 'press'], who: 'Ben' },
    // Already its value: no change, no history row.
    { photoId: c, field: 'caption', value: 'Wire three.', who: 'Cleo' },
    // Away and back within the batch.
    { photoId: c, field: 'title', value: 'Draft', who: 'Anna' },
    { photoId: c, field: 'title', value: '', who: 'Ben' },
    { photoId: a, field: 'caption', value: 'Anna one, again.', who: 'Anna' },
    // Not in the catalog: left out, the rest goes on.
    { photoId: 999_999, field: 'caption', value: 'Nowhere.', who: 'Anna' },
  ];
}

/** Everything of the photos that an edit may change, comparable between catalogs. */
function state(services: CutlineServices) {
  const photos = new PhotosRepo(services.db);
  const search = (query: string) =>
    searchLibrary(services.db, { query, offset: 0, limit: 10 }).items.map((item) => item.path);
  return {
    photos: ids.map((id) => {
      const { record } = photos.detail(id) ?? { record: null };
      return {
        caption: record?.caption,
        city: record?.city,
        headline: record?.headline,
        keywords: record?.keywords,
        title: record?.title,
        unwritten: services.editor.unwritten(id),
        history: services.editor
          .history(id)
          .map(({ field, oldValue, newValue, who, kind, label }) => ({
            field,
            oldValue,
            newValue,
            who,
            kind,
            label,
          })),
      };
    }),
    found: ['again', 'Busan', 'press', 'is:unwritten'].map(search),
    undo: services.editor.undoState(),
  };
}

describe('applying colleagues’ edits in order, many at once', () => {
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cutline-edits-in-order-'));
    oneByOne = catalog('one-by-one');
    inOrder = catalog('in-order');
  });

  afterAll(async () => {
    await oneByOne?.close();
    await inOrder?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('leaves the catalog as the same edits applied one by one', () => {
    const label = (who: string) => `${who} (desk)`;
    const one = edits().map(({ photoId, field, value, who }) => {
      try {
        const outcome = oneByOne.editor.apply([{ photoId, changes: { [field]: value } }], {
          label: label(who),
          who,
          undoable: false,
        });
        return outcome.changes > 0;
      } catch {
        return false; // the photo is not in the catalog
      }
    });
    const outcome = inOrder.editor.applyInOrder(edits(), label);
    expect(outcome.applied).toEqual(one);
    expect(outcome.applied).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(new Set(outcome.photoIds)).toEqual(new Set(ids));

    const expected = state(oneByOne);
    expect(state(inOrder)).toEqual(expected);
    // What that state is, so that the two cannot agree on something wrong.
    const [first, second, third] = expected.photos;
    expect(first).toMatchObject({
      caption: 'Anna one, again.',
      city: 'Busan',
      headline: 'Summit in Busan',
      unwritten: { caption: 'Wire one.', city: 'Seoul' },
    });
    expect(first?.history.slice(0, 5).map((h) => [h.field, h.newValue, h.who])).toEqual([
      ['caption', 'Anna one, again.', 'Anna'],
      ['headline', 'Summit in Busan', 'Cleo'],
      ['city', 'Busan', 'Cleo'],
      ['caption', 'Ben one.', 'Ben'],
      ['caption', 'Anna one.', 'Anna'],
    ]);
    expect(second).toMatchObject({ caption: 'Wire two.', keywords: ['summit', 'press'] });
    expect(second?.unwritten).toEqual({ keywords: ['summit'] });
    expect(third?.title).toBe('');
    expect(third?.unwritten).toEqual({});
    expect(third?.history.map((h) => h.newValue)).toEqual(['', 'Draft']);
    expect(expected.found[0]).toEqual(['/desk/01.jpg']);
    expect(expected.undo.undo).not.toMatch(/desk/);
  });
});
