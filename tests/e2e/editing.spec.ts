import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { callApi, type RunningCutline, startShoot, stopShoot } from './cutline-server';
import { details, openPhoto as open } from './photo-details-page';

let root: string;
let cutline: RunningCutline;

const NAMES = ['kim-01.jpg', 'kim-02.jpg', 'kim-03.jpg'];

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot('edit', async (root, exiftool) => {
    for (const [i, name] of NAMES.entries()) {
      await makeJpeg(exiftool, join(root, 'shoot', name), {
        width: 600,
        height: 400,
        colour: [40 + i * 60, 80, 120],
        tags: wireTags({ caption: `Original caption ${i + 1}.`, creators: ['Jon Chol Jin'] }),
      });
    }
  }));
});

test.afterAll(() => stopShoot({ root, cutline }));

test('a caption typed, then another photo, then a reload: the caption is there', async ({
  page,
}) => {
  await page.goto(cutline.url);
  await open(page, 'kim-01.jpg');
  const caption = details(page).getByLabel('Caption', { exact: true });
  await caption.fill('');
  await caption.pressSequentially('Kim Jong Un waves in Pyongyang.');
  await open(page, 'kim-02.jpg');
  await expect(details(page).getByLabel('Caption', { exact: true })).toHaveValue(
    'Original caption 2.',
  );
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(
    'All changes saved in the catalog',
  );

  await page.reload();
  await open(page, 'kim-01.jpg');
  await expect(details(page).getByLabel('Caption', { exact: true })).toHaveValue(
    'Kim Jong Un waves in Pyongyang.',
  );
  // Edited in Cutline, not yet in the file: the field says so.
  await expect(details(page).getByText('changed, not yet written to the file')).toHaveCount(1);
});

test('closing the window mid-sentence loses no keystroke', async ({ page }) => {
  await page.goto(cutline.url);
  await open(page, 'kim-03.jpg');
  const caption = details(page).getByLabel('Caption', { exact: true });
  await caption.fill('Typed just before the window clos');
  // No pause for the autosave: the page goes at once, as a crash or a quit would take it.
  await page.reload();
  await open(page, 'kim-03.jpg');
  await expect(details(page).getByLabel('Caption', { exact: true })).toHaveValue(
    'Typed just before the window clos',
  );
  const photos = await callApi<{ items: { id: number; fileName: string }[] }>(
    cutline.url,
    'photos:search',
    { query: 'file:kim-03' },
  );
  const stored = await callApi<{ record: { caption: string } }>(cutline.url, 'photos:get', {
    id: photos.items[0]?.id,
  });
  expect(stored.record.caption).toBe('Typed just before the window clos');
});

test('creators are tokens: add one with autocomplete, remove one', async ({ page }) => {
  await page.goto(cutline.url);
  await open(page, 'kim-02.jpg');
  const box = details(page).getByLabel('Add to Creator');
  await box.fill('Kim Won');
  await box.press('Enter');
  const creators = details(page).getByRole('list', { name: 'Creator', exact: true });
  await expect(creators).toContainText('Kim Won');
  await details(page).getByRole('button', { name: 'Remove Jon Chol Jin' }).click();
  await expect(creators).not.toContainText('Jon Chol Jin');

  await open(page, 'kim-01.jpg');
  await details(page).getByLabel('Add to Creator').fill('Kim W');
  await expect(details(page).getByRole('option', { name: 'Kim Won' })).toBeVisible();
  await details(page).getByLabel('Add to Creator').press('ArrowDown');
  await details(page).getByLabel('Add to Creator').press('Enter');
  await expect(details(page).getByRole('list', { name: 'Creator', exact: true })).toContainText(
    'Kim Won',
  );
});

test('the history view restores an earlier value; undo and redo work across photos', async ({
  page,
}) => {
  await page.goto(cutline.url);
  await open(page, 'kim-02.jpg');
  const headline = details(page).getByLabel('Headline', { exact: true });
  await headline.fill('First headline');
  await headline.blur();
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(
    'All changes saved in the catalog',
  );
  await details(page).getByLabel('City', { exact: true }).click();
  await headline.fill('Second headline');
  await headline.blur();

  await details(page).getByRole('button', { name: 'History' }).click();
  const history = details(page).getByRole('list', { name: 'History' });
  await expect(history).toContainText('Second headline');
  await history.getByRole('button', { name: 'Restore Headline: (empty)' }).first().click();
  await details(page).getByRole('button', { name: 'History' }).click();
  await expect(details(page).getByLabel('Headline', { exact: true })).toHaveValue('');

  // Undo outside a text field takes back the restore, then redo does it again.
  await page.getByRole('grid', { name: 'Photos' }).focus();
  await page.keyboard.press('Control+z');
  await expect(details(page).getByLabel('Headline', { exact: true })).not.toHaveValue('');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(details(page).getByLabel('Headline', { exact: true })).toHaveValue('');
});

