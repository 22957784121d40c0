import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressiveDcScans } from '../../../src/main/metadata/jpeg-dc-scans';
import { makeThumbnail } from '../../../src/main/metadata/thumbnail';
import { renderJpeg } from '../../helpers/make-photos';

/**
 * A large progressive JPEG's thumbnail is decoded from its DC scans alone (all a decode at
 * 1/8 uses): the same picture as from the whole file, from a few percent of its bytes.
 */
const MIN_SIDE = 2048;
let root: string;
let source: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-dc-scans-'));
  source = join(root, 'source.jpg');
  await renderJpeg(source, { width: 3000, height: 2000 });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** `source` written again as a JPEG of that size and kind. */
async function variant(
  name: string,
  options: { progressive: boolean; width?: number; orientation?: number },
): Promise<string> {
  const path = join(root, name);
  let picture = sharp(source).resize(options.width ?? 3000);
  if (options.orientation) picture = picture.withMetadata({ orientation: options.orientation });
  await picture.jpeg({ quality: 90, progressive: options.progressive }).toFile(path);
  return path;
}

/** The mean difference, in levels of 255, between two thumbnails of the same size. */
async function meanDifference(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([sharp(a).raw().toBuffer(), sharp(b).raw().toBuffer()]);
  expect(x.length).toBe(y.length);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i]! - y[i]!);
  return sum / x.length;
}

/** The thumbnail sharp makes from the whole file, as before this change. */
async function wholeFileThumbnail(path: string): Promise<Buffer> {
  return sharp(path).rotate().resize(256, 256, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
}

describe('progressive JPEG thumbnails from the DC scans', () => {
  it('cuts a large progressive JPEG after its DC scans, a few percent of its bytes', async () => {
    const path = await variant('progressive.jpg', { progressive: true });
    const file = readFileSync(path);
    const part = progressiveDcScans(file, MIN_SIDE);
    expect(part).toBeInstanceOf(Buffer);
    const cut = part as Buffer;
    // The file's bytes up to its first AC scan (spectral start > 0), then EOI.
    const at = cut.length - 2;
    expect(cut.subarray(0, at).equals(file.subarray(0, at))).toBe(true);
    expect(cut.subarray(at)).toEqual(Buffer.of(0xff, 0xd9));
    expect([file[at], file[at + 1]]).toEqual([0xff, 0xda]);
    expect(file[at + 5 + file[at + 4]! * 2]).toBeGreaterThan(0);
    expect(cut.length).toBeLessThan(file.length / 2);
    // The same head, metadata and frame as the file: only scans are left out.
    const meta = await sharp(cut).metadata();
    expect([meta.width, meta.height, meta.isProgressive]).toEqual([3000, 2000, true]);
    // Cut short of the DC scans' end, the caller is told to read more.
    expect(progressiveDcScans(file.subarray(0, Math.floor(cut.length / 2)), MIN_SIDE)).toBe('more');
  });

  it('leaves every other JPEG whole: baseline, or too small to be decoded at 1/8', async () => {
    const baseline = await variant('baseline.jpg', { progressive: false });
    expect(progressiveDcScans(readFileSync(baseline), MIN_SIDE)).toBeNull();
    const small = await variant('small.jpg', { progressive: true, width: 1600 });
    expect(progressiveDcScans(readFileSync(small), MIN_SIDE)).toBeNull();
    expect(progressiveDcScans(Buffer.from('not a JPEG at all'), MIN_SIDE)).toBeNull();
  });

  it('makes the same thumbnail as the whole file, upright by its EXIF orientation', async () => {
    for (const [name, width, orientation] of [
      ['upright.jpg', 3000, undefined],
      ['turned.jpg', 3000, 6],
      ['just-large-enough.jpg', MIN_SIDE, undefined],
    ] as const) {
      const path = await variant(name, { progressive: true, width, orientation });
      const made = await makeThumbnail(path, { embedded: false });
      expect(made?.origin, name).toBe('rendered');
      const whole = await wholeFileThumbnail(path);
      const wholeMeta = await sharp(whole).metadata();
      expect([made!.width, made!.height], name).toEqual([wholeMeta.width, wholeMeta.height]);
      if (orientation === 6) expect([made!.width, made!.height]).toEqual([171, 256]);
      expect(await meanDifference(made!.jpeg, whole), name).toBeLessThan(3);
    }
  });
});
