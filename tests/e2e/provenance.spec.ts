/**
 * Rights and provenance in the window (issue 19 parts 2–4), on the C2PA reference library's
 * own signed files (tests/fixtures/c2pa, with their licence) and a generated image signed in
 * the test with the library's Builder: the details panel says in plain words who signed,
 * whether the signature holds, whether the image changed after signing or was made by a
 * generative model; the filters find the right photos; a write into a signed file is named,
 * file by file, before it happens, and afterwards the catalog, the panel and the filters say
 * its credentials no longer validate because of Cutline's edit, which the library confirms on
 * the file. The rights fields the house requires, ticked in Settings, are asked for.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { readC2pa } from '../../src/main/metadata/read-c2pa';
import { signGenerated, tryTestCertificates } from '../helpers/c2pa-sign';
import { callApi, type RunningCutline, startShoot, stopShoot } from './cutline-server';
import { details } from './photo-details-page';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'c2pa');
const FILES = ['C.jpg', 'CA.jpg', 'XCA.jpg', 'CIE-sig-CA.jpg', 'no_manifest.jpg'];
let root: string;
let cutline: RunningCutline;
/** Why no generated image could be signed here (no openssl), or null. */
let noGenerated: string | null = null;

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot('provenance', async (folder) => {
    const shoot = join(folder, 'shoot');
    await mkdir(shoot, { recursive: true });
    for (const name of FILES) await copyFile(join(FIXTURES, name), join(shoot, name));
    const certificates = tryTestCertificates(folder);
    if (typeof certificates === 'string') noGenerated = certificates;
    else {
      signGenerated(
        certificates,
        join(FIXTURES, 'no_manifest.jpg'),
        join(shoot, 'generated.jpg'),
        'image/jpeg',
      );
    }
  }));
});

test.afterAll(() => stopShoot({ root, cutline }));

const grid = (page: Page) => page.getByRole('grid', { name: 'Photos' });

/** Selects the photo of exactly that name ('CA.jpg' is part of 'XCA.jpg' too). */
async function openPhoto(page: Page, name: string): Promise<void> {
  await grid(page).getByRole('gridcell', { name, exact: true }).click();
  await expect(details(page).getByRole('heading', { name, exact: true })).toBeVisible();
}
const credentials = (page: Page) =>
  details(page).getByRole('list', { name: 'Content Credentials' });

/** Searches and waits until the grid shows exactly `names` (in any order). */
async function expectFound(page: Page, query: string, names: string[]): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(query);
  const cells = grid(page).getByRole('gridcell');
  await expect
    .poll(async () =>
      (await cells.evaluateAll((all) => all.map((c) => c.getAttribute('aria-label') ?? ''))).sort(),
    )
    .toEqual([...names].sort());
}

