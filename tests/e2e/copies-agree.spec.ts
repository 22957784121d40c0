/**
 * "Make the copies agree" from the details panel: a photo whose EXIF, IIM and XMP captions
 * disagree shows them side by side with a button; pressing it is an edit (undo takes it
 * back), and a write then puts the value Cutline shows into every copy. The selection does
 * the same for every disagreeing field with Ctrl+Shift+G.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createExifTool, makeJpeg } from '../helpers/make-photos';
import { callApi, type RunningCutline, startShoot, stopShoot } from './cutline-server';
import { details, openPhoto as open } from './photo-details-page';

let root: string;
let cutline: RunningCutline;

const EXIF_CAPTION = 'Kim Jong Un waves to the crowd in Pyongyang.';

test.beforeAll(async () => {
  ({ root, cutline } = await startShoot('agree', async (folder, exiftool) => {
    await makeJpeg(exiftool, join(folder, 'shoot', 'agree-01.jpg'), {
      width: 600,
      height: 400,
      tags: {
        'EXIF:ImageDescription': EXIF_CAPTION,
        'IPTC:Caption-Abstract': 'Kim waves (old wire caption).',
        'XMP:Description': 'Kim Jong Un waves, desk rewrite.',
      },
    });
    await makeJpeg(exiftool, join(folder, 'shoot', 'agree-02.jpg'), {
      width: 600,
      height: 400,
      colour: [160, 90, 40],
      tags: { 'IPTC:Headline': 'Seoul', 'XMP:Headline': 'Seoul at night' },
    });
  }));
});

test.afterAll(() => stopShoot({ root, cutline }));

test('the button in the side-by-side copies makes them agree at the next write; undo takes it back', async ({
  page,
}, testInfo) => {
  await page.goto(cutline.url);
  await open(page, 'agree-01.jpg');
  await details(page).getByRole('switch', { name: 'Show EXIF/IIM/XMP' }).check();
  const agree = details(page).getByRole('button', { name: 'Make the copies of Caption agree' });
  await expect(agree).toBeVisible();
  await expect(details(page).getByText('Kim waves (old wire caption).')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('copies-disagree.png') });

  await agree.click();
  const pending = details(page).getByText('Every copy gets this value at the next write.');
  await expect(pending).toBeVisible();
  await expect(agree).toBeHidden();
  const unwritten = page.getByRole('status', { name: 'Photos with unwritten changes' });
  await expect(unwritten).toHaveText('1 unwritten');
  await page.screenshot({ path: testInfo.outputPath('copies-agreeing.png') });

  await page.getByRole('button', { name: 'History' }).click();
  await expect(details(page).getByText('Make copies agree: Caption').first()).toBeVisible();
  await expect(details(page).getByText('Copies made to agree on')).toBeVisible();
  await page.getByRole('button', { name: 'History' }).click();

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(agree).toBeVisible();
  await expect(unwritten).toHaveText('0 unwritten');
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(pending).toBeVisible();

  await page.getByRole('button', { name: 'Write all changes' }).click();
  await expect(page.getByRole('status', { name: 'Write result' })).toContainText('Wrote 1');
  await expect(unwritten).toHaveText('0 unwritten');
  // Read again after the write: the caption's copies now agree, so there is nothing to press.
  await expect(details(page).getByText('Kim waves (old wire caption).')).toBeHidden();
  await expect(agree).toBeHidden();
  const exiftool = createExifTool();
  try {
    const tags = (await exiftool.read(join(root, 'shoot', 'agree-01.jpg'), ['-G1'])) as Record<
      string,
      unknown
    >;
    expect(tags['IFD0:ImageDescription']).toBe(EXIF_CAPTION);
    expect(tags['IPTC:Caption-Abstract']).toBe(EXIF_CAPTION);
    expect(tags['XMP-dc:Description']).toBe(EXIF_CAPTION);
  } finally {
    await exiftool.end();
  }
});

test('Ctrl+Shift+G makes every disagreeing field of the selection agree, as one undo step', async ({
  page,
}) => {
  await page.goto(cutline.url);
  await open(page, 'agree-02.jpg');
  await page.keyboard.press('Control+Shift+G');
  const unwritten = page.getByRole('status', { name: 'Photos with unwritten changes' });
  await expect(unwritten).toHaveText('1 unwritten');
  const undo = await callApi<{ undo: string | null }>(cutline.url, 'edits:undoState');
  expect(undo.undo).toBe('Make copies agree');
  await page.getByRole('button', { name: 'Make copies agree' }).click();
  await expect(page.getByRole('alert')).toContainText('no copies that disagree');
});
