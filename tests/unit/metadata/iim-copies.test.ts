import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPhoto } from '../../../src/main/metadata/read-photo';
import { app13, dataset, irb, jpegWith, UTF8_DECLARATION, xmpSegment } from './jpeg-bytes';
import { ascii, tiffBytes } from './tiff-bytes';

/**
 * Issue 13 part 4, read side: the IIM stored more than once (TIFF tag 33723 and the Photoshop
 * IRB's 0x0404; a JPEG with IIM in several APP13 blocks) reads once.
 */

const dir = mkdtempSync(join(tmpdir(), 'cutline-iim-copies-'));
const REPORTED = resolve(__dirname, '../../../../shared/fixtures/reported');
const reported = existsSync(REPORTED);
if (!reported) console.warn(`reported-file check skipped: ${REPORTED} is absent`);
let n = 0;

function save(bytes: Buffer, ext: string): string {
  const path = join(dir, `f${n++}.${ext}`);
  writeFileSync(path, bytes);
  return path;
}

const iim = (creator: string) =>
  Buffer.concat([
    UTF8_DECLARATION,
    dataset(2, 80, creator),
    dataset(2, 25, 'apt'),
    dataset(2, 25, 'vivid'),
    dataset(2, 120, 'Kitchen, New York'),
  ]);

/** A TIFF holding `inTag` in tag 33723 and `inIrb` in its Photoshop IRB (tag 34377). */
function tiffWithTwoIims(inTag: Buffer, inIrb: Buffer): Buffer {
  return tiffBytes({
    ifd0: [
      { tag: 0x0100, type: 3, numbers: [8] },
      { tag: 0x0101, type: 3, numbers: [8] },
      ascii(0x010f, 'Phase One'),
      { tag: 33723, type: 7, value: inTag },
      { tag: 34377, type: 7, value: irb(inIrb) },
    ],
  });
}

describe('IIM stored twice', () => {
  it('identical copies in a TIFF read once, with no warning', async () => {
    const copy = iim('Eric Piasecki');
    const result = await readPhoto(save(tiffWithTwoIims(copy, copy), 'tif'));
    expect(result.fields.creators).toEqual(['Eric Piasecki']);
    expect(result.fields.keywords).toEqual(['apt', 'vivid']);
    expect(result.fields.caption).toBe('Kitchen, New York');
    expect(result.technical.warnings.filter((w) => w.includes('IIM'))).toEqual([]);
  });

  it('different copies: the first one is read and a warning says so', async () => {
    const result = await readPhoto(save(tiffWithTwoIims(iim('First'), iim('Second')), 'tif'));
    expect(result.fields.creators).toEqual(['First']);
    expect(result.fields.keywords).toEqual(['apt', 'vivid']);
    expect(result.technical.warnings).toContain(
      'IIM is stored 2 times and the copies differ (datasets 2:80): the first copy is read',
    );
  });

  it('a JPEG with IIM in two separate APP13 blocks reads once', async () => {
    const copy = iim('Ann Lee');
    const bytes = await jpegWith(app13(irb(copy)), xmpSegment(''), app13(irb(copy)));
    const result = await readPhoto(save(bytes, 'jpg'));
    expect(result.fields.creators).toEqual(['Ann Lee']);
    expect(result.fields.keywords).toEqual(['apt', 'vivid']);
  });

  it('blocks holding different datasets add up', async () => {
    const first = Buffer.concat([UTF8_DECLARATION, dataset(2, 120, 'Caption only')]);
    const second = Buffer.concat([UTF8_DECLARATION, dataset(2, 110, 'AP')]);
    const bytes = await jpegWith(app13(irb(first)), xmpSegment(''), app13(irb(second)));
    const result = await readPhoto(save(bytes, 'jpg'));
    expect(result.fields.caption).toBe('Caption only');
    expect(result.fields.creditLine).toBe('AP');
    expect(result.technical.warnings.filter((w) => w.includes('IIM'))).toEqual([]);
  });

  it.skipIf(!reported)('the reported TIFF lists each keyword and creator once', async () => {
    const result = await readPhoto(join(REPORTED, 'Issue 16.tif'));
    expect(result.fields.creators).toEqual(['Eric Piasecki Photography LLC']);
    expect(result.fields.keywords).toEqual(['apt', 'color', 'kureck jones', 'moroccan', 'vivid']);
  });
});
