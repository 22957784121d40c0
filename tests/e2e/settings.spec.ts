/**
 * The Settings dialog round trip through the real UI and services: every choice made in the
 * dialog is saved to the catalog at once, is there after a reload, and is what the contract
 * answers; the code-replacements button opens that dialog; the thumbnail size resizes the grid.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { createExifTool, makeJpeg } from '../helpers/make-photos';
import { callApi, importFolders, type RunningCutline, startCutline } from './cutline-server';

let cutline: RunningCutline;
let root: string;

test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-e2e-settings-'));
  const exiftool = createExifTool();
  try {
    await makeJpeg(exiftool, join(root, 'photos', 'one.jpg'));
  } finally {
    await exiftool.end();
  }
  cutline = await startCutline(join(root, 'catalog.sqlite'));
  await importFolders(cutline.url, [join(root, 'photos')]);
  await callApi(cutline.url, 'templates:save', { name: 'Desk', values: { city: 'Seoul' } });
});

test.afterAll(async () => {
  await cutline?.stop();
  await rm(root, { recursive: true, force: true });
});

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByLabel('Your name in the history')).toBeVisible();
  return dialog;
}

test('settings chosen in the dialog are saved, survive a reload and reach the services', async ({
  page,
}) => {
  await page.goto(cutline.url);
  const rowHeight = () =>
    page
      .locator('.library-grid__row')
      .first()
      .evaluate((row) => row.getBoundingClientRect().height);
  await expect(page.locator('.library-grid__row').first()).toBeVisible();
  const mediumRow = await rowHeight();

  let dialog = await openSettings(page);
  await dialog.getByLabel('Your name in the history').fill('Ed Desk');
  await dialog.getByLabel('Your name in the history').press('Enter');
  await dialog.getByLabel('House style').selectOption('reuters');
  await dialog.getByLabel('Template applied at import').selectOption('Desk');
  await dialog.getByLabel('Sidecar file names').selectOption('IMG.CR2.xmp');
  await dialog.getByLabel('Keep a backup of each file before writing').check();
  await dialog.getByLabel('Thumbnail size').fill('8'); // four columns
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(rowHeight).toBeGreaterThan(mediumRow);

  await expect
    .poll(() => callApi<Record<string, unknown>>(cutline.url, 'settings:get'))
    .toMatchObject({
      userName: 'Ed Desk',
      houseStyle: 'reuters',
      importTemplate: 'Desk',
      sidecarNaming: 'IMG.CR2.xmp',
      keepBackups: true,
      gridColumns: 4,
    });

  await page.reload();
  dialog = await openSettings(page);
  await expect(dialog.getByLabel('Your name in the history')).toHaveValue('Ed Desk');
  await expect(dialog.getByLabel('House style')).toHaveValue('reuters');
  await expect(dialog.getByLabel('Template applied at import')).toHaveValue('Desk');
  await expect(dialog.getByLabel('Sidecar file names')).toHaveValue('IMG.CR2.xmp');
  await expect(dialog.getByLabel('Keep a backup of each file before writing')).toBeChecked();
  await expect(dialog.getByLabel('Thumbnail size')).toHaveValue('8');

  await dialog.getByRole('button', { name: 'Edit code replacements…' }).click();
  await expect(page.getByRole('dialog', { name: 'Code replacements' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeHidden();
});

test('Ctrl+, opens the settings', async ({ page }) => {
  await page.goto(cutline.url);
  await expect(page.getByRole('button', { name: 'Settings…' })).toBeVisible();
  await page.keyboard.press('Control+Comma');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
});

test('the trust list for Content Credentials takes PEM certificates and refuses anything else', async ({
  page,
}) => {
  // PEM-shaped: the dialog and the services check the form; the certificate itself is used
  // when credentials are read (provenance-generated.test.ts signs with a real one).
  const pem = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----';
  await page.goto(cutline.url);
  let dialog = await openSettings(page);
  const field = dialog.getByLabel('Trusted signers of Content Credentials');
  await field.fill(pem);
  await field.blur();
  await expect
    .poll(() => callApi<Record<string, unknown>>(cutline.url, 'settings:get'))
    .toMatchObject({ c2paTrustAnchors: pem });

  await field.fill('/etc/ssl/certs/root.pem');
  await field.blur();
  await expect(page.getByRole('alert')).toContainText('PEM certificates only');
  expect(await callApi<Record<string, unknown>>(cutline.url, 'settings:get')).toMatchObject({
    c2paTrustAnchors: pem,
  });

  await page.reload();
  dialog = await openSettings(page);
  await expect(dialog.getByLabel('Trusted signers of Content Credentials')).toHaveValue(pem);
});
