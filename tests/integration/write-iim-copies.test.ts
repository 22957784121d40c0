/**
 * Issue 13 part 4, write side: a file that holds its IIM more than once (a TIFF in tag 33723
 * and in the Photoshop IRB; a JPEG with IIM in two APP13 blocks) is written, never refused
 * for that alone: every copy gets the edited value, and the fields nobody edited stay as
 * they were in each copy.
 */
import { chmodSync, copyFileSync, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readPhoto } from '../../src/main/metadata/read-photo';
import { readTiffTags } from '../../src/main/metadata/tiff-tags';
import { writeTags } from '../helpers/make-photos';
import { setUpServicesShoot } from '../helpers/services-shoot';
import {
  app13,
  dataset,
  irb,
  jpegWith,
  UTF8_DECLARATION,
  xmpSegment,
} from '../unit/metadata/jpeg-bytes';
import { withIfd0Entry } from '../unit/metadata/tiff-bytes';

const REPORTED = resolve(__dirname, '../../../shared/fixtures/reported');
const reported = existsSync(REPORTED);
if (!reported) console.warn(`reported-file write skipped: ${REPORTED} is absent`);

const shoot = setUpServicesShoot('write-iim-copies');

async function editAndWrite(path: string, caption: string) {
  const id = await shoot.importOne(path);
  shoot.services.editor.setFields([id], { caption });
  return shoot.services.writer.write({ ids: [id], allChanged: false, sidecar: false });
}

/** Each IIM copy's caption and creators, as ExifTool reads them (IPTC, IPTC2, …). */
async function iimCopies(path: string): Promise<Record<string, unknown>> {
  // Without MWG: its module reads only the first IIM block, and the others are the point here.
  const tags = (await shoot.exiftool.readRaw(path, {
    readArgs: ['-G1', '-a', '-IPTC:all'],
    useMWG: false,
  })) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(tags).filter(([k]) => /^IPTC\d*:(Caption-Abstract|By-line|Keywords)$/.test(k)),
  );
}

describe('IIM stored twice is written, not refused', () => {
  it('a TIFF with IIM in tag 33723 and in the Photoshop IRB: both copies get the caption', async () => {
    const path = join(shoot.root, 'twice.tif');
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#468' } })
      .tiff({ compression: 'lzw' }) // LZW strips: ExifTool has no ImageDataHash for JPEG-in-TIFF
      .toFile(path);
    await writeTags(shoot.exiftool, path, {
      'IPTC:Caption-Abstract': 'Old caption',
      'IPTC:By-line': 'Eric Piasecki',
      'IPTC:Keywords': ['apt', 'vivid'],
      'XMP:Description': 'Old caption',
      'XMP:Creator': 'Eric Piasecki',
      'XMP:Subject': ['apt', 'vivid'],
    });
    // The same IIM again inside a Photoshop IRB (tag 34377), as Photoshop CS3 left it.
    const bytes = await readFile(path);
    const iim = readTiffTags(bytes, { start: 0, end: bytes.length, open: false }).raw.get(33723)!;
    await writeFile(path, withIfd0Entry(bytes, 34377, 7, irb(Buffer.from(iim))));
    expect(Object.keys(await iimCopies(path)).some((k) => k.startsWith('IPTC2:'))).toBe(true);
    expect((await readPhoto(path)).fields.keywords).toEqual(['apt', 'vivid']);

    const summary = await editAndWrite(path, 'New caption, “quoted”');
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(1);
    expect(await iimCopies(path)).toEqual({
      'IPTC:By-line': 'Eric Piasecki',
      'IPTC:Keywords': ['apt', 'vivid'],
      'IPTC:Caption-Abstract': 'New caption, “quoted”',
      'IPTC2:By-line': 'Eric Piasecki',
      'IPTC2:Keywords': ['apt', 'vivid'],
      'IPTC2:Caption-Abstract': 'New caption, “quoted”',
    });
    const read = await readPhoto(path);
    expect(read.fields.caption).toBe('New caption, “quoted”');
    expect(read.fields.keywords).toEqual(['apt', 'vivid']);
  });

  it('a JPEG with IIM in two APP13 blocks that differ: the edited field in both, the rest kept', async () => {
    const iim = (creator: string) =>
      Buffer.concat([
        UTF8_DECLARATION,
        dataset(2, 80, creator),
        dataset(2, 25, 'apt'),
        dataset(2, 120, 'Old caption'),
      ]);
    const path = join(shoot.root, 'two-app13.jpg');
    await writeFile(
      path,
      await jpegWith(app13(irb(iim('Ann'))), xmpSegment(''), app13(irb(iim('Bob')))),
    );
    const before = await readPhoto(path);
    expect(before.fields.creators).toEqual(['Ann']);
    expect(before.technical.warnings).toContain(
      'IIM is stored 2 times and the copies differ (datasets 2:80): the first copy is read',
    );

    const summary = await editAndWrite(path, 'New caption');
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(1);
    expect(await iimCopies(path)).toMatchObject({
      'IPTC:Caption-Abstract': 'New caption',
      'IPTC2:Caption-Abstract': 'New caption',
      'IPTC:By-line': 'Ann',
      'IPTC2:By-line': 'Bob',
    });
  });

  it.skipIf(!reported)('the reported TIFF (Issue 16.tif) is written, both copies', async () => {
    const path = join(shoot.root, 'Issue 16.tif');
    copyFileSync(join(REPORTED, 'Issue 16.tif'), path);
    chmodSync(path, 0o644);
    const summary = await editAndWrite(path, 'Kitchen of the apartment');
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(1);
    const copies = await iimCopies(path);
    expect(copies['IPTC:Caption-Abstract']).toBe('Kitchen of the apartment');
    expect(copies['IPTC2:Caption-Abstract']).toBe('Kitchen of the apartment');
    const read = await readPhoto(path);
    expect(read.fields.keywords).toEqual(['apt', 'color', 'kureck jones', 'moroccan', 'vivid']);
    expect(read.fields.creators).toEqual(['Eric Piasecki Photography LLC']);
  });
});
