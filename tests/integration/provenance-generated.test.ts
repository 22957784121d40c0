/**
 * A generated image (issue 19): signed here with the C2PA library's own Builder, with a test
 * certificate chain openssl makes for the test (the library ships none; tests/helpers/c2pa-sign.ts), its c2pa.created
 * action stating the IPTC digital source type trainedAlgorithmicMedia. Read at import, it is
 * shown as made by a generative model, found by is:ai-generated, and its caption is checked
 * for a disclosure. Skipped, saying why, where openssl is missing.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogDb } from '../../src/main/catalog/catalog-db';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { readC2pa } from '../../src/main/metadata/read-c2pa';
import { importPaths } from '../../src/main/services/import-photos';
import { getPhotoByPath, searchLibrary } from '../../src/main/services/library';
import { createReadPool } from '../../src/main/services/read-pool';
import { updateSettings } from '../../src/main/services/settings';
import { checkCaption } from '../../src/shared/checks/caption-checks';
import { isAiGenerated, provenanceLines } from '../../src/shared/provenance';
import { signGenerated, tryTestCertificates } from '../helpers/c2pa-sign';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'c2pa');
let root: string;
let db: CatalogDb | null = null;
let missing: string | null = null;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cutline-c2pa-generated-'));
  const certificates = tryTestCertificates(root);
  if (typeof certificates === 'string') {
    missing = certificates;
    return;
  }
  const source = join(root, 'source.jpg');
  copyFileSync(join(FIXTURES, 'no_manifest.jpg'), source);
  signGenerated(certificates, source, join(root, 'generated.jpg'), 'image/jpeg');
  rmSync(source);
  db = openCatalog(':memory:');
  await importPaths(db, [root]);
}, 60_000);

afterAll(() => {
  db?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('an image a generative model made', () => {
  it('is shown, found and checked as such', (context) => {
    if (missing || !db) {
      console.log(`skipped: ${missing}`);
      context.skip();
      return;
    }
    const detail = getPhotoByPath(db, join(root, 'generated.jpg'));
    expect(detail.provenance?.state).toBe('valid');
    expect(detail.provenance?.trust).toBe('untrusted');
    expect(detail.provenance?.signedAt).toBeNull();
    expect(isAiGenerated(detail.provenance)).toBe(true);
    expect(provenanceLines(detail.provenance!)).toEqual([
      // No time-stamp authority was asked (no network): the signature has no time.
      'Created with Imaginary Diffusion 3, signed by Cutline Tests',
      'Digital source: created by a generative model',
      'Signature valid (untrusted signer: not on your trust list)',
    ]);
    expect(searchLibrary(db, { query: 'is:ai-generated', offset: 0, limit: 10 }).total).toBe(1);
    const ids = (caption: string) =>
      checkCaption({ ...detail.record, caption }, { provenance: detail.provenance }).map(
        (w) => w.id,
      );
    expect(ids('A street at dusk, Monday, June 3, 2024.')).toContain('undisclosed-generated');
    expect(ids('An AI-generated street at dusk, Monday, June 3, 2024.')).not.toContain(
      'undisclosed-generated',
    );
  });

  it('is signed by a trusted signer once its root is on the trust list', async (context) => {
    if (missing) {
      console.log(`skipped: ${missing}`);
      context.skip();
      return;
    }
    const path = join(root, 'generated.jpg');
    const bytes = readFileSync(path);
    const trustAnchors = readFileSync(join(root, 'ca.pem'), 'utf8');
    const trusted = await readC2pa(path, bytes, bytes.length, { trustAnchors });
    expect(trusted?.trust).toBe('trusted');
    expect(provenanceLines(trusted!).at(-1)).toBe('Signature valid (signer on your trust list)');
  });

  it('is imported as trusted with the root in the trust-list setting, untrusted without', async (context) => {
    if (missing) {
      console.log(`skipped: ${missing}`);
      context.skip();
      return;
    }
    const path = join(root, 'generated.jpg');
    const anchors = readFileSync(join(root, 'ca.pem'), 'utf8');
    // In-process and through a worker thread: the setting must reach both ways of reading.
    for (const workers of [0, 1]) {
      const catalog = openCatalog(':memory:');
      const pool = createReadPool(workers);
      try {
        updateSettings(catalog, { c2paTrustAnchors: anchors });
        if (workers > 0) await pool.warmUp();
        await importPaths(catalog, [path], { pool });
        const withList = getPhotoByPath(catalog, path).provenance;
        expect(withList?.trust, `${workers} workers`).toBe('trusted');
        expect(provenanceLines(withList!).at(-1)).toBe(
          'Signature valid (signer on your trust list)',
        );

        // The list emptied, a re-import (the file touched so it is read again) says untrusted.
        updateSettings(catalog, { c2paTrustAnchors: '' });
        const again = join(root, `again-${workers}.jpg`);
        copyFileSync(path, again);
        await importPaths(catalog, [again], { pool });
        expect(getPhotoByPath(catalog, again).provenance?.trust, `${workers} workers`).toBe(
          'untrusted',
        );
        rmSync(again);
      } finally {
        await pool.close();
        catalog.close();
      }
    }
  });

  it('refuses a trust list that is not PEM certificates', () => {
    const catalog = openCatalog(':memory:');
    try {
      expect(() => updateSettings(catalog, { c2paTrustAnchors: '/etc/ssl/certs/ca.pem' })).toThrow(
        /PEM certificates only/,
      );
    } finally {
      catalog.close();
    }
  });
});