test('keyboard first: next photo from inside the caption, copy and paste fields, the help', async ({
  page,
}) => {
  await page.goto(cutline.url);
  await open(page, 'kim-01.jpg');
  const caption = details(page).getByLabel('Caption', { exact: true });
  await caption.click();
  await page.keyboard.press('Control+Shift+C');
  await page.keyboard.press('Control+]');
  await expect(details(page).getByRole('heading', { name: 'kim-02.jpg' })).toBeVisible();
  await page.keyboard.press('Control+Shift+V');
  await expect(details(page).getByLabel('Caption', { exact: true })).toHaveValue(
    'Kim Jong Un waves in Pyongyang.',
  );
  await page.keyboard.press('Control+[');
  await expect(details(page).getByRole('heading', { name: 'kim-01.jpg' })).toBeVisible();

  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Next photo');
  await expect(help).toContainText('Ctrl+]');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('a catalog locked by another program: the text stays, the window says so, then saves', async ({
  page,
}) => {
  await page.goto(cutline.url);
  await open(page, 'kim-03.jpg');
  // Another process holds the catalog's write lock, as a backup tool or a second app might.
  const Database = (await import('better-sqlite3')).default;
  const other = new Database(join(root, 'catalog.sqlite'));
  other.exec('BEGIN IMMEDIATE');
  try {
    const caption = details(page).getByLabel('Caption', { exact: true });
    await caption.fill('Written while the catalog was locked.');
    await caption.blur();
    const status = page.getByRole('status', { name: 'Save status' });
    // A save waits out three busy timeouts (≈16 s: immediate-transactions.ts) before it says
    // so; one save at a time (autosave-queue.ts), with room for a loaded CI machine.
    await expect(status).toContainText('Not saved yet', { timeout: 30_000 });
    await expect(status).toContainText('your text is kept');
    await expect(caption).toHaveValue('Written while the catalog was locked.');
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(
    'All changes saved in the catalog',
    { timeout: 20_000 },
  );
  await page.reload();
  await open(page, 'kim-03.jpg');
  await expect(details(page).getByLabel('Caption', { exact: true })).toHaveValue(
    'Written while the catalog was locked.',
  );
});

test('batch edit: select all, preview, apply to every photo, undo as one step', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  await open(page, 'kim-01.jpg');
  await page.getByRole('grid', { name: 'Photos' }).press('Control+a');
  await expect(page.getByRole('status', { name: 'Selected photos' })).toHaveText('3 selected');
  await page.getByRole('button', { name: 'Batch edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Batch edit' });
  await dialog.getByLabel('Field', { exact: true }).selectOption({ label: 'Credit line' });
  await dialog.getByLabel('Text', { exact: true }).fill('AP');
  await expect(dialog.getByRole('status', { name: 'Batch preview' })).toContainText(
    '3 of 3 photos will change',
  );
  await page.screenshot({ path: testInfo.outputPath('batch-dialog.png') });
  await dialog.getByRole('button', { name: 'Apply to 3 photos' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(details(page).getByLabel('Credit line', { exact: true })).toHaveValue('AP');
  const grid = page.getByRole('grid', { name: 'Photos' });
  await expect(grid.getByRole('gridcell', { name: 'kim-03.jpg' })).toContainText('AP');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(details(page).getByLabel('Credit line', { exact: true })).toHaveValue('');
  await expect(grid.getByRole('gridcell', { name: 'kim-03.jpg' })).not.toContainText('AP');
});

test('code replacements: load a Photo Mechanic file, then =kju= expands while typing', async ({
  page,
}) => {
  await page.goto(cutline.url);
  await page.getByRole('button', { name: /^More/ }).click();
  await page.getByRole('button', { name: 'Code replacements' }).click();
  const dialog = page.getByRole('dialog', { name: 'Code replacements' });
  await dialog.getByLabel('Import code file').setInputFiles({
    name: 'codes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      '// desk list\r\nkju\tKim Jong Un\tNorth Korean leader Kim Jong Un\r\npyo\tPyongyang, North Korea\r\n',
    ),
  });
  await expect(dialog.getByRole('status')).toContainText('2 codes loaded from codes.txt');
  await expect(dialog.getByRole('table', { name: 'Codes' })).toContainText('Kim Jong Un');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await open(page, 'kim-02.jpg');
  const caption = details(page).getByLabel('Caption', { exact: true });
  await caption.fill('');
  await caption.pressSequentially('=kju2= waves in =pyo=, on Monday.');
  await expect(caption).toHaveValue(
    'North Korean leader Kim Jong Un waves in Pyongyang, North Korea, on Monday.',
  );
  await caption.blur();
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(
    'All changes saved in the catalog',
  );
});

test('caption checks warn beside the editor and move a typed-in credit to the credit line', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  await open(page, 'kim-03.jpg');
  const caption = details(page).getByLabel('Caption', { exact: true });
  await caption.fill(
    'Kim Jong Un waves in Pyongyang, North Korea, Wednesday, June 19, 2024. (AP Photo/Ahn Young-joon)',
  );
  await caption.blur();
  const checks = details(page).getByRole('list', { name: 'Caption checks' });
  await expect(checks).toContainText('The caption ends with a credit (AP Photo/Ahn Young-joon)');
  await page.screenshot({ path: testInfo.outputPath('caption-checks.png') });
  await checks.getByRole('button', { name: 'Move it to the credit line' }).click();
  await expect(caption).toHaveValue(
    'Kim Jong Un waves in Pyongyang, North Korea, Wednesday, June 19, 2024.',
  );
  await expect(details(page).getByLabel('Credit line', { exact: true })).toHaveValue(
    'AP Photo/Ahn Young-joon',
  );
  await expect(checks).not.toContainText('ends with a credit');
});
