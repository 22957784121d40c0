/**
 * Worker-thread entry for import: reads files (identity, metadata, thumbnail) off the thread
 * that owns the catalog, so the UI and IPC stay responsive and every core is used. It also
 * renders the thumbnails a later pass decodes in WebAssembly (HEIC: thumbnail-renderer.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EndsBuffers, type FileEnds } from '../metadata/fingerprint';
import { shareHeavyGate } from '../metadata/heavy-read-gate';
import { importFile, readImportFile, readLoadedImport } from '../services/read-job';
import { renderThumbnailJob } from '../services/thumbnail-job';
import {
  type ImportWorkerData,
  LOADED,
  type ReadReply,
  type TrustAnchorsMessage,
  WARMED_UP,
  type WorkerRequest,
} from './import-worker-messages';
import { ReadAhead } from './read-ahead';
import { warmUpReader } from './warm-up';

const data = workerData as Partial<ImportWorkerData> | undefined;
if (data?.heavyGate) shareHeavyGate(data.heavyGate);
/** false only in bench:import's "C2PA off" runs (ReadPoolOptions.readC2pa). */
const readC2pa = data?.readC2pa ?? true;

const queue: WorkerRequest[] = [];
/** One file is read at a time (see drain), so its ends can always go into the same memory. */
const buffers = new EndsBuffers();
let draining = false;
/** Reads the queued files' ends ahead when they come from the disk (read-ahead.ts). */
const readAhead = new ReadAhead({ always: data?.alwaysReadAhead === true });
/** The trust list in force; a message changes it, in order with the reads it applies to. */
let trustAnchors = '';
parentPort?.postMessage(LOADED);
/** Started as soon as the worker is loaded; the first read waits for its current round. */
const warmedUp = (data?.warmUp === false ? Promise.resolve() : warmUpReader(() => queue.length > 0))
  .catch(() => {})
  .then(() => parentPort?.postMessage(WARMED_UP));

/**
 * Reads one file after another, in the order asked, and answers each before starting the
 * next: so when a file crashes the worker, the pool knows which one it was (the oldest
 * unanswered) and can hand the others to a new worker. Interleaving reads would only hold
 * more files' heads in memory at once.
 */
async function drain(): Promise<void> {
  draining = true;
  try {
    await warmedUp;
    for (let request = queue.shift(); request; request = queue.shift()) {
      const readingAhead = readAhead.ahead(queue);
      const file = 'kind' in request ? null : request;
      const early = file ? await readAhead.take(file.path) : null;
      const result = await answer(request, early?.ends);
      if (file && !early) readAhead.noteRead(file.path, buffers.lastReadMs);
      // Thumbnails own exactly their bytes (read-job.ts, sharp's output), so they move
      // instead of being copied.
      const thumbnail = !result.ok
        ? null
        : 'rows' in result
          ? result.rows.thumbnail
          : result.thumbnail;
      const transfer =
        thumbnail && thumbnail !== 'unchanged' ? [thumbnail.jpeg.buffer as ArrayBuffer] : [];
      parentPort?.postMessage({ id: request.id, result } satisfies ReadReply, transfer);
      // Its memory is read into again only once the answer has been copied out.
      if (early) readAhead.recycle(early);
      // Reads ahead advance only when the event loop turns, which awaiting a read that
      // never waited does not do.
      if (readingAhead) await new Promise(setImmediate);
    }
  } finally {
    draining = false;
  }
}

/**
 * A file read for import (from its ends when they were read ahead), or a thumbnail rendered
 * for a later pass.
 */
function answer(request: WorkerRequest, ends?: FileEnds): Promise<ReadReply['result']> {
  if ('kind' in request) return renderThumbnailJob(request);
  const file = importFile(
    request.path,
    request.sidecarPath,
    request.mtimeMs,
    request.sidecarMtimeMs,
    request.imageDigest === true,
  );
  const c2pa = { trustAnchors, read: readC2pa };
  return ends ? readLoadedImport(file, ends, c2pa) : readImportFile(file, buffers, c2pa);
}

parentPort?.on('message', (message: WorkerRequest | TrustAnchorsMessage) => {
  if (!('id' in message)) {
    // Reads already queued were asked for under the list in force when they were sent, but
    // an import sets the list before its first read, so none are queued across a change.
    trustAnchors = message.trustAnchors;
    return;
  }
  queue.push(message);
  if (!draining) void drain();
});
