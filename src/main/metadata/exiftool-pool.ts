import { availableParallelism } from 'node:os';
import type { ExifTool } from 'exiftool-vendored';
import { exiftoolClass } from '../lazy-packages';

/**
 * The one long-lived ExifTool pool of the process. Starting a perl ExifTool costs ≈0.3 s,
 * so every write (and every read-back check that needs ExifTool) goes through these
 * `-stay_open` processes. exiftool-vendored's default is a quarter of the cores; a write
 * batch keeps every core busy, so the pool is sized to the cores.
 */
let shared: ExifTool | null = null;

/** The shared pool, started on first use. */
export function exiftoolPool(): ExifTool {
  shared ??= new (exiftoolClass())({
    maxProcs: Math.max(1, availableParallelism()),
    taskTimeoutMillis: 60_000,
    // exiftool-vendored restarts each process after 500 tasks (a guard against leaks in long
    // reads); a restart costs ≈0.4 s of a core, paid twice in every 1,000 photos written.
    // Writing captions keeps a process's memory flat, so it is restarted far less often.
    maxTasksPerProcess: 10_000,
    // Cutline names every group itself (IPTC:, XMP-dc:, IFD0:) and never relies on MWG's
    // composite tags, which write IIM only where it already exists.
    useMWG: false,
    // batch-cluster starts one process at a time, 1.5 s apart, against spawn storms. The pool
    // is as small as the cores, and a write batch needs every process at once: the second
    // one started 1.5 s into the batch and wrote a tenth fewer photos per second.
    minDelayBetweenSpawnMillis: 0,
  });
  return shared;
}

/**
 * Starts every process of the pool ahead of the first write (the app does so when its window
 * opens), so that the write does not wait ≈0.3 s for each.
 */
export async function startExiftoolProcesses(): Promise<void> {
  const pool = exiftoolPool();
  await Promise.all(Array.from({ length: pool.options.maxProcs }, () => pool.version()));
}

/** How many ExifTool processes the pool may run at once. */
export function exiftoolPoolSize(): number {
  return exiftoolPool().options.maxProcs;
}

/** Ends the pool's processes (on quit, at the end of a CLI command); the next use restarts it. */
export async function endExiftoolPool(): Promise<void> {
  const pool = shared;
  shared = null;
  if (pool) await pool.end();
}
