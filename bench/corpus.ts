/**
 * The import benchmark's corpus: N JPEGs of 3000×2000 (≈1 MB each, like the camera files
 * TOOLCHAIN.md measured) with an embedded EXIF thumbnail and IIM+XMP captions, in
 * sub-folders of 500. Made once and cached in bench/.corpus/ (git-ignored).
 *
 * A few base pictures are rendered by sharp (tests/helpers/make-photos.ts), given film grain
 * so that they compress like real photos, and captioned with ExifTool; every file of the
 * corpus is then a byte copy of a base with its own caption, headline, creators, credit,
 * city and keywords written by ExifTool (two processes, several writes in flight).
 *
 *   tsx bench/corpus.ts            makes (or checks) the corpus; BENCH_PHOTOS=N for its size
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { createExifTool, renderJpeg, wireTags, writeTags } from '../tests/helpers/make-photos';
import { prng, wireRecord } from './wire-text';

export const CORPUS_ROOT = fileURLToPath(new URL('./.corpus/', import.meta.url));
const BASES = 5;
const PER_FOLDER = 500;
/** ExifTool writes in flight: enough to keep both ExifTool processes busy. */
const WRITES_IN_FLIGHT = 6;
const BASE_COLOURS: [number, number, number][] = [
  [40, 90, 160],
  [170, 60, 40],
  [60, 140, 70],
  [150, 130, 40],
  [100, 60, 140],
];
const CAMERAS = [
  ['Canon', 'Canon EOS R3'],
  ['NIKON CORPORATION', 'NIKON Z 9'],
  ['SONY', 'ILCE-1'],
  ['Canon', 'Canon EOS-1D X Mark III'],
  ['NIKON CORPORATION', 'NIKON D6'],
] as const;

/** The corpus size: BENCH_PHOTOS, or 2,000. */
export function corpusSize(): number {
  const n = Number(process.env.BENCH_PHOTOS ?? 2000);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_PHOTOS must be a positive integer`);
  return n;
}

export function corpusFolder(count: number): string {
  return join(CORPUS_ROOT, `photos-${count}`);
}

/** The vendored ExifTool script (exiftool-vendored.pl) and the perl to run it with. */
export function vendoredExifTool(): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve('exiftool-vendored.pl/bin/exiftool');
  } catch {
    // Not hoisted: resolve it from exiftool-vendored, which depends on it.
    const fromVendored = createRequire(require.resolve('exiftool-vendored'));
    return fromVendored.resolve('exiftool-vendored.pl/bin/exiftool');
  }
}

/**
 * The corpus with its EXIF thumbnails stripped by ExifTool (`-ThumbnailImage=`), as wire
 * photos and exports from editing tools come: every thumbnail must be rendered. Made from
 * the corpus of the same size, once, beside it.
 */
export async function ensureStrippedCorpus(count: number): Promise<string> {
  const folder = `${corpusFolder(count)}-no-thumbnails`;
  const done = `${folder}.complete`;
  if (existsSync(done)) return folder;
  const source = await ensureCorpus(count);
  console.log(`Stripping the EXIF thumbnails of ${count} photos into ${folder}`);
  await rm(folder, { recursive: true, force: true });
  await cp(source, folder, { recursive: true });
  const strip = spawnSync(
    'perl',
    [vendoredExifTool(), '-q', '-q', '-r', '-overwrite_original', '-ThumbnailImage=', folder],
    { stdio: 'inherit' },
  );
  if (strip.status !== 0) throw new Error(`exiftool -ThumbnailImage= exited with ${strip.status}`);
  await writeFile(done, `${count}\n`);
  return folder;
}

/** Returns the corpus folder, making whatever part of it is missing first. */
export async function ensureCorpus(count = corpusSize()): Promise<string> {
  const folder = corpusFolder(count);
  const done = `${folder}.complete`;
  if (existsSync(done)) return folder;
  const started = performance.now();
  console.log(`Making the corpus: ${count} JPEGs of 3000×2000 in ${folder}`);
  const exiftool = createExifTool();
  try {
    const bases = await makeBases(exiftool);
    await makeCopies(exiftool, bases, folder, count);
  } finally {
    await exiftool.end();
  }
  await writeFile(done, `${count}\n`);
  console.log(`Corpus ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return folder;
}

