/**
 * `node bin/cutline.js import DIR` timed as a person runs it, process start included: its
 * wall time, its peak memory (the process's rss, worker threads included, sampled from
 * /proc), and when its first photo could be found in the catalog (polled read-only).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../bin/cutline.js', import.meta.url));
const SAMPLE_MS = 20;

type Database = {
  prepare(sql: string): { get(): unknown };
  close(): void;
};
const BetterSqlite = createRequire(import.meta.url)('better-sqlite3') as new (
  file: string,
  options: { readonly: boolean; fileMustExist: boolean },
) => Database;

/** A process's rss now, from /proc (null: not Linux, or the process has just ended). */
export function rssOf(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return Number.isFinite(kb) ? kb * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * CPU seconds (user + system, every thread) a process has used so far, from /proc (null: not
 * Linux, or the process has just ended). Ticks are 1/100 s on Linux.
 */
export function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export interface WholeCommandRun {
  seconds: number;
  /** CPU seconds of the command, as last sampled (within 20 ms of its end); null: unknown. */
  cpuSeconds: number | null;
  /** Seconds from the spawn to the first photo in the catalog (null: never seen). */
  firstPhotoSeconds: number | null;
  peakRss: number | null;
  imported: number;
}

/** Runs the command once into `catalogFile` (a fresh path) and measures it. */
export function wholeCommandRun(
  folder: string,
  catalogFile: string,
  extra: string[] = [],
): Promise<WholeCommandRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [CLI, 'import', folder, '--db', catalogFile, '--json', ...extra],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let peakRss: number | null = null;
    let cpuSeconds: number | null = null;
    let firstPhotoSeconds: number | null = null;
    let db: Database | null = null;
    const timer = setInterval(() => {
      const rss = rssOf(child.pid);
      if (rss !== null) peakRss = Math.max(peakRss ?? 0, rss);
      cpuSeconds = cpuSecondsOf(child.pid) ?? cpuSeconds;
      if (firstPhotoSeconds !== null) return;
      try {
        if (!db && existsSync(catalogFile)) {
          db = new BetterSqlite(catalogFile, { readonly: true, fileMustExist: true });
        }
        if (db?.prepare('SELECT 1 FROM photos LIMIT 1').get()) {
          firstPhotoSeconds = (performance.now() - started) / 1000;
        }
      } catch {
        // The catalog is being made (no table yet) or locked for a moment: try again.
      }
    }, SAMPLE_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      (db as Database | null)?.close();
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(new Error(`cutline import exited with ${code}: ${stderr.slice(0, 500)}`));
        return;
      }
      const summary = JSON.parse(stdout) as { imported: number };
      resolve({ seconds, cpuSeconds, firstPhotoSeconds, peakRss, imported: summary.imported });
    });
  });
}
