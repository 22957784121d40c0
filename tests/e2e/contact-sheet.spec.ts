import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { callApi, type RunningCutline, startShoot, stopShoot } from './cutline-server';

// The contact sheet at the smallest window the layout is made for (issue 16, part 1).
test.use({ viewport: { width: 1280, height: 800 } });

const COUNT = 40;
let root: string;
let cutline: RunningCutline;

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot('contact-sheet', async (root, exiftool) => {
    for (let i = 0; i < COUNT; i++) {
      const name = `DESK-${String(i + 1).padStart(3, '0')}.jpg`;
      await makeJpeg(exiftool, join(root, 'shoot', name), {
        width: 600,
        height: i % 5 === 0 ? 900 : 400,
        colour: [40 + ((i * 37) % 200), 80 + ((i * 53) % 150), 60 + ((i * 71) % 180)],
        tags: wireTags({ caption: `Frame ${i + 1} of the shoot.`, credit: 'AP' }),
      });
    }
  }));
});

test.afterAll(() => stopShoot({ root, cutline }));

/** Columns shown: cells whose top is the first cell's top. */
async function columnsShown(page: Page): Promise<number> {
  const grid = page.getByRole('grid', { name: 'Photos' });
  await expect(grid.getByRole('gridcell', { name: 'DESK-001.jpg' })).toBeVisible();
  return grid.evaluate((element) => {
    const cells = [...element.querySelectorAll('[role="gridcell"]')];
    const top = cells[0]?.getBoundingClientRect().top;
    return cells.filter((cell) => cell.getBoundingClientRect().top === top).length;
  });
}

/** Every filter chip shown lies whole in the row (none cut off); the rest are in the menu. */
async function expectChipsWhole(page: Page, width: number): Promise<void> {
  // The row lays its chips out again on a resize (a ResizeObserver): let two frames pass.
  // (A string: the Node-side type checker has no DOM types.)
  await page.evaluate(
    'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))',
  );
  const row = page.locator('.filter-chips-row');
  const rowBox = (await row.boundingBox())!;
  const chips = row.locator('.chip--filter');
  const shown: string[] = [];
  for (const chip of await chips.all()) {
    const box = (await chip.boundingBox())!;
    const name = (await chip.textContent()) ?? '';
    shown.push(name);
    expect(box.x, `${name} starts inside the filter row`).toBeGreaterThanOrEqual(rowBox.x - 0.5);
    expect(box.x + box.width, `${name} ends inside the filter row`).toBeLessThanOrEqual(
      rowBox.x + rowBox.width + 0.5,
    );
    expect(box.x + box.width, `${name} ends inside the window`).toBeLessThanOrEqual(width);
    // Not cut short inside the chip either (an ellipsis or a scrolled group).
    expect(
      await chip.evaluate((element) => element.scrollWidth <= element.clientWidth + 1),
      `${name} shows its whole text`,
    ).toBe(true);
  }
  expect(shown.length).toBeGreaterThan(0);
  // The chips that did not fit are in the "N more filters" menu: every filter is reachable.
  const more = row.getByRole('button', { name: /^\d+ more filters?\b/ });
  const inMenu: string[] = [];
  if ((await more.count()) > 0) {
    await more.click();
    await expect(row.locator('.overflow-menu__list')).toBeVisible();
    for (const item of await row.locator('.overflow-menu__item').all()) {
      inMenu.push(((await item.getAttribute('aria-label')) ?? '').replace(/ \(on\)$/, ''));
    }
    await page.keyboard.press('Escape');
  }
  expect([...shown, ...inMenu]).toEqual([
    'is:no-credit',
    'is:no-caption',
    'is:disagree',
    'is:over-limit',
    'is:problem',
    'is:tagged',
    'rating:>=3',
    'label:red',
  ]);
}

