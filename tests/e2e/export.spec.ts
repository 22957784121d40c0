import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createExifTool, makeJpeg, wireTags } from '../helpers/make-photos';
import {
  callApi,
  importFolders,
  type RunningCutline,
  startShoot,
  stopShoot,
} from './cutline-server';

// A caption sheet exported from the dialog (choices remembered, a preset saved), then a
// stringer's sheet read back, previewed and applied as one undo step.
const PHOTOS = [
  {
    name: 'PYO-01.jpg',
    colour: [40, 120, 170] as [number, number, number],
    caption: 'Putin and Kim Jong Un talk in Pyongyang.',
    creators: ['Gavriil Grigorov'],
    credit: 'AP',
    source: 'Pool Sputnik Kremlin',
  },
  {
    name: 'SEO-02.jpg',
    colour: [200, 160, 40] as [number, number, number],
    caption: 'Президент России на вокзале в Сеуле.',
    creators: ['Ahn Young-joon'],
    credit: 'AP',
    source: 'AP',
  },
];

test.describe.configure({ mode: 'serial' });

let root: string;
let cutline: RunningCutline;

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot('export', async (root, exiftool) => {
    for (const photo of PHOTOS) {
      await makeJpeg(exiftool, join(root, 'shoot', photo.name), {
        width: 600,
        height: 400,
        colour: photo.colour,
        tags: wireTags(photo),
      });
    }
  }));
});

test.afterAll(() => stopShoot({ root, cutline }));

test('exports a caption sheet from the dialog and remembers the choices', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format', { exact: true }).selectOption('txt');
  await dialog.getByLabel('Caption pattern').fill('{caption} ({credit:reuters})');
  // A browser has no native save dialog (dialog:saveFile answers 'unsupported'): the path
  // field is the way, and no "Choose…" button offers what cannot work.
  await expect(dialog.getByRole('button', { name: 'Choose where to save' })).toHaveCount(0);
  await dialog.getByLabel('Save as').fill(join(root, 'sheet'));
  await dialog.getByLabel('Preset name').fill('Web team');
  await dialog.getByRole('button', { name: 'Save preset' }).click();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Wrote 2 photos');
  await page.screenshot({ path: testInfo.outputPath('export-dialog.png') });
  const text = await readFile(join(root, 'sheet.txt'), 'utf8');
  expect(text).toContain(
    'Putin and Kim Jong Un talk in Pyongyang. (Sputnik/Gavriil Grigorov/Kremlin Pool via AP)',
  );
  expect(text).toContain('Президент России на вокзале в Сеуле.');
  const settings = await callApi<{
    lastExport: { format: string; pattern: string };
    exportPresets: { name: string }[];
  }>(cutline.url, 'settings:get');
  expect(settings.lastExport).toMatchObject({
    format: 'txt',
    pattern: '{caption} ({credit:reuters})',
  });
  expect(settings.exportPresets.map((preset) => preset.name)).toEqual(['Web team']);
  // Opened again, the dialog offers the last choices.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByLabel('Caption pattern')).toHaveValue('{caption} ({credit:reuters})');
});

