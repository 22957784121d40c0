/**
 * Import benchmark (`npm run bench:import`). On the corpus (bench/corpus.ts, made first when
 * missing), in one run:
 *   (a) Cutline's import into a fresh catalog with the default worker pool: metadata,
 *       thumbnail and catalog writes, with wall time and peak memory;
 *   (b) the vendored ExifTool reading the same folder (`exiftool -j -r`), for scale;
 *   (c) a re-import of the unchanged folder;
 * then the goals: ≥ 10× ExifTool, peak memory < 500 MB, re-import < 1 s per 2,000 photos.
 * A missed goal is reported, not an error: the exit code is non-zero only when something fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCatalog } from '../src/main/catalog/open-catalog';
import { importPaths } from '../src/main/services/import-photos';
import { createReadPool } from '../src/main/services/read-pool';
import type { ImportSummary } from '../src/shared/model';
import { corpusFolder, corpusSize } from './corpus';

const GOAL_RATIO = 10;
const GOAL_PEAK_MB = 500;
const GOAL_REIMPORT_S_PER_2000 = 1;
const SAMPLE_MS = 50;
const MB = 1024 * 1024;

/** Makes the corpus in a child process when it is missing, so that its memory (sharp, ExifTool
 * bookkeeping) does not count in this process's peak. */
function ensureCorpus(count: number): string {
  const folder = corpusFolder(count);
  if (existsSync(`${folder}.complete`)) return folder;
  const script = fileURLToPath(new URL('./corpus.ts', import.meta.url));
  const child = spawnSync(process.execPath, [...process.execArgv, script], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_PHOTOS: String(count) },
  });
  if (child.status !== 0 || !existsSync(`${folder}.complete`)) {
    throw new Error(`making the corpus failed (exit code ${child.status})`);
  }
  return folder;
}

/** The rss of this process (worker threads included) sampled every 50 ms. */
function memorySampler() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, SAMPLE_MS);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/** The vendored ExifTool script (exiftool-vendored.pl) and the perl to run it with. */
function vendoredExifTool(): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve('exiftool-vendored.pl/bin/exiftool');
  } catch {
    // Not hoisted: resolve it from exiftool-vendored, which depends on it.
    const fromVendored = createRequire(require.resolve('exiftool-vendored'));
    return fromVendored.resolve('exiftool-vendored.pl/bin/exiftool');
  }
}

interface ExifToolRun {
  seconds: number;
  files: number;
  bytes: number;
  peakRss: number | null;
  version: string;
}

/** Times `exiftool -j -r folder`, its JSON read and thrown away, and its peak rss (Linux). */
function runExifTool(folder: string): Promise<ExifToolRun> {
  const script = vendoredExifTool();
  const version = spawnSync('perl', [script, '-ver'], { encoding: 'utf8' }).stdout.trim();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('perl', [script, '-j', '-r', folder], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let bytes = 0;
    let files = 0;
    let stderr = '';
    let peakRss: number | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      // One "SourceFile" key per file read (a key split across chunks is rare and only
      // affects this check, not the timing).
      for (
        let at = chunk.indexOf('"SourceFile"');
        at >= 0;
        at = chunk.indexOf('"SourceFile"', at + 1)
      ) {
        files++;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
        if (Number.isFinite(kb)) peakRss = Math.max(peakRss ?? 0, kb * 1024);
      } catch {
        // Not Linux, or the process has just ended.
      }
    }, SAMPLE_MS);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      // ExifTool exits 1 when some file had an error but still reads the others.
      if (code !== 0 && files === 0) {
        reject(new Error(`exiftool exited with ${code}: ${stderr.slice(0, 500)}`));
        return;
      }
      resolve({ seconds, files, bytes, peakRss, version });
    });
  });
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const met = (ok: boolean) => (ok ? 'met' : 'NOT MET');

function checkSummary(
  label: string,
  summary: ImportSummary,
  expect: keyof ImportSummary,
  n: number,
) {
  const value = summary[expect];
  if (value !== n || summary.failed.length > 0) {
    console.warn(
      `warning: ${label}: ${expect} ${String(value)} of ${n}, ${summary.failed.length} failed` +
        summary.failed
          .slice(0, 5)
          .map((f) => `\n  ${f.path}: ${f.reason}`)
          .join(''),
    );
  }
}

/**
 * The app reads in the built worker (out/main/import-worker.js); from source the worker would
 * start through tsx, which costs about a second the product never pays.
 */
function selectBuiltWorker(): string {
  const built = fileURLToPath(new URL('../out/main/import-worker.js', import.meta.url));
  if (!existsSync(built))
    throw new Error('out/main/import-worker.js is missing: run "npm run build"');
  process.env.CUTLINE_IMPORT_WORKER = built;
  return built;
}

