import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { scanJpeg } from '../../src/main/metadata/jpeg-scan';
import { photoshopThumbnail } from '../../src/main/metadata/photoshop-thumbnail';
import { HEAD_BYTES } from '../../src/main/metadata/read-photo';
import { makeThumbnail } from '../../src/main/metadata/thumbnail';
import { importPaths } from '../../src/main/services/import-photos';
import { createExifTool } from '../helpers/make-photos';

/**
 * A JPEG without an EXIF thumbnail but with Photoshop's own (image resource 0x040C, which
 * Photoshop writes into every file it saves) gets that one, as an embedded thumbnail, and is
 * not rendered. The files are made here (the thumbnail written by ExifTool) and, when present,
 * are the shared real fixtures, read byte for byte as ExifTool extracts them.
 */
let exiftool: ExifTool;
let root: string;
/** The picture photoshopOnly makes, as its header says (stored, before any turn). */
const PICTURE = { width: 1200, height: 800 };

const REAL = join(__dirname, '../../../shared/fixtures/real');
/** A real file whose Photoshop thumbnail (160×120, a patio) is not its picture (420×300, blank). */
const REAL_STALE = join(REAL, 'exiv2/iptc-psAPP13s-wIPTCs-psAPP13s-wIPTCs.jpg');

beforeAll(async () => {
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-photoshop-thumbs-'));
});
afterAll(async () => {
  await exiftool.end();
  await rm(root, { recursive: true, force: true });
});

/**
 * A red 1200×800 JPEG whose only thumbnail is Photoshop's: a green JPEG (160×107 unless said),
 * written by ExifTool. Returns the photo's path and the thumbnail's bytes.
 */
async function photoshopOnly(
  name: string,
  [thumbWidth, thumbHeight] = [160, 107],
): Promise<{ path: string; thumbnail: Buffer }> {
  const path = join(root, name);
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#c02020' } })
    .jpeg()
    .toFile(path);
  // Beside the test's folders, not in them: an import must find the photo alone.
  const thumbnailPath = join(root, `${name.replaceAll('/', '-')}.thumbnail.jpeg`);
  await sharp({
    create: { width: thumbWidth, height: thumbHeight, channels: 3, background: '#20c020' },
  })
    .jpeg({ quality: 80 })
    .toFile(thumbnailPath);
  await exiftool.write(path, {}, ['-overwrite_original', `-PhotoshopThumbnail<=${thumbnailPath}`]);
  const tags = await exiftool.read(path);
  expect(tags.ThumbnailImage).toBeUndefined();
  return { path, thumbnail: readFileSync(thumbnailPath) };
}

/** What ExifTool extracts as the file's Photoshop thumbnail. */
async function exiftoolsPhotoshopThumbnail(path: string): Promise<Buffer> {
  const out = join(root, 'extracted.jpg');
  await rm(out, { force: true });
  await exiftool.extractBinaryTag('PhotoshopThumbnail', path, out);
  return readFileSync(out);
}

/** The mean green of a thumbnail less its red: Photoshop's thumbnail is green, the picture red. */
async function greenOf(jpeg: Buffer): Promise<number> {
  const stats = await sharp(jpeg).stats();
  return stats.channels[1]!.mean - stats.channels[0]!.mean;
}

