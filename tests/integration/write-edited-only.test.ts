/**
 * Do no harm (issue 13, parts 1, 2, 3, 5): a write changes only the fields edited, in every
 * copy of them, and every other piece of metadata keeps its value. On files made here with
 * ExifTool reproducing each class of the reported files, and on the reported files
 * themselves when ../shared/fixtures/reported is present.
 */
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import type { CaptionFields } from '../../src/shared/model';
import {
  HELD,
  makeEveryCopyJpeg,
  makeEveryCopyTiff,
  makeRawProfilePng,
} from '../helpers/make-harm-photos';
import { setUpServicesShoot } from '../helpers/services-shoot';
import { type Snapshot, snapshots, tagChanges, tagValue } from '../helpers/tag-changes';

const REPORTED = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'reported');
const REPORTED_FALLBACK = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'fixtures',
  'reported',
);
const reported = [REPORTED, REPORTED_FALLBACK].find((dir) => existsSync(dir));
if (!reported) console.warn(`reported files skipped: no ../shared/fixtures/reported`);

const shoot = setUpServicesShoot('write-edited');

/** Edits, writes and answers what changed outside the edited fields, and the write summary. */
async function editAndWrite(path: string, changes: Partial<CaptionFields>) {
  const id = await shoot.importOne(path);
  const was = await snapshots([path]);
  shoot.services.editor.setFields([id], changes);
  const summary = await shoot.services.writer.write({
    ids: [id],
    allChanged: false,
    sidecar: false,
  });
  const then: Snapshot = was.tags.get(path) ?? {};
  const now: Snapshot = (await snapshots([path], was.iimUtf8)).tags.get(path) ?? {};
  // Each tag by group and name, whichever copy number ExifTool gave it.
  const byName = (tags: Snapshot) =>
    new Proxy(tags, { get: (target, tag) => tagValue(target, String(tag)) });
  return {
    id,
    summary,
    before: byName(then),
    after: byName(now),
    changes: tagChanges(then, now, Object.keys(changes)),
  };
}

async function copyReported(name: string): Promise<string> {
  const dir = join(shoot.root, 'reported');
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await copyFile(join(reported as string, name), path);
  await chmod(path, 0o644);
  return path;
}

describe('a caption-only write', () => {
  for (const [kind, make] of [
    ['JPEG', makeEveryCopyJpeg],
    ['TIFF', makeEveryCopyTiff],
  ] as const) {
    it(`leaves every other copy of a ${kind} as it was, though the copies disagree`, async () => {
      const path = await make(shoot.exiftool, join(shoot.root, `every-copy.${kind.toLowerCase()}`));
      const caption = 'Only the caption changes © 2026';
      const { summary, after, changes } = await editAndWrite(path, { caption });
      expect(summary.failed).toEqual([]);
      expect(summary.written).toBe(1);
      expect(changes).toEqual([]);
      // The caption went into every copy the file had.
      expect(after['XMP-dc:Description']).toBe(caption);
      expect(after['IPTC:Caption-Abstract']).toBe(caption);
      expect(after['IFD0:ImageDescription']).toBe(caption);
      // And what nobody edited says what it said, copy by copy.
      expect(after['IPTC:CopyrightNotice']).toBe(HELD.iimCopyright);
      expect(after['XMP-dc:Rights']).toBe(HELD.xmpCopyright);
      expect(after['IFD0:Copyright']).toBe(HELD.exifCopyright);
      expect(after['IFD0:Artist']).toBe(HELD.exifArtist);
      expect(after['IPTC:TimeCreated']).toBe(HELD.iimTime);
      expect(after['XMP-photoshop:DateCreated']).toBe('2008:03:14 13:59:26.054-06:00');
      expect(after['ExifIFD:DateTimeOriginal']).toBe(HELD.exifDate);
      expect(after['ExifIFD:OffsetTimeOriginal']).toBe(HELD.exifOffset);
      expect(String(after['ExifIFD:SubSecTimeOriginal'])).toBe(HELD.exifSubSec);
      expect(after['XMP-xmp:Rating']).toBe(4);
      expect(after['XMP-microsoft:RatingPercent']).toBe(75);
      expect(after['IFD0:RatingPercent']).toBe(75);
      expect(after['GPS:GPSLatitude']).toBeDefined();
      expect(after['ICC_Profile:ProfileDescription']).toBe('sRGB');
      expect(after['XMP-cutlinetest:Note']).toBe(HELD.unknownValue);
      if (kind === 'JPEG') expect(after['Nikon:MakerNoteVersion']).toBeDefined();
    });
  }
});

