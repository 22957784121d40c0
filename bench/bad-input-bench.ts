/**
 * Bad-input benchmark (`npm run bench:bad-input`, issue 14). Makes a folder of hostile and
 * damaged files (tests/helpers/make-bad-input.ts: the files the tests check, and larger), runs
 * `cutline import` on it as a user would (node bin/cutline.js, built first, in a child
 * process under /usr/bin/time), and prints its peak memory (maximum resident set size: the
 * import's worker threads are in the same process) and wall time beside the goals, < 500 MB
 * and < 30 s for the whole folder, and whether the summary's counts add up to what was found.
 *
 * The files that take long to make (a 1 GB zip bomb, a 196-megapixel TIFF) are kept in
 * $TMPDIR/cutline-bad-input-corpus-v1 between runs (delete it to make them again); the socket
 * is made for each run (a socket file exists only while something listens on it).
 * A missed goal is reported, not an error: the exit code is non-zero only when something fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { ImportSummary } from '../src/shared/model';
import { printablePath } from '../src/shared/printable-path';
import * as bad from '../tests/helpers/make-bad-input';
import { createExifTool, makeJpeg, wireTags } from '../tests/helpers/make-photos';

const GOAL_PEAK_MB = 500;
const GOAL_SECONDS = 30;
const MB = 1024 * 1024;
const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(tmpdir(), 'cutline-bad-input-corpus-v1');
const GOOD_PHOTOS = 20;

/** What each hostile file is, as the report lists it. */
const FILES: Record<string, string> = {
  'zip-bomb.png': '1.1 MB PNG whose zTXt inflates to 1 GB',
  'xmp-50mb.jpg': 'JPEG with a 50 MB XMP packet (extended XMP)',
  'caption-15mb.jpg': 'JPEG with a 15 MB caption in XMP (under the packet limit)',
  'iim-1mb.jpg': 'JPEG whose IIM caption dataset is 1 MB',
  'ifd-loop.tif': 'TIFF whose directories point at each other',
  'huge-declared-xmp.tif': 'TIFF declaring a 4 GB XMP tag in 60 bytes',
  'declared-65535.jpg': 'JPEG header declaring 65535×65535 over 2 KB of data',
  'declared-huge.png': 'PNG header declaring 2147483647×2147483647',
  'huge-30000.jpg': 'a real 30000×30000 JPEG (900 megapixels)',
  'big-14000.tif': 'a real 14000×14000 TIFF (196 megapixels, under the decode limit)',
  'truncated.jpg': 'a JPEG cut in half',
  'truncated.tif': 'the big TIFF cut in half',
  'truncated.png': 'a PNG cut in half',
  'caf\uefe9.jpg': 'a photo whose name is Latin-1 (not UTF-8)',
  '\uefff\uefffraw.jpg': 'a photo whose name starts with bytes FF FF',
  'pipe.jpg': 'a named pipe (FIFO)',
  'socket.jpg': 'a listening Unix socket',
  'zero.jpg': 'a symbolic link to /dev/zero',
};

