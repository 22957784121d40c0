import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogDb } from '../../src/main/catalog/catalog-db';
import { addRunPhotos, startRun } from '../../src/main/catalog/import-runs-repo';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { searchLibrary } from '../../src/main/services/library';
import { photoWrite } from '../helpers/photo-write';

let db: CatalogDb;

beforeAll(() => {
  db = openCatalog(':memory:');
  const repo = new PhotosRepo(db);
  repo.save(
    photoWrite('/shoot/01.jpg', {
      caption: 'North Korean leader Kim Jong Un attends a parade in Pyongyang.',
      creators: ['Gavriil Grigorov'],
      creditLine: 'Sputnik, Kremlin Pool Photo via AP',
      source: 'Pool Sputnik Kremlin',
      city: 'Pyongyang',
      keywords: ['politics', 'military'],
    }),
    null,
  );
  repo.save(
    photoWrite('/shoot/02.jpg', {
      caption: 'A woman walks past a screen in Seoul.',
      headline: 'Seoul reacts to Pyongyang summit',
      creators: ['Ahn Young-joon'],
      creditLine: 'AP Photo/Ahn Young-joon',
      city: 'Séoul',
    }),
    null,
  );
  repo.save(
    photoWrite('/shoot/03.jpg', {
      caption: '',
      personsShown: ['Vladimir Putin'],
      copyrightNotice: '© 2024 Sputnik',
    }),
    null,
  );
  const over = photoWrite('/shoot/04.jpg', { caption: 'Over', creditLine: 'X'.repeat(40) });
  over.overIimLimit = true;
  over.copiesDisagree = true;
  over.technical.warnings = ['IIM and XMP disagree on caption'];
  repo.save(over, null);
});

const paths = (query: string) =>
  searchLibrary(db, { query, offset: 0, limit: 50 }).items.map((p) => p.fileName);

describe('library search', () => {
  it('finds a word in caption, headline, keywords, creators or credit', () => {
    expect(paths('pyongyang')).toEqual(['01.jpg', '02.jpg']);
    expect(paths('military')).toEqual(['01.jpg']);
    expect(paths('grigorov')).toEqual(['01.jpg']);
    expect(paths('Kremlin')).toEqual(['01.jpg']);
    expect(paths('putin')).toEqual(['03.jpg']);
  });

  it('matches prefixes as people type, ignoring case and accents', () => {
    expect(paths('pyong')).toEqual(['01.jpg', '02.jpg']);
    expect(paths('SEOUL')).toEqual(['02.jpg']);
    expect(paths('city:seoul')).toEqual(['02.jpg']);
  });

  it('scopes words and phrases to a field', () => {
    expect(paths('city:pyongyang')).toEqual(['01.jpg']);
    expect(paths('headline:pyongyang')).toEqual(['02.jpg']);
    expect(paths('creator:ahn')).toEqual(['02.jpg']);
    expect(paths('"kim jong un"')).toEqual(['01.jpg']);
    expect(paths('"jong kim"')).toEqual([]);
    expect(paths('copyright:sputnik')).toEqual(['03.jpg']);
  });

  it('finds empty fields', () => {
    expect(paths('caption:empty')).toEqual(['03.jpg']);
    expect(paths('keywords:empty')).toEqual(['02.jpg', '03.jpg', '04.jpg']);
    expect(paths('headline:empty city:empty')).toEqual(['03.jpg', '04.jpg']);
    expect(paths('credit:empty pyongyang')).toEqual([]);
    expect(paths('file:empty')).toEqual([]);
  });

  it('searches file names and the fields outside the default set', () => {
    expect(paths('file:02')).toEqual(['02.jpg']);
    expect(paths('format:jpeg')).toHaveLength(4);
    expect(paths('copyright:2024')).toEqual(['03.jpg']);
    // A bare word searches only the fields people mean: not the copyright notice.
    expect(paths('2024')).toEqual([]);
  });

  it('counts the same photos it lists, whatever the mix of conditions', () => {
    for (const query of ['pyongyang', 'is:problem', 'is:problem over', 'file:0 seoul', '']) {
      const page = searchLibrary(db, { query, offset: 0, limit: 50 });
      expect(page.total, query).toBe(page.items.length);
    }
  });

  it('finds the photos an import run found, or the latest run found', () => {
    const repo = new PhotosRepo(db);
    const idOf = (path: string) => repo.findByPath(path)?.id ?? 0;
    // Put under the folder after the runs: no run found it, whatever its path.
    const later = repo.save(photoWrite('/shoot/05.jpg', { caption: 'Pyongyang at dawn' }), null);
    const first = startRun(db, ['/shoot/01.jpg', '/shoot/02.jpg']);
    addRunPhotos(db, first, [idOf('/shoot/01.jpg'), idOf('/shoot/02.jpg')]);
    const latest = startRun(db, ['/shoot']);
    addRunPhotos(
      db,
      latest,
      ['01', '02', '03', '04'].map((n) => idOf(`/shoot/${n}.jpg`)),
    );
    try {
      expect(paths(`import:${first}`)).toEqual(['01.jpg', '02.jpg']);
      expect(paths('import:last')).toEqual(['01.jpg', '02.jpg', '03.jpg', '04.jpg']);
      expect(paths(`import:${latest} pyongyang`)).toEqual(['01.jpg', '02.jpg']);
      expect(paths(`import:${first} import:${latest} seoul`)).toEqual(['02.jpg']);
      expect(paths('import:999')).toEqual([]);
      expect(searchLibrary(db, { query: 'import:soon', offset: 0, limit: 5 }).queryNote).toBe(
        '"import:soon" is not an import: write import:last or import:12.',
      );
      // The run's photos are read through its key, not by scanning every photo.
      const plan = (
        db
          .prepare('EXPLAIN QUERY PLAN SELECT photo_id FROM import_run_photos WHERE run_id = ?')
          .all(latest) as { detail: string }[]
      ).map((row) => row.detail);
      expect(plan.join('\n')).toMatch(/SEARCH import_run_photos USING PRIMARY KEY \(run_id=\?\)/);
    } finally {
      db.prepare('DELETE FROM import_runs').run();
      db.prepare('DELETE FROM photos WHERE id = ?').run(later);
    }
  });

  it('applies the problem filters', () => {
    expect(paths('is:no-credit')).toEqual(['03.jpg']);
    expect(paths('is:no-caption')).toEqual(['03.jpg']);
    expect(paths('is:over-limit')).toEqual(['04.jpg']);
    expect(paths('is:disagree')).toEqual(['04.jpg']);
    expect(paths('is:problem')).toEqual(['04.jpg']);
  });

  it('treats FTS syntax in user text as plain words', () => {
    for (const odd of ['NEAR(a b)', 'a OR', '"unclosed', 'col:*', '^x', 'AND', '-']) {
      expect(() => paths(odd)).not.toThrow();
    }
  });

  it('pages results and reports the total', () => {
    const page = searchLibrary(db, { query: '', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((p) => p.fileName)).toEqual(['02.jpg', '03.jpg']);
  });

  it('passes on a note for a query it could not fully understand', () => {
    expect(searchLibrary(db, { query: 'is:whatever', offset: 0, limit: 5 }).queryNote).toMatch(
      /Unknown filter/,
    );
  });
});
