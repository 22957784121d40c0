import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createExifTool, makeJpeg, wireTags, writeTags } from '../helpers/make-photos';
import { callApi, type RunningCutline, startShoot, stopShoot } from './cutline-server';

let root: string;
let cutline: RunningCutline;
const NAMES = ['write-01.jpg', 'write-02.jpg', 'write-03.jpg'];
const pathOf = (name: string) => join(root, 'shoot', name);

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot('write', async (folder, exiftool) => {
    for (const [i, name] of NAMES.entries()) {
      await makeJpeg(exiftool, join(folder, 'shoot', name), {
        width: 600,
        height: 400,
        colour: [40 + i * 60, 80, 120],
        tags: wireTags({ caption: `Original caption ${i + 1}.`, creators: ['Jon Chol Jin'] }),
      });
    }
  }));
});

test.afterAll(() => stopShoot({ root, cutline }));

async function idOf(name: string): Promise<number> {
  const page = await callApi<{ items: { id: number; fileName: string }[] }>(
    cutline.url,
    'photos:search',
    { query: `file:${name}` },
  );
  const item = page.items.find((photo) => photo.fileName === name);
  if (!item) throw new Error(`${name} is not in the catalog`);
  return item.id;
}

test('writes all changes from the toolbar, counts unwritten photos, and settles a conflict', async ({
  page,
}) => {
  const [first, second, third] = [
    await idOf(NAMES[0]!),
    await idOf(NAMES[1]!),
    await idOf(NAMES[2]!),
  ];
  await callApi(cutline.url, 'edits:set', {
    ids: [first, second],
    changes: { caption: 'Kim Jong Un waves — «привет», 안녕.' },
  });
  await page.goto(cutline.url);
  const unwritten = page.getByRole('status', { name: 'Photos with unwritten changes' });
  await expect(unwritten).toHaveText('2 unwritten');

  await page.getByRole('button', { name: 'Write all changes' }).click();
  await expect(page.getByRole('status', { name: 'Write result' })).toContainText('Wrote 2');
  await expect(unwritten).toHaveText('0 unwritten');
  const exiftool = createExifTool();
  try {
    const tags = (await exiftool.read(pathOf(NAMES[0]!))) as { Description?: string };
    expect(tags.Description).toBe('Kim Jong Un waves — «привет», 안녕.');

    // Someone edits the third file in another program after Cutline read it.
    await callApi(cutline.url, 'edits:set', { ids: [third], changes: { caption: 'Cutline’s.' } });
    await expect(unwritten).toHaveText('1 unwritten');
    await writeTags(exiftool, pathOf(NAMES[2]!), { 'XMP:Description': 'Edited elsewhere.' });
  } finally {
    await exiftool.end();
  }
  await page
    .getByRole('grid', { name: 'Photos' })
    .getByRole('gridcell', { name: NAMES[2] })
    .click();
  await page.getByRole('button', { name: 'Write selection' }).click();
  await expect(page.getByRole('status', { name: 'Write result' })).toContainText('1 in conflict');

  await page.getByRole('button', { name: /Conflicts/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Write conflicts' });
  await expect(dialog.getByText('Edited elsewhere.')).toBeVisible();
  await expect(dialog.getByText('Cutline’s.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Take the file’s' }).click();
  await expect(dialog.getByText('No conflicts left.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(unwritten).toHaveText('0 unwritten');
  await expect(page.getByRole('button', { name: /Conflicts/ })).toHaveCount(0);
});
