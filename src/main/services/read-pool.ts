import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { reportError } from '../logging/error-sink';
import { heavyGateMemory, releaseIfHeldBy } from '../metadata/heavy-read-gate';
import type { C2paOptions } from '../metadata/read-c2pa';
import { decodedByLibheif } from '../metadata/supported-formats';
import {
  type ImportWorkerData,
  LOADED,
  type ReadReply,
  type ReadRequest,
  type ThumbnailRequest,
  WARMED_UP,
  type WorkerRequest,
} from '../workers/import-worker-messages';
import type { ImportFile, ImportRead } from './read-job';
import type { ThumbnailJob, ThumbnailRead } from './thumbnail-job';

/** How long close() waits for the reads in flight before it stops the workers anyway. */
const CLOSE_WAIT_MS = 10_000;

/** Reads files for import, several at a time. */
export interface ReadPool {
  /** How many reads to keep in flight to keep the pool busy. */
  readonly capacity: number;
  /** Worker threads it reads with (0: it reads on the calling thread). */
  readonly threads: number;
  read(file: ImportFile): Promise<ImportRead>;
  /**
   * Renders one thumbnail from its picture in a worker, never on the calling thread (unlike
   * read(), which reads the first files here while a worker loads): for the pictures libheif-js
   * decodes in WebAssembly, 10–75 ms each during which the calling thread could answer nothing.
   * A worker that crashes on it fails this photo alone.
   */
  thumbnail(job: ThumbnailJob): Promise<ThumbnailRead>;
  /** The trust list (PEM; '' for none) the Content Credentials of later reads are checked against. */
  setTrustAnchors(pem: string): void;
  /**
   * Starts the workers now instead of at the first read (each takes ≈0.5 s to load, then
   * warms its reading code up); settles when they are ready. The app calls it when the
   * window opens and does not wait.
   */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

/** How a pool reads, beyond how many threads it reads with. */
export interface ReadPoolOptions {
  /**
   * false: Content Credentials are not read (every photo imports without them). Only
   * bench:import sets it, to time the import with C2PA reading off against on.
   */
  readC2pa?: boolean;
  /**
   * false: a worker does not warm its reading code up on the photo held in memory while it
   * waits for files (warm-up.ts). `cutline import` starts its worker before it has any file,
   * and warming up there only spent CPU beside the thread loading the services: a folder of
   * one photo took 0.49 s of CPU against 0.26 s, and a large import's files warm the code up
   * as well as the photo does.
   */
  warmUp?: boolean;
  /**
   * true: each worker reads the queued files ahead from its first file on, as it does on its
   * own once its files come from the disk (read-ahead.ts). Only tests set it, to run that
   * path on files in the page cache.
   */
  alwaysReadAhead?: boolean;
}

/**
 * A pool of worker threads, one per core but one by default: the thread that stores the
 * results into the catalog keeps a core busy too (≈0.3 ms a photo against ≈0.35 ms to read
 * it). On 2 cores a second worker made the import slower, not faster: 1,400 against 1,600
 * photos/s, with a third more CPU spent (each worker compiles the same reading code, and
 * three busy threads crowd two cores). Falls back to reading in-process when no worker
 * script can be found (e.g. a bundle that left it out), so import still works.
 */
export function createReadPool(
  workers = Math.max(1, availableParallelism() - 1),
  options: ReadPoolOptions = {},
): ReadPool {
  const entry = workers > 0 ? findWorkerEntry() : null;
  const readC2pa = options.readC2pa ?? true;
  return entry
    ? new WorkerReadPool(
        entry,
        workers,
        readC2pa,
        options.warmUp ?? true,
        options.alwaysReadAhead === true,
      )
    : new InProcessReadPool(readC2pa);
}

class InProcessReadPool implements ReadPool {
  readonly capacity = 8;
  readonly threads = 0;
  private trustAnchors = '';
  constructor(private readonly readC2pa: boolean) {}
  read(file: ImportFile): Promise<ImportRead> {
    return readInProcess(file, { trustAnchors: this.trustAnchors, read: this.readC2pa });
  }
  /** Without a worker script (a bundle that left it out) there is only this thread. */
  async thumbnail(job: ThumbnailJob): Promise<ThumbnailRead> {
    const { renderThumbnailJob } = await import('./thumbnail-job');
    return renderThumbnailJob(job);
  }
  setTrustAnchors(pem: string): void {
    this.trustAnchors = pem;
  }
  async warmUp(): Promise<void> {}
  async close(): Promise<void> {}
}

interface WorkerEntry {
  file: string;
  workerData?: { devEntry: string };
}

/** The worker script beside this bundle (built) or the TypeScript source run through tsx. */
function findWorkerEntry(): WorkerEntry | null {
  const override = process.env.CUTLINE_IMPORT_WORKER;
  if (override) return { file: override };
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return {
      file: fileURLToPath(new URL('../workers/dev-boot.mjs', here)),
      workerData: { devEntry: new URL('../workers/import-worker.ts', here).href },
    };
  }
  for (const candidate of ['./import-worker.js', '../import-worker.js']) {
    const file = fileURLToPath(new URL(candidate, here));
    if (existsSync(file)) return { file };
  }
  return null;
}