/** Renders (once) the base pictures, each with camera EXIF, a thumbnail and a caption. */
async function makeBases(exiftool: ExifTool): Promise<string[]> {
  const folder = join(CORPUS_ROOT, 'bases');
  await mkdir(folder, { recursive: true });
  const bases: string[] = [];
  for (let i = 0; i < BASES; i++) {
    const path = join(folder, `base-${i + 1}.jpg`);
    bases.push(path);
    if (existsSync(path)) continue;
    const tmp = join(folder, `base-${i + 1}.tmp.jpg`);
    await renderJpeg(tmp, {
      width: 3000,
      height: 2000,
      colour: BASE_COLOURS[i % BASE_COLOURS.length],
    });
    await addGrain(tmp, i);
    const [make, model] = CAMERAS[i % CAMERAS.length] ?? CAMERAS[0];
    const record = wireRecord(1_000_000 + i);
    await writeTags(
      exiftool,
      tmp,
      {
        'EXIF:Make': make,
        'EXIF:Model': model,
        'EXIF:DateTimeOriginal': '2024:05:09 10:12:31',
        'EXIF:ExposureTime': '1/1000',
        'EXIF:FNumber': 4,
        'EXIF:ISO': 400,
        ...wireTags(record),
      },
      true,
    );
    await rename(tmp, path);
    console.log(`  base ${i + 1}/${BASES}: ${path}`);
  }
  return bases;
}

/** Adds film grain so the picture compresses like a photo (≈1 MB at 3000×2000, not 65 KB). */
async function addGrain(path: string, seed: number): Promise<void> {
  const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
  const random = prng(seed + 101);
  for (let i = 0; i < data.length; i++) {
    const v = (data[i] ?? 0) + Math.floor(random() * 24) - 12;
    data[i] = Math.max(0, Math.min(255, v));
  }
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const jpeg = await sharp(data, { raw }).jpeg({ quality: 88 }).toBuffer();
  await writeFile(path, jpeg);
}

/** The N files: byte copies of the bases, each with its own caption written by ExifTool. */
async function makeCopies(
  exiftool: ExifTool,
  bases: string[],
  folder: string,
  count: number,
): Promise<void> {
  const jobs: { index: number; path: string }[] = [];
  for (let index = 0; index < count; index++) {
    const sub = join(
      folder,
      `batch-${String(Math.floor(index / PER_FOLDER) + 1).padStart(2, '0')}`,
    );
    const record = wireRecord(index);
    const name = `${record.jobId}.jpg`;
    jobs.push({ index, path: join(sub, name) });
  }
  for (const sub of new Set(jobs.map((job) => join(job.path, '..')))) {
    await mkdir(sub, { recursive: true });
    // A run that was stopped leaves half-written copies under a .tmp name: start them over.
    for (const name of await readdir(sub)) {
      if (name.endsWith('.tmp.jpg')) await rm(join(sub, name));
    }
  }
  const todo = jobs.filter((job) => !existsSync(job.path));
  if (todo.length < jobs.length) console.log(`  ${jobs.length - todo.length} files already made`);
  const started = performance.now();
  let made = 0;
  let lastReport = started;
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const job = todo[next++];
      if (!job) break;
      const base = bases[job.index % bases.length] ?? '';
      const tmp = job.path.replace(/\.jpg$/, '.tmp.jpg');
      await copyFile(base, tmp);
      await writeTags(exiftool, tmp, wireTags(wireRecord(job.index)));
      await rename(tmp, job.path);
      made++;
      const now = performance.now();
      if (now - lastReport > 2000 || made === todo.length) {
        lastReport = now;
        const rate = made / ((now - started) / 1000);
        const left = (todo.length - made) / rate;
        console.log(
          `  ${made}/${todo.length} written, ${rate.toFixed(0)} files/s, ~${left.toFixed(0)} s left`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: WRITES_IN_FLIGHT }, worker));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const folder = await ensureCorpus();
  console.log(folder);
}
