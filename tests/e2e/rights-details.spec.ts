/**
 * Rights & Details (issue 19 part 1) in the side panel: a photo's IPTC rights fields shown in
 * their own section with vocabulary labels, its repeated structures listed, a rights field
 * edited there, found by its field in the search, and written into the file.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { WriteTags } from 'exiftool-vendored';
import { createExifTool, makeJpeg } from '../helpers/make-photos';
import { type RunningCutline, startShoot, stopShoot } from './cutline-server';
import { details, openPhoto } from './photo-details-page';

let root: string;
let cutline: RunningCutline;
let photo: string;

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot('rights', async (folder, exiftool) => {
    photo = await makeJpeg(exiftool, join(folder, 'shoot', 'rights.jpg'), {
      tags: {
        'XMP-dc:Description': 'Rally in the square.',
        'XMP-plus:CopyrightOwnerName': ['Agence Exemple'],
        'XMP-plus:ModelReleaseStatus#': 'MR-NON',
      },
    });
    await exiftool.write(
      photo,
      { 'XMP-iptcExt:LocationShown': [{ City: 'Lyon', CountryName: 'France' }] } as WriteTags,
      { writeArgs: ['-overwrite_original'] },
    );
  }));
});

test.afterAll(() => stopShoot({ root, cutline }));

test('rights fields are shown with labels, edited, searched and written', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(cutline.url);
  await openPhoto(page, 'rights.jpg');
  const panel = details(page);
  const rights = panel.getByRole('region', { name: 'Rights & Details' });
  await expect(rights).toBeVisible();
  await expect(rights).toContainText('Agence Exemple');
  // The PLUS code in the file, its label under the box.
  await expect(
    rights.getByRole('textbox', { name: 'Model release status', exact: true }),
  ).toHaveValue('http://ns.useplus.org/ldf/vocab/MR-NON');
  await expect(rights).toContainText('None');
  await expect(rights.getByRole('definition').first()).toHaveText('Lyon, France');

  await rights
    .getByRole('textbox', { name: 'Web statement of rights', exact: true })
    .fill('https://example.org/terms');
  await page.getByRole('searchbox').first().fill('webstatement:terms');
  await expect(page.getByRole('grid', { name: 'Photos' }).getByRole('gridcell')).toHaveCount(1);
  await page.getByRole('button', { name: 'Write all changes' }).click();
  await expect(page.getByRole('status', { name: 'Write result' })).toContainText('Wrote 1');
  const exiftool = createExifTool();
  try {
    const tags = (await exiftool.read(photo, ['-G1'])) as Record<string, unknown>;
    expect(tags['XMP-xmpRights:WebStatement']).toBe('https://example.org/terms');
    expect(tags['XMP-iptcExt:LocationShown']).toEqual([{ City: 'Lyon', CountryName: 'France' }]);
  } finally {
    await exiftool.end();
  }
});