interface PoolWorker {
  thread: Worker;
  /** Settles when the worker has warmed up (or died trying). */
  ready: Promise<void>;
  /** Requests sent to this worker and not yet answered, by request id, oldest first. */
  inFlight: Map<number, WorkerRequest>;
}

class WorkerReadPool implements ReadPool {
  readonly capacity: number;
  readonly threads: number;
  private readonly workers: PoolWorker[] = [];
  private readonly waiting = new Map<number, (result: ReadReply['result']) => void>();
  /** Told when the last read in flight is answered (close() waits for that). */
  private onDrained: (() => void)[] = [];
  private nextId = 1;
  /** Set once a file has been read on this thread (the pool's first file is read here). */
  private readHere = false;
  /** Set once a worker has loaded: until then files are read in-process. */
  private anyLoaded = false;
  /** Set when close() begins: from then on no worker is unreferenced. */
  private closed = false;
  /** Reads running on this thread while the workers load. */
  private inProcess = 0;
  /** The user's trust list, given to every worker (a new one too) before its reads. */
  private trustAnchors = '';

  constructor(
    private readonly entry: WorkerEntry,
    private readonly count: number,
    private readonly readC2pa: boolean,
    private readonly warmsUp: boolean,
    private readonly alwaysReadAhead: boolean,
  ) {
    this.threads = count;
    // Enough reads queued per worker that it never idles while the catalog thread stores a
    // batch (40–60 ms per 200 photos, while a worker reads a photo in 0.25–0.45 ms): with 16
    // a worker sat idle through most of every batch. A queued read is only a path, and a
    // result waiting to be stored ≈15 KB.
    this.capacity = count * 256;
  }

  setTrustAnchors(pem: string): void {
    if (pem === this.trustAnchors) return;
    this.trustAnchors = pem;
    for (const worker of this.workers) worker.thread.postMessage({ trustAnchors: pem });
  }

  /** Workers start on first use: an import that finds nothing new never pays for them. */
  warmUp(): Promise<void> {
    while (this.workers.length < this.count) this.workers.push(this.spawn());
    return Promise.all(this.workers.map((worker) => worker.ready)).then(() => {});
  }

