/**
 * Content Credentials in every container Cutline reads (issue 19 part 2): JPEG, PNG, WebP,
 * TIFF, AVIF, HEIC and DNG. The reference samples in PNG, AVIF and WebP carry no manifest,
 * so each file is signed here with the C2PA library's own Builder and a test certificate
 * openssl makes (tests/helpers/c2pa-sign.ts), stating a generative model as its digital
 * source. PNG, WebP, TIFF and AVIF are rendered by sharp, the DNG is a TIFF ExifTool gives a
 * DNG version; HEIC (sharp cannot encode it) and a camera DNG come from ../shared/fixtures/real
 * when present. Each is imported, summarised as valid, found by is:signed and is:ai-generated
 * and shown as made by a generative model; an unsigned copy of each is found by neither.
 * Then Cutline writes a caption into each: every file written in place was named first and
 * is recorded as broken by Cutline's edit (the library reading it agrees); a DNG's metadata
 * goes to a sidecar and its credentials stay valid.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readC2pa } from '../../src/main/metadata/read-c2pa';
import { importPaths } from '../../src/main/services/import-photos';
import { getPhotoByPath, searchLibrary } from '../../src/main/services/library';
import { provenanceLines } from '../../src/shared/provenance';
import { GENERATIVE_SOURCE, signGenerated, tryTestCertificates } from '../helpers/c2pa-sign';
import { setUpServicesShoot } from '../helpers/services-shoot';

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
      // LZW: a JPEG-compressed TIFF's image data cannot be checked unchanged after a write,
      // so the safe writer refuses to write into one at all (signed or not).
      await picture().tiff({ compression: 'lzw' }).toFile(path);
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
      await shoot.exiftool.write(
        path,
        { DNGVersion: '1.4.0.0', DNGBackwardVersion: '1.1.0.0', UniqueCameraModel: 'Test' },
        { writeArgs: ['-overwrite_original'] },
      );
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

const shoot = setUpServicesShoot('provenance-formats');

let noOpenssl: string | null = null;
const skipped = new Map<string, string>();
/** The formats whose files could be made here. */
const made = () => FORMATS.filter((format) => !skipped.has(format.name));
const photos = () => join(shoot.root, 'photos');
const signedPath = (format: Format) => join(photos(), `signed-${slug(format)}.${format.extension}`);
const plainPath = (format: Format) => join(photos(), `plain-${slug(format)}.${format.extension}`);
const slug = (format: Format) => format.name.toLowerCase().replace(/\W+/g, '-');

beforeAll(async () => {
  const certificates = tryTestCertificates(shoot.root);
  if (typeof certificates === 'string') {
    noOpenssl = certificates;
    return;
  }
  mkdirSync(photos());
  for (const format of FORMATS) {
    const why = await format.make(plainPath(format));
    if (why) skipped.set(format.name, why);
    else signGenerated(certificates, plainPath(format), signedPath(format), format.mimeType);
  }
  const summary = await importPaths(shoot.services.db, [photos()]);
  expect(summary.failed).toEqual([]);
}, 120_000);

/** The signed files of the formats made here, as the catalog finds them by `query`. */
function found(query: string): string[] {
  return searchLibrary(shoot.services.db, { query, offset: 0, limit: 100 })
    .items.map((item) => item.path)
    .sort();
}

describe('Content Credentials read from every container', () => {
  for (const format of FORMATS) {
    it(`${format.name}: signed is read as valid and generated; unsigned has none`, (context) => {
      const why = noOpenssl ?? skipped.get(format.name);
      if (why) {
        console.log(`skipped ${format.name}: ${why}`);
        context.skip();
        return;
      }
      const signed = getPhotoByPath(shoot.services.db, signedPath(format)).provenance;
      expect(signed?.state).toBe('valid');
      expect(signed?.signer).toBe('Cutline Tests');
      expect(signed?.digitalSourceTypes).toEqual([GENERATIVE_SOURCE]);
      expect(provenanceLines(signed!)).toEqual([
        'Created with Imaginary Diffusion 3, signed by Cutline Tests',
        'Digital source: created by a generative model',
        'Signature valid (untrusted signer: not on your trust list)',
      ]);
      expect(getPhotoByPath(shoot.services.db, plainPath(format)).provenance).toBeNull();
    });
  }

  it('finds the signed files of every format by is:signed and is:ai-generated, no others', (context) => {
    if (noOpenssl) {
      console.log(`skipped: ${noOpenssl}`);
      context.skip();
      return;
    }
    const expected = made().map(signedPath).sort();
    expect(found('is:signed')).toEqual(expected);
    expect(found('is:ai-generated')).toEqual(expected);
    expect(found('is:tampered')).toEqual([]);
  });

  it('never looks signed after Cutline writes into the file, in any format', async (context) => {
    if (noOpenssl) {
      console.log(`skipped: ${noOpenssl}`);
      context.skip();
      return;
    }
    const { db, editor, writer } = shoot.services;
    const ids = made().map((format) => getPhotoByPath(db, signedPath(format)).id);
    editor.setFields(ids, { caption: 'Edited in Cutline, Monday, June 3, 2024.' });
    const request = { ids, allChanged: false, sidecar: false };
    const warned = new Set(writer.credentialWarnings(request).map((warning) => warning.path));
    const before = new Map(made().map((format) => [format, readFileSync(signedPath(format))]));
    const summary = await writer.write(request);
    expect(summary.failed).toEqual([]);
    for (const format of made()) {
      const path = signedPath(format);
      const detail = getPhotoByPath(db, path);
      const bytes = readFileSync(path);
      if (format.extension === 'dng') {
        // RAW: the metadata goes to a sidecar, the file and its credentials stay as they were.
        expect(warned.has(path), format.name).toBe(false);
        expect(bytes.equals(before.get(format)!), format.name).toBe(true);
        expect(detail.provenance?.state, format.name).toBe('valid');
        continue;
      }
      // Named before the write, recorded after it, and the library reading the file agrees.
      expect(warned.has(path), format.name).toBe(true);
      expect(detail.provenance?.brokenByCutlineAt, format.name).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      // Who signed it stays known, even where the rewrite left a store the library cannot
      // parse (TIFF).
      expect(provenanceLines(detail.provenance!)[0], format.name).toBe(
        'Created with Imaginary Diffusion 3, signed by Cutline Tests',
      );
      expect(provenanceLines(detail.provenance!).at(-1), format.name).toMatch(
        /^Credentials no longer validate: Cutline wrote metadata into the file on /,
      );
      const read = await readC2pa(path, bytes, bytes.length);
      expect(read?.state ?? 'no credentials left', format.name).not.toBe('valid');
    }
    const raw = made().filter((format) => format.extension === 'dng');
    expect(found('is:signed')).toEqual(raw.map(signedPath).sort());
    const written = made().filter((format) => format.extension !== 'dng');
    expect(found('is:tampered')).toEqual(written.map(signedPath).sort());
  });
});
