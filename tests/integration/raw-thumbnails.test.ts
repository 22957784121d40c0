import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { makeThumbnail } from '../../src/main/metadata/thumbnail';
import { importPaths } from '../../src/main/services/import-photos';
import { createExifTool } from '../helpers/make-photos';

/** RAW thumbnails come from the camera's embedded JPEG preview, found without ExifTool. */
let exiftool: ExifTool;
let root: string;

const REAL = join(__dirname, '../../../shared/fixtures/real');
const REAL_DNG = join(REAL, 'photoprism/canon_eos_6d.dng');

beforeAll(async () => {
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-raw-thumbs-'));
});
afterAll(async () => {
  await exiftool.end();
  await rm(root, { recursive: true, force: true });
});

/** A solid-colour JPEG of the given size. */
function jpegOf(width: number, height: number, g: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g, b: 20 } } })
    .jpeg()
    .toBuffer();
}

/**
 * A DNG (a TIFF as ExifTool sees it by its name) whose IFD0 holds a 1024×683 green JPEG
 * preview written by ExifTool, as a camera's DNG keeps one.
 */
async function dngWithPreview(name: string): Promise<string> {
  const path = join(root, name);
  await sharp({ create: { width: 600, height: 400, channels: 3, background: '#c02020' } })
    .tiff({ compression: 'jpeg' })
    .toFile(path);
  const preview = join(root, `${name}.preview.jpg`);
  await sharp(await jpegOf(1024, 683, 200)).toFile(preview);
  await exiftool.write(path, {}, ['-overwrite_original', `-PreviewImage<=${preview}`]);
  return path;
}

/** The mean green of a thumbnail: the preview is green, the main picture red. */
async function greenOf(jpeg: Buffer): Promise<number> {
  const stats = await sharp(jpeg).stats();
  return stats.channels[1]!.mean - stats.channels[0]!.mean;
}

describe('RAW thumbnails from embedded previews', () => {
  it('a DNG with a PreviewImage gets its thumbnail from it, upright by its orientation', async () => {
    const path = await dngWithPreview('preview.dng');
    const thumb = await makeThumbnail(path, { orientation: 1 });
    expect(thumb).toMatchObject({ origin: 'embedded', width: 256, height: 171 });
    expect(await greenOf(thumb!.jpeg)).toBeGreaterThan(100);
    const turned = await makeThumbnail(path, { orientation: 6 });
    expect(turned).toMatchObject({ origin: 'embedded', width: 171, height: 256 });
  });

  it('import stores the embedded preview as the grid thumbnail of a DNG', async () => {
    const folder = join(root, 'import');
    await mkdir(folder, { recursive: true });
    await copyFile(await dngWithPreview('second.dng'), join(folder, 'second.dng'));
    const db = openCatalog(join(root, 'catalog.db'));
    try {
      const summary = await importPaths(db, [folder]);
      expect(summary.imported).toBe(1);
      const repo = new PhotosRepo(db);
      const photo = repo.findByPath(join(folder, 'second.dng'))!;
      const jpeg = repo.thumbnail(photo.id);
      expect(jpeg).not.toBeNull();
      expect(await greenOf(jpeg!)).toBeGreaterThan(100);
    } finally {
      db.close();
    }
  });

  it('a file that is not a RAW layout gives no preview, and no exception', async () => {
    const path = join(root, 'fake.nef');
    await sharp(await jpegOf(300, 200, 90))
      .png()
      .toFile(path);
    expect(await makeThumbnail(path)).toBeNull();
  });

  it.skipIf(!existsSync(REAL_DNG))(
    'a real DNG (Canon EOS 6D) shows its embedded preview',
    async () => {
      const thumb = await makeThumbnail(REAL_DNG, { orientation: 1 });
      expect(thumb).toMatchObject({ origin: 'embedded' });
      expect(Math.max(thumb!.width, thumb!.height)).toBe(256);
    },
  );
  it.skipIf(existsSync(REAL_DNG))('a real DNG (skipped: no fixture)', () => {
    console.warn(`skipped the real DNG thumbnail test: ${REAL_DNG} is absent`);
  });
});
