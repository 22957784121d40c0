/**
 * Culling from the keyboard (issue 16): on a selection in the browser, T toggles the tag,
 * 1–5 rate, 0 clears the rating, 6–9 set the colour labels (the same key again clears it);
 * the cells show stars, swatch and tag; rating:, label: and is:tagged filter; a write puts
 * them into the files, where ExifTool reads XMP-xmp:Rating, XMP-xmp:Label and
 * XMP-photomech:Tagged.
 */
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { createExifTool, makeJpeg } from '../helpers/make-photos';
import { type RunningCutline, startShoot, stopShoot } from './cutline-server';

let root: string;
let cutline: RunningCutline;

const COLOURS: [number, number, number][] = [
  [40, 90, 160],
  [160, 90, 40],
  [60, 140, 70],
  [120, 60, 140],
];

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot('culling', async (folder, exiftool) => {
    for (const [i, colour] of COLOURS.entries()) {
      await makeJpeg(exiftool, join(folder, 'shoot', `culling-0${i + 1}.jpg`), {
        width: 600,
        height: 400,
        colour,
        tags: { 'XMP:Description': `Frame ${i + 1} of the rally.` },
      });
    }
  }));
});

test.afterAll(() => stopShoot({ root, cutline }));

const cell = (page: Page, n: number) =>
  page.getByRole('grid', { name: 'Photos' }).getByRole('gridcell', { name: `culling-0${n}.jpg` });

/** What a cell's marks say (their accessible name), or "" when it has none. */
async function marks(page: Page, n: number): Promise<string> {
  const badge = cell(page, n).locator('.culling-marks');
  return (await badge.count()) === 0 ? '' : ((await badge.getAttribute('aria-label')) ?? '');
}

async function expectMarks(page: Page, expected: string[]): Promise<void> {
  for (const [i, text] of expected.entries()) {
    await expect.poll(() => marks(page, i + 1)).toBe(text);
  }
}

test('cull a selection from the keyboard, see it on the cells, filter, write and read back', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(cutline.url);
  await cell(page, 1).click();
  await page.keyboard.press('t');
  await page.keyboard.press('4');
  await expectMarks(page, ['tagged, 4 stars', '', '', '']);

  // A selection of three: 6 labels them all Red, T tags the two that were not.
  await cell(page, 3).click({ modifiers: ['Shift'] });
  await page.keyboard.press('6');
  await page.keyboard.press('T');
  await expectMarks(page, [
    'tagged, 4 stars, label Red',
    'tagged, label Red',
    'tagged, label Red',
    '',
  ]);

  // 0 clears the rating only; 5 rates again.
  await cell(page, 1).click();
  await page.keyboard.press('0');
  await expectMarks(page, ['tagged, label Red', 'tagged, label Red', 'tagged, label Red', '']);
  await page.keyboard.press('5');
  // The same label key again clears it; 9 is Blue, 7 Yellow, 8 Green.
  await cell(page, 3).click();
  await page.keyboard.press('6');
  await page.keyboard.press('9');
  await cell(page, 4).click();
  await page.keyboard.press('8');
  await page.keyboard.press('2');
  await cell(page, 2).click();
  await page.keyboard.press('7');
  await page.keyboard.press('t');
  await expectMarks(page, [
    'tagged, 5 stars, label Red',
    'label Yellow',
    'tagged, label Blue',
    '2 stars, label Green',
  ]);
  await page.getByRole('grid', { name: 'Photos' }).screenshot({
    path: testInfo.outputPath('culling-grid.png'),
  });

  // Undo takes back the last key (the tag of 2).
  await page.keyboard.press('Control+z');
  await expect.poll(() => marks(page, 2)).toBe('tagged, label Yellow');

  const search = page.getByRole('searchbox', { name: 'Search' });
  const shown = async () =>
    (await page.getByRole('grid', { name: 'Photos' }).getByRole('gridcell').all()).length;
  await search.fill('rating:>=3');
  await expect.poll(shown).toBe(1);
  await expect(cell(page, 1)).toBeVisible();
  await search.fill('is:tagged');
  await expect.poll(shown).toBe(3);
  await search.fill('label:red');
  await expect.poll(shown).toBe(1);
  await search.fill('rating:<3 label:green');
  await expect.poll(shown).toBe(1);
  await expect(cell(page, 4)).toBeVisible();
  // Typing digits in the search box filters; it culls nothing.
  await search.fill('');
  await expect.poll(shown).toBe(4);
  await expect.poll(() => marks(page, 4)).toBe('2 stars, label Green');

  await page.getByRole('button', { name: 'Write all changes' }).click();
  await expect(page.getByRole('status', { name: 'Write result' })).toContainText('Wrote 4');
  const exiftool = createExifTool();
  try {
    const read = async (n: number) => {
      const tags = (await exiftool.read(join(root, 'shoot', `culling-0${n}.jpg`), [
        '-G1',
        '-XMP:all',
      ])) as Record<string, unknown>;
      return [tags['XMP-xmp:Rating'], tags['XMP-xmp:Label'], tags['XMP-photomech:Tagged']];
    };
    expect(await read(1)).toEqual([5, 'Red', 'Yes']);
    expect(await read(2)).toEqual([undefined, 'Yellow', 'Yes']);
    expect(await read(3)).toEqual([undefined, 'Blue', 'Yes']);
    expect(await read(4)).toEqual([2, 'Green', undefined]);
  } finally {
    await exiftool.end();
  }
});