/** Makes the files that take long to make, once; returns the corpus folder. */
async function ensureCorpus(): Promise<string> {
  if (existsSync(join(CORPUS, '.complete'))) return CORPUS;
  await rm(CORPUS, { recursive: true, force: true });
  await mkdir(CORPUS, { recursive: true });
  const at = (name: string) => join(CORPUS, name);
  const started = performance.now();
  const exiftool = createExifTool();
  try {
    for (let i = 1; i <= GOOD_PHOTOS; i++) {
      await makeJpeg(exiftool, at(`good-${String(i).padStart(2, '0')}.jpg`), {
        colour: [(i * 37) % 256, 120, 200],
        tags: wireTags({
          caption: `Good photo ${i}.`,
          creators: ['A. Photographer'],
          credit: 'AP',
        }),
      });
    }
  } finally {
    await exiftool.end();
  }
  await writeFile(at('zip-bomb.png'), bad.zipBombPng(1024 * MB));
  await writeFile(at('xmp-50mb.jpg'), await bad.jpegWithBigXmp(50 * MB));
  await writeFile(at('caption-15mb.jpg'), await bad.jpegWithBigXmp(15 * MB));
  await writeFile(at('iim-1mb.jpg'), await bad.jpegWithBigIim(MB));
  await writeFile(at('ifd-loop.tif'), bad.tiffWithIfdLoop());
  await writeFile(at('huge-declared-xmp.tif'), bad.tiffWithHugeDeclaredXmp());
  await writeFile(
    at('declared-65535.jpg'),
    bad.withDeclaredSize(await bad.plainJpeg(), 65535, 65535),
  );
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#a53' } })
    .png()
    .toBuffer();
  const huge = Buffer.from(png);
  huge.writeUInt32BE(0x7fffffff, 16);
  huge.writeUInt32BE(0x7fffffff, 20);
  await writeFile(at('declared-huge.png'), huge);
  await writeFile(at('huge-30000.jpg'), bad.greyJpeg(30000, 30000));
  await sharp({ create: { width: 14000, height: 14000, channels: 3, background: '#543' } })
    .tiff({ compression: 'deflate' })
    .toFile(at('big-14000.tif'));
  const good = await readFile(at('good-01.jpg'));
  await writeFile(at('truncated.jpg'), good.subarray(0, good.length >> 1));
  const tiff = await readFile(at('big-14000.tif'));
  await writeFile(at('truncated.tif'), tiff.subarray(0, tiff.length >> 1));
  await writeFile(at('truncated.png'), png.subarray(0, png.length >> 1));
  // Names that are not UTF-8: written through byte paths.
  for (const name of [
    Buffer.from('caf\xe9.jpg', 'latin1'),
    Buffer.from('\xff\xffraw.jpg', 'latin1'),
  ]) {
    await copyFile(at('good-02.jpg'), Buffer.concat([Buffer.from(`${CORPUS}/`), name]));
  }
  bad.makeFifo(at('pipe.jpg'));
  await symlink('/dev/zero', at('zero.jpg'));
  await writeFile(join(CORPUS, '.complete'), '');
  console.log(`Made the corpus in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return CORPUS;
}

/** Peak memory and wall time of `cutline import FOLDER --json` under /usr/bin/time. */
function runImport(folder: string, catalog: string) {
  const timing = `${catalog}.time`;
  const child = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M %e',
      '-o',
      timing,
      process.execPath,
      join(ROOT, 'bin', 'cutline.js'),
      'import',
      folder,
      '--db',
      catalog,
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 64 * MB, timeout: 10 * 60_000 },
  );
  if (child.error) throw child.error;
  const [kb, seconds] = readFileSync(timing, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  if (child.status !== 0) {
    throw new Error(`cutline import exited with ${child.status}: ${child.stderr.slice(0, 800)}`);
  }
  return {
    summary: JSON.parse(child.stdout) as Omit<ImportSummary, 'runId' | 'cancelled'>,
    peakBytes: (kb ?? Number.NaN) * 1024,
    seconds: seconds ?? Number.NaN,
  };
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time'))
    throw new Error('this benchmark needs /usr/bin/time (Debian: time)');
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js')))
    throw new Error('run `npm run build` first');
  const corpus = await ensureCorpus();
  const work = await mkdtemp(join(tmpdir(), 'cutline-bad-input-'));
  // A socket file exists only while something listens on it: made for this run.
  const socket = await bad.makeSocket(join(corpus, 'socket.jpg'));
  const folder = corpus;
  try {
    const { summary, peakBytes, seconds } = runImport(folder, join(work, 'catalog.sqlite'));
    const counted =
      summary.imported +
      summary.updated +
      summary.unchanged +
      summary.failed.length +
      summary.skipped.length;
    console.log(
      `\nBad-input corpus: ${GOOD_PHOTOS} good photos and ${Object.keys(FILES).length} hostile entries`,
    );
    for (const [name, what] of Object.entries(FILES)) {
      console.log(`  ${printablePath(name).padEnd(24)} ${what}`);
    }
    console.log(`\ncutline import (${availableParallelism()} cores, node ${process.version}):`);
    console.log(
      `  found ${summary.found}: imported ${summary.imported}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed.length}, skipped ${summary.skipped.length}`,
    );
    for (const f of summary.failed)
      console.log(`  failed:  ${f.path.slice(folder.length + 1)}: ${f.reason}`);
    for (const s of summary.skipped)
      console.log(`  skipped: ${s.path.slice(folder.length + 1)}: ${s.reason}`);
    const peakMb = peakBytes / MB;
    console.log('\n| measure | value | goal | |');
    console.log('|---|---|---|---|');
    console.log(
      `| peak memory (max RSS, workers included) | ${peakMb.toFixed(0)} MB | < ${GOAL_PEAK_MB} MB | ${peakMb < GOAL_PEAK_MB ? 'met' : 'NOT MET'} |`,
    );
    console.log(
      `| wall time, whole folder | ${seconds.toFixed(1)} s | < ${GOAL_SECONDS} s | ${seconds < GOAL_SECONDS ? 'met' : 'NOT MET'} |`,
    );
    console.log(
      `| counts add up to the entries found | ${counted} of ${summary.found} | equal | ${counted === summary.found ? 'met' : 'NOT MET'} |`,
    );
  } finally {
    socket.close();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
