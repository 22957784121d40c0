import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createExifTool, renderGrainyJpeg, wireTags, writeTags } from '../helpers/make-photos';
import { callApi, type RunningCutline, startCutline } from './cutline-server';

/**
 * The grid fills while an import runs: photos without an embedded thumbnail are stored
 * first and their thumbnails rendered after, so the first cells show long before the end.
 */
let root: string;
let cutline: RunningCutline;
const COUNT = 60;

test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-streams-'));
  const folder = join(root, 'wire');
  await mkdir(folder, { recursive: true });
  // A large picture that compresses badly (grain), so that each render takes a while.
  const first = join(folder, 'wire-00.jpg');
  await renderGrainyJpeg(first);
  const exiftool = createExifTool();
  try {
    await writeTags(exiftool, first, wireTags({ caption: 'A wire photo, no thumbnail.' }), false);
  } finally {
    await exiftool.end();
  }
  for (let i = 1; i < COUNT; i++) {
    await copyFile(first, join(folder, `wire-${String(i).padStart(2, '0')}.jpg`));
  }
  cutline = await startCutline(join(root, 'catalog.sqlite'));
});

test.afterAll(async () => {
  await cutline?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

test('photos show in the grid while the import is still running', async ({ page }) => {
  await page.goto(cutline.url);
  const grid = page.getByRole('grid', { name: 'Photos' });
  await page.getByRole('button', { name: 'Import folder' }).click();
  await page.getByLabel('Folder path', { exact: true }).fill(join(root, 'wire'));
  const started = Date.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  await expect(grid.getByRole('gridcell').first()).toBeVisible({ timeout: 20_000 });
  const firstCell = (Date.now() - started) / 1000;
  const runs = await callApi<{ state: string }[]>(cutline.url, 'import:runs');
  // Not a pass/fail on time: a figure for the README's table.
  console.log(`first photo in the grid ${firstCell.toFixed(2)} s after Import was clicked`);
  expect(runs[0]?.state).toBe('running');

  const summary = page.getByRole('status', { name: 'Import summary' });
  await expect(summary).toContainText(`${COUNT} imported`, { timeout: 120_000 });
  await expect(grid.getByRole('gridcell').first()).toBeVisible();
});
