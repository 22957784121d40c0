/**
 * Content Credentials in every container Cutline reads (issue 19 part 2): JPEG, PNG, WebP,
 * TIFF, AVIF, HEIC and DNG. The reference samples in PNG, AVIF and WebP carry no manifest,
 * so each file is signed here with the C2PA library's own Builder and a test certificate
 * openssl makes (tests/helpers/c2pa-sign.ts), stating a generative model as its digital
 * source. PNG, WebP, TIFF and AVIF are rendered by sharp, the DNG is a TIFF ExifTool gives a
 * DNG version; HEIC (sharp cannot encode it) and a camera DNG come from ../shared/fixtures/real
 * when present. Each is imported, summarised as valid, found by is:signed and is:ai-generated
 * and shown as made by a generative model; an unsigned copy of each is found by neither.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogDb } from '../../src/main/catalog/catalog-db';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { importPaths } from '../../src/main/services/import-photos';
import { getPhotoByPath, searchLibrary } from '../../src/main/services/library';
import { provenanceLines } from '../../src/shared/provenance';
import { GENERATIVE_SOURCE, signGenerated, tryTestCertificates } from '../helpers/c2pa-sign';
import { createExifTool } from '../helpers/make-photos';

const C2PA = join(import.meta.dirname, '..', 'fixtures', 'c2pa');
const REAL = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'real');

interface Format {
  name: string;
  extension: string;
  mimeType: string;
  /** Makes the unsigned file at `path`, or says why it cannot. */
  make(path: string): Promise<string | null>;
}

const picture = () =>
  sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 190, g: 70, b: 40 } } });

/** A file from ../shared/fixtures/real, or why it is not there. */
function real(relative: string) {
  return async (path: string) => {
    const source = join(REAL, relative);
    if (!existsSync(source)) return `no ${relative} under ../shared/fixtures/real`;
    copyFileSync(source, path);
    return null;
  };
}

const FORMATS: Format[] = [
  {
    name: 'JPEG',
    extension: 'jpg',
    mimeType: 'image/jpeg',
    make: async (path) => {
      copyFileSync(join(C2PA, 'no_manifest.jpg'), path);
      return null;
    },
  },
  {
    name: 'PNG',
    extension: 'png',
    mimeType: 'image/png',
    make: async (path) => {
      await picture().png().toFile(path);
      return null;
    },
  },
  {
    name: 'WebP',
    extension: 'webp',
    mimeType: 'image/webp',
    make: async (path) => {
      await picture().webp().toFile(path);
      return null;
    },
  },
  {
    name: 'TIFF',
    extension: 'tif',
    mimeType: 'image/tiff',
    make: async (path) => {
      await picture().tiff().toFile(path);
      return null;
    },
  },
  {
    name: 'AVIF',
    extension: 'avif',
    mimeType: 'image/avif',
    make: async (path) => {
      await picture().avif().toFile(path);
      return null;
    },
  },
  {
    name: 'DNG',
    extension: 'dng',
    mimeType: 'image/x-adobe-dng',
    make: async (path) => {
      await picture().tiff({ compression: 'none' }).toFile(path);
      const exiftool = createExifTool();
      try {
        await exiftool.write(
          path,
          { DNGVersion: '1.4.0.0', DNGBackwardVersion: '1.1.0.0', UniqueCameraModel: 'Test' },
          { writeArgs: ['-overwrite_original'] },
        );
      } finally {
        await exiftool.end();
      }
      return null;
    },
  },
  { name: 'HEIC', extension: 'heic', mimeType: 'image/heic', make: real('exiv2/Stonehenge.heic') },
  {
    name: 'camera DNG',
    extension: 'dng',
    mimeType: 'image/x-adobe-dng',
    make: real('exiftool/DNG.dng'),
  },
];

let root: string;
let db: CatalogDb | null = null;
let noOpenssl: string | null = null;
const skipped = new Map<string, string>();
const signedPath = (format: Format) => join(root, `signed-${slug(format)}.${format.extension}`);
const plainPath = (format: Format) => join(root, `plain-${slug(format)}.${format.extension}`);
const slug = (format: Format) => format.name.toLowerCase().replace(/\W+/g, '-');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cutline-c2pa-formats-'));
  const certificates = tryTestCertificates(root);
  if (typeof certificates === 'string') {
    noOpenssl = certificates;
    return;
  }
  for (const format of FORMATS) {
    const why = await format.make(plainPath(format));
    if (why) skipped.set(format.name, why);
    else signGenerated(certificates, plainPath(format), signedPath(format), format.mimeType);
  }
  db = openCatalog(':memory:');
  const summary = await importPaths(db, [root]);
  expect(summary.failed).toEqual([]);
}, 120_000);

afterAll(() => {
  db?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('Content Credentials read from every container', () => {
  for (const format of FORMATS) {
    it(`${format.name}: signed is read as valid and generated; unsigned has none`, (context) => {
      const why = noOpenssl ?? skipped.get(format.name);
      if (why || !db) {
        console.log(`skipped ${format.name}: ${why}`);
        context.skip();
        return;
      }
      const signed = getPhotoByPath(db, signedPath(format)).provenance;
      expect(signed?.state).toBe('valid');
      expect(signed?.signer).toBe('Cutline Tests');
      expect(signed?.digitalSourceTypes).toEqual([GENERATIVE_SOURCE]);
      expect(provenanceLines(signed!)).toEqual([
        'Created with Imaginary Diffusion 3, signed by Cutline Tests',
        'Digital source: created by a generative model',
        'Signature valid (untrusted signer: not on your trust list)',
      ]);
      expect(getPhotoByPath(db, plainPath(format)).provenance).toBeNull();
    });
  }

  it('finds the signed files of every format by is:signed and is:ai-generated, no others', (context) => {
    if (noOpenssl || !db) {
      console.log(`skipped: ${noOpenssl}`);
      context.skip();
      return;
    }
    const made = FORMATS.filter((format) => !skipped.has(format.name));
    const expected = made.map(signedPath).sort();
    const found = (query: string) =>
      searchLibrary(db!, { query, offset: 0, limit: 100 })
        .items.map((item) => item.path)
        .sort();
    expect(found('is:signed')).toEqual(expected);
    expect(found('is:ai-generated')).toEqual(expected);
    expect(found('is:tampered')).toEqual([]);
  });
});
