/**
 * The folder browser of the browser UI (issue 16, part 5): "Import folder" opens the folders
 * the bridge serves, walked with the keyboard alone (Enter opens, Backspace goes up, arrows
 * move), and "Import this folder" imports the folder shown, whose photos then fill the grid.
 * A folder dropped on the window, whose path a plain browser does not give, opens the same
 * browser with a hint. `cutline serve` runs with HOME set to a folder made here.
 */
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { createExifTool, makeJpeg, wireTags } from '../helpers/make-photos';
import { type RunningCutline, startCutline } from './cutline-server';

let root: string;
let home: string;
let cutline: RunningCutline;
const MATCH = '2024-06-01 Cup final';

test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-e2e-folder-browser-'));
  home = join(root, 'home');
  const exiftool = createExifTool();
  try {
    for (const [i, colour] of (
      [
        [200, 40, 40],
        [40, 160, 60],
        [40, 90, 200],
      ] as const
    ).entries()) {
      await makeJpeg(exiftool, join(home, 'Photos', MATCH, `final-0${i + 1}.jpg`), {
        width: 400,
        height: 300,
        colour: [...colour],
        tags: wireTags({ caption: `Cup final, frame ${i + 1}.`, credit: 'AP' }),
      });
    }
  } finally {
    await exiftool.end();
  }
  await mkdir(join(home, 'Photos', '2024-05-12 Parade'), { recursive: true });
  await mkdir(join(home, 'Documents'));
  await mkdir(join(home, '.cache'));
  await mkdir(join(root, 'outside', 'private'), { recursive: true });
  // A link out of home: never listed.
  await symlink(join(root, 'outside'), join(home, 'Photos', 'escape'));
  cutline = await startCutline(join(root, 'catalog.sqlite'), { HOME: home });
});

test.afterAll(async () => {
  await cutline?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

const folders = (page: Page) =>
  page.getByRole('dialog', { name: 'Import a folder' }).getByRole('listbox', { name: 'Folders' });
const selected = (page: Page) => folders(page).locator('[role="option"][aria-selected="true"]');

test('walk into a folder with the keyboard, import it, and see its photos', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  await page.getByRole('button', { name: 'Import folder' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a folder' });
  await expect(dialog).toBeVisible();
  // The list has the keys from the start; the places come first: home.
  await expect(folders(page)).toBeFocused();
  await expect(selected(page)).toContainText('Home');

  await page.keyboard.press('Enter');
  await expect(dialog).toContainText(home);
  // Hidden folders are left out; folders sort by name.
  await expect(folders(page).getByRole('option')).toHaveText([/Documents/, /Photos/]);
  await page.keyboard.press('ArrowDown');
  await expect(selected(page)).toContainText('Photos');
  await page.keyboard.press('Enter');

  // The link out of home is not there; the counts are.
  await expect(folders(page).getByRole('option')).toHaveText([
    /2024-05-12 Parade\s*0 photos/,
    new RegExp(`${MATCH}\\s*3 photos`),
  ]);
  await page.keyboard.press('ArrowDown');
  await expect(selected(page)).toContainText(MATCH);
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText(join(home, 'Photos', MATCH));
  await expect(dialog).toContainText('3 photos directly in this folder');

  // Backspace goes up, with the folder we came from still selected; Enter goes back in.
  await page.keyboard.press('Backspace');
  await expect(dialog.getByText(join(home, 'Photos'), { exact: true })).toBeVisible();
  await expect(selected(page)).toContainText(MATCH);
  await page.screenshot({ path: testInfo.outputPath('folder-browser.png') });
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('3 photos directly in this folder');

  // Tab to "Import this folder" and press it from the keyboard too.
  const importButton = dialog.getByRole('button', { name: 'Import this folder' });
  for (
    let i = 0;
    i < 6 && !(await importButton.evaluate((b) => b === b.ownerDocument.activeElement));
    i++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(importButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const grid = page.getByRole('grid', { name: 'Photos' });
  await expect(grid.getByRole('gridcell')).toHaveCount(3);
  await expect(grid.getByRole('gridcell', { name: 'final-01.jpg' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('imported.png') });

  // The folder imported is a place now, as a recent import.
  await page.getByRole('button', { name: 'Import folder' }).click();
  await expect(dialog.getByRole('navigation', { name: 'Places' })).toContainText(MATCH);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a folder dropped where the browser gives no path opens the folder browser with a hint', async ({
  page,
}) => {
  await page.goto(cutline.url);
  // What a plain browser hands over for a dropped folder: a File with a name and no path.
  // (A script string: the tests' TypeScript has no DOM types.)
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.items.add(new File([], 'Cup final'));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      window.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  })()`);
  const dialog = page.getByRole('dialog', { name: 'Import a folder' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText(
    'This browser does not tell where “Cup final” is on disk: find it below, or type its path.',
  );
  await expect(folders(page)).toBeFocused();
});

test('a folder gone since it was listed gets the one refusal, and the listing stays', async ({
  page,
}) => {
  await mkdir(join(home, 'Archive', 'Old'), { recursive: true });
  await page.goto(cutline.url);
  await page.getByRole('button', { name: 'Import folder' }).click();
  await expect(selected(page)).toContainText('Home');
  await page.keyboard.press('Enter');
  await expect(selected(page)).toContainText('Archive');
  await rm(join(home, 'Archive'), { recursive: true });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import a folder' });
  await expect(dialog.getByRole('alert')).toHaveText(
    'This folder cannot be shown: only readable folders in your home folder or in folders you imported can be browsed.',
  );
  // Still home, still usable from the keyboard.
  await expect(folders(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(selected(page)).toContainText('Documents');
});
