/**
 * The damaged-catalog path as the user meets it: `cutline serve` started on a catalog whose
 * header is garbage moves it aside, starts a new one, and the window says so.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type RunningCutline, startCutline } from './cutline-server';

let cutline: RunningCutline;
let root: string;

test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-e2e-damaged-'));
  // Not a database at all: what a disk error or a half-copied file leaves.
  await writeFile(join(root, 'catalog.sqlite'), Buffer.alloc(64 * 1024, 0x5a));
  cutline = await startCutline(join(root, 'catalog.sqlite'));
});

test.afterAll(async () => {
  await cutline?.stop();
  await rm(root, { recursive: true, force: true });
});

test('a damaged catalog is moved aside and the window says where', async ({ page }) => {
  const aside = readdirSync(root).filter((name) => name.startsWith('catalog.sqlite.damaged-'));
  expect(aside).toHaveLength(1);
  await page.goto(cutline.url);
  const notices = page.getByRole('alert', { name: 'Notices' });
  await expect(notices).toContainText('The catalog was damaged');
  await expect(notices).toContainText(aside[0]!);
  await notices.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notices).toBeHidden();
  await page.reload();
  await expect(page.getByRole('alert', { name: 'Notices' })).toBeHidden();
});
