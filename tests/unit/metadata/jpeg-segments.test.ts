import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegImageData, jpegScanStart } from '../../../src/main/metadata/image-data-digest';
import { progressiveDcScans } from '../../../src/main/metadata/jpeg-dc-scans';
import { hasBulkyMetadata } from '../../../src/main/metadata/jpeg-picture-only';
import { scanJpeg } from '../../../src/main/metadata/jpeg-scan';
import { JpegSegments } from '../../../src/main/metadata/jpeg-segments';
import { hasNonStandardXmp } from '../../../src/main/metadata/stale-xmp-segments';
import { createExifTool, makeJpeg } from '../../helpers/make-photos';

/**
 * The JPEG segment walk (jpeg-segments.ts) that the metadata reader, the image data digest,
 * the DC-scan cut, the picture-only cut and the stale-XMP search share: on JPEGs made here by
 * sharp and ExifTool, on hand-built bytes for each edge, and on the real JPEGs in
 * ../shared/fixtures/{real,reported} against what ExifTool reads in them.
 */

interface Walked {
  /** `scanEnd`: with `scans`, where an SOS's scan data ends. */
  segments: { marker: number; start: number; end: number; scanEnd?: number }[];
  walk: JpegSegments;
}

/** Every segment a walk yields, to where it stops (through the scans with `scans`). */
function walkAll(
  bytes: Buffer,
  options: { from?: number; skipStray?: boolean; scans?: boolean } = {},
): Walked {
  const walk = new JpegSegments(bytes, options.from ?? 2, options.skipStray ?? false);
  const segments: Walked['segments'] = [];
  while (walk.next()) {
    segments.push({ marker: walk.marker, start: walk.start, end: walk.end });
    if (walk.marker === 0xda && options.scans) segments.at(-1)!.scanEnd = walk.skipScan();
  }
  return { segments, walk };
}

/** A segment: marker, two length bytes, body. */
function seg(marker: number, body: number[] | Buffer = []): Buffer {
  const data = Buffer.from(body);
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);
/** A one-component scan header (spectral 0–63). */
const SOS = seg(0xda, [1, 1, 0x00, 0, 63, 0]);
const bytesOf = (...parts: (Buffer | number[])[]) =>
  Buffer.concat(parts.map((p) => Buffer.from(p)));

let root: string;
let exiftool: ExifTool;
/** Written by ExifTool: EXIF with its own thumbnail (a JPEG inside APP1), IIM, XMP. */
let tagged: Buffer;
/** Progressive, written by sharp. */
let progressive: Buffer;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-jpeg-segments-'));
  exiftool = createExifTool();
  const path = await makeJpeg(exiftool, join(root, 'tagged.jpg'), {
    tags: {
      'IPTC:Caption-Abstract': 'A caption in IIM',
      'XMP-dc:Description': 'A caption in XMP',
      'EXIF:Artist': 'A photographer',
    },
    exifThumbnail: true,
  });
  tagged = readFileSync(path);
  progressive = await sharp(tagged).jpeg({ quality: 85, progressive: true }).toBuffer();
});

afterAll(async () => {
  await exiftool?.end();
  await rm(root, { recursive: true, force: true });
});

