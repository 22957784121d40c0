/**
 * Write-back benchmark (`npm run bench:write`): caption, headline, creators, credit line,
 * source and copyright written into 1,000 JPEGs of 3000×2000 (copies of the import corpus),
 * three ways over fresh copies of the same files:
 *   - Cutline: the write service as the app runs it (ExifTool pool, temporary file, read-back
 *     of every field, image-data check, fsync, atomic rename, catalog re-read);
 *   - a plain loop of the vendored `exiftool` CLI, one process per file (on a sample of
 *     BENCH_WRITE_LOOP files, default 100, since each start costs ≈0.3 s);
 *   - one `exiftool -stay_open` process fed every file in one batch (in place, no checks).
 *
 *   BENCH_WRITE_PHOTOS=N changes the 1,000.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServices } from '../src/main/services/cutline-services';
import { ensureCorpus } from './corpus';

const COUNT = Number(process.env.BENCH_WRITE_PHOTOS ?? 1000);
const LOOP_SAMPLE = Math.min(COUNT, Number(process.env.BENCH_WRITE_LOOP ?? 100));
const EXIFTOOL = join(process.cwd(), 'node_modules/exiftool-vendored.pl/bin/exiftool');

const FIELDS = {
  caption:
    'Russian President Vladimir Putin, right, and North Korean leader Kim Jong Un shake hands ' +
    'during a meeting in Pyongyang, North Korea, on Wednesday, June 19, 2024. «Мы вместе» — 함께.',
  headline: 'Путин и Ким Чен Ын в Пхеньяне',
  creators: ['Gavriil Grigorov', 'Григорий Сысоев'],
  creditLine: 'Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP',
  source: 'Sputnik',
  copyrightNotice: '© 2024 Sputnik',
};

/** The same six fields as ExifTool arguments (IIM cut as Cutline cuts it is not needed here). */
const EXIFTOOL_ARGS = [
  '-IPTC:CodedCharacterSet=UTF8',
  `-XMP-dc:Description=${FIELDS.caption}`,
  `-IPTC:Caption-Abstract=${FIELDS.caption}`,
  `-XMP-photoshop:Headline=${FIELDS.headline}`,
  `-IPTC:Headline=${FIELDS.headline}`,
  ...FIELDS.creators.flatMap((c) => [`-XMP-dc:Creator=${c}`, `-IPTC:By-line=${c}`]),
  `-XMP-photoshop:Credit=${FIELDS.creditLine}`,
  `-IPTC:Credit=${FIELDS.creditLine.slice(0, 32)}`,
  `-XMP-photoshop:Source=${FIELDS.source}`,
  `-IPTC:Source=${FIELDS.source}`,
  `-XMP-dc:Rights=${FIELDS.copyrightNotice}`,
  `-IPTC:CopyrightNotice=${FIELDS.copyrightNotice}`,
  '-overwrite_original',
];

async function freshCopies(source: string[], into: string): Promise<string[]> {
  await mkdir(into, { recursive: true });
  return Promise.all(
    source.map(async (file, i) => {
      const target = join(into, `photo-${String(i).padStart(5, '0')}.jpg`);
      await cp(file, target);
      return target;
    }),
  );
}

function rate(files: number, ms: number): string {
  return `${((files / ms) * 1000).toFixed(1)} files/s (${(ms / 1000).toFixed(2)} s for ${files})`;
}

const corpus = await ensureCorpus(Math.max(COUNT, 2000));
const all: string[] = [];
for (const sub of (await readdir(corpus)).sort()) {
  for (const name of (await readdir(join(corpus, sub))).sort()) all.push(join(corpus, sub, name));
}
const files = all.slice(0, COUNT);
const work = await mkdtemp(join(tmpdir(), 'cutline-write-bench-'));
console.log(`Write-back of ${COUNT} JPEGs (3000×2000), ${availableParallelism()} cores`);
try {
  // 1. Cutline.
  const cutlineDir = join(work, 'cutline');
  await freshCopies(files, cutlineDir);
  const services = startServices(join(work, 'catalog.sqlite'), { workers: 1 });
  let cutlineMs = 0;
  try {
    await (await services.importer.start([cutlineDir])).done;
    const ids = (services.db.prepare('SELECT id FROM photos').all() as { id: number }[]).map(
      (row) => row.id,
    );
    services.editor.setFields(ids, FIELDS);
    // Start the pool's processes outside the timing, as the app has them running already.
    const { exiftoolPool } = await import('../src/main/metadata/exiftool-pool');
    await Promise.all(
      Array.from({ length: availableParallelism() }, () => exiftoolPool().version()),
    );
    const started = performance.now();
    const summary = await services.writer.write({ ids: [], allChanged: true, sidecar: false });
    cutlineMs = performance.now() - started;
    if (summary.written !== COUNT) {
      console.log(
        `  Cutline wrote ${summary.written}; failed: ${JSON.stringify(summary.failed.slice(0, 3))}`,
      );
    }
    console.log(`Cutline (verified, atomic, re-read): ${rate(summary.written, cutlineMs)}`);
  } finally {
    await services.close();
  }
  await rm(cutlineDir, { recursive: true, force: true });

  // 2. Plain loop of the exiftool CLI.
  const loopFiles = await freshCopies(files.slice(0, LOOP_SAMPLE), join(work, 'loop'));
  let started = performance.now();
  for (const file of loopFiles) execFileSync(EXIFTOOL, [...EXIFTOOL_ARGS, file]);
  const loopMs = performance.now() - started;
  console.log(
    `exiftool CLI, one process per file (${LOOP_SAMPLE} files): ${rate(LOOP_SAMPLE, loopMs)}`,
  );
  await rm(join(work, 'loop'), { recursive: true, force: true });

  // 3. One -stay_open batch.
  const batchFiles = await freshCopies(files, join(work, 'batch'));
  started = performance.now();
  await stayOpenBatch(batchFiles);
  const batchMs = performance.now() - started;
  console.log(`exiftool -stay_open, one process, one batch: ${rate(COUNT, batchMs)}`);
  const ratio = (COUNT / cutlineMs / (COUNT / batchMs)).toFixed(2);
  console.log(`Cutline / -stay_open: ${ratio}× (goal ≥ 1×)`);
} finally {
  await rm(work, { recursive: true, force: true });
}

/** Feeds every file to one `exiftool -stay_open True -@ -` and waits for the last answer. */
function stayOpenBatch(batch: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(EXIFTOOL, ['-stay_open', 'True', '-@', '-']);
    let answers = 0;
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('{ready')) answers++;
      }
      if (answers === batch.length) {
        child.stdin.end('-stay_open\nFalse\n');
      }
    });
    child.on('exit', () =>
      answers === batch.length ? resolve() : reject(new Error('exiftool stopped')),
    );
    for (const file of batch)
      child.stdin.write(`${[...EXIFTOOL_ARGS, file].join('\n')}\n-execute\n`);
  });
}
