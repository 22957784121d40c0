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
  async close(): Promise<void> {}
}

interface WorkerEntry {
  file: string;
  execArgv: string[];
}

/** The worker script beside this bundle (built) or the TypeScript source run through tsx. */
function findWorkerEntry(): WorkerEntry | null {
  const override = process.env.CUTLINE_IMPORT_WORKER;
  if (override) return { file: override, execArgv: [] };
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return {
      file: fileURLToPath(new URL('../workers/import-worker.ts', here)),
      execArgv: ['--import', 'tsx'],
    };
  }
  for (const candidate of ['./import-worker.js', '../import-worker.js']) {
    const file = fileURLToPath(new URL(candidate, here));
    if (existsSync(file)) return { file, execArgv: [] };
  }
  return null;
}

class WorkerReadPool implements ReadPool {
  readonly capacity: number;
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, (result: ReadJobResult) => void>();
  private readonly pathOf = new Map<number, string>();
  private readonly load: number[] = [];
  private nextId = 1;

  constructor(entry: WorkerEntry, count: number) {
    // Two reads in flight per worker hide the I/O wait between files.
    this.capacity = count * 2;
    for (let i = 0; i < count; i++) {
      const worker = new Worker(entry.file, { execArgv: entry.execArgv });
      worker.on('message', (message: { id: number; result: ReadJobResult }) => {
        this.load[i] = (this.load[i] ?? 1) - 1;
        this.settle(message.id, message.result);
      });
      worker.on('error', (error) => this.failAll(i, error));
      worker.unref();
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  read(path: string): Promise<ReadJobResult> {
    const id = this.nextId++;
    let index = 0;
    for (let i = 1; i < this.load.length; i++) {
      if ((this.load[i] ?? 0) < (this.load[index] ?? 0)) index = i;
    }
    this.load[index] = (this.load[index] ?? 0) + 1;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.pathOf.set(id, path);
      this.workers[index]?.postMessage({ id, path, worker: index });
    });
  }

  private settle(id: number, result: ReadJobResult): void {
    this.pending.get(id)?.(result);
    this.pending.delete(id);
    this.pathOf.delete(id);
  }

  /** A worker that dies (a crash in a native decoder) fails its files, not the import. */
  private failAll(_worker: number, error: Error): void {
    for (const [id, path] of this.pathOf) {
      this.settle(id, { ok: false, path, reason: `reader crashed: ${error.message}` });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