describe('walking JPEGs made here', () => {
  it('yields each segment of an ExifTool-written JPEG in turn, from SOI to SOS', () => {
    const { segments, walk } = walkAll(tagged);
    // One after the other, nothing between: each starts where the one before ends.
    expect(segments[0]!.start).toBe(2);
    for (let i = 1; i < segments.length; i++) {
      expect(segments[i]!.start).toBe(segments[i - 1]!.end);
    }
    for (const s of segments) expect(s.end - s.start - 2).toBe(tagged.readUInt16BE(s.start + 2));
    const markers = segments.map((s) => s.marker);
    expect(markers).toEqual(expect.arrayContaining([0xe1, 0xed, 0xdb, 0xc0, 0xc4]));
    expect(markers.at(-1)).toBe(0xda);
    expect(walk.stopped).toBe('sos');
    expect(walk.next()).toBe(false);
    // The EXIF thumbnail inside APP1 has its own SOS, earlier in the file: lengths are
    // followed, not markers searched for.
    const sos = segments.at(-1)!.start;
    expect(tagged.indexOf(Buffer.from([0xff, 0xda]))).toBeLessThan(sos);
    expect(jpegScanStart(tagged)).toBe(sos);
    const scan = scanJpeg(tagged, true);
    expect([scan.width, scan.height, scan.fatal, scan.damage]).toEqual([640, 427, null, null]);
  });

  it('walks every scan of a progressive JPEG to its EOI when told to step over scan data', () => {
    const { segments, walk } = walkAll(progressive, { scans: true });
    expect(walk.stopped).toBe('eoi');
    expect(walk.start).toBe(progressive.length - 2);
    const scans = segments.filter((s) => s.marker === 0xda);
    expect(scans.length).toBeGreaterThan(1);
    // Segment, scan data, segment, …, EOI: each piece starts where the one before it ends.
    let at = 2;
    for (const s of segments) {
      expect(s.start).toBe(at);
      at = s.scanEnd ?? s.end;
    }
    expect(at).toBe(progressive.length - 2);
    // Without skipScan the walk ends at the first SOS.
    const first = walkAll(progressive);
    expect(first.walk.stopped).toBe('sos');
    expect(first.segments.at(-1)!.start).toBe(scans[0]!.start);
  });

  it('tells a copy cut inside a segment from one cut between segments', () => {
    const { segments } = walkAll(tagged);
    const app1 = segments.find((s) => s.marker === 0xe1)!;
    const inside = walkAll(tagged.subarray(0, app1.start + 100));
    expect(inside.walk.stopped).toBe('truncated');
    expect([inside.walk.marker, inside.walk.start, inside.walk.end]).toEqual([
      0xe1,
      app1.start,
      app1.end,
    ]);
    expect(scanJpeg(tagged.subarray(0, app1.start + 100), false).needMore).toBe(true);
    for (const cut of [app1.end, app1.end + 1, app1.end + 3]) {
      const between = walkAll(tagged.subarray(0, cut));
      expect(between.walk.stopped).toBe('end');
      expect(between.walk.start).toBe(app1.end);
    }
  });
});

