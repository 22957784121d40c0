import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegImageData } from '../../../src/main/metadata/image-data-digest';
import {
  hasBulkyMetadata,
  jpegPictureOnly,
  regularFileHead,
} from '../../../src/main/metadata/jpeg-picture-only';
import { JpegSegments } from '../../../src/main/metadata/jpeg-segments';
import { createExifTool, makeJpeg } from '../../helpers/make-photos';

/**
 * A JPEG with bulky metadata is decoded from its picture alone (jpeg-picture-only.ts): the
 * tables, frame, EXIF and image data, without its XMP, Photoshop and comment segments. The
 * segments are walked through small windows of the file, so these files have segments that
 * run past a window.
 */

let root: string;
let exiftool: ExifTool;
/** 300 KB of XMP (extended XMP over several APP1 segments), IIM, a comment, EXIF rotated. */
let bulky: string;
let plain: string;

/** Each segment's marker before the image data. */
function markers(bytes: Buffer): number[] {
  const walk = new JpegSegments(bytes);
  const found: number[] = [];
  while (walk.next() && walk.marker !== 0xda) found.push(walk.marker);
  return found;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-picture-only-'));
  exiftool = createExifTool();
  plain = await makeJpeg(exiftool, join(root, 'plain.jpg'), {
    tags: { 'IPTC:Caption-Abstract': 'A short caption', 'EXIF:Orientation#': 6 },
  });
  bulky = await makeJpeg(exiftool, join(root, 'bulky.jpg'), {
    tags: {
      'IPTC:Caption-Abstract': 'A caption',
      'XMP-dc:Description': 'A caption that goes on. '.repeat(12_500),
      'File:Comment': 'A comment',
      'EXIF:Orientation#': 6,
    },
  });
});

afterAll(async () => {
  await exiftool?.end();
  await rm(root, { recursive: true, force: true });
});

describe('a JPEG decoded from its picture alone', () => {
  it('is told by its first 64 KB not reaching the image data', () => {
    expect(hasBulkyMetadata(regularFileHead(bulky, 64 * 1024))).toBe(true);
    expect(hasBulkyMetadata(regularFileHead(plain, 64 * 1024))).toBe(false);
  });

  it('keeps the EXIF, tables, frame and image data, and leaves the rest out', async () => {
    const original = readFileSync(bulky);
    expect(markers(original).filter((m) => m === 0xe1).length).toBeGreaterThan(2);
    const out = jpegPictureOnly(bulky);
    expect(out.length).toBeLessThan(original.length / 3);
    const kept = markers(out);
    expect(kept).not.toContain(0xed);
    expect(kept).not.toContain(0xfe);
    expect(kept.filter((m) => m === 0xe1)).toHaveLength(1); // EXIF alone
    expect(kept).toEqual(expect.arrayContaining([0xdb, 0xc0, 0xc4]));
    expect(jpegImageData(out)?.equals(jpegImageData(original)!)).toBe(true);
    const [before, after] = await Promise.all([sharp(original).metadata(), sharp(out).metadata()]);
    expect([after.width, after.height, after.orientation]).toEqual([
      before.width,
      before.height,
      6,
    ]);
    await sharp(out).stats(); // decodes
  });

  it('leaves fill bytes and markers without a length between segments out as well', () => {
    const original = readFileSync(bulky);
    const walk = new JpegSegments(original);
    const starts: number[] = [];
    while (walk.next() && walk.marker !== 0xda) starts.push(walk.start);
    // 0xFF fill before the second segment, a stray RST before the last.
    const odd = Buffer.concat([
      original.subarray(0, starts[1]),
      Buffer.from([0xff, 0xff, 0xff]),
      original.subarray(starts[1], starts.at(-1)),
      Buffer.from([0xff, 0xd2]),
      original.subarray(starts.at(-1)),
    ]);
    const path = join(root, 'odd.jpg');
    writeFileSync(path, odd);
    expect(jpegPictureOnly(path).equals(jpegPictureOnly(bulky))).toBe(true);
  });
});
