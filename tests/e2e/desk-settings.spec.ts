/**
 * The house rules a desk shares, in two windows of two `cutline serve` processes (each its
 * own catalog) on one real PostgreSQL: Anna ticks "code replacements" in Settings → Desk, and
 * Ben, whose editor is already open, types her code and sees it expand, with no reload; the
 * desk section says who shared it. Skipped with a printed reason when CUTLINE_TEST_PG is not
 * set; CI sets it.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { deskTestServer } from '../helpers/desk-database';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { callApi, type RunningCutline } from './cutline-server';
import { startDeskPair, stopDeskPair } from './desk-pair';
import { details, openPhoto } from './photo-details-page';

const server = deskTestServer();
test.skip(!server, 'CUTLINE_TEST_PG is not set: no PostgreSQL for the desk (see .ci/run)');

let root: string;
let anna: RunningCutline;
let ben: RunningCutline;
let deskUrl: string;

test.beforeAll(async () => {
  if (!server) return;
  ({ root, anna, ben, deskUrl } = await startDeskPair(
    server,
    'desk-settings',
    async (root, exiftool) => {
      await makeJpeg(exiftool, join(root, 'shoot', 'kim-01.jpg'), {
        width: 600,
        height: 400,
        colour: [90, 90, 140],
        tags: wireTags({ caption: 'Start.' }),
      });
    },
  ));
  await callApi(anna.url, 'desk:join', { url: deskUrl, name: 'Anna Berg', root });
  await callApi(ben.url, 'desk:join', { url: deskUrl, name: 'Ben Ochoa', root });
});

test.afterAll(() => stopDeskPair(server, { root, anna, ben, deskUrl }));

test('a code shared in Settings → Desk expands in a colleague’s open editor', async ({
  browser,
}) => {
  await callApi(anna.url, 'codes:set', { code: 'kju', replacements: ['Kim Jong Un'] });
  const benPage = await (await browser.newContext()).newPage();
  await benPage.goto(ben.url);
  await openPhoto(benPage, 'kim-01.jpg');

  const annaPage = await (await browser.newContext()).newPage();
  await annaPage.goto(anna.url);
  await annaPage.getByRole('button', { name: 'Settings…' }).click();
  const rules = annaPage.getByRole('group', { name: 'House rules shared with the desk' });
  await rules.getByRole('checkbox', { name: /^code replacements/ }).check();
  await expect(rules).toContainText('code replacements — shared by Anna Berg');
  await expect(rules).toContainText('1 on the desk, last changed by Anna Berg');
  await expect(rules.getByRole('checkbox', { name: /^templates/ })).not.toBeChecked();

  // Ben's window loaded its codes before the desk shared any: it is told, and reloads them.
  const caption = details(benPage).getByLabel('Caption', { exact: true });
  await expect(async () => {
    await caption.fill('');
    await caption.pressSequentially('=kju= waves.');
    await expect(caption).toHaveValue('Kim Jong Un waves.', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
});