async function main(): Promise<void> {
  selectBuiltWorker();
  const count = corpusSize();
  const folder = ensureCorpus(count);
  const dir = await mkdtemp(join(tmpdir(), 'cutline-bench-'));
  const catalogFile = join(dir, 'catalog.sqlite');
  try {
    const db = openCatalog(catalogFile);
    const progress = (p: { done: number; total: number; rate: number }) => {
      if (process.stderr.isTTY) process.stderr.write(`\r  ${p.done}/${p.total}, ${p.rate}/s   `);
    };

    // (a) import into a fresh catalog as the app runs it: its read workers were started
    // when the window opened (ImportService.warmUp), so they are loaded already.
    const baseline = process.memoryUsage.rss();
    const sampler = memorySampler();
    const pool = createReadPool();
    const workers = pool.threads;
    await pool.warmUp();
    const t0 = performance.now();
    const first = await importPaths(db, [folder], { onProgress: progress, pool });
    const importSeconds = (performance.now() - t0) / 1000;
    const peakRss = sampler.stop();
    const maxRss = process.resourceUsage().maxRSS * 1024;
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    checkSummary('import', first, 'imported', count);

    // (c) re-import of the unchanged folder.
    const t1 = performance.now();
    const again = await importPaths(db, [folder], { pool });
    const reimportSeconds = (performance.now() - t1) / 1000;
    checkSummary('re-import', again, 'unchanged', count);
    await pool.close();
    db.close();
    const catalogBytes = statSync(catalogFile).size;

    // (a') the same import as `cutline import` runs it: workers start inside the import.
    const coldDb = openCatalog(join(dir, 'cold.sqlite'));
    const t2 = performance.now();
    const cold = await importPaths(coldDb, [folder]);
    const coldSeconds = (performance.now() - t2) / 1000;
    checkSummary('cold import', cold, 'imported', count);
    coldDb.close();

    // (b) ExifTool's own read of the same folder.
    const exif = await runExifTool(folder);
    if (exif.files !== count)
      console.warn(`warning: ExifTool read ${exif.files} of ${count} files`);

    const importRate = first.imported / importSeconds;
    const exifRate = exif.files / exif.seconds;
    const ratio = importRate / exifRate;
    const reimportPer2000 = (reimportSeconds * 2000) / count;
    const peak = Math.max(peakRss, maxRss);
    const corpusBytes = averageFileSize(folder);

    console.log(
      `\nImport: ${count} JPEGs of 3000×2000 (≈${(corpusBytes / MB).toFixed(1)} MB each, EXIF thumbnail, IIM+XMP) in ${folder}`,
    );
    console.log(
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; page cache warm\n`,
    );
    console.log(
      table(
        ['run', 'photos', 'wall s', 'photos/s', 'peak memory'],
        [
          [
            `(a) Cutline import, fresh catalog, ${workers} worker${workers === 1 ? '' : 's'} (app: workers started)`,
            String(first.imported),
            importSeconds.toFixed(2),
            importRate.toFixed(0),
            `${mb(peakRss)} rss sampled (maxRSS ${mb(maxRss)}; ${mb(baseline)} before)`,
          ],
          [
            "(a') the same, as `cutline import` (workers start inside)",
            String(cold.imported),
            coldSeconds.toFixed(2),
            (cold.imported / coldSeconds).toFixed(0),
            '',
          ],
          [
            `(b) ExifTool ${exif.version} -j -r (vendored, perl)`,
            String(exif.files),
            exif.seconds.toFixed(2),
            exifRate.toFixed(0),
            exif.peakRss === null ? '—' : `${mb(exif.peakRss)} rss sampled`,
          ],
          [
            '(c) Cutline re-import, unchanged folder',
            String(again.unchanged),
            reimportSeconds.toFixed(2),
            (again.unchanged / reimportSeconds).toFixed(0),
            '',
          ],
        ],
      ),
    );
    console.log(
      `\nCutline/ExifTool: ${ratio.toFixed(1)}×   catalog: ${mb(catalogBytes)} for ${first.imported} photos\n`,
    );
    console.log(
      table(
        ['goal', 'measured', 'status'],
        [
          [
            `import ≥ ${GOAL_RATIO}× ExifTool's read rate`,
            `${ratio.toFixed(1)}×`,
            met(ratio >= GOAL_RATIO),
          ],
          [`peak memory < ${GOAL_PEAK_MB} MB`, mb(peak), met(peak < GOAL_PEAK_MB * MB)],
          [
            `re-import < ${GOAL_REIMPORT_S_PER_2000} s per 2,000 photos`,
            `${reimportPer2000.toFixed(2)} s per 2,000`,
            met(reimportPer2000 < GOAL_REIMPORT_S_PER_2000),
          ],
        ],
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function averageFileSize(folder: string): number {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.jpg'),
  );
  const bytes = files.reduce((sum, f) => sum + statSync(join(folder, f)).size, 0);
  return files.length > 0 ? bytes / files.length : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