describe('walking hand-built bytes: the edges', () => {
  it('skips 0xFF fill bytes before a marker', () => {
    const bytes = bytesOf(SOI, [0xff, 0xff], seg(0xe0, [1, 2]), [0xff], SOS);
    const { segments } = walkAll(bytes);
    expect(segments.map((s) => [s.marker, s.start, s.end])).toEqual([
      [0xe0, 4, 10],
      [0xda, 11, 21],
    ]);
  });

  it('skips markers without a length (SOI, TEM, RSTn) between segments', () => {
    const bytes = bytesOf(SOI, SOI, [0xff, 0x01, 0xff, 0xd3], seg(0xe1, [9]), [0xff, 0xd7], SOS);
    expect(walkAll(bytes).segments.map((s) => [s.marker, s.start])).toEqual([
      [0xe1, 8],
      [0xda, 15],
    ]);
  });

  it('stops at an EOI before any scan', () => {
    const bytes = bytesOf(SOI, seg(0xe0, [1]), EOI, SOS);
    const { segments, walk } = walkAll(bytes);
    expect(segments.map((s) => s.marker)).toEqual([0xe0]);
    expect([walk.stopped, walk.marker, walk.start]).toEqual(['eoi', 0xd9, 7]);
    expect(jpegScanStart(bytes)).toBeNull();
    expect(hasBulkyMetadata(bytes)).toBe(false);
  });

  it('stops at stray bytes between segments, or skips and counts them when lenient', () => {
    const bytes = bytesOf(SOI, seg(0xe0, [1]), [0x00, 0x12, 0x34], seg(0xe1, [2]), SOS);
    const strict = walkAll(bytes);
    expect(strict.segments.map((s) => s.marker)).toEqual([0xe0]);
    expect([strict.walk.stopped, strict.walk.start, strict.walk.marker]).toEqual(['stray', 7, 0]);
    const lenient = walkAll(bytes, { skipStray: true });
    expect(lenient.segments.map((s) => [s.marker, s.start])).toEqual([
      [0xe0, 2],
      [0xe1, 10],
      [0xda, 15],
    ]);
    expect(lenient.walk.strayBytes).toBe(3);
    // The reader goes on past them, saying so; the digest (strict) finds no image data.
    expect(scanJpeg(bytes, true).warnings).toContain('JPEG has 3 stray bytes between its segments');
    expect(jpegScanStart(bytes)).toBeNull();
    // No 0xFF after them: the end, and nothing counted.
    const tail = walkAll(bytesOf(SOI, seg(0xe0, [1]), [1, 2, 3]), { skipStray: true });
    expect([tail.walk.stopped, tail.walk.strayBytes]).toEqual(['end', 0]);
  });

  it('ends when the bytes stop inside a marker or its length field', () => {
    for (const tail of [[0xff], [0xff, 0xe1], [0xff, 0xe1, 0x00]]) {
      const { walk } = walkAll(bytesOf(SOI, seg(0xe0, [1]), tail));
      expect([walk.stopped, walk.start]).toEqual(['end', 7]);
    }
  });

  it('stops at a length under 2, for any segment, SOS too', () => {
    for (const [marker, length] of [
      [0xe1, 0],
      [0xe1, 1],
      [0xda, 1],
    ] as const) {
      const bytes = bytesOf(SOI, seg(0xe0, [1]), [0xff, marker, 0, length, 0xff, 0xd9]);
      const { segments, walk } = walkAll(bytes);
      expect(segments.map((s) => s.marker)).toEqual([0xe0]);
      expect([walk.stopped, walk.marker, walk.start]).toEqual(['bad-length', marker, 7]);
    }
    const first = scanJpeg(bytesOf(SOI, [0xff, 0xe1, 0, 1]), true);
    expect(first.fatal).toMatch(/bad first segment/);
  });

  it('does not yield a segment that runs past the bytes, but says where it is', () => {
    const whole = bytesOf(SOI, seg(0xe0, [1]), seg(0xe1, Buffer.alloc(40)), SOS);
    const { segments, walk } = walkAll(whole.subarray(0, 20));
    expect(segments.map((s) => s.marker)).toEqual([0xe0]);
    expect([walk.stopped, walk.marker, walk.start, walk.end]).toEqual(['truncated', 0xe1, 7, 51]);
  });

  it('yields an SOS whose header runs past the bytes: where the image data starts is known', () => {
    const bytes = bytesOf(SOI, seg(0xe0, [1]), SOS.subarray(0, 6));
    const { segments, walk } = walkAll(bytes);
    expect(segments.at(-1)).toEqual({ marker: 0xda, start: 7, end: 17 });
    expect(walk.stopped).toBe('sos');
    expect(jpegScanStart(bytes)).toBe(7);
  });

  it('steps over scan data: stuffed bytes, restart markers and fill bytes do not end it', () => {
    const data = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd3, 0x56, 0xff, 0xff];
    const bytes = bytesOf(SOI, seg(0xe0, [1]), SOS, data, seg(0xc4, [0]), SOS, [7], EOI);
    const walk = new JpegSegments(bytes);
    const seen: (string | number)[] = [];
    while (walk.next()) {
      seen.push(walk.marker, walk.start);
      if (walk.marker === 0xda) seen.push('to', walk.skipScan());
    }
    // The scan data ends at the DHT marker's own 0xFF: the fill bytes before it are in it.
    expect(seen).toEqual([0xe0, 2, 0xda, 7, 'to', 26, 0xc4, 26, 0xda, 31, 'to', 42]);
    expect([walk.stopped, walk.start]).toEqual(['eoi', 42]);
  });

  it('stops when scan data runs past the bytes', () => {
    const bytes = bytesOf(SOI, SOS, [1, 2, 0xff, 0x00, 3]);
    const walk = new JpegSegments(bytes);
    expect(walk.next()).toBe(true);
    expect(walk.skipScan()).toBe(-1);
    expect([walk.stopped, walk.marker, walk.start]).toEqual(['truncated', 0xda, 2]);
    expect(walk.next()).toBe(false);
    expect(() => new JpegSegments(bytes).skipScan()).toThrow(/just after an SOS/);
  });

  it('starts where it is told: a window of a file that begins at a marker', () => {
    const window = bytesOf(seg(0xfe, [1, 2, 3]), seg(0xe2, [4]));
    expect(walkAll(window, { from: 0 }).segments.map((s) => [s.marker, s.start])).toEqual([
      [0xfe, 0],
      [0xe2, 7],
    ]);
  });
});

describe('caller answers on hand-built bytes', () => {
  it('the DC-scan cut skips a second SOI between segments instead of giving up', async () => {
    const big = await sharp({
      create: { width: 2100, height: 1400, channels: 3, background: { r: 90, g: 120, b: 40 } },
    })
      .jpeg({ quality: 80, progressive: true })
      .toBuffer();
    const withSoi = Buffer.concat([big.subarray(0, 2), SOI, big.subarray(2)]);
    const part = progressiveDcScans(withSoi, 2048);
    expect(part).toBeInstanceOf(Buffer);
    expect(part).toEqual(progressiveDcScans(big, 2048));
  });

  it('the stale-XMP search finds a non-standard XMP segment after a restart marker', () => {
    const xmp = Buffer.from('XMP\0://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"/>');
    const bytes = bytesOf(SOI, [0xff, 0xd0], seg(0xe1, xmp), SOS, [1], EOI);
    expect(hasNonStandardXmp(bytes)).toBe(true);
  });
});