describe('a date edit', () => {
  it('writes each copy in its own form, with the offset given, or none', async () => {
    const path = await makeEveryCopyJpeg(shoot.exiftool, join(shoot.root, 'date.jpg'));
    const withOffset = await editAndWrite(path, { dateCreated: '2024-06-19T10:12:00.25+09:00' });
    expect(withOffset.summary.failed).toEqual([]);
    expect(withOffset.changes).toEqual([]);
    const a = withOffset.after;
    expect(a['XMP-photoshop:DateCreated']).toBe('2024:06:19 10:12:00.25+09:00');
    expect(a['IPTC:DateCreated']).toBe('2024:06:19');
    expect(a['IPTC:TimeCreated']).toBe('10:12:00+09:00');
    expect(a['ExifIFD:DateTimeOriginal']).toBe('2024:06:19 10:12:00');
    expect(a['ExifIFD:OffsetTimeOriginal']).toBe('+09:00');
    expect(String(a['ExifIFD:SubSecTimeOriginal'])).toBe('25');
    const record = photosRepoOf(shoot.services.db).detail(withOffset.id)?.record;
    expect(record?.dateCreated).toBe('2024-06-19T10:12:00.25+09:00');

    const none = await editAndWrite(path, { dateCreated: '2024-06-20T08:00:00' });
    expect(none.summary.failed).toEqual([]);
    const b = none.after;
    expect(b['XMP-photoshop:DateCreated']).toBe('2024:06:20 08:00:00');
    expect(b['IPTC:DateCreated']).toBe('2024:06:20');
    // IIM's time takes an offset or nothing: ExifTool would have invented +00:00.
    expect(b['IPTC:TimeCreated']).toBeUndefined();
    expect(b['ExifIFD:DateTimeOriginal']).toBe('2024:06:20 08:00:00');
    expect(b['ExifIFD:OffsetTimeOriginal']).toBeUndefined();
    expect(b['ExifIFD:SubSecTimeOriginal']).toBeUndefined();
    expect(none.summary.notes.map((n) => n.note).join(' ')).toMatch(/offset/);
    expect(photosRepoOf(shoot.services.db).detail(none.id)?.record.dateCreated).toBe(
      '2024-06-20T08:00:00',
    );
  });
});

describe('text keeps its characters', () => {
  it('reads © back from EXIF, XMP and IIM exactly as typed', async () => {
    const path = await makeEveryCopyJpeg(shoot.exiftool, join(shoot.root, 'copyright.jpg'));
    const notice = '© 2026 Jane Doe – Agence «Sud», “all rights”';
    const { id, summary, after, changes } = await editAndWrite(path, {
      copyrightNotice: notice,
    });
    expect(summary.failed).toEqual([]);
    expect(changes).toEqual([]);
    expect(after['IFD0:Copyright']).toBe(notice);
    expect(after['XMP-dc:Rights']).toBe(notice);
    expect(after['IPTC:CopyrightNotice']).toBe(notice);
    const detail = photosRepoOf(shoot.services.db).detail(id);
    expect(detail?.record.copyrightNotice).toBe(notice);
    expect(detail?.origins.copyrightNotice?.copies).toEqual({
      exif: notice,
      iim: notice,
      xmp: notice,
    });
  });
});

describe('no stale copy left behind', () => {
  it('writes a PNG’s raw-profile IIM and EXIF too, adding no new EXIF chunk', async () => {
    const path = await makeRawProfilePng(shoot.exiftool, join(shoot.root, 'raw-profiles.png'));
    const caption = 'New caption for every copy';
    const { summary, after, changes } = await editAndWrite(path, { caption });
    expect(summary.failed).toEqual([]);
    expect(changes).toEqual([]);
    expect(after['XMP-dc:Description']).toBe(caption);
    expect(after['IPTC:Caption-Abstract']).toBe(caption);
    expect(after['IFD0:ImageDescription']).toBe(caption);
    expect(Object.keys(after).filter((key) => key.endsWith(':ImageDescription'))).toEqual([
      'IFD0:ImageDescription',
    ]);
    const text = JSON.stringify((await snapshots([path])).tags.get(path));
    for (const old of [HELD.exifCaption, HELD.iimCaption, HELD.xmpCaption]) {
      expect(text).not.toContain(old);
    }
    // Nobody edited the copyright: each copy keeps its own.
    expect(after['IFD0:Copyright']).toBe(HELD.exifCopyright);
    expect(after['IPTC:CopyrightNotice']).toBe(HELD.iimCopyright);
  });
});

