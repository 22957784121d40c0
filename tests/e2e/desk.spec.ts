/**
 * Two editors on one desk, as two `cutline serve` processes (each its own catalog) over one
 * shared folder and one real PostgreSQL: an edit typed in one window appears in the other's
 * editor and grid while it is open, each sees the other on the photo (cell and editor), and
 * the toolbar's indicator says online, with the queue drained and the sequence moving.
 * Skipped with a printed reason when CUTLINE_TEST_PG is not set; CI sets it (and
 * CUTLINE_REQUIRE_PG=1, under which a missing server fails instead).
 */
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import type { DeskState } from '../../src/shared/desk';
import { deskTestServer } from '../helpers/desk-database';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { callApi, type RunningCutline } from './cutline-server';
import { startDeskPair, stopDeskPair } from './desk-pair';
import { details, openPhoto } from './photo-details-page';

// The smallest window the layout is made for: the indicator must fit beside the rest.
test.use({ viewport: { width: 1280, height: 800 } });

const server = deskTestServer();
test.skip(!server, 'CUTLINE_TEST_PG is not set: no PostgreSQL for the desk (see .ci/run)');

const NAMES = ['summit-01.jpg', 'summit-02.jpg', 'summit-03.jpg'];

let root: string;
let anna: RunningCutline;
let ben: RunningCutline;
let deskUrl: string;

test.beforeAll(async () => {
  if (!server) return;
  // Anna's Cutline imports the shared folder; Ben's, with its own catalog, the same folder.
  ({ root, anna, ben, deskUrl } = await startDeskPair(server, 'desk', async (root, exiftool) => {
    for (const [i, name] of NAMES.entries()) {
      await makeJpeg(exiftool, join(root, 'shoot', name), {
        width: 600,
        height: 400,
        colour: [60 + i * 50, 90, 140],
        tags: wireTags({ caption: `Summit photo ${i + 1}.`, credit: 'Pool' }),
      });
    }
  }));
});

test.afterAll(() => stopDeskPair(server, { root, anna, ben, deskUrl }));

/** The toolbar's desk indicator (a button named by what it says). */
const indicator = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Desk:/ });

async function openWindow(browser: Browser, cutline: RunningCutline): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(cutline.url);
  return page;
}

test('two editors on one desk see each other and each other’s edits live', async ({
  browser,
}, testInfo) => {
  const annaPage = await openWindow(browser, anna);
  // Not on a desk yet: no indicator at all, as for anyone who never joins.
  await expect(annaPage.getByRole('grid', { name: 'Photos' })).toBeVisible();
  await expect(indicator(annaPage)).toHaveCount(0);

  // Anna joins in Settings → Desk; Ben through the same contract call.
  await annaPage.getByRole('button', { name: 'Settings…' }).click();
  const desk = annaPage.getByRole('region', { name: 'Desk' });
  await desk.getByLabel('Desk address').fill(deskUrl);
  await desk.getByLabel('Your name on the desk').fill('Anna Berg');
  await desk.getByLabel("The desk's folder on this computer").fill(root);
  await desk.getByRole('button', { name: 'Join the desk' }).click();
  await expect(desk.getByRole('status')).toContainText('Online');
  await annaPage
    .getByRole('dialog', { name: 'Settings' })
    .getByRole('button', { name: 'Close' })
    .click();
  await callApi(ben.url, 'desk:join', { url: deskUrl, name: 'Ben Ochoa', root });
  const benPage = await openWindow(browser, ben);

  // The indicator says online, nothing waiting, and fits the 1280-px toolbar.
  for (const page of [annaPage, benPage]) {
    await expect(indicator(page)).toHaveAccessibleName(/^Desk: online, 0 edits waiting/);
    const box = (await indicator(page).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThanOrEqual(90);
  }

  // Both open the same photo: each is told the other has it open, in the editor and on the cell.
  await openPhoto(annaPage, 'summit-02.jpg');
  await openPhoto(benPage, 'summit-02.jpg');
  await expect(
    details(annaPage).getByRole('status', { name: 'Colleagues on this photo' }),
  ).toHaveText('Ben Ochoa has it open');
  const annaCell = annaPage.getByRole('gridcell', { name: 'summit-02.jpg' });
  await expect(annaCell.getByRole('img', { name: 'Ben Ochoa has it open' })).toHaveText('BO');
  await expect(
    details(benPage).getByRole('status', { name: 'Colleagues on this photo' }),
  ).toHaveText('Anna Berg has it open');

  // Ben goes into the caption: Anna reads which field he is in.
  const benCaption = details(benPage).getByLabel('Caption', { exact: true });
  await benCaption.click();
  await expect(
    details(annaPage).getByRole('status', { name: 'Colleagues on this photo' }),
  ).toHaveText('Ben Ochoa is editing the caption');

  // Ben types; Anna's open editor shows his caption without her doing anything.
  await benCaption.fill('Leaders arrive for the summit in Geneva.');
  await details(benPage).getByLabel('Credit line', { exact: true }).fill('Pool / Ben Ochoa');
  await expect(details(annaPage).getByLabel('Caption', { exact: true })).toHaveValue(
    'Leaders arrive for the summit in Geneva.',
  );
  // And her grid: the cell's credit line is Ben's.
  await expect(annaCell).toContainText('Pool / Ben Ochoa');
  const shot = testInfo.outputPath('desk-anna-1280.png');
  await annaPage.screenshot({ path: shot });
  await testInfo.attach('Anna sees Ben on the photo', { path: shot, contentType: 'image/png' });
  // Anna's history says who wrote it.
  await details(annaPage).getByRole('button', { name: 'History' }).click();
  await expect(details(annaPage)).toContainText('Ben Ochoa');

  // Ben's queue drains: online, nothing waiting, and his sequence has moved past both edits.
  await expect(indicator(benPage)).toHaveAccessibleName(
    /^Desk: online, 0 edits waiting, sequence [2-9]/,
  );
  const benState = await callApi<DeskState>(ben.url, 'desk:state');
  const annaState = await callApi<DeskState>(anna.url, 'desk:state');
  expect(benState).toMatchObject({ linked: true, online: true, queue: 0 });
  expect(annaState.lastSeq).toBe(benState.lastSeq);

  // The indicator opens Settings → Desk.
  await indicator(annaPage).click();
  await expect(
    annaPage.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Desk' }),
  ).toContainText('as Anna Berg');

  // Ben leaves the photo: Anna no longer sees him on it.
  await openPhoto(benPage, 'summit-03.jpg');
  await annaPage
    .getByRole('dialog', { name: 'Settings' })
    .getByRole('button', { name: 'Close' })
    .click();
  await expect(annaCell.getByRole('img', { name: /Ben Ochoa/ })).toHaveCount(0);
  await expect(
    annaPage
      .getByRole('gridcell', { name: 'summit-03.jpg' })
      .getByRole('img', { name: 'Ben Ochoa has it open' }),
  ).toHaveText('BO');
});