  private spawn(): PoolWorker {
    // Every worker shares the main thread's heavy-read gate (heavy-read-gate.ts).
    const workerData: ImportWorkerData = {
      ...this.entry.workerData,
      heavyGate: heavyGateMemory(),
      readC2pa: this.readC2pa,
      warmUp: this.warmsUp,
      alwaysReadAhead: this.alwaysReadAhead,
    };
    const thread = new Worker(this.entry.file, { workerData });
    // Posted before any read, so a replacement worker checks against the same list.
    if (this.trustAnchors) thread.postMessage({ trustAnchors: this.trustAnchors });
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => {
      markReady = resolve;
    });
    const worker: PoolWorker = { thread, ready, inFlight: new Map() };
    worker.thread.on('message', (reply: ReadReply | typeof WARMED_UP | typeof LOADED) => {
      if (reply === LOADED) {
        this.anyLoaded = true;
        return;
      }
      if (reply === WARMED_UP) {
        this.anyLoaded = true;
        markReady();
        this.unrefIfIdle(worker);
        return;
      }
      worker.inFlight.delete(reply.id);
      this.unrefIfIdle(worker);
      this.settle(reply.id, reply.result);
    });
    let crash: Error | null = null;
    worker.thread.on('error', (error) => {
      // Logged; the user sees it as the file's import problem, so no notice too.
      reportError('an import reader thread', error, { notify: false });
      crash = error;
    });
    // Its id, for the heavy-read gate: a thread that has ended no longer has one.
    const threadId = thread.threadId;
    // Acted on at 'exit', not at 'error': 'error' can come before answers the worker sent
    // before it died, and by 'exit' they have all been delivered.
    thread.once('exit', (code) => {
      markReady();
      const why = crash ? `crashed on this file: ${crash.message}` : `stopped (exit code ${code})`;
      this.replaceEnded(worker, threadId, `the reader ${why}`);
    });
    // An idle pool must not keep the process alive; a busy or warming one must (see read()):
    // the thread is unreferenced once it has warmed up and answered every read.
    return worker;
  }

  /**
   * A worker that died (a crash in a native decoder) or ended by itself fails only the file
   * it was reading: it reads in order and answers each file before the next, so that is the
   * oldest one unanswered. The others go to its replacement, so one poisonous file cannot
   * stop an import nor take the files queued behind it down with it. A worker close() ended
   * is not replaced. Either way it lets go of the heavy-read gate if it held it.
   */
  private replaceEnded(worker: PoolWorker, threadId: number, reason: string): void {
    releaseIfHeldBy(heavyGateMemory(), threadId);
    const index = this.workers.indexOf(worker);
    if (index < 0) return;
    const [culprit, ...rest] = worker.inFlight.values();
    worker.inFlight.clear();
    const replacement = this.spawn();
    this.workers[index] = replacement;
    if (culprit) this.settle(culprit.id, { ok: false, path: culprit.path, reason });
    for (const request of rest) this.send(replacement, request);
  }

  read(file: ImportFile): Promise<ImportRead> {
    void this.warmUp();
    const id = this.nextId++;
    // A worker takes ≈0.1–0.5 s to load: meanwhile this thread reads, one file at a time, so
    // a small import is done before a worker would have started (one photo took 1.9 s).
    // The pool's first file is read here even when a worker is there: it is in the catalog
    // (and the grid) without waiting for the worker's warm-up round or its cold first read.
    // A HEIC never is: its thumbnail is decoded in WebAssembly on the reading thread
    // (decodedByLibheif), and this thread answers the app's calls (the first also loads
    // libheif-js here: 40–70 ms of stall quiet, 0.1–0.7 s with the cores busy).
    if (
      (!this.anyLoaded || !this.readHere) &&
      this.inProcess === 0 &&
      !decodedByLibheif(file.path)
    ) {
      this.readHere = true;
      // Counted as waiting, so close() waits for it as for a worker's read.
      this.inProcess++;
      return new Promise((resolve) => {
        this.waiting.set(id, (result) => resolve(result as ImportRead));
        const c2pa: C2paOptions = { trustAnchors: this.trustAnchors, read: this.readC2pa };
        void readInProcess(file, c2pa).then((result) => {
          this.inProcess--;
          this.settle(id, result);
        });
      });
    }
    const request: ReadRequest = {
      id,
      path: file.path,
      sidecarPath: file.sidecarPath,
      mtimeMs: file.mtimeMs,
      sidecarMtimeMs: file.sidecarMtimeMs,
      imageDigest: file.imageDigest === true,
    };
    return new Promise((resolve) => {
      this.waiting.set(id, (result) => resolve(result as ImportRead));
      this.send(this.leastBusy(), request);
    });
  }

  thumbnail(job: ThumbnailJob): Promise<ThumbnailRead> {
    void this.warmUp();
    const { path, orientation, width, height } = job;
    const request: ThumbnailRequest = {
      id: this.nextId++,
      kind: 'thumbnail',
      path,
      orientation,
      width,
      height,
    };
    // Queued behind the reads a worker holds, even before it has loaded: the wait is the
    // calling thread's to spend on other work.
    return new Promise((resolve) => {
      this.waiting.set(request.id, (result) => resolve(result as ThumbnailRead));
      this.send(this.leastBusy(), request);
    });
  }

  /**
   * An idle worker must not keep the process alive; a busy or warming one must. Never once
   * close() has begun: a message the worker had sent before it was told to end (its
   * WARMED_UP, on a command that closed the pool as it started) arrived after terminate()
   * and let go of the thread, and the process ended with terminate() unsettled (`cutline
   * import` on a read-only catalog said "an internal wait was never answered" 1 time in 3).
   */
  private unrefIfIdle(worker: PoolWorker): void {
    if (worker.inFlight.size === 0 && !this.closed) worker.thread.unref();
  }

  private leastBusy(): PoolWorker {
    return this.workers.reduce((least, w) => (w.inFlight.size < least.inFlight.size ? w : least));
  }

  private send(worker: PoolWorker, request: WorkerRequest): void {
    worker.inFlight.set(request.id, request);
    worker.thread.ref();
    worker.thread.postMessage(request);
  }

  private settle(id: number, result: ReadReply['result']): void {
    this.waiting.get(id)?.(result);
    this.waiting.delete(id);
    if (this.waiting.size === 0) for (const drained of this.onDrained.splice(0)) drained();
  }

  async close(): Promise<void> {
    this.closed = true;
    // Reads may still be in flight when an import stopped early (a full disk): terminating a
    // worker in the middle of one left terminate() unsettled while nothing held the process,
    // which then exited 0 with nothing said. They are answered in milliseconds; the timer is
    // a bound for a read that hangs, and holds the process meanwhile.
    if (this.waiting.size > 0) {
      await new Promise<void>((resolve) => {
        const bound = setTimeout(resolve, CLOSE_WAIT_MS);
        this.onDrained.push(() => {
          clearTimeout(bound);
          resolve();
        });
      });
    }
    const workers = this.workers.splice(0);
    // Held while they end: an idle worker is unreferenced (unrefIfIdle), and terminate()'s
    // promise alone does not keep the process alive.
    for (const worker of workers) worker.thread.ref();
    await Promise.all(workers.map((w) => w.thread.terminate()));
  }
}

/**
 * Reads a file on the calling thread: the pool's first file, and any while no worker has
 * loaded (see read()). The reading code is loaded then, not with the pool: `cutline import`
 * creates its pool before it loads the services, so the load waits until the first file is
 * found instead of holding up the command's start-up.
 */
async function readInProcess(file: ImportFile, c2pa: C2paOptions): Promise<ImportRead> {
  try {
    const { readImportFile } = await import('./read-job');
    return await readImportFile(file, undefined, c2pa);
  } catch (error) {
    // readImportFile never throws; loading it can (a damaged install): the file fails, said why.
    return { ok: false, path: file.path, reason: `cannot be read here: ${String(error)}` };
  }
}