describe("Photoshop's thumbnail", () => {
  it('is the thumbnail of a JPEG without an EXIF one, kept as written when upright', async () => {
    const { path, thumbnail } = await photoshopOnly('upright.jpg');
    const head = readFileSync(path).subarray(0, HEAD_BYTES);
    const thumb = await makeThumbnail(path, { head, ...PICTURE, orientation: 1, render: false });
    expect(thumb).toMatchObject({ origin: 'embedded', width: 160, height: 107 });
    expect(Buffer.compare(Buffer.from(thumb!.jpeg), thumbnail)).toBe(0);
    // Without the head read for it (the app's later passes): read from the file.
    expect(await makeThumbnail(path, { ...PICTURE, orientation: 1, render: false })).toMatchObject({
      origin: 'embedded',
      width: 160,
    });
  });

  it('is turned by the photo’s orientation, like an EXIF thumbnail', async () => {
    const { path } = await photoshopOnly('turned.jpg');
    const thumb = await makeThumbnail(path, { ...PICTURE, orientation: 6, render: false });
    expect(thumb).toMatchObject({ origin: 'embedded', width: 107, height: 160 });
    expect(await greenOf(thumb!.jpeg)).toBeGreaterThan(100);
  });

  it('is what import stores: nothing is rendered from the picture', async () => {
    const folder = join(root, 'import');
    await mkdir(folder, { recursive: true });
    await photoshopOnly('import/wire.jpg');
    const db = openCatalog(join(root, 'catalog.db'));
    try {
      const summary = await importPaths(db, [folder]);
      expect(summary.imported).toBe(1);
      const repo = new PhotosRepo(db);
      const photo = repo.findByPath(join(folder, 'wire.jpg'))!;
      const jpeg = repo.thumbnail(photo.id);
      // Green: Photoshop's thumbnail, not a render of the red picture.
      expect(await greenOf(jpeg!)).toBeGreaterThan(100);
    } finally {
      db.close();
    }
  });

  it('leaves Photoshop 4.0’s BGR thumbnail, raw pixels and a cut-off resource alone', async () => {
    const { thumbnail } = await photoshopOnly('bytes.jpg');
    const resource = (id: number, format: number, jpeg: Buffer, declared = jpeg.length) => {
      const header = Buffer.alloc(28);
      header.writeUInt32BE(format, 0);
      header.writeUInt32BE(declared, 20);
      const data = Buffer.concat([header, jpeg]);
      const head = Buffer.alloc(12);
      head.write('8BIM', 0, 'latin1');
      head.writeUInt16BE(id, 4);
      head.writeUInt32BE(data.length, 8);
      return Buffer.concat([head, data, Buffer.alloc(data.length & 1)]);
    };
    const copyright = resource(0x040a, 0, Buffer.of(1));
    expect(photoshopThumbnail(Buffer.concat([copyright, resource(0x040c, 1, thumbnail)]))).toEqual(
      thumbnail,
    );
    expect(photoshopThumbnail(resource(0x0409, 1, thumbnail))).toBeNull();
    expect(photoshopThumbnail(resource(0x040c, 0, thumbnail))).toBeNull();
    const cut = resource(0x040c, 1, thumbnail, thumbnail.length + 50);
    expect(photoshopThumbnail(cut)).toBeNull();
  });

  it('is refused when it is not the shape of the picture: a crop or a new picture kept the old one', async () => {
    const { path } = await photoshopOnly('square.jpg', [160, 160]);
    expect(await makeThumbnail(path, { ...PICTURE, orientation: 1, render: false })).toBeNull();
  });

  it.skipIf(!existsSync(REAL))(
    'is read from every real fixture that has one, byte for byte what ExifTool extracts',
    async () => {
      const jpegs = readdirSync(REAL, { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.jpe?g$/i.test(name))
        .map((name) => join(REAL, name));
      let found = 0;
      for (const path of jpegs) {
        const bytes = readFileSync(path);
        const ours = scanJpeg(bytes, true)
          .irbs.map(photoshopThumbnail)
          .find((jpeg) => jpeg !== null);
        const tags = (await exiftool.read(path)) as { PhotoshopThumbnail?: unknown };
        if (!tags.PhotoshopThumbnail) {
          expect(ours, path).toBeUndefined();
          continue;
        }
        found++;
        expect(ours, path).toEqual(await exiftoolsPhotoshopThumbnail(path));
      }
      expect(found).toBeGreaterThanOrEqual(10);
    },
  );

  it.skipIf(!existsSync(REAL_STALE))(
    'is refused in the real file whose thumbnail shows another picture',
    async () => {
      const head = readFileSync(REAL_STALE).subarray(0, HEAD_BYTES);
      const options = { head, width: 420, height: 300, orientation: 1, render: false };
      expect(await makeThumbnail(REAL_STALE, options)).toBeNull();
    },
  );
});
