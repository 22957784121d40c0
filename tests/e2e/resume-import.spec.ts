import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startRun } from '../../src/main/catalog/import-runs-repo';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { createExifTool, makeJpeg, wireTags } from '../helpers/make-photos';
import { type RunningCutline, startCutline } from './cutline-server';

let root: string;
let cutline: RunningCutline;

test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-resume-'));
  const exiftool = createExifTool();
  try {
    for (const name of ['a.jpg', 'b.jpg', 'c.jpg']) {
      await makeJpeg(exiftool, join(root, 'card', name), {
        tags: wireTags({ caption: `Frame ${name} from the card.` }),
      });
    }
  } finally {
    await exiftool.end();
  }
  // An import that was running when the app died: its run is still marked running.
  const catalog = join(root, 'catalog.sqlite');
  const db = openCatalog(catalog);
  startRun(db, [join(root, 'card')]);
  db.close();
  cutline = await startCutline(catalog);
});

test.afterAll(async () => {
  await cutline?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

test('an import cut short by a crash is offered for resuming, and resumes', async ({ page }) => {
  await page.goto(cutline.url);
  const offer = page.getByRole('status', { name: 'Unfinished import' });
  await expect(offer).toContainText('Import interrupted');
  await expect(offer).toContainText(join(root, 'card'));
  await offer.getByRole('button', { name: 'Resume import' }).click();
  await expect(page.getByRole('status', { name: 'Import summary' })).toContainText('3 imported');
  await expect(page.getByRole('grid', { name: 'Photos' }).getByRole('gridcell')).toHaveCount(3);
  await expect(offer).toHaveCount(0);
});
