import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { type RunningCutline, startShoot, stopShoot } from './cutline-server';

// The rough edges a day of use found (issue 16, part 5), each checked in the browser.
test.use({ viewport: { width: 1280, height: 800 } });

const LONG = `${'The delegates arrive for the summit and walk past the honour guard. '.repeat(12)}Photo by Jon Smith.`;
let root: string;
let cutline: RunningCutline;

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot('rough-edges', async (root, exiftool) => {
    // Long names, and two spellings of one, make the credit directory's rows as wide as they get.
    const credits: [string, string][] = [
      ['Christopher Maximilian Featherstonehaugh-Wolfe', 'AP'],
      [
        'Christopher Maximilian Featherstonehaugh-wolfe',
        'Agence France-Presse International Pictures',
      ],
      ['Jon Chol Jin', 'AP'],
    ];
    for (const [i, caption] of [LONG, 'Second frame.', 'Third frame.'].entries()) {
      const [creator, credit] = credits[i] ?? ['', ''];
      await makeJpeg(exiftool, join(root, 'shoot', `edge-0${i + 1}.jpg`), {
        width: 400,
        height: 300,
        tags: wireTags({ caption, creators: [creator], credit, headline: `Frame ${i + 1}` }),
      });
    }
  }));
});

test.afterAll(() => stopShoot({ root, cutline }));

const grid = (page: Page) => page.getByRole('grid', { name: 'Photos' });
const caption = (page: Page) =>
  page.getByRole('complementary', { name: 'Photo details' }).getByLabel('Caption', { exact: true });

/** Tab (and Shift+Tab) many times: focus never leaves the dialog. */
async function expectFocusTrapped(page: Page, dialog: Locator): Promise<void> {
  await expect
    .poll(() => dialog.evaluate((element) => element.contains(element.ownerDocument.activeElement)))
    .toBe(true);
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press(key);
      const inside = await dialog.evaluate((element) =>
        element.contains(element.ownerDocument.activeElement),
      );
      const where = await page.evaluate<string>('document.activeElement?.outerHTML.slice(0, 120)');
      expect(inside, `${key} #${i + 1} stays in the dialog (${where})`).toBe(true);
    }
  }
}

test('every modal takes focus, keeps Tab inside, and gives focus back on Escape', async ({
  page,
}) => {
  await page.goto(cutline.url);
  await grid(page).getByRole('gridcell', { name: 'edge-02.jpg' }).click();
  const openers: [string, Locator, string][] = [
    ['Settings', page.getByRole('button', { name: 'Settings…' }), 'Settings'],
    ['Export', page.getByRole('button', { name: 'Export…' }), 'Export'],
    ['Templates', page.getByRole('button', { name: 'Templates…' }), 'Templates'],
    ['Batch edit', page.getByRole('button', { name: 'Batch edit…' }), 'Batch edit'],
  ];
  for (const [what, opener, dialogName] of openers) {
    await opener.click();
    const dialog = page.getByRole('dialog', { name: dialogName });
    await expect(dialog, what).toBeVisible();
    await expectFocusTrapped(page, dialog);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener, `focus back on what opened ${what}`).toBeFocused();
  }

  // Code replacements opens from the "More" list: focus goes back to "More".
  const more = page.getByRole('button', { name: /^More/ });
  await more.click();
  await page.getByRole('button', { name: 'Code replacements' }).click();
  const codes = page.getByRole('dialog', { name: 'Code replacements' });
  await expectFocusTrapped(page, codes);
  await page.keyboard.press('Escape');
  await expect(codes).toHaveCount(0);
  await expect(more).toBeFocused();
});

