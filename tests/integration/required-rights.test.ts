/**
 * Rights fields the house requires (issue 19 part 3): the desk names them in the settings
 * (here through `cutline settings set`, as a user would), and the caption checks name the ones
 * a photo leaves empty. Photos are real JPEGs whose rights fields ExifTool writes; release:none
 * finds a photo whose model release status is None or absent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogDb } from '../../src/main/catalog/catalog-db';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { importPaths } from '../../src/main/services/import-photos';
import { getPhotoByPath, searchLibrary } from '../../src/main/services/library';
import { getSettings } from '../../src/main/services/settings';
import { checkCaption } from '../../src/shared/checks/caption-checks';
import { createExifTool, makeJpeg } from '../helpers/make-photos';
import { runCutline } from '../helpers/run-cutline';

let exiftool: ExifTool;
let root: string;
let catalog: string;

const CAPTION = {
  'XMP-dc:Description': 'Crowds gather in the square, Monday, June 3, 2024.',
  'XMP-photoshop:Credit': 'Agence Exemple',
};

beforeAll(async () => {
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-required-rights-'));
  catalog = join(root, 'catalog.sqlite');
  await makeJpeg(exiftool, join(root, 'photos', 'bare.jpg'), { tags: CAPTION });
  await makeJpeg(exiftool, join(root, 'photos', 'owner-only.jpg'), {
    tags: { ...CAPTION, 'XMP-plus:CopyrightOwnerName': ['Agence Exemple'] },
  });
  await makeJpeg(exiftool, join(root, 'photos', 'release-none.jpg'), {
    tags: {
      ...CAPTION,
      'XMP-plus:CopyrightOwnerName': ['Agence Exemple'],
      'XMP-plus:ModelReleaseStatus#': 'MR-NON',
    },
  });
  await makeJpeg(exiftool, join(root, 'photos', 'released.jpg'), {
    tags: {
      ...CAPTION,
      'XMP-plus:CopyrightOwnerName': ['Agence Exemple'],
      'XMP-plus:ModelReleaseStatus#': 'MR-UMR',
    },
  });
  const db = openCatalog(catalog);
  try {
    expect((await importPaths(db, [join(root, 'photos')])).failed).toEqual([]);
  } finally {
    db.close();
  }
}, 60_000);

afterAll(async () => {
  await exiftool?.end();
  await rm(root, { recursive: true, force: true });
});

/** What the caption checks say about the rights of `name`, with the catalog's settings. */
function rightsWarnings(db: CatalogDb, name: string) {
  const detail = getPhotoByPath(db, join(root, 'photos', name));
  const { requiredRightsFields } = getSettings(db);
  return checkCaption(detail.record, { requiredFields: requiredRightsFields }).filter(
    (warning) => warning.id === 'rights-missing',
  );
}

describe('rights fields the house requires', () => {
  it('asks for nothing until the house names fields', () => {
    const db = openCatalog(catalog);
    try {
      expect(getSettings(db).requiredRightsFields).toEqual([]);
      expect(rightsWarnings(db, 'bare.jpg')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('names the required fields each photo leaves empty', async () => {
    const set = await runCutline([
      'settings',
      'set',
      'requiredRightsFields',
      '["copyrightOwners","modelReleaseStatus"]',
      '--db',
      catalog,
    ]);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('requiredRightsFields: ["copyrightOwners","modelReleaseStatus"]');

    const db = openCatalog(catalog);
    try {
      const bare = rightsWarnings(db, 'bare.jpg');
      expect(bare).toHaveLength(1);
      expect(bare[0]?.field).toBe('copyrightOwners');
      expect(bare[0]?.message).toBe(
        'The house requires rights fields this photo leaves empty: Copyright owner, Model release status.',
      );
      expect(rightsWarnings(db, 'owner-only.jpg').map((w) => w.message)).toEqual([
        'The house requires rights fields this photo leaves empty: Model release status.',
      ]);
      // As `cutline show` says it.
      const show = await runCutline(['show', join(root, 'photos', 'bare.jpg'), '--db', catalog]);
      expect(show.stdout.split('\n')).toContain(
        'check: The house requires rights fields this photo leaves empty: Copyright owner, Model release status.',
      );
      // "None" is an answer to the release question: the field is filled.
      expect(rightsWarnings(db, 'release-none.jpg')).toEqual([]);
      expect(rightsWarnings(db, 'released.jpg')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('refuses a field that is not a rights field, in one line, keeping the list', async () => {
    const bad = await runCutline([
      'settings',
      'set',
      'requiredRightsFields',
      '["copyrightOwners","caption"]',
      '--db',
      catalog,
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('requiredRightsFields');
    const db = openCatalog(catalog);
    try {
      expect(getSettings(db).requiredRightsFields).toEqual([
        'copyrightOwners',
        'modelReleaseStatus',
      ]);
    } finally {
      db.close();
    }
  });

  it('finds photos without a model release by release:none', () => {
    const db = openCatalog(catalog);
    try {
      const found = searchLibrary(db, { query: 'release:none', offset: 0, limit: 10 })
        .items.map((item) => item.fileName)
        .sort();
      expect(found).toEqual(['bare.jpg', 'owner-only.jpg', 'release-none.jpg']);
    } finally {
      db.close();
    }
  });
});
