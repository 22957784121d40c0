/**
 * A JPEG cut short inside its image data (a half-finished upload) shows a broken-picture
 * mark on its grid cell, with the reader's words as its tooltip; a whole photo has none; and
 * `is:truncated` finds it. The files are made here: rendered by sharp, captioned by
 * ExifTool, then cut.
 */
import { readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { jpegScanStart } from '../../src/main/metadata/image-data-digest';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { type RunningCutline, startShoot, stopShoot } from './cutline-server';

let root: string;
let cutline: RunningCutline;

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot('truncated', async (root, exiftool) => {
    for (const [name, colour] of [
      ['upload-whole.jpg', [60, 140, 200]],
      ['upload-cut.jpg', [200, 120, 40]],
    ] as const) {
      // No EXIF thumbnail: the grid shows what of the picture itself could be decoded.
      await makeJpeg(exiftool, join(root, 'shoot', name), {
        width: 1200,
        height: 800,
        colour: [...colour],
        exifThumbnail: false,
        tags: wireTags({ caption: `Caption of ${name}`, credit: 'AP' }),
      });
    }
    const cut = join(root, 'shoot', 'upload-cut.jpg');
    const bytes = await readFile(cut);
    const sos = jpegScanStart(bytes) ?? 0;
    await truncate(cut, sos + Math.round((bytes.length - sos) * 0.4));
  }));
});

test.afterAll(() => stopShoot({ root, cutline }));

test('a photo cut short shows a broken-picture mark on its thumbnail', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  const grid = page.getByRole('grid', { name: 'Photos' });
  await expect(grid.getByRole('gridcell')).toHaveCount(2);

  const cut = grid.getByRole('gridcell', { name: 'upload-cut.jpg' });
  const mark = cut.getByRole('img', { name: 'Picture cut short' });
  await expect(mark).toBeVisible();
  await expect(mark).toHaveAttribute('title', /^truncated JPEG: the file ends after [\d,]+ bytes/);
  // What could be decoded of it is still its thumbnail.
  await expect(cut.locator('img')).toHaveCount(1);
  const whole = grid.getByRole('gridcell', { name: 'upload-whole.jpg' });
  await expect(whole.getByRole('img', { name: 'Picture cut short' })).toHaveCount(0);

  await grid.screenshot({ path: testInfo.outputPath('truncated-grid.png') });

  await page.getByRole('searchbox', { name: 'Search' }).fill('is:truncated');
  await expect(grid.getByRole('gridcell')).toHaveCount(1);
  await expect(grid.getByRole('gridcell', { name: 'upload-cut.jpg' })).toBeVisible();
});