test('the toolbar fits the window at 1280×800 and the sheet takes the rest', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  const grid = page.getByRole('grid', { name: 'Photos' });
  await grid.getByRole('gridcell', { name: 'DESK-003.jpg' }).click();
  await expect(page.getByLabel('Caption', { exact: true })).toHaveValue('Frame 3 of the shoot.');

  const toolbar = page.getByRole('banner');
  const controls = toolbar.locator('button, input, output, select');
  const count = await controls.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    if (!(await control.isVisible())) continue;
    const box = (await control.boundingBox())!;
    const name = (await control.getAttribute('aria-label')) ?? (await control.textContent());
    expect(box.x, `${name} starts inside the window`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name} ends inside the window`).toBeLessThanOrEqual(1280);
    expect(box.y + box.height, `${name} in the toolbar`).toBeLessThanOrEqual(120);
  }
  // Two rows at most: the toolbar does not wrap.
  expect((await toolbar.boundingBox())!.height).toBeLessThanOrEqual(90);
  await expect(page.getByLabel('Photo count')).toBeVisible();
  await expectChipsWhole(page, 1280);

  // The grid, not a preview, fills the window beside the details panel.
  expect(await columnsShown(page)).toBeGreaterThanOrEqual(6);
  const gridBox = (await grid.boundingBox())!;
  expect(gridBox.width).toBeGreaterThan(800);
  await expect(page.getByRole('region', { name: 'Photo preview' })).toHaveCount(0);
  const shot = testInfo.outputPath('contact-sheet-1280.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('contact sheet', { path: shot, contentType: 'image/png' });

  // At 1440×900 (the README's screenshot) too, no chip is cut off.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expectChipsWhole(page, 1440);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The commands under "More" open their panels.
  await page.getByRole('button', { name: /^More/ }).click();
  await page.getByRole('button', { name: 'Credit directory' }).click();
  await expect(page.getByRole('dialog', { name: 'Credit directory' })).toBeVisible();
});

test('Space and double-click open the photo large; Escape returns to the sheet', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  const grid = page.getByRole('grid', { name: 'Photos' });
  const preview = page.getByRole('region', { name: 'Photo preview' });
  await grid.getByRole('gridcell', { name: 'DESK-006.jpg' }).click();
  await page.keyboard.press('Space');
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('img', { name: 'DESK-006.jpg' })).toBeVisible();
  await expect(preview).toBeFocused();
  // The details panel stays beside the loupe.
  await expect(page.getByLabel('Caption', { exact: true })).toHaveValue('Frame 6 of the shoot.');
  await page.screenshot({ path: testInfo.outputPath('loupe.png') });

  // The arrow keys step through the photos in the loupe.
  await page.keyboard.press('ArrowRight');
  await expect(preview.getByRole('img', { name: 'DESK-007.jpg' })).toBeVisible();
  await expect(page.getByLabel('Caption', { exact: true })).toHaveValue('Frame 7 of the shoot.');

  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  await expect(grid).toBeFocused();
  await expect(grid.getByRole('gridcell', { name: 'DESK-007.jpg' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  await grid.getByRole('gridcell', { name: 'DESK-010.jpg' }).dblclick();
  await expect(preview.getByRole('img', { name: 'DESK-010.jpg' })).toBeVisible();
  await preview.getByRole('button', { name: 'Back to the sheet' }).click();
  await expect(preview).toHaveCount(0);
});

test('thumbnail size: Ctrl+plus/minus and the slider, from ten columns down to two, kept', async ({
  page,
}) => {
  await page.goto(cutline.url);
  const grid = page.getByRole('grid', { name: 'Photos' });
  await grid.getByRole('gridcell', { name: 'DESK-001.jpg' }).click();
  const start = await columnsShown(page);
  expect(start).toBe(7);

  await page.keyboard.press('Control+Equal');
  await expect.poll(() => columnsShown(page)).toBe(6);
  await page.keyboard.press('Control+Minus');
  await page.keyboard.press('Control+Minus');
  await expect.poll(() => columnsShown(page)).toBe(8);
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Minus');
  await expect.poll(() => columnsShown(page)).toBe(10);

  const slider = page.getByRole('banner').getByRole('slider', { name: 'Thumbnail size' });
  await slider.fill('10'); // the right end: the largest thumbnails
  await expect.poll(() => columnsShown(page)).toBe(2);
  await expect(slider).toHaveAttribute('aria-valuetext', '2 columns');
  await expect
    .poll(() => callApi<{ gridColumns: number }>(cutline.url, 'settings:get'))
    .toMatchObject({ gridColumns: 2 });

  await page.reload();
  await expect.poll(() => columnsShown(page)).toBe(2);
  await callApi(cutline.url, 'settings:set', { gridColumns: 7 });
});

test('the details panel hides and comes back as wide as it was', async ({ page }, testInfo) => {
  await page.goto(cutline.url);
  const grid = page.getByRole('grid', { name: 'Photos' });
  await grid.getByRole('gridcell', { name: 'DESK-002.jpg' }).click();
  const details = page.getByRole('complementary', { name: 'Photo details' });
  await expect(details).toBeVisible();

  // Widen it by dragging its edge.
  const splitter = page.getByRole('separator', { name: 'Resize the details panel' });
  const edge = (await splitter.boundingBox())!;
  await page.mouse.move(edge.x + edge.width / 2, edge.y + 200);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 - 100, edge.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await details.boundingBox())!.width).toBeGreaterThan(460);
  const wide = (await details.boundingBox())!.width;
  const gridWidth = (await grid.boundingBox())!.width;

  const toggle = page.getByRole('button', { name: 'Details' });
  await toggle.click();
  await expect(details).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await grid.boundingBox())!.width).toBeGreaterThan(gridWidth);
  await page.screenshot({ path: testInfo.outputPath('details-hidden.png') });

  await page.keyboard.press('Control+Alt+KeyI');
  await expect(details).toBeVisible();
  expect(Math.abs((await details.boundingBox())!.width - wide)).toBeLessThanOrEqual(2);
  await page.reload();
  await expect(page.getByRole('complementary', { name: 'Photo details' })).toBeVisible();
  await callApi(cutline.url, 'settings:set', { detailsWidth: 380 });
});
