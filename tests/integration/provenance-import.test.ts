/**
 * C2PA Content Credentials at import (issue 19, parts 2 and 3): the reference library's own
 * test files (tests/fixtures/c2pa, with their licence) are imported, their summaries stored
 * and shown in plain words, found by is:signed, is:tampered, is:credentials-fail and
 * is:ai-generated, and the caption checks ask for a disclosure on a generated image.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogDb } from '../../src/main/catalog/catalog-db';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { importPaths } from '../../src/main/services/import-photos';
import { getPhotoByPath, searchLibrary } from '../../src/main/services/library';
import { createReadPool } from '../../src/main/services/read-pool';
import { checkCaption } from '../../src/shared/checks/caption-checks';
import { provenanceLines } from '../../src/shared/provenance';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'c2pa');
let root: string;
let db: CatalogDb;

function found(query: string): string[] {
  return searchLibrary(db, { query, offset: 0, limit: 100 })
    .items.map((item) => item.fileName)
    .sort();
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-c2pa-'));
  await cp(FIXTURES, root, { recursive: true, filter: (path) => !path.endsWith('.md') });
  db = openCatalog(':memory:');
  const summary = await importPaths(db, [root]);
  expect(summary.failed).toEqual([]);
}, 60_000);

afterAll(async () => {
  db?.close();
  await rm(root, { recursive: true, force: true });
});

describe('Content Credentials read at import', () => {
  it("stores each file's summary and shows it in plain words", () => {
    const valid = getPhotoByPath(db, join(root, 'C.jpg')).provenance;
    expect(valid?.state).toBe('valid');
    expect(provenanceLines(valid!).at(-1)).toBe(
      'Signature valid (untrusted signer: not on your trust list)',
    );
    // A claim with an ingredient, edited after it was opened: the chain reads in full.
    expect(provenanceLines(getPhotoByPath(db, join(root, 'CA.jpg')).provenance!)).toEqual([
      'Made with make_test_images 0.33.1, signed by C2PA Test Signing Cert on 2024-08-06',
      'Edited in make_test_images 0.33.1 (colour)',
      'Made from: A.jpg (edited from it)',
      'Signature valid (untrusted signer: not on your trust list)',
    ]);
    expect(getPhotoByPath(db, join(root, 'XCA.jpg')).provenance?.state).toBe('tampered');
    expect(getPhotoByPath(db, join(root, 'E-sig-CA.jpg')).provenance?.state).toBe('bad-signature');
    expect(getPhotoByPath(db, join(root, 'cloud.jpg')).provenance?.state).toBe('remote');
    expect(getPhotoByPath(db, join(root, 'no_manifest.jpg')).provenance).toBeNull();
    expect(getPhotoByPath(db, join(root, 'sample1.webp')).provenance).toBeNull();
  });

  it('finds photos by their credentials', () => {
    expect(found('is:signed')).toEqual(['C.jpg', 'CA.jpg', 'CIE-sig-CA.jpg']);
    expect(found('is:tampered')).toEqual(['XCA.jpg']);
    expect(found('is:credentials-fail')).toEqual(['E-sig-CA.jpg', 'XCA.jpg']);
    // algorithmicMedia (CIE-sig-CA.jpg) is not a generative model's work.
    expect(found('is:ai-generated')).toEqual([]);
  });

  it('asks for a disclosure in the caption of a generated image', () => {
    const detail = getPhotoByPath(db, join(root, 'CIE-sig-CA.jpg'));
    const ids = (fields: typeof detail.record) =>
      checkCaption(fields, { provenance: detail.provenance }).map((w) => w.id);
    expect(ids({ ...detail.record, caption: 'A gradient, Monday, June 3, 2024.' })).toContain(
      'undisclosed-generated',
    );
    expect(
      ids({ ...detail.record, caption: 'An AI-generated gradient, Monday, June 3, 2024.' }),
    ).not.toContain('undisclosed-generated');
    const tampered = getPhotoByPath(db, join(root, 'XCA.jpg'));
    expect(
      checkCaption(tampered.record, { provenance: tampered.provenance }).map((w) => w.id),
    ).toContain('credentials-fail');
  });
});

describe('a read pool made with C2PA reading off (bench:import\'s "off" runs)', () => {
  it('imports a signed file without its credentials, in-process and through a worker', async () => {
    for (const workers of [0, 1]) {
      const catalog = openCatalog(':memory:');
      const pool = createReadPool(workers, { readC2pa: false });
      try {
        if (workers > 0) await pool.warmUp();
        const summary = await importPaths(catalog, [join(root, 'C.jpg')], { pool });
        expect(summary.imported, `${workers} workers`).toBe(1);
        expect(
          getPhotoByPath(catalog, join(root, 'C.jpg')).provenance,
          `${workers} workers`,
        ).toBeNull();
      } finally {
        await pool.close();
        catalog.close();
      }
    }
  }, 60_000);
});
