/**
 * Makes src/main/workers/warm-up-photo.ts: a tiny JPEG with what a wire photo carries (camera
 * EXIF with a 160-px thumbnail, IIM declared UTF-8, XMP) as base64, which import workers read
 * 1,500 times when they start (see warm-up.ts). Run again only to change the photo:
 *   npx tsx scripts/make-warm-up-photo.ts
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExifTool, renderJpeg, wireTags, writeTags } from '../tests/helpers/make-photos';

const out = new URL('../src/main/workers/warm-up-photo.ts', import.meta.url);
const dir = await mkdtemp(join(tmpdir(), 'cutline-warm-up-'));
const exiftool = createExifTool();
try {
  const path = join(dir, 'warm-up.jpg');
  const caption = 'Photo editors caption a photo on deadline in Pyongyang. — Ünïcödé, 한국어';
  await renderJpeg(path, { width: 32, height: 24 });
  await writeTags(
    exiftool,
    path,
    {
      ...wireTags({
        caption,
        headline: 'Warm-up',
        creators: ['Ahn Young-joon'],
        credit: 'AP',
        source: 'AP',
        city: 'Pyongyang',
        keywords: ['warm-up', 'cutline'],
        copyright: 'Copyright 2026 The Associated Press',
      }),
      'EXIF:ImageDescription': caption,
      'EXIF:Artist': 'Ahn Young-joon',
      // A camera's own EXIF, as news photos carry it: without it the reading code was compiled
      // for files that have none, and compiled again (≈0.3 s of CPU) on the first real ones.
      'EXIF:Make': 'NIKON CORPORATION',
      'EXIF:Model': 'NIKON Z 9',
      'EXIF:LensModel': 'NIKKOR Z 24-70mm f/2.8 S',
      'EXIF:ExposureTime': '1/1000',
      'EXIF:FNumber': 4,
      'EXIF:ISO': 400,
      'EXIF:FocalLength': 70,
      'EXIF:DateTimeOriginal': '2026:06:19 10:12:31',
      'EXIF:OffsetTimeOriginal': '+09:00',
      // '#': the number itself (a bare 1 was taken as a printed value and written as 3, so
      // every warm-up round turned the thumbnail round with sharp).
      'EXIF:Orientation#': 1,
    },
    true,
  );
  const base64 = (await readFile(path)).toString('base64');
  const lines = base64.match(/.{1,96}/g) ?? [];
  await writeFile(
    out,
    `/**
 * A tiny wire photo (32×24 JPEG; EXIF with a 160-px thumbnail, IIM in UTF-8, XMP) that import
 * workers read when they start. Made by scripts/make-warm-up-photo.ts; do not edit.
 */
export const WARM_UP_PHOTO_BASE64 = [
${lines.map((line) => `  '${line}',`).join('\n')}
].join('');
`,
  );
  console.log(`wrote ${out.pathname} (${base64.length} base64 characters)`);
} finally {
  await exiftool.end();
  await rm(dir, { recursive: true, force: true });
}
