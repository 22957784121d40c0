import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { wireTags, writeTags } from '../helpers/make-photos';
import { type RunningCutline, startShoot, stopShoot } from './cutline-server';

// The smallest window the layout is made for: the loupe over the sheet, details beside it.
test.use({ viewport: { width: 1280, height: 800 } });

const WIDTH = 2400;
const HEIGHT = 1600;

/** Five people in a row (distinct colours, left to right), big enough that 1:1 differs. */
function groupPhotoSvg(): string {
  const colours = ['#d9534f', '#f0ad4e', '#5cb85c', '#5bc0de', '#9b59b6'];
  const people = colours
    .map((colour, i) => {
      const x = 300 + i * 450;
      return `<circle cx="${x}" cy="620" r="130" fill="#e8c9a8"/>
        <rect x="${x - 170}" y="780" width="340" height="700" rx="90" fill="${colour}"/>
        <rect x="${x - 60}" y="1000" width="120" height="120" fill="#fff"/>
        <text x="${x}" y="1085" font-size="80" text-anchor="middle" fill="#222">${i + 1}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <rect width="100%" height="100%" fill="#2b3a4a"/>
    <rect y="1300" width="100%" height="300" fill="#4a3b2b"/>${people}</svg>`;
}

let root: string;
let cutline: RunningCutline;

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot('preview', async (root, exiftool) => {
    const shoot = join(root, 'shoot');
    await mkdir(shoot, { recursive: true });
    await sharp(Buffer.from(groupPhotoSvg()))
      .jpeg({ quality: 85 })
      .toFile(join(shoot, 'group.jpg'));
    await writeTags(
      exiftool,
      join(shoot, 'group.jpg'),
      wireTags({ caption: 'Delegates pose for a group photo.', credit: 'AP' }),
    );
    // A landscape TIFF whose EXIF says "turn 90° clockwise": the preview shows it upright.
    await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2f86ff' } })
      .tiff()
      .toFile(join(shoot, 'scan.tif'));
    await writeTags(exiftool, join(shoot, 'scan.tif'), { 'Orientation#': 6 });
  }));
});

test.afterAll(() => stopShoot({ root, cutline }));

async function openPhoto(page: Page, name: string): Promise<Locator> {
  await page.getByRole('grid', { name: 'Photos' }).getByRole('gridcell', { name }).click();
  await page.keyboard.press('Space');
  const image = page.getByRole('region', { name: 'Photo preview' }).getByRole('img', { name });
  await expect
    .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(0);
  return image;
}

function naturalSize(image: Locator) {
  return image.evaluate((img) => {
    const { naturalWidth, naturalHeight } = img as unknown as {
      naturalWidth: number;
      naturalHeight: number;
    };
    return { width: naturalWidth, height: naturalHeight };
  });
}

test('the selected photo shows large, fitted, and at 1:1 on Ctrl+Alt+Z from the caption field', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  const preview = page.getByRole('region', { name: 'Photo preview' });
  const image = await openPhoto(page, 'group.jpg');
  expect(await naturalSize(image)).toEqual({ width: WIDTH, height: HEIGHT });

  // Fitted: the whole photo inside the pane.
  const fitted = await image.boundingBox();
  const pane = await preview.boundingBox();
  expect(fitted!.width).toBeLessThanOrEqual(pane!.width);
  await expect(preview.getByRole('button', { name: 'Zoom to 100%' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('preview-fit.png') });

  // From inside the caption field the shortcut zooms and types nothing.
  const caption = page
    .getByRole('complementary', { name: 'Photo details' })
    .getByLabel('Caption', { exact: true });
  await caption.click();
  await caption.press('End');
  await page.keyboard.press('Control+Alt+z');
  await expect(preview.getByRole('button', { name: 'Fit to window' })).toBeVisible();
  await expect(caption).toBeFocused();
  await expect(caption).toHaveValue('Delegates pose for a group photo.');
  await expect.poll(async () => (await image.boundingBox())?.width).toBe(WIDTH);
  expect((await image.boundingBox())!.height).toBe(HEIGHT);

  // At 1:1 the view starts at the middle of the photo and pans by dragging.
  const scroller = preview.locator('.preview__viewport');
  const before = await scroller.evaluate((el) => ({ left: el.scrollLeft, top: el.scrollTop }));
  expect(before.left).toBeGreaterThan(0);
  const box = (await scroller.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2 + 100, { steps: 5 });
  await page.mouse.up();
  const after = await scroller.evaluate((el) => ({ left: el.scrollLeft, top: el.scrollTop }));
  expect(after.left).toBe(before.left - 200);
  expect(after.top).toBe(before.top - 100);
  await page.screenshot({ path: testInfo.outputPath('preview-actual.png') });

  // The button goes back to fit.
  await preview.getByRole('button', { name: 'Fit to window' }).click();
  await expect(preview.getByRole('button', { name: 'Zoom to 100%' })).toBeVisible();
  expect((await image.boundingBox())!.width).toBeLessThanOrEqual(pane!.width);
});

test('a TIFF shows as an upright JPEG made from it', async ({ page }) => {
  await page.goto(cutline.url);
  const image = await openPhoto(page, 'scan.tif');
  // 900×600 stored, orientation 6: shown 600 wide and 900 high.
  expect(await naturalSize(image)).toEqual({ width: 600, height: 900 });
});