test('the chain in plain words, and the filters', async ({ page }) => {
  await page.goto(cutline.url);

  await openPhoto(page, 'C.jpg');
  await expect(credentials(page)).toContainText('signed by C2PA Test Signing Cert');
  await expect(credentials(page)).toContainText(
    'Signature valid (untrusted signer: not on your trust list)',
  );

  // Signed, then edited: the chain in order, and the signature still holds.
  await openPhoto(page, 'CA.jpg');
  await expect(credentials(page).getByRole('listitem')).toHaveText([
    'Made with make_test_images 0.33.1, signed by C2PA Test Signing Cert on 2024-08-06',
    'Edited in make_test_images 0.33.1 (colour)',
    'Made from: A.jpg (edited from it)',
    'Signature valid (untrusted signer: not on your trust list)',
  ]);
  await credentials(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/provenance-edited.png' });

  await openPhoto(page, 'XCA.jpg');
  await expect(credentials(page)).toContainText(
    'Content Credentials present but the image was changed after signing',
  );
  await expect(credentials(page)).not.toContainText('Signature valid');
  await credentials(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/provenance-tampered.png' });

  await openPhoto(page, 'no_manifest.jpg');
  await expect(details(page).getByRole('heading', { name: 'Content Credentials' })).toHaveCount(0);

  const generated = noGenerated === null;
  if (generated) {
    await openPhoto(page, 'generated.jpg');
    await expect(credentials(page)).toContainText('Digital source: created by a generative model');
    await expect(details(page).getByRole('list', { name: 'Caption checks' })).toContainText(
      'created by a generative model',
    );
    await credentials(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/provenance-generated.png' });
  } else console.log(`generated image not made: ${noGenerated}`);

  const made = generated ? ['generated.jpg'] : [];
  await expectFound(page, 'is:signed', ['C.jpg', 'CA.jpg', 'CIE-sig-CA.jpg', ...made]);
  await expectFound(page, 'is:tampered', ['XCA.jpg']);
  await expectFound(page, 'is:ai-generated', made);
});

test('a write into a signed file is named first, and recorded as breaking it', async ({ page }) => {
  const path = join(root, 'shoot', 'C.jpg');
  const before = await readFile(path);
  await page.goto(cutline.url);
  await openPhoto(page, 'C.jpg');
  const caption = details(page).getByLabel('Caption', { exact: true });
  await caption.fill('A signed frame, captioned in Cutline.');
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(
    'All changes saved in the catalog',
  );

  // Asked first, naming the file and its signer; declining writes nothing.
  await page.getByRole('button', { name: 'Write selection' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Writing breaks Content Credentials' });
  const files = ask.getByRole('list', { name: 'Files whose credentials break' });
  await expect(files.getByRole('listitem')).toHaveCount(1);
  await expect(files).toContainText('C.jpg');
  await expect(files).toContainText('signed by C2PA Test Signing Cert');
  await page.screenshot({ path: 'test-results/provenance-write-preview.png' });
  await ask.getByRole('button', { name: "Don't write" }).click();
  await expect(ask).toHaveCount(0);
  expect((await readFile(path)).equals(before)).toBe(true);
  await expect(page.getByRole('status', { name: 'Photos with unwritten changes' })).toHaveText(
    '1 unwritten',
  );

  await page.getByRole('button', { name: 'Write selection' }).click();
  await ask.getByRole('button', { name: 'Write anyway' }).click();
  await expect(page.getByRole('status', { name: 'Write result' })).toContainText('Wrote 1');

  // The panel, the filters and the catalog no longer call it signed …
  await openPhoto(page, 'XCA.jpg');
  await openPhoto(page, 'C.jpg');
  await expect(credentials(page)).toContainText(
    'Credentials no longer validate: Cutline wrote metadata into the file',
  );
  await expect(credentials(page)).not.toContainText('Signature valid');
  await credentials(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/provenance-after-write.png' });
  const made = noGenerated === null ? ['generated.jpg'] : [];
  await expectFound(page, 'is:signed', ['CA.jpg', 'CIE-sig-CA.jpg', ...made]);
  await expectFound(page, 'is:tampered', ['C.jpg', 'XCA.jpg']);
  const { items } = await callApi<{ items: { id: number; fileName: string }[] }>(
    cutline.url,
    'photos:search',
    { query: 'file:C.jpg' },
  );
  const detail = await callApi<{ provenance: { brokenByCutlineAt: string | null } | null }>(
    cutline.url,
    'photos:get',
    { id: items[0]?.id },
  );
  expect(detail.provenance?.brokenByCutlineAt).toBeTruthy();

  // … and the C2PA library, reading the file itself, agrees.
  const after = await readFile(path);
  const read = await readC2pa(path, after, after.length);
  expect(read === null || read.state !== 'valid').toBe(true);
});

test('the rights fields the house requires are asked for', async ({ page }) => {
  await page.goto(cutline.url);
  await page.getByRole('button', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const required = settings.getByRole('group', { name: 'Rights fields the house requires' });
  await required.getByLabel('Copyright owner', { exact: true }).check();
  await required.getByLabel('Model release status', { exact: true }).check();
  await expect
    .poll(() => callApi<{ requiredRightsFields: string[] }>(cutline.url, 'settings:get'))
    .toMatchObject({ requiredRightsFields: ['copyrightOwners', 'modelReleaseStatus'] });
  await required.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/provenance-required-setting.png' });
  await settings.getByRole('button', { name: 'Close' }).click();

  await openPhoto(page, 'no_manifest.jpg');
  await expect(details(page).getByRole('list', { name: 'Caption checks' })).toContainText(
    'The house requires rights fields this photo leaves empty: Copyright owner, Model release status.',
  );
  // None of the reference files states a model release: release:none finds them all.
  await expectFound(page, 'release:none', [
    ...FILES,
    ...(noGenerated === null ? ['generated.jpg'] : []),
  ]);
});
