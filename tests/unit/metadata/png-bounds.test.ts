import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readPhoto } from '../../../src/main/metadata/read-photo';
import { ascii, pngChunk, pngWith, tiffBytes, zTxt } from './tiff-bytes';

/**
 * Issue 14 part 3 for PNG: every inflate has a limit. A 1.1 MB PNG whose zTXt inflates to
 * 1 GB imports with what is in bounds and a warning, and the reader's memory stays small.
 */

const dir = mkdtempSync(join(tmpdir(), 'cutline-png-bomb-'));

/**
 * A zlib stream that inflates to `megabytes` MB of zeros, made without deflating them all:
 * one megabyte deflated with a full flush (byte-aligned, no dictionary carried over) is a
 * piece that may repeat; then an empty final block and the Adler-32 of the zeros.
 */
function zlibBomb(megabytes: number): Buffer {
  const piece = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  const total = megabytes * (1 << 20);
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((total % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([
    Buffer.from([0x78, 0x9c]),
    ...Array.from({ length: megabytes }, () => piece),
    Buffer.from([0x03, 0x00]), // final fixed-Huffman block holding nothing
    adler,
  ]);
}

/** Peak resident memory of this process so far, in MB. */
const peakMb = () => process.resourceUsage().maxRSS / 1024;

async function pngWithBomb(chunk: Buffer): Promise<string> {
  const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#345' } })
    .png()
    .toBuffer();
  const exif = tiffBytes({ ifd0: [ascii(0x010f, 'Canon'), ascii(0x013b, 'Ann Lee')] });
  const path = join(dir, `bomb-${Math.random().toString(36).slice(2)}.png`);
  writeFileSync(path, pngWith(png, pngChunk('eXIf', exif), chunk));
  return path;
}

describe('PNG inflate limits', () => {
  it('the bomb is what it says: 1 GB from about a megabyte', () => {
    const bomb = zlibBomb(1024);
    expect(bomb.length).toBeLessThan(1.2 * 1024 * 1024);
  });

  for (const [what, chunk] of [
    [
      'zTXt "Raw profile type xmp"',
      () => zTxt('Raw profile type xmp', Buffer.alloc(0), zlibBomb(1024)),
    ],
    [
      'compressed iTXt XMP',
      () =>
        pngChunk(
          'iTXt',
          Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\x01\0\0\0', 'latin1'), zlibBomb(1024)]),
        ),
    ],
    [
      'zTXt with a keyword Cutline does not read',
      () => zTxt('Comment', Buffer.alloc(0), zlibBomb(1024)),
    ],
  ] as const) {
    it(`a ${what} that inflates to 1 GB: the rest reads, memory stays small`, async () => {
      const path = await pngWithBomb(chunk());
      expect(statSync(path).size).toBeLessThan(1.2 * 1024 * 1024);
      const before = peakMb();
      const result = await readPhoto(path);
      const grew = peakMb() - before;
      console.log(`${what}: peak memory grew ${grew.toFixed(0)} MB while reading`);
      expect(grew).toBeLessThan(120);
      expect(result.technical.cameraMake).toBe('Canon');
      expect(result.fields.creators).toEqual(['Ann Lee']);
      expect([result.technical.width, result.technical.height]).toEqual([32, 24]);
      if (what.includes('does not read')) return; // never inflated at all
      expect(
        result.technical.warnings.some((w) => /inflates to more than \d+ MB: skipped/.test(w)),
      ).toBe(true);
    });
  }
});
