import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ReadJobResult, readForImport } from './read-job';

/** Reads files for import, several at a time. */
export interface ReadPool {
  /** How many reads to keep in flight to keep the pool busy. */
  readonly capacity: number;
  read(path: string): Promise<ReadJobResult>;
  /** Starts the workers now instead of at the first read (each takes ≈0.5 s to load). */
  warmUp(): void;
  close(): Promise<void>;
}

/**
 * A pool of worker threads, one per core by default. Falls back to reading in-process when
 * no worker script can be found (e.g. a bundle that left it out), so import still works.
 */
export function createReadPool(workers = availableParallelism()): ReadPool {
  const entry = workers > 0 ? findWorkerEntry() : null;
  return entry ? new WorkerReadPool(entry, workers) : new InProcessReadPool();
}

class InProcessReadPool implements ReadPool {
  readonly capacity = 8;
  read(path: string): Promise<ReadJobResult> {
    return readForImport(path);
  }
  warmUp(): void {}
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
  /** Reads sent to this worker and not yet answered, by request id. */
  inFlight: Map<number, string>;
}

class WorkerReadPool implements ReadPool {
  readonly capacity: number;
  private readonly workers: PoolWorker[] = [];
  private readonly waiting = new Map<number, (result: ReadJobResult) => void>();
  private nextId = 1;

  constructor(
    private readonly entry: WorkerEntry,
    private readonly count: number,
  ) {
    // Enough reads queued per worker that it never idles while the catalog thread stores a
    // batch (≈30 ms per 200 photos).
    this.capacity = count * 16;
  }

  /** Workers start on first use: an import that finds nothing new never pays for them. */
  warmUp(): void {
    while (this.workers.length < this.count) this.workers.push(this.spawn());
  }

  private spawn(): PoolWorker {
    const worker: PoolWorker = {
      thread: new Worker(this.entry.file, { workerData: this.entry.workerData }),
      inFlight: new Map(),
    };
    worker.thread.on('message', (message: { id: number; result: ReadJobResult }) => {
      worker.inFlight.delete(message.id);
      if (worker.inFlight.size === 0) worker.thread.unref();
      this.settle(message.id, message.result);
    });
    // A worker that dies (a crash in a native decoder) fails only the files it held, and is
    // replaced, so one poisonous file cannot stop an import.
    worker.thread.on('error', (error) => {
      for (const [id, path] of worker.inFlight) {
        this.settle(id, {
          ok: false,
          path,
          reason: `the reader crashed on this file: ${error.message}`,
        });
      }
      worker.inFlight.clear();
      const index = this.workers.indexOf(worker);
      if (index >= 0) this.workers[index] = this.spawn();
    });
    // An idle pool must not keep the process alive; a busy one must (see read()).
    worker.thread.unref();
    return worker;
  }

  read(path: string): Promise<ReadJobResult> {
    this.warmUp();
    const id = this.nextId++;
    const worker = this.workers.reduce((least, w) =>
      w.inFlight.size < least.inFlight.size ? w : least,
    );
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.inFlight.set(id, path);
      worker.thread.ref();
      worker.thread.postMessage({ id, path });
    });
  }

  private settle(id: number, result: ReadJobResult): void {
    this.waiting.get(id)?.(result);
    this.waiting.delete(id);
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.thread.terminate()));
  }
}