describe.runIf(reported)('the reported files', () => {
  it('Nikon D1X.jpg keeps its IIM "©" notice and its time offset', async () => {
    const path = await copyReported('Nikon D1X.jpg');
    const { summary, before, after, changes } = await editAndWrite(path, {
      caption: 'A caption-only edit',
    });
    expect(summary.failed).toEqual([]);
    expect(changes).toEqual([]);
    expect(after['IPTC:CopyrightNotice']).toBe(before['IPTC:CopyrightNotice']);
    expect(String(after['IPTC:CopyrightNotice'])).toContain('©');
    expect(after['IPTC:TimeCreated']).toBe(before['IPTC:TimeCreated']);
    expect(after['XMP-dc:Rights']).toBe(before['XMP-dc:Rights']);
  });

  it('metadata_test_file_IIM_XMP_EXIF.jpg keeps each copy saying which it is', async () => {
    const path = await copyReported('metadata_test_file_IIM_XMP_EXIF.jpg');
    const { summary, before, after, changes } = await editAndWrite(path, {
      caption: 'A caption-only edit',
    });
    expect(summary.failed).toEqual([]);
    expect(changes).toEqual([]);
    for (const tag of [
      'IPTC:CopyrightNotice',
      'XMP-dc:Rights',
      'IFD0:Copyright',
      'IPTC:TimeCreated',
      'XMP-photoshop:DateCreated',
    ]) {
      expect(after[tag], tag).toEqual(before[tag]);
    }
  });

  it('Issue 80.jpg is left byte for byte, with the reason, its edit still unwritten', async () => {
    const path = await copyReported('Issue 80.jpg');
    const bytes = await readFile(path);
    const { id, summary } = await editAndWrite(path, { caption: 'A caption-only edit' });
    expect(summary.written).toBe(0);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]?.reason).toMatch(
      /MicrosoftPhoto.*namespace|namespace.*MicrosoftPhoto/,
    );
    expect((await readFile(path)).equals(bytes)).toBe(true);
    const detail = photosRepoOf(shoot.services.db).detail(id);
    expect(detail?.record.caption).toBe('A caption-only edit');
    expect(Object.keys(detail?.unwritten ?? {})).toEqual(['caption']);
  });
});

describe('XMP in a non-standard JPEG segment', () => {
  /** The header "http://ns.adobe.com/xap/1.0/\0" as some old writers spelled it. */
  async function oddHeader(path: string): Promise<void> {
    const bytes = await readFile(path);
    bytes.write('XMP\0://', bytes.indexOf('http://ns.adobe.com/xap/1.0/\0'), 'latin1');
    await writeFile(path, bytes);
  }

  it('is left as it was, with the reason, when it holds what ExifTool cannot move', async () => {
    const path = join(shoot.root, 'odd-xmp-unknown.jpg');
    await makeEveryCopyJpeg(shoot.exiftool, path);
    await oddHeader(path);
    const bytes = await readFile(path);
    const { summary } = await editAndWrite(path, { caption: 'Not moved' });
    expect(summary.failed[0]?.reason).toMatch(/cutlinetest:note/i);
    expect((await readFile(path)).equals(bytes)).toBe(true);
  });

  it('is moved into the standard one, so no copy keeps the old caption', async () => {
    const path = join(shoot.root, 'odd-xmp.jpg');
    await makeEveryCopyJpeg(shoot.exiftool, path);
    // Without the namespace ExifTool does not know, everything can move.
    await shoot.exiftool.write(path, { 'XMP-cutlinetest:all': null } as never, {
      writeArgs: ['-overwrite_original'],
      useMWG: false,
    });
    await oddHeader(path);
    const { summary, after, changes } = await editAndWrite(path, { caption: 'Moved along' });
    expect(summary.failed).toEqual([]);
    expect(changes).toEqual([]);
    expect(summary.notes.map((n) => n.note).join(' ')).toMatch(/non-standard JPEG segment/);
    expect(after['XMP-dc:Description']).toBe('Moved along');
    expect(after['XMP-dc:Rights']).toBe(HELD.xmpCopyright);
    const written = await readFile(path);
    expect(written.includes('XMP\0://ns.adobe.com')).toBe(false);
    expect(written.includes(HELD.xmpCaption)).toBe(false);
  });
});
