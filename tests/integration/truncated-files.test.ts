/**
 * Truncated files are flagged (issue 13, part 8): a JPEG cut inside its image data and a TIFF
 * cut inside a strip are imported with what can be read, with a warning that names the cut
 * in bytes, listed as import problems, found by `is:problem` and `is:truncated`, and marked
 * in the grid's summary. Whole files with padding or a trailer after their end marker are
 * not. Every file is made here (sharp renders, ExifTool writes the caption) and then cut.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProblems } from '../../src/main/catalog/import-runs-repo';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { jpegScanStart } from '../../src/main/metadata/image-data-digest';
import { isSupportedImage } from '../../src/main/metadata/supported-formats';
import { importPaths } from '../../src/main/services/import-photos';
import { getPhotoByPath, searchLibrary } from '../../src/main/services/library';
import { readForImport } from '../../src/main/services/read-job';
import type { ImportSummary } from '../../src/shared/model';
import { createExifTool, wireTags, writeTags } from '../helpers/make-photos';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

let exiftool: ExifTool;
let root: string;
let shoot: string;
/** File name → the size it was cut to (the cut files) or null (whole files). */
const cuts = new Map<string, number | null>();
/** Where the TIFF's last strip ends, as ExifTool reads the whole file. */
let tiffExpected = 0;

/** A JPEG of noise (so its image data is long, as a photo's is), with a caption. */
async function noisyJpeg(name: string, width: number, progressive = false): Promise<Buffer> {
  const path = join(shoot, name);
  await sharp({
    create: {
      width,
      height: Math.round(width * 0.66),
      channels: 3,
      background: '#556677',
      noise: { type: 'gaussian', mean: 120, sigma: 40 },
    },
  })
    .jpeg({ quality: 85, progressive })
    .toFile(path);
  await writeTags(exiftool, path, wireTags({ caption: `Caption of ${name}`, credit: 'AP' }), true);
  return readFile(path);
}

/** Cuts a file made by noisyJpeg half-way through its image data. */
async function cutInsideImageData(name: string, bytes: Buffer): Promise<void> {
  const sos = jpegScanStart(bytes);
  if (sos === null) throw new Error(`${name} has no image data`);
  const size = sos + Math.round((bytes.length - sos) / 2);
  await truncate(join(shoot, name), size);
  cuts.set(name, size);
}

