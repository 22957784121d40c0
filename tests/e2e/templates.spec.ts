import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { callApi, type RunningCutline, startShoot, stopShoot } from './cutline-server';

let root: string;
let cutline: RunningCutline;

interface Record {
  fileName: string;
  caption: string;
  headline: string;
  jobId: string;
  rating: string;
}

async function records(): Promise<Record[]> {
  const ids = await callApi<number[]>(cutline.url, 'photos:ids', {});
  return Promise.all(
    ids.map(
      async (id) => (await callApi<{ record: Record }>(cutline.url, 'photos:get', { id })).record,
    ),
  );
}

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot('templates', async (root, exiftool) => {
    const first = await makeJpeg(exiftool, join(root, 'shoot', 'PAR-001.jpg'), {
      width: 300,
      height: 200,
      tags: {
        ...wireTags({ city: 'Pyongyang', headline: 'Kept headline' }),
        'XMP:DateCreated': '2024-06-19',
      },
    });
    for (let i = 2; i <= 100; i++) {
      await copyFile(first, join(root, 'shoot', `PAR-${String(i).padStart(3, '0')}.jpg`));
    }
  }));
});

test.afterAll(() => stopShoot({ root, cutline }));

test('a template with variables applied to 100 photos, each checked, and one undo restores all', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  const grid = page.getByRole('grid', { name: 'Photos' });
  await grid.getByRole('gridcell', { name: 'PAR-001.jpg' }).click();
  await grid.press('Control+a');
  await expect(page.getByRole('status', { name: 'Selected photos' })).toHaveText('100 selected');

  await page.getByRole('button', { name: 'Templates…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Templates' });
  await dialog.getByLabel('Template name').fill('Parade');
  await dialog
    .getByLabel('Template Caption', { exact: true })
    .fill('Soldiers march in {city} on {date:long}. Frame {seq:3} of the shoot.');
  await dialog.getByLabel('Template Headline', { exact: true }).fill('Parade in {city}');
  await dialog.getByLabel('Template Job ID', { exact: true }).fill('{filenamebase}');
  await page.screenshot({ path: testInfo.outputPath('templates-dialog.png') });
  await dialog.getByRole('button', { name: 'Apply to selection' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByLabel('Caption', { exact: true })).toHaveValue(
    'Soldiers march in Pyongyang on Wednesday, June 19, 2024. Frame 001 of the shoot.',
  );
  const applied = await records();
  expect(applied).toHaveLength(100);
  for (const [i, photo] of applied.entries()) {
    const seq = String(i + 1).padStart(3, '0');
    expect(photo.fileName).toBe(`PAR-${seq}.jpg`);
    expect(photo.caption).toBe(
      `Soldiers march in Pyongyang on Wednesday, June 19, 2024. Frame ${seq} of the shoot.`,
    );
    // "Only empty fields": the headline every photo had stays.
    expect(photo.headline).toBe('Kept headline');
    expect(photo.jobId).toBe(`PAR-${seq}`);
  }

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Caption', { exact: true })).toHaveValue('');
  for (const photo of await records()) {
    expect(photo.caption).toBe('');
    expect(photo.jobId).toBe('');
  }
});

test('the stationery pad: ticked fields only, prepend, a multi-line caption and stars, one undo', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  const grid = page.getByRole('grid', { name: 'Photos' });
  await grid.getByRole('gridcell', { name: 'PAR-001.jpg' }).click();
  await grid.getByRole('gridcell', { name: 'PAR-003.jpg' }).click({ modifiers: ['Shift'] });
  await expect(page.getByRole('status', { name: 'Selected photos' })).toHaveText('3 selected');

  await page.getByRole('button', { name: 'Templates…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Templates' });
  await dialog.getByLabel('Template name').fill('Pad');
  const caption = dialog.getByLabel('Template Caption', { exact: true });
  // The caption is a box of several lines, and typing in it ticks its box.
  await expect(caption).toHaveJSProperty('tagName', 'TEXTAREA');
  await expect(dialog.getByLabel('Apply Caption', { exact: true })).not.toBeChecked();
  await caption.fill('Soldiers march in {city}.\nThe parade marks the anniversary.');
  await expect(dialog.getByLabel('Apply Caption', { exact: true })).toBeChecked();

  await dialog.getByLabel('Template Headline', { exact: true }).fill('UPDATE:');
  await dialog.getByLabel('How to apply Headline', { exact: true }).selectOption('prepend');
  await page.screenshot({ path: testInfo.outputPath('stationery-pad-top.png') });
  // Typed, then unticked: kept in the template, not applied.
  await dialog.getByLabel('Template Job ID', { exact: true }).fill('JOB-1');
  await dialog.getByLabel('Apply Job ID', { exact: true }).uncheck();
  // Stars from the keyboard: 3, then the right arrow makes it 4.
  const stars = dialog.getByRole('radiogroup', { name: 'Template Rating' });
  await stars.getByRole('radio', { name: '3 stars' }).check();
  await page.keyboard.press('ArrowRight');
  await expect(stars.getByRole('radio', { name: '4 stars' })).toBeChecked();
  await expect(dialog.getByLabel('Apply Rating', { exact: true })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('stationery-pad.png') });
  await dialog.getByRole('button', { name: 'Apply to selection' }).click();
  await expect(dialog).toHaveCount(0);

  const applied = await records();
  for (const photo of applied.slice(0, 3)) {
    expect(photo.caption).toBe('Soldiers march in Pyongyang.\nThe parade marks the anniversary.');
    expect(photo.headline).toBe('UPDATE: Kept headline');
    expect(photo.jobId).toBe('');
    expect(photo.rating).toBe('4');
  }
  // Outside the selection: untouched.
  expect(applied[3]).toMatchObject({ caption: '', headline: 'Kept headline', rating: '' });
  // The details panel shows the rating as stars.
  await expect(
    page
      .getByRole('radiogroup', { name: 'Rating', exact: true })
      .getByRole('radio', { name: '4 stars' }),
  ).toBeChecked();

  // The template keeps its choices: the unticked Job ID and the prepended headline.
  await page.getByRole('button', { name: 'Templates…' }).click();
  await dialog.getByRole('button', { name: 'Pad', exact: true }).click();
  await expect(dialog.getByLabel('Template Job ID', { exact: true })).toHaveValue('JOB-1');
  await expect(dialog.getByLabel('Apply Job ID', { exact: true })).not.toBeChecked();
  await expect(dialog.getByLabel('How to apply Headline', { exact: true })).toHaveValue('prepend');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // One undo takes back every field of the three photos.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Caption', { exact: true })).toHaveValue('');
  for (const photo of (await records()).slice(0, 3)) {
    expect(photo).toMatchObject({ caption: '', headline: 'Kept headline', rating: '' });
  }
});
