import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeBrokenFiles, makeJpeg, wireTags } from '../helpers/make-photos';
import { type RunningCutline, startShoot, stopShoot } from './cutline-server';

const PHOTOS = [
  {
    name: 'KOR-parade-01.jpg',
    colour: [170, 40, 40] as [number, number, number],
    caption:
      'North Korean soldiers march across Kim Il Sung Square during a military parade in Pyongyang, North Korea, Oct. 10, 2025.',
    headline: 'Military parade in Pyongyang',
    creators: ['Jon Chol Jin'],
    credit: 'AP',
    source: 'AP',
    city: 'Pyongyang',
  },
  {
    name: 'KOR-summit-02.jpg',
    colour: [40, 120, 170] as [number, number, number],
    caption: 'Russian President Vladimir Putin, left, and North Korean leader Kim Jong Un talk.',
    headline: 'Putin visits North Korea',
    creators: ['Gavriil Grigorov'],
    credit: 'Sputnik, Kremlin Pool Photo via AP',
    source: 'Pool Sputnik Kremlin',
    city: 'Pyongyang',
  },
  {
    name: 'KOR-seoul-03.jpg',
    colour: [60, 160, 90] as [number, number, number],
    caption: 'People watch a TV screen showing a news program at the Seoul Railway Station.',
    headline: 'Seoul watches the summit',
    creators: ['Ahn Young-joon'],
    credit: 'AP Photo/Ahn Young-joon',
    source: 'AP',
    city: 'Seoul',
  },
  {
    name: 'KOR-seoul-04.jpg',
    colour: [200, 160, 40] as [number, number, number],
    caption: 'A South Korean army soldier stands guard near the border.',
    headline: '',
    creators: ['Lee Jin-man'],
    credit: 'AP Photo/Lee Jin-man, File',
    source: 'AP',
    city: 'Paju',
  },
];

let root: string;
let cutline: RunningCutline;

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot(
    'library',
    async (root, exiftool) => {
      for (const photo of PHOTOS) {
        await makeJpeg(exiftool, join(root, 'shoot', photo.name), {
          width: 1200,
          height: 800,
          colour: photo.colour,
          tags: wireTags(photo),
        });
      }
      await makeBrokenFiles(join(root, 'shoot', 'from-card'), join(root, 'shoot', PHOTOS[0]!.name));
    },
    null,
  ));
});

test.afterAll(() => stopShoot({ root, cutline }));

test('import a folder through the UI, browse thumbnails, search and open a photo', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  const grid = page.getByRole('grid', { name: 'Photos' });

  // No native picker in a browser: the path field stands in for the folder dialog.
  await page.getByRole('button', { name: 'Import folder' }).click();
  await page.getByLabel('Folder path', { exact: true }).fill(join(root, 'shoot'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  const summary = page.getByRole('status', { name: 'Import summary' });
  // Four photos and the cut-short JPEG whose caption still reads; three files are no photos.
  await expect(summary).toContainText('5 imported');
  await expect(summary).toContainText('3 failed');
  await expect(grid.getByRole('gridcell')).toHaveCount(5);

  // Thumbnails come from the catalog as images, not placeholders.
  const parade = grid.getByRole('gridcell', { name: 'KOR-parade-01.jpg' });
  // Thumbnails are plain image URLs on the media path (a custom scheme in Electron).
  await expect(parade.locator('img')).toHaveAttribute('src', /^\/media\/thumbnail\/\d+\?v=/);
  // …and every cell's image decodes: the bridge answered JPEG bytes, not an error page.
  // The JPEG cut short after 600 bytes has no thumbnail and keeps its placeholder.
  const images = grid.locator('[role="gridcell"] img');
  await expect(images).toHaveCount(4);
  const truncated = grid.getByRole('gridcell', { name: 'truncated.jpg' });
  await expect(truncated.locator('img')).toHaveCount(0);
  await expect(truncated).toContainText('JPEG');
  for (const image of await images.all()) {
    await expect
      .poll(() =>
        image.evaluate((img) => {
          // Runs in the page; the Node-side type checker has no DOM types.
          const element = img as unknown as { complete: boolean; naturalWidth: number };
          return element.complete ? element.naturalWidth : 0;
        }),
      )
      .toBeGreaterThan(100);
  }
  await expect(grid.locator('img[src^="data:"]')).toHaveCount(0);

  // Search "Pyongyang": caption, headline and city all count; the Seoul photos drop out.
  await page.getByRole('searchbox', { name: 'Search' }).fill('Pyongyang');
  await expect(grid.getByRole('gridcell')).toHaveCount(2);
  await expect(grid.getByRole('gridcell', { name: 'KOR-summit-02.jpg' })).toBeVisible();
  await expect(page.getByLabel('Photo count')).toContainText('2');

  // A field-scoped query.
  await page.getByRole('searchbox', { name: 'Search' }).fill('creator:grigorov');
  await expect(grid.getByRole('gridcell')).toHaveCount(1);

  // Open the photo: every caption and credit field as the file carries it.
  await grid.getByRole('gridcell', { name: 'KOR-summit-02.jpg' }).click();
  const details = page.getByRole('complementary', { name: 'Photo details' });
  await expect(details.getByLabel('Caption', { exact: true })).toHaveValue(PHOTOS[1]!.caption);
  await expect(details.getByLabel('Headline', { exact: true })).toHaveValue(
    'Putin visits North Korea',
  );
  await expect(details.getByLabel('Credit line', { exact: true })).toHaveValue(
    'Sputnik, Kremlin Pool Photo via AP',
  );
  await expect(details.getByLabel('Source', { exact: true })).toHaveValue('Pool Sputnik Kremlin');
  await expect(details.getByRole('list', { name: 'Creator', exact: true })).toContainText(
    'Gavriil Grigorov',
  );

  // Bad files from the card are listed with plain reasons.
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByRole('button', { name: /Import problems/ }).click();
  const problems = page.getByRole('dialog', { name: 'Import problems' });
  await expect(problems).toContainText('empty.jpg');
  await expect(problems).toContainText('not an image file');
  await page.getByRole('button', { name: 'Close import problems' }).click();

  await grid.getByRole('gridcell', { name: 'KOR-parade-01.jpg' }).click();
  await expect(details.getByLabel('City', { exact: true })).toHaveValue('Pyongyang');
  const shot = testInfo.outputPath('library.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('library', { path: shot, contentType: 'image/png' });
  if (process.env.CUTLINE_README_SCREENSHOT) {
    await page.screenshot({ path: process.env.CUTLINE_README_SCREENSHOT });
  }
});

test('a query the search language does not know is explained, not failed', async ({ page }) => {
  await page.goto(cutline.url);
  await page.getByRole('searchbox', { name: 'Search' }).fill('is:blurry');
  await expect(page.getByRole('note')).toContainText('Unknown filter "is:blurry"');
});
