/**
 * One file at a time, across every import worker, may do what costs tens or hundreds of
 * megabytes: read megabytes of metadata, or decode a picture of many megapixels. Cheap files
 * (nearly all of them) never wait; hostile or huge ones take turns, so that the import's
 * memory is that of one such file plus the cheap ones, whatever the number of workers
 * (issue 14: under 500 MB whatever the folder holds).
 *
 * The gate is one Int32 in a SharedArrayBuffer: 0 when free, else the holder's thread id + 1.
 * The read pool makes it and hands it to each worker (workerData); a worker that dies holding
 * it is released by the pool (`releaseIfHeldBy`). Waits are asynchronous (Atomics.waitAsync),
 * so reads running side by side on one thread (the in-process pool) cannot deadlock.
 */
import { threadId } from 'node:worker_threads';

/** Bytes of one file's metadata read, or pixels decoded, past which the work is heavy. */
export const HEAVY_READ_BYTES = 4 * 1024 * 1024;
export const HEAVY_DECODE_PIXELS = 50_000_000;

let cell = new Int32Array(new SharedArrayBuffer(4));

/** The gate's memory, to hand to a worker. */
export function heavyGateMemory(): SharedArrayBuffer {
  return cell.buffer as SharedArrayBuffer;
}

/** Makes this thread use the gate in `memory` (a worker, with its pool's). */
export function shareHeavyGate(memory: SharedArrayBuffer): void {
  cell = new Int32Array(memory);
}

type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeout: number,
) => { async: boolean; value: Promise<string> | string };

/** Waits for the gate and takes it; call the answer to let it go (once). */
export async function enterHeavy(): Promise<() => void> {
  const me = threadId + 1;
  const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
  for (;;) {
    const holder = Atomics.compareExchange(cell, 0, 0, me);
    if (holder === 0) break;
    // Polls too (1 s), in case a holder's release was missed.
    const waited = waitAsync(cell, 0, holder, 1000);
    if (waited.async) await waited.value;
  }
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    Atomics.store(cell, 0, 0);
    Atomics.notify(cell, 0);
  };
}

/** Runs `work` holding the gate when `heavy`, else at once. */
export async function heavyIf<T>(heavy: boolean, work: () => Promise<T>): Promise<T> {
  if (!heavy) return work();
  const leave = await enterHeavy();
  try {
    return await work();
  } finally {
    leave();
  }
}

/** Frees the gate if the thread `deadThreadId` held it (the pool, when a worker died). */
export function releaseIfHeldBy(memory: SharedArrayBuffer, deadThreadId: number): void {
  const shared = new Int32Array(memory);
  if (Atomics.compareExchange(shared, 0, deadThreadId + 1, 0) === deadThreadId + 1) {
    Atomics.notify(shared, 0);
  }
}
