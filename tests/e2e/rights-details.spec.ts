/**
 * Rights & Details (issue 19 part 1) in the side panel: a photo's IPTC rights fields shown in
 * their own section, vocabulary fields as drop-downs of their labels, a rights field edited
 * there, a Location Shown row edited and another added from the keyboard, both found by their
 * fields in the search, and written into the file with the structure kept whole. Then a
 * Contributor's role shown and typed by its label, a Licensor row added beside one kept, and
 * a Subject Code shown with its top-level subject, and the rights in plain words with the
 * Licensor linked.
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
let entities: string;
const ROLE = 'http://cv.iptc.org/newscodes/contentprodpartyrole/';

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
      {
        'XMP-iptcExt:LocationShown': [
          { City: 'Lyon', CountryName: 'France' },
          { City: 'Nice', Sublocation: 'Port' },
        ],
      } as WriteTags,
      { writeArgs: ['-overwrite_original'] },
    );
    entities = await makeJpeg(exiftool, join(folder, 'shoot', 'entities.jpg'), {
      tags: {
        'XMP-dc:Description': 'Retouched for the front page.',
        'XMP-iptcCore:SubjectCode': ['15054000'],
      },
      structures: {
        'XMP-iptcExt:Contributor': [{ Name: 'Ann Editor', Role: [`${ROLE}editor`] }],
        'XMP-plus:Licensor': [
          { LicensorName: 'Desk A', LicensorID: 'LIC-A', LicensorURL: 'https://a.example/' },
        ],
      },
    });
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
  // The PLUS code in the file, shown by its label in the drop-down.
  const release = rights.getByRole('combobox', { name: 'Model release status', exact: true });
  await expect(release).toHaveValue('http://ns.useplus.org/ldf/vocab/MR-NON');
  await expect(release.locator('option:checked')).toHaveText('None');
  await release.selectOption({ label: 'Not Applicable' });
  await expect(release).toHaveValue('http://ns.useplus.org/ldf/vocab/MR-NAP');

  await rights
    .getByRole('textbox', { name: 'Web statement of rights', exact: true })
    .fill('https://example.org/terms');

  // A Location Shown row, opened and edited from the keyboard: Enter opens it, Tab saves.
  const shown = rights.getByRole('group', { name: 'Location shown', exact: true });
  await expect(shown.getByRole('button', { name: 'Lyon, France' })).toBeVisible();
  await shown.getByRole('button', { name: 'Port, Nice' }).focus();
  await page.keyboard.press('Enter');
  await expect(shown.getByRole('textbox', { name: 'Location shown 2: Name' })).toBeFocused();
  await shown.getByRole('textbox', { name: 'Location shown 2: City' }).fill('Marseille');
  await page.keyboard.press('Tab');
  await expect(shown.getByRole('button', { name: 'Port, Marseille' })).toBeVisible();
  // A row added: its first box takes the focus.
  await shown.getByRole('button', { name: 'Add location shown' }).click();
  const name = shown.getByRole('textbox', { name: 'Location shown 3: Name' });
  await expect(name).toBeFocused();
  await page.keyboard.type('Old Port');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Quai');
  await page.keyboard.press('Tab');

  await page.getByRole('searchbox').first().fill('webstatement:terms locationshown:marseille');
  await expect(page.getByRole('grid', { name: 'Photos' }).getByRole('gridcell')).toHaveCount(1);
  await page.getByRole('searchbox').first().fill('locationshown:quai release:"not applicable"');
  await expect(page.getByRole('grid', { name: 'Photos' }).getByRole('gridcell')).toHaveCount(1);
  await page.getByRole('button', { name: 'Write all changes' }).click();
  await expect(page.getByRole('status', { name: 'Write result' })).toContainText('Wrote 1');
  const exiftool = createExifTool();
  try {
    const tags = (await exiftool.read(photo, ['-G1'])) as Record<string, unknown>;
    expect(tags['XMP-xmpRights:WebStatement']).toBe('https://example.org/terms');
    expect(tags['XMP-plus:ModelReleaseStatus']).toBe('Not Applicable');
    // The row left alone as it was, the edited one changed, the new one added.
    expect(tags['XMP-iptcExt:LocationShown']).toEqual([
      { City: 'Lyon', CountryName: 'France' },
      { City: 'Marseille', Sublocation: 'Port' },
      { LocationName: 'Old Port', Sublocation: 'Quai' },
    ]);
  } finally {
    await exiftool.end();
  }
});

test('a Contributor role is typed by its label, a Licensor row added, both written whole', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(cutline.url);
  await openPhoto(page, 'entities.jpg');
  const rights = details(page).getByRole('region', { name: 'Rights & Details' });
  // The rights in plain words, the Licensor's web address as a link.
  const plain = rights.getByRole('list', { name: 'Rights in plain words' });
  await expect(plain.getByRole('link', { name: 'Licensed by Desk A' })).toHaveAttribute(
    'href',
    'https://a.example/',
  );
  await plain.screenshot({ path: testInfo.outputPath('rights-plain-words.png') });
  // A Subject Code with its top-level subject beside it.
  await expect(rights.getByRole('list', { name: 'Subject code' })).toContainText(
    '15054000 · sport',
  );
  await rights
    .locator('[data-field="subjectCodes"]')
    .screenshot({ path: testInfo.outputPath('rights-subject-code.png') });
  const contributors = rights.getByRole('group', { name: 'Contributor', exact: true });
  // The role URI in the file, shown by its label.
  await contributors.getByRole('button', { name: 'Ann Editor, Editor' }).click();
  // A box with the vocabulary's labels to pick from: a combobox.
  const role = contributors.getByRole('combobox', { name: 'Contributor 1: Role' });
  await expect(role).toHaveValue('Editor');
  await role.fill('Editor; Camera operator');
  await page.keyboard.press('Tab');
  await expect(
    contributors.getByRole('button', { name: 'Ann Editor, Editor; Camera operator' }),
  ).toBeVisible();
  await contributors.screenshot({ path: testInfo.outputPath('rights-contributors.png') });

  const licensors = rights.getByRole('group', { name: 'Licensor', exact: true });
  await expect(
    licensors.getByRole('button', { name: 'Desk A, LIC-A, https://a.example/' }),
  ).toBeVisible();
  await licensors.getByRole('button', { name: 'Add licensor' }).click();
  await expect(licensors.getByRole('textbox', { name: 'Licensor 2: Name' })).toBeFocused();
  await page.keyboard.type('Desk B');
  await licensors.getByRole('textbox', { name: 'Licensor 2: Email' }).fill('b@desk.example');
  await page.keyboard.press('Tab');
  await expect(licensors.getByRole('button', { name: 'Desk B, b@desk.example' })).toBeVisible();
  await licensors.screenshot({ path: testInfo.outputPath('rights-licensors.png') });

  await page.getByRole('searchbox').first().fill('licensor:b@desk contributor:cameraoperator');
  await expect(page.getByRole('grid', { name: 'Photos' }).getByRole('gridcell')).toHaveCount(1);
  await page.getByRole('button', { name: 'Write all changes' }).click();
  await expect(page.getByRole('status', { name: 'Write result' })).toContainText('Wrote 1');
  const exiftool = createExifTool();
  try {
    const tags = (await exiftool.read(entities, ['-G1', '-n'])) as Record<string, unknown>;
    expect(tags['XMP-iptcExt:Contributor']).toEqual([
      { Name: 'Ann Editor', Role: [`${ROLE}editor`, `${ROLE}cameraOperator`] },
    ]);
    expect(tags['XMP-plus:Licensor']).toEqual([
      { LicensorName: 'Desk A', LicensorID: 'LIC-A', LicensorURL: 'https://a.example/' },
      { LicensorName: 'Desk B', LicensorEmail: 'b@desk.example' },
    ]);
  } finally {
    await exiftool.end();
  }
});