test('an existing file is replaced only after the Replace step; a photo never', async ({
  page,
}) => {
  const notes = join(root, 'notes.txt');
  await writeFile(notes, 'keep me\n');
  // An original JPEG under a text name: what it holds decides, not what it is called.
  await copyFile(join(root, 'shoot', 'PYO-01.jpg'), join(root, 'original.txt'));
  await page.goto(cutline.url);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format', { exact: true }).selectOption('txt');
  await dialog.getByLabel('Save as').fill(join(root, 'notes'));
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
  const ask = dialog.getByRole('alert');

  await exportButton.click();
  await expect(ask).toContainText(`${notes} already exists. Replace it?`);
  await ask.getByRole('button', { name: 'Keep it' }).click();
  await expect(ask).toHaveCount(0);
  expect(await readFile(notes, 'utf8')).toBe('keep me\n');

  await exportButton.click();
  await ask.getByRole('button', { name: 'Replace' }).click();
  await expect(dialog.getByRole('status')).toContainText('Wrote 2 photos');
  expect(await readFile(notes, 'utf8')).toContain('Putin and Kim Jong Un talk in Pyongyang.');

  // The credit block asks the same way.
  await dialog.getByRole('button', { name: 'Save credit block as .txt' }).click();
  await expect(ask).toContainText(`${notes} already exists. Replace it?`);
  await ask.getByRole('button', { name: 'Replace' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Credit block saved to ${notes}.`);

  const photo = await readFile(join(root, 'original.txt'));
  await dialog.getByLabel('Save as').fill(join(root, 'original'));
  await exportButton.click();
  await expect(dialog.getByRole('alert')).toContainText('it is a photo');
  await expect(dialog.getByRole('button', { name: 'Replace' })).toHaveCount(0);
  expect(await readFile(join(root, 'original.txt'))).toEqual(photo);
});

test('reads a caption sheet back: preview, unmatched rows, one undo step', async ({ page }) => {
  const sheet = join(root, 'stringer.csv');
  await writeFile(
    sheet,
    'File name,Caption\r\nPYO-01.jpg,A caption from the stringer.\r\nGHOST.jpg,Nobody\r\n',
  );
  await page.goto(cutline.url);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('tab', { name: 'Import caption sheet' }).click();
  await dialog.getByLabel('Caption sheet file').setInputFiles(sheet);
  await expect(dialog.getByRole('table', { name: 'Changes' })).toContainText(
    'A caption from the stringer.',
  );
  await expect(dialog).toContainText('Row 3: GHOST.jpg');
  await dialog.getByRole('button', { name: 'Apply 1 change' }).click();
  await expect(dialog.getByRole('status').last()).toContainText('Changed 1 value in 1 photo');
  const ids = await callApi<number[]>(cutline.url, 'photos:ids', { query: 'file:PYO-01' });
  const photo = await callApi<{ record: { caption: string } }>(cutline.url, 'photos:get', {
    id: ids[0],
  });
  expect(photo.record.caption).toBe('A caption from the stringer.');
  await callApi(cutline.url, 'edits:undo');
  const undone = await callApi<{ record: { caption: string } }>(cutline.url, 'photos:get', {
    id: ids[0],
  });
  expect(undone.record.caption).toBe(PHOTOS[0]?.caption);
});

test('exports the photos of the last import alone, or of an earlier import', async ({ page }) => {
  const exiftool = createExifTool();
  try {
    await makeJpeg(exiftool, join(root, 'later', 'HAN-03.jpg'), {
      width: 600,
      height: 400,
      tags: wireTags({ caption: 'Hanoi welcomes the delegation.', credit: 'AP' }),
    });
  } finally {
    await exiftool.end();
  }
  await importFolders(cutline.url, [join(root, 'later')]);
  await page.goto(cutline.url);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'A whole import' }).check();
  const runs = dialog.getByLabel('Import run');
  await expect(runs.locator('option:checked')).toHaveText('The last import: later, 1 photo');
  await dialog.getByLabel('Format', { exact: true }).selectOption('txt');
  /** Exports the scope chosen to NAME.txt, checks the count said, and reads the sheet. */
  const exportAs = async (name: string, wrote: string) => {
    await dialog.getByLabel('Save as').fill(join(root, name));
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText(wrote);
    return readFile(join(root, `${name}.txt`), 'utf8');
  };
  const text = await exportAs('last-import', 'Wrote 1 photo to');
  expect(text).toContain('Hanoi welcomes the delegation.');
  expect(text).not.toContain('Pyongyang');

  // The shoot's own import, offered below the latest.
  const earlier = runs.locator('option').nth(1);
  await expect(earlier).toHaveText(/^Import \d+, .+: shoot, 2 photos$/);
  await runs.selectOption((await earlier.getAttribute('value')) ?? '');
  const shoot = await exportAs('shoot-import', 'Wrote 2 photos to');
  expect(shoot).toContain('Putin and Kim Jong Un talk in Pyongyang.');
  expect(shoot).not.toContain('Hanoi');
});