beforeAll(async () => {
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-truncated-'));
  shoot = join(root, 'shoot');
  await mkdir(shoot, { recursive: true });

  // Larger than the 64 KiB head: the cut is told from the last 16 KiB alone.
  await cutInsideImageData('upload-cut.jpg', await noisyJpeg('upload-cut.jpg', 900));
  // Smaller than the head: the whole file is in memory.
  await cutInsideImageData('small-cut.jpg', await noisyJpeg('small-cut.jpg', 160));
  await cutInsideImageData(
    'progressive-cut.jpg',
    await noisyJpeg('progressive-cut.jpg', 700, true),
  );

  await noisyJpeg('whole.jpg', 900);
  cuts.set('whole.jpg', null);
  // Padding after the end marker, short and longer than the 16 KiB tail; and a trailer.
  await noisyJpeg('padded.jpg', 900);
  await appendFile(join(shoot, 'padded.jpg'), Buffer.alloc(3000));
  cuts.set('padded.jpg', null);
  await noisyJpeg('long-padding.jpg', 900);
  await appendFile(join(shoot, 'long-padding.jpg'), Buffer.alloc(40_000));
  cuts.set('long-padding.jpg', null);
  const trailer = await sharp({
    create: {
      width: 200,
      height: 200,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .raw()
    .toBuffer();
  await noisyJpeg('trailer.jpg', 900);
  await appendFile(join(shoot, 'trailer.jpg'), trailer.subarray(0, 50_000));
  cuts.set('trailer.jpg', null);

  // A PNG and a WebP cut half-way (past the 64 KiB head: the PNG's end is told from its tail),
  // and a whole PNG; each with a caption in its XMP.
  const noise = sharp({
    create: {
      width: 400,
      height: 300,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 50 },
    },
  });
  for (const [name, cut] of [
    ['scan-cut.png', true],
    ['scan-whole.png', false],
    ['web-cut.webp', true],
  ] as const) {
    const path = join(shoot, name);
    await (name.endsWith('.png') ? noise.clone().png() : noise.clone().webp()).toFile(path);
    await writeTags(exiftool, path, { 'XMP-dc:Description': `Caption of ${name}` });
    const size = (await readFile(path)).length;
    if (cut) await truncate(path, Math.round(size * 0.6));
    cuts.set(name, cut ? Math.round(size * 0.6) : null);
  }

  // An uncompressed TIFF (ExifTool keeps its first directory at the start), cut mid-strip.
  const tiff = join(shoot, 'scan-cut.tif');
  await sharp({ create: { width: 400, height: 300, channels: 3, background: '#336699' } })
    .tiff({ compression: 'none' })
    .toFile(tiff);
  await writeTags(exiftool, tiff, wireTags({ caption: 'Caption of scan-cut.tif', credit: 'AP' }));
  const strips = (await exiftool.read(tiff, ['-n'])) as unknown as {
    StripOffsets: string | number;
    StripByteCounts: string | number;
  };
  const offsets = String(strips.StripOffsets).split(' ').map(Number);
  const counts = String(strips.StripByteCounts).split(' ').map(Number);
  tiffExpected = Math.max(...offsets.map((offset, i) => offset + counts[i]!));
  const tiffCut = offsets[0]! + Math.round(counts[0]! / 2);
  await truncate(tiff, tiffCut);
  cuts.set('scan-cut.tif', tiffCut);
}, 120_000);

afterAll(async () => {
  await exiftool?.end();
  if (root) await rm(root, { recursive: true, force: true });
});

const bytes = (n: number) => n.toLocaleString('en-US');
const cutNames = () => [...cuts].filter(([, size]) => size !== null).map(([name]) => name);

describe('truncated files', () => {
  it('imports cut files with their captions, a warning that names the cut, and problems', async () => {
    const db = openCatalog(':memory:');
    try {
      const summary = await importPaths(db, [shoot]);
      expect(summary.imported).toBe(cuts.size);
      expect(summary.failed).toEqual([]);
      for (const [name, size] of cuts) {
        const detail = getPhotoByPath(db, join(shoot, name));
        // A WebP keeps its XMP after the image data: cut off with it. The rest read theirs.
        if (!(name.endsWith('.webp') && size !== null)) {
          expect(detail.record.caption, name).toBe(`Caption of ${name}`);
        }
        const cutWarnings = detail.record.warnings.filter((w) => w.startsWith('truncated'));
        if (size === null) {
          expect(cutWarnings, name).toEqual([]);
          continue;
        }
        expect(cutWarnings, name).toHaveLength(1);
        if (name.endsWith('.jpg')) {
          expect(cutWarnings[0]).toContain(
            `truncated JPEG: the file ends after ${bytes(size)} bytes, inside its image data`,
          );
        } else if (name.endsWith('.png')) {
          expect(cutWarnings[0]).toContain(
            `truncated PNG: the file ends after ${bytes(size)} bytes without its end chunk`,
          );
        } else if (name.endsWith('.webp')) {
          expect(cutWarnings[0]).toMatch(
            new RegExp(
              `^truncated WebP: image data ends after ${bytes(size)} bytes of an expected`,
            ),
          );
        } else {
          expect(cutWarnings[0]).toContain(
            `truncated TIFF: image data ends after ${bytes(size)} bytes of an expected ` +
              `${bytes(tiffExpected)} bytes`,
          );
        }
      }
      expect(summary.damaged.map((d) => d.path).sort()).toEqual(
        cutNames()
          .map((name) => join(shoot, name))
          .sort(),
      );
      const problems = listProblems(db, 100);
      for (const name of cutNames()) {
        expect(problems.find((p) => p.path === join(shoot, name))?.reason, name).toMatch(
          /^truncated .*; its metadata was imported$/,
        );
      }
      // The grid's summary carries the mark; the search finds them.
      const names = (query: string) =>
        searchLibrary(db, { query, offset: 0, limit: 100 })
          .items.map((p) => p.fileName)
          .sort();
      expect(names('is:truncated')).toEqual(cutNames().sort());
      expect(names('is:problem')).toEqual(expect.arrayContaining(cutNames()));
      const page = searchLibrary(db, { query: '', offset: 0, limit: 100 }).items;
      for (const photo of page) {
        expect(photo.damage !== null, photo.fileName).toBe(cuts.get(photo.fileName) !== null);
      }
    } finally {
      db.close();
    }
  });

  it('cutline import --json lists the cut files under damaged', async () => {
    if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
      await run(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT });
    }
    const db = join(root, 'catalog.sqlite');
    const { stdout } = await run(
      process.execPath,
      [join(ROOT, 'bin', 'cutline.js'), 'import', shoot, '--json', '--db', db],
      { cwd: ROOT },
    );
    const summary = JSON.parse(stdout) as ImportSummary;
    expect(summary.damaged.map((d) => d.path.slice(shoot.length + 1)).sort()).toEqual(
      cutNames().sort(),
    );
    const tiff = summary.damaged.find((d) => d.path.endsWith('scan-cut.tif'));
    expect(tiff?.reason).toContain(`of an expected ${bytes(tiffExpected)} bytes`);
  });
});

const FIXTURES = resolve(__dirname, '../../../shared/fixtures');
const haveFixtures = existsSync(join(FIXTURES, 'real'));
if (!haveFixtures) console.warn(`real-file check skipped: ${FIXTURES} is absent`);

describe.skipIf(!haveFixtures)('real files', () => {
  it('flags no whole real photo as cut short (padding and trailers included)', async () => {
    const flagged: string[] = [];
    const walk = async (folder: string): Promise<void> => {
      for (const entry of await readdir(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (isSupportedImage(path)) {
          const result = await readForImport(path);
          if (result.ok && result.read.damage) flagged.push(relative(FIXTURES, path));
        }
      }
    };
    await walk(join(FIXTURES, 'real'));
    if (existsSync(join(FIXTURES, 'reported'))) await walk(join(FIXTURES, 'reported'));
    // exiv2's table.jpg really stops before its image data (ExifTool: "Corrupted JPEG").
    expect(flagged).toEqual(['real/exiv2/table.jpg']);
  }, 60_000);
});
