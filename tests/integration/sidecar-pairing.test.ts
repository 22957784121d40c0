/**
 * Sidecars pair with their photo by exact name (issue 13, part 7): on a case-sensitive file
 * system `img_0002.xmp` is not IMG_0002.JPG's sidecar, and is reported instead of merged.
 * The sidecars are written by ExifTool beside photos rendered by sharp.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool, WriteTags } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { scanPaths } from '../../src/main/services/folder-scan';
import { importPaths } from '../../src/main/services/import-photos';
import { getPhotoByPath } from '../../src/main/services/library';
import { createExifTool, renderJpeg } from '../helpers/make-photos';

let exiftool: ExifTool;
let root: string;

/** A new XMP sidecar holding a caption, written by ExifTool. */
async function sidecar(name: string, caption: string): Promise<void> {
  await exiftool.write(join(root, name), { 'XMP-dc:Description': caption } as WriteTags, {
    useMWG: false,
  });
}

beforeAll(async () => {
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-sidecars-'));
  await renderJpeg(join(root, 'IMG_0001.JPG'));
  for (const name of ['IMG_0002.JPG', 'IMG_0005.JPG']) {
    await copyFile(join(root, 'IMG_0001.JPG'), join(root, name));
  }
  // TIFFs named like RAW files: read as RAW (the sidecar wins), which is what matters here.
  const tiff = join(root, 'IMG_0003.CR2');
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } })
    .tiff()
    .toFile(tiff);
  await copyFile(tiff, join(root, 'IMG_0004.CR2'));
  await sidecar('IMG_0001.xmp', 'Exactly named sidecar');
  await sidecar('img_0002.xmp', 'Sidecar of another photo');
  await sidecar('IMG_0003.CR2.xmp', 'Own-name sidecar');
  await sidecar('IMG_0003.xmp', 'Shared-name sidecar, unused');
  await sidecar('IMG_0004.cr2.xmp', 'Extension in another case');
  await sidecar('IMG_0005.XMP', 'Upper-case extension');
  await sidecar('orphan.xmp', 'Nobody’s');
}, 60_000);

afterAll(async () => {
  await exiftool?.end();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('sidecar pairing', () => {
  it('pairs exact names only and lists every other sidecar with a reason', async () => {
    const scan = await scanPaths([root]);
    const sidecars = Object.fromEntries(
      scan.images.map((image) => [image.path.slice(root.length + 1), image.sidecarPath]),
    );
    expect(sidecars).toEqual({
      'IMG_0001.JPG': join(root, 'IMG_0001.xmp'),
      'IMG_0002.JPG': null,
      'IMG_0003.CR2': join(root, 'IMG_0003.CR2.xmp'),
      'IMG_0004.CR2': null,
      'IMG_0005.JPG': join(root, 'IMG_0005.XMP'),
    });
    const skipped = Object.fromEntries(
      scan.skipped.map((s) => [s.path.slice(root.length + 1), s.reason]),
    );
    expect(skipped).toEqual({
      'img_0002.xmp': expect.stringMatching(/differs in case from IMG_0002\.JPG/),
      'IMG_0003.xmp': expect.stringMatching(
        /IMG_0003\.CR2 reads its own sidecar IMG_0003\.CR2\.xmp/,
      ),
      'IMG_0004.cr2.xmp': expect.stringMatching(/differs in case from IMG_0004\.CR2/),
      'orphan.xmp': expect.stringMatching(/no photo of the same name/),
    });
  });

  it('imports a caption only from the photo’s own sidecar, and reports the others', async () => {
    const db = openCatalog(':memory:');
    try {
      const summary = await importPaths(db, [root]);
      expect(summary.imported).toBe(5);
      const caption = (name: string) => getPhotoByPath(db, join(root, name))?.record.caption;
      expect(caption('IMG_0001.JPG')).toBe('Exactly named sidecar');
      expect(caption('IMG_0002.JPG')).toBe('');
      expect(caption('IMG_0003.CR2')).toBe('Own-name sidecar');
      expect(caption('IMG_0004.CR2')).toBe('');
      expect(caption('IMG_0005.JPG')).toBe('Upper-case extension');
      expect(summary.skipped.map((s) => s.path.slice(root.length + 1)).sort()).toEqual([
        'IMG_0003.xmp',
        'IMG_0004.cr2.xmp',
        'img_0002.xmp',
        'orphan.xmp',
      ]);
    } finally {
      db.close();
    }
  });
});