test('the details panel and batch edit show the marks as controls: stars by keyboard, a label select, a tag box', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(cutline.url);
  // F1 lists the culling keys, the colour labels by the names in settings.
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('heading', { name: 'Culling' })).toBeVisible();
  for (const line of ['Tag or untag the selection', 'Rate 3 stars', 'Clear the rating']) {
    await expect(help.getByText(line)).toBeVisible();
  }
  await expect(help.getByText('Colour label "Yellow"')).toBeVisible();
  await help.getByRole('button', { name: 'Close' }).click();

  await cell(page, 4).click();
  const details = page.getByRole('complementary', { name: 'Photo details' });
  const stars = details.getByRole('radiogroup', { name: 'Rating', exact: true });
  await expect(stars.getByRole('radio', { name: '2 stars' })).toBeChecked();
  // The arrow keys move the rating, as in any radio group; each step is saved.
  await stars.getByRole('radio', { name: '2 stars' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => marks(page, 4)).toBe('3 stars, label Green');
  // The colour label offers the names from settings.
  const label = details.getByRole('combobox', { name: 'Colour label', exact: true });
  await expect(label).toHaveValue('Green');
  await label.selectOption('Purple');
  await details.getByRole('checkbox', { name: 'Tagged', exact: true }).check();
  await expect.poll(() => marks(page, 4)).toBe('tagged, 3 stars, label Purple');

  // Batch edit: the label is chosen from the same names, set over the selection.
  await cell(page, 1).click();
  await cell(page, 2).click({ modifiers: ['Shift'] });
  await page.getByRole('button', { name: 'Batch edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Batch edit' });
  await dialog.getByRole('combobox', { name: 'Field', exact: true }).selectOption('label');
  await expect(dialog.getByRole('radio', { name: 'Append' })).toHaveCount(0);
  await dialog.getByRole('combobox', { name: 'Colour label', exact: true }).selectOption('Green');
  await dialog.getByRole('radio', { name: 'Overwrite' }).check();
  await dialog.getByRole('button', { name: 'Apply to 2 photos' }).click();
  await expect(dialog).toHaveCount(0);
  await expectMarks(page, [
    'tagged, 5 stars, label Green',
    'tagged, label Green',
    'tagged, label Blue',
    'tagged, 3 stars, label Purple',
  ]);
});