/** The real JPEGs in ../shared/fixtures/{real,reported}; empty (with a note) when absent. */
function fixtureJpegs(): string[] {
  const shared = resolve(import.meta.dirname, '../../../../shared/fixtures');
  const folders = ['real', 'reported'].map((f) => join(shared, f)).filter((f) => existsSync(f));
  if (folders.length === 0) {
    console.warn(`fixture JPEG walks skipped: ${shared}/{real,reported} are absent`);
    return [];
  }
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  return folders
    .flatMap(files)
    .filter((path) => {
      const head = readFileSync(path).subarray(0, 2);
      return head[0] === 0xff && head[1] === 0xd8;
    })
    .sort();
}

const fixtures = fixtureJpegs();

describe.skipIf(fixtures.length === 0)('walking the real JPEGs in ../shared/fixtures', () => {
  it("finds each file's image data where ExifTool does", async () => {
    let compared = 0;
    for (const path of fixtures) {
      const bytes = readFileSync(path);
      const { segments, walk } = walkAll(bytes);
      let last = 2;
      for (const s of segments) {
        expect(s.start, path).toBeGreaterThanOrEqual(last);
        if (s.marker !== 0xda) expect(s.end, path).toBeLessThanOrEqual(bytes.length);
        last = s.end;
      }
      const sos = segments.find((s) => s.marker === 0xda);
      expect(jpegScanStart(bytes), path).toBe(sos?.start ?? null);
      expect(hasBulkyMetadata(bytes), path).toBe(
        walk.stopped === 'end' || walk.stopped === 'truncated',
      );
      const tags = (await exiftool.readRaw(path, {
        readArgs: ['-api', 'ImageHashType=MD5', '-ImageDataHash', '-Warning'],
      })) as { ImageDataHash?: string; Warning?: string };
      if (/Missing JPEG SOS/.test(tags.Warning ?? '')) expect(sos, path).toBeUndefined();
      // ExifTool's ImageDataHash of a JPEG: MD5 of the bytes from SOS up to its EOI. Its way
      // with the scans of a progressive JPEG is its own, so single-scan pictures are compared.
      const scans = walkAll(bytes, { scans: true }).segments.filter((s) => s.marker === 0xda);
      const data = jpegImageData(bytes);
      if (scans.length !== 1 || !data || !data.subarray(-2).equals(EOI)) continue;
      const md5 = createHash('md5').update(data.subarray(0, -2)).digest('hex');
      expect(md5, path).toBe(tags.ImageDataHash);
      compared++;
    }
    console.info(`image data found as ExifTool does in ${compared} of ${fixtures.length} JPEGs`);
    expect(compared).toBeGreaterThan(0);
  });

  it('reads past stray bytes between segments when lenient, and says so', () => {
    let stray = 0;
    for (const path of fixtures) {
      const bytes = readFileSync(path);
      const strict = walkAll(bytes);
      const lenient = walkAll(bytes, { skipStray: true });
      // The strict walk's segments are the lenient walk's first ones.
      expect(lenient.segments.slice(0, strict.segments.length), path).toEqual(strict.segments);
      if (strict.walk.stopped !== 'stray') continue;
      stray++;
      expect(lenient.walk.strayBytes, path).toBeGreaterThan(0);
      expect(scanJpeg(bytes, true).warnings.join(' '), path).toMatch(/stray bytes/);
      // The digest does not guess where the damaged structure goes on.
      expect(jpegScanStart(bytes), path).toBeNull();
    }
    console.info(`${stray} of ${fixtures.length} JPEGs have stray bytes between segments`);
  });

  it('finds XMP in a non-standard APP1 segment where ExifTool warns of one', async () => {
    let found = 0;
    for (const path of fixtures) {
      const tags = (await exiftool.readRaw(path, { readArgs: ['-Warning'] })) as {
        Warning?: string;
      };
      const warned = /Non-standard header for APP1 XMP segment/.test(tags.Warning ?? '');
      if (warned) expect(hasNonStandardXmp(readFileSync(path)), path).toBe(true);
      if (warned) found++;
    }
    console.info(`${found} of ${fixtures.length} JPEGs hold XMP under a non-standard header`);
  });
});