test('batch edit blanks nothing by default, and emptying many captions asks once', async ({
  page,
}) => {
  await page.goto(cutline.url);
  await grid(page).getByRole('gridcell', { name: 'edge-02.jpg' }).click();
  await grid(page).press('Control+a');
  await page.getByRole('button', { name: 'Batch edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Batch edit' });
  await expect(dialog.getByLabel('Only empty fields')).toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Apply to 0 photos' })).toBeDisabled();

  await dialog.getByLabel('Overwrite').check();
  const apply = dialog.getByRole('button', { name: 'Apply to 3 photos' });
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'This empties the caption of 3 photos. Press again to do it.',
  );
  await expect(dialog.getByRole('button', { name: 'Empty 3 photos' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(caption(page)).toHaveValue('Second frame.');
});

test('find/replace preview shows the changed words of a long caption, in context', async ({
  page,
}) => {
  await page.goto(cutline.url);
  await grid(page).getByRole('gridcell', { name: 'edge-01.jpg' }).click();
  await page.getByRole('button', { name: 'Batch edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Batch edit' });
  await dialog.getByLabel('Find and replace').check();
  await dialog.getByLabel('Find', { exact: true }).fill('Jon Smith');
  await dialog.getByLabel('Replace with', { exact: true }).fill('Jane Smith');
  const preview = dialog.getByRole('status', { name: 'Batch preview' });
  await expect(preview).toContainText('1 of 1 photo will change.');
  await expect(preview.locator('del')).toContainText('Photo by Jon Smith.');
  await expect(preview.locator('ins')).toContainText('Photo by Jane Smith.');
  await page.keyboard.press('Escape');
});

test('one code loaded is said in the singular, as a success', async ({ page }) => {
  await page.goto(cutline.url);
  await page.getByRole('button', { name: /^More/ }).click();
  await page.getByRole('button', { name: 'Code replacements' }).click();
  const dialog = page.getByRole('dialog', { name: 'Code replacements' });
  await dialog.getByLabel('Import code file').setInputFiles({
    name: 'one.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('seo\tSeoul, South Korea\r\n'),
  });
  const status = dialog.getByRole('status');
  await expect(status).toHaveText('1 code loaded from one.txt.');
  await expect(status).toHaveClass(/tone--ok/);
});

test('the details panel starts each photo at the top', async ({ page }) => {
  await page.goto(cutline.url);
  await grid(page).getByRole('gridcell', { name: 'edge-01.jpg' }).click();
  await expect(caption(page)).toHaveValue(LONG);
  const body = page.locator('.details__body');
  await body.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  expect(await body.evaluate((element) => element.scrollTop)).toBeGreaterThan(100);
  await grid(page).getByRole('gridcell', { name: 'edge-02.jpg' }).click();
  await expect(caption(page)).toHaveValue('Second frame.');
  expect(await page.locator('.details__body').evaluate((element) => element.scrollTop)).toBe(0);
});

test('the count never shows the whole catalog as the result of a new search', async ({ page }) => {
  await page.goto(cutline.url);
  const count = page.getByLabel('Photo count');
  await expect(count).toHaveText('3 photos');
  // Every text the count shows from here on (page-side JavaScript: no DOM types in tests).
  await page.evaluate(`(() => {
    const element = document.querySelector('[aria-label="Photo count"]');
    window.seen = [];
    new MutationObserver(() => window.seen.push(element.textContent)).observe(element, {
      childList: true, characterData: true, subtree: true,
    });
  })()`);
  await page.getByRole('searchbox', { name: 'Search' }).fill('Second');
  await expect(count).toHaveText('1 of 3 photos');
  const seen = await page.evaluate<string[]>('window.seen');
  expect(seen).not.toContain('3 of 3 photos');
});

test('loading the page breaks no Content-Security-Policy rule (the icon is a file of its own)', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(cutline.url);
  await expect(grid(page).getByRole('gridcell', { name: 'edge-01.jpg' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(problems.filter((text) => /Content Security Policy|data:/.test(text))).toEqual([]);
});

test('a failed export is shown as an error, a finished one as a success', async ({ page }) => {
  await page.goto(cutline.url);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Save as').fill(join(root, 'no-such-folder', 'deeper', 'sheet'));
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const failure = dialog.getByRole('alert');
  await expect(failure).toBeVisible();
  await expect(failure).toHaveClass(/tone--error/);
  await expect(failure).toHaveCSS('color', 'rgb(255, 107, 107)'); // --danger
  await expect(dialog.getByRole('status')).toHaveCount(0);

  await dialog.getByLabel('Save as').fill(join(root, 'sheet'));
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const done = dialog.getByRole('status');
  await expect(done).toContainText('Wrote 3 photos');
  await expect(done).toHaveClass(/tone--(ok|warn)/);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});

test('the credit directory shows its Agencies column and every count whole', async ({ page }) => {
  await page.goto(cutline.url);
  await page.getByRole('button', { name: /^More/ }).click();
  await page.getByRole('button', { name: 'Credit directory' }).click();
  const panel = page.getByRole('dialog', { name: 'Credit directory' });
  const agencies = panel.getByRole('region', { name: /Agencies/ });
  await expect(agencies).toContainText('AP');
  const box = await panel.boundingBox();
  if (!box) throw new Error('the panel has no box');
  const counts = panel.locator('.directory-entry__count');
  expect(await counts.count()).toBeGreaterThan(0);
  for (const part of [agencies, ...(await counts.all())]) {
    const inner = await part.boundingBox();
    const where = `${await part.textContent()}: ${JSON.stringify(inner)} in ${JSON.stringify(box)}`;
    expect(inner, where).not.toBeNull();
    expect(inner?.x ?? -1, where).toBeGreaterThanOrEqual(box.x);
    expect((inner?.x ?? 0) + (inner?.width ?? 0), where).toBeLessThanOrEqual(box.x + box.width);
    // Not clipped or cut by an ellipsis inside its own box either.
    expect(
      await part.evaluate((element) => element.scrollWidth <= element.clientWidth + 1),
      where,
    ).toBe(true);
  }
});

test('in the loupe a HEIC shows its picture and a RAW without a preview says so unasked: no 415', async ({
  page,
}) => {
  const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'real');
  const files = ['exiv2/Stonehenge.heic', 'exiftool/Nikon.nef'].filter((file) =>
    existsSync(join(fixtures, file)),
  );
  test.skip(files.length === 0, 'no HEIC/RAW fixtures under ../shared/fixtures/real');
  const own = await startShoot('rough-edges-raw', async (root) => {
    await mkdir(join(root, 'shoot'), { recursive: true });
    for (const file of files) {
      await copyFile(join(fixtures, file), join(root, 'shoot', file.split('/').pop() ?? file));
    }
  });
  try {
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 415) refused.push(response.url());
    });
    page.on('console', (message) => {
      if (/415/.test(message.text())) refused.push(message.text());
    });
    await page.goto(own.cutline.url);
    for (const file of files) {
      const name = file.split('/').pop() ?? file;
      const cell = grid(page).getByRole('gridcell', { name });
      await expect(cell, `${name} is in the grid`).toBeVisible();
      await cell.dblclick({ timeout: 15_000 });
      const preview = page.getByRole('region', { name: 'Photo preview' });
      if (name.endsWith('.heic')) {
        // libheif-js decodes the HEIC's own small picture at import (the thumbnail), and the
        // preview falls back to it: the picture shows.
        await expect
          .poll(() =>
            preview
              .getByRole('img', { name })
              .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
          )
          .toBeGreaterThan(0);
      } else {
        await expect(preview.getByRole('status')).toContainText(`No preview of ${name}`);
      }
      await page.keyboard.press('Escape');
      await expect(preview).toHaveCount(0);
    }
    expect(refused).toEqual([]);
  } finally {
    // This spec stops its own server inside the test: the page goes first, as it does before
    // every other spec's afterAll, so that no open page holds the server's connections.
    await page.close();
    await stopShoot(own);
  }
});
