import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { callApi, type RunningCutline, startShoot, stopShoot } from './cutline-server';

// Two spellings of one photographer, and a pool picture whose credit must be composed from
// Creator, Credit and Source, as the wires send them.
const PHOTOS = [
  {
    name: 'SEO-ahn-01.jpg',
    colour: [60, 160, 90] as [number, number, number],
    caption: 'People watch a TV screen at the Seoul Railway Station.',
    creators: ['Ahn Young-joon'],
    credit: 'AP Photo',
    source: 'AP',
  },
  {
    name: 'SEO-ahn-02.jpg',
    colour: [200, 160, 40] as [number, number, number],
    caption: 'Commuters pass the screen at the station.',
    creators: ['Ahn Young-Joon'],
    credit: 'AP',
    source: 'AP',
  },
  {
    name: 'PYO-summit-03.jpg',
    colour: [40, 120, 170] as [number, number, number],
    caption: 'Russian President Vladimir Putin, left, and North Korean leader Kim Jong Un talk.',
    creators: ['Gavriil Grigorov'],
    credit: 'AP',
    source: 'Pool Sputnik Kremlin',
  },
];

// The credit block after the directory test made one spelling of Ahn Young-joon win.
const BLOCK_ALL = 'Photos: Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP; Ahn Young-joon/AP';
const BLOCK_GRIGOROV = 'Photo: Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP';

// Each test starts from what the one before left (the style, the normalised spelling).
test.describe.configure({ mode: 'serial' });

let root: string;
let cutline: RunningCutline;

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot('credits', async (root, exiftool) => {
    for (const photo of PHOTOS) {
      await makeJpeg(exiftool, join(root, 'shoot', photo.name), {
        width: 900,
        height: 600,
        colour: photo.colour,
        tags: wireTags(photo),
      });
    }
  }));
});

test.afterAll(() => stopShoot({ root, cutline }));

async function openPhoto(page: Page, name: string) {
  await page.getByRole('grid', { name: 'Photos' }).getByRole('gridcell', { name }).click();
  await expect(page.getByRole('complementary', { name: 'Photo details' })).toContainText(name);
}

test('the credit preview in the house style, its parts and the fields it came from', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  await openPhoto(page, 'PYO-summit-03.jpg');
  const details = page.getByRole('complementary', { name: 'Photo details' });

  const preview = details.getByRole('status', { name: 'Credit preview' });
  await expect(preview).toHaveText('Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP');
  await expect(details.getByText('Composed from: Creator, Credit line, Source')).toBeVisible();
  const parts = details.getByRole('list', { name: 'Credit parts' }).getByRole('listitem');
  await expect(parts).toHaveText([
    'CreatorGavriil Grigorov',
    'AgencySputnik',
    'PoolKremlin Pool',
    'ViaAP',
  ]);
  const style = details.getByRole('combobox', { name: 'House style' });
  await expect(style).toHaveValue('ap');
  await page.screenshot({ path: testInfo.outputPath('credit-preview-ap.png') });

  await style.selectOption('reuters');
  await expect(preview).toHaveText('Sputnik/Gavriil Grigorov/Kremlin Pool via AP');
  // The choice is a setting: the services answer it, and it survives a reload.
  await expect
    .poll(
      async () => (await callApi<{ houseStyle: string }>(cutline.url, 'settings:get')).houseStyle,
    )
    .toBe('reuters');
  await page.reload();
  await openPhoto(page, 'PYO-summit-03.jpg');
  await expect(preview).toHaveText('Sputnik/Gavriil Grigorov/Kremlin Pool via AP');
  await page.screenshot({ path: testInfo.outputPath('credit-preview-reuters.png') });

  await style.selectOption('ap');
  await expect(preview).toHaveText('Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP');
});

test('the credit directory lists spellings and normalises one, keyboard only', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  await page.getByRole('button', { name: /^More/ }).click();
  await page.getByRole('button', { name: 'Credit directory' }).click();
  const panel = page.getByRole('dialog', { name: 'Credit directory' });
  const creators = panel.getByRole('region', { name: /Creators/ });
  const ahn = creators.getByRole('listitem', { name: 'Ahn Young-joon', exact: true });
  await expect(ahn).toContainText('2 photos');
  const spellings = ahn.getByRole('list', { name: 'Spellings of Ahn Young-joon' });
  await expect(spellings.getByRole('listitem')).toHaveCount(2);
  await expect(panel.getByRole('region', { name: /Agencies/ })).toContainText('AP');
  await page.screenshot({ path: testInfo.outputPath('credit-directory.png') });

  const replace = panel.getByRole('button', {
    name: 'Replace "Ahn Young-Joon" with "Ahn Young-joon"',
  });
  await replace.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('status')).toContainText(
    'Replaced “Ahn Young-Joon” with “Ahn Young-joon” in 1 photo.',
  );
  await expect(spellings.getByRole('listitem')).toHaveCount(1);
  await expect(replace).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('credit-directory-normalised.png') });

  // The library shows the new spelling: the photo's details read it from the catalog.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await openPhoto(page, 'SEO-ahn-02.jpg');
  await expect(
    page
      .getByRole('complementary', { name: 'Photo details' })
      .getByRole('status', { name: 'Credit preview' }),
  ).toHaveText('AP Photo/Ahn Young-joon');
});

test('the credit block for the current search', async ({ page }, testInfo) => {
  await page.goto(cutline.url);
  await page.getByRole('button', { name: /^More/ }).click();
  await page.getByRole('button', { name: 'Credit block' }).click();
  const panel = page.getByRole('dialog', { name: 'Credit block' });
  const text = panel.getByRole('textbox', { name: 'Credit block' });
  await expect(text).toHaveValue(BLOCK_ALL);
  await page.screenshot({ path: testInfo.outputPath('credit-block.png') });

  await page.getByRole('searchbox').fill('creator:grigorov');
  await expect(text).toHaveValue(BLOCK_GRIGOROV);
  await expect(panel).toContainText('1 photo in this search');
  await page.screenshot({ path: testInfo.outputPath('credit-block-search.png') });
});
