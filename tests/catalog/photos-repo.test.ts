import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { photoRowsOf } from '../../src/main/catalog/photo-rows';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { photoWrite } from '../helpers/photo-write';

describe('PhotosRepo', () => {
  it('is made once per catalog, so its statements are prepared once', () => {
    const db = openCatalog(':memory:');
    const other = openCatalog(':memory:');
    expect(photosRepoOf(db)).toBe(photosRepoOf(db));
    expect(photosRepoOf(other)).not.toBe(photosRepoOf(db));
    db.close();
    other.close();
  });

  it('tells whether a photo has a thumbnail without reading it, and answers it', () => {
    const db = openCatalog(':memory:');
    const repo = photosRepoOf(db);
    const jpeg = Buffer.from([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9]);
    const withThumb = repo.save(
      {
        ...photoWrite('/shoot/a.jpg'),
        thumbnail: { jpeg, width: 3, height: 2, origin: 'embedded' },
      },
      null,
    );
    const without = repo.save(photoWrite('/shoot/b.jpg'), null);
    expect(repo.detail(withThumb)?.hasThumbnail).toBe(true);
    expect(repo.thumbnail(withThumb)?.equals(jpeg)).toBe(true);
    expect(repo.detail(without)?.hasThumbnail).toBe(false);
    expect(repo.thumbnail(without)).toBeNull();
    expect(repo.thumbnail(9999)).toBeNull();
    db.close();
  });

  it('stores rows made off the catalog thread exactly as it stores the photo itself', () => {
    const db = openCatalog(':memory:');
    const repo = photosRepoOf(db);
    const photo = photoWrite('/shoot/c.jpg', {
      caption: 'Kim Jong Un in Pyongyang',
      creators: ['Ahn Young-joon', 'Gavriil Grigorov'],
      keywords: ['politics'],
    });
    const direct = repo.save(photo, null);
    // As an import worker hands them over: through a structured clone.
    const rows = structuredClone(
      photoRowsOf({ ...photo, path: '/shoot/d.jpg', fileName: 'd.jpg' }),
    );
    const viaRows = repo.saveRows(rows, null);
    const a = repo.detail(direct);
    const b = repo.detail(viaRows);
    expect(b?.record).toEqual({ ...a?.record, path: '/shoot/d.jpg', fileName: 'd.jpg' });
    expect(b?.record.creators).toEqual(['Ahn Young-joon', 'Gavriil Grigorov']);
    db.close();
  });
});
