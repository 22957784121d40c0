import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressiveDcScans } from '../../../src/main/metadata/jpeg-dc-scans';
import { makeThumbnail } from '../../../src/main/metadata/thumbnail';
import { renderJpeg } from '../../helpers/make-photos';

/**
 * A large progressive JPEG's thumbnail is decoded without most of its AC scans (a decode at
 * 1/8 uses each block's DC alone): the same picture as from the whole file, from a fraction
 * of its bytes.
 */
const MIN_SIDE = 2048;
/** A real progressive JPEG of 2100×1500: black text on white, where a blur shows. */
const TEXT = join(import.meta.dirname, '../../../../shared/fixtures/c2pa/no_manifest.jpg');
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

/** Each scan of a JPEG as [spectral start, component ids…], in order. */
function scans(bytes: Buffer): number[][] {
  const found: number[][] = [];
  for (let at = bytes.indexOf(Buffer.of(0xff, 0xda)); at >= 0; ) {
    const count = bytes[at + 4]!;
    const ids = Array.from({ length: count }, (_, i) => bytes[at + 5 + i * 2]!);
    found.push([bytes[at + 5 + count * 2]!, ...ids]);
    at = bytes.indexOf(Buffer.of(0xff, 0xda), at + 2);
  }
  return found;
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
  it("leaves out the AC scans of a large progressive JPEG but each component's first", async () => {
    const path = await variant('progressive.jpg', { progressive: true });
    const file = readFileSync(path);
    const part = progressiveDcScans(file, MIN_SIDE);
    expect(part).toBeInstanceOf(Buffer);
    const kept = part as Buffer;
    expect(kept.length).toBeLessThan(file.length);
    expect(kept.subarray(-2)).toEqual(Buffer.of(0xff, 0xd9));
    // Every DC scan kept, and an AC scan only where it is its components' first.
    const scansOf = (bytes: Buffer) => scans(bytes).map((scan) => scan.join(' '));
    const all = scans(file);
    const firstAc = new Set<number>();
    const expected = all.filter(([start, ...ids]) => {
      if (start === 0) return true;
      const first = ids.some((id) => !firstAc.has(id!));
      for (const id of ids) firstAc.add(id!);
      return first;
    });
    expect(expected.length).toBeLessThan(all.length);
    expect(scansOf(kept)).toEqual(expected.map((scan) => scan.join(' ')));
    const meta = await sharp(kept).metadata();
    expect([meta.width, meta.height, meta.isProgressive]).toEqual([3000, 2000, true]);
    // The file's first bytes only: the caller is told to read more.
    expect(progressiveDcScans(file.subarray(0, 64 * 1024), MIN_SIDE)).toBe('more');
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
      expect(await meanDifference(made!.jpeg, whole), name).toBeLessThan(1);
    }
  });

  it.skipIf(!existsSync(TEXT))(
    'keeps text as sharp as the whole file does (real fixture)',
    async () => {
      expect(progressiveDcScans(readFileSync(TEXT), MIN_SIDE)).toBeInstanceOf(Buffer);
      const made = await makeThumbnail(TEXT, { embedded: false });
      // Without each component's first AC scan libjpeg smoothed the DC: 2.2 levels off.
      expect(await meanDifference(made!.jpeg, await wholeFileThumbnail(TEXT))).toBeLessThan(1);
    },
  );

  it.skipIf(existsSync(TEXT))('the real progressive fixture (skipped: absent)', () => {
    console.warn(`skipped the real progressive JPEG test: ${TEXT} is not present`);
  });
});
