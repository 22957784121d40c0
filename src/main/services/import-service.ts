import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImportRunInfo } from '../../shared/contract';
import type { ImportProgress, ImportSummary } from '../../shared/model';
import { CutlineError } from '../../shared/result';
import type { CatalogDb } from '../catalog/catalog-db';
import { getRun, markInterruptedRuns } from '../catalog/import-runs-repo';
import { fsPath } from '../metadata/raw-path';
import type { EventBus } from './event-bus';
import { describeFsError } from './fs-errors';
import { importPaths } from './import-photos';
import { createReadPool, type ReadPool } from './read-pool';
import type { RunningRenderers } from './running-renderers';
import { ownerIsGone } from './this-process';

/**
 * Least time between two announcements that an import changed the library: from the first
 * one it starts at FIRST_CHANGE_INTERVAL_MS and doubles up to this.
 */
const LIBRARY_CHANGE_INTERVAL_MS = 1_000;
/**
 * The wait after the first announcement. With a whole second there, the first thumbnail
 * rendered for a stripped import, in the catalog 0.2 s after the click, reached the grid
 * only with the second announcement, 1.2 s after it.
 */
const FIRST_CHANGE_INTERVAL_MS = 100;

interface RunningImport {
  runId: number | null;
  controller: AbortController;
  progress: ImportProgress | null;
}

/**
 * Runs imports one after another for the app, the bridge and the watcher: a second request
 * waits for the first instead of racing it for the catalog. Owns one long-lived read pool.
 */
export class ImportService {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly running = new Set<RunningImport>();
  private pool: ReadPool | null = null;
  /** Runs after an import with the photos it added (the import template is applied here). */
  onImported: ((ids: number[]) => void) | null = null;

  constructor(
    private readonly db: CatalogDb,
    private readonly events: EventBus,
    private readonly workers?: number,
    /** Where imports' thumbnail queues are found (`thumbnails:prioritise`). */
    private readonly renderers?: RunningRenderers,
    /** A pool started before the services (`cutline import`); owned from now on. */
    pool?: ReadPool,
  ) {
    this.pool = pool ?? null;
    // Runs left "running" by a crash or a quit are marked, so they can be resumed; not those
    // another process is running now.
    markInterruptedRuns(db, ownerIsGone);
  }

  /** Starts the read workers ahead of the first import, so it does not wait for them. */
  warmUp(): void {
    void this.readPool().warmUp();
  }

  /**
   * Queues an import; resolves with its run id once the run is recorded, and `done` with the
   * summary. `reason` tells listeners what caused it.
   */
  async start(
    paths: readonly string[],
    reason: 'import' | 'watch' = 'import',
    thumbnails: 'wait' | 'later' = 'wait',
  ): Promise<{ runId: number; done: Promise<ImportSummary> }> {
    await refuseWhenNothingIsThere(paths);
    const job: RunningImport = { runId: null, controller: new AbortController(), progress: null };
    let announce: (runId: number) => void = () => {};
    const started = new Promise<number>((resolve) => {
      announce = resolve;
    });
    const done = this.chain.then(async () => {
      this.running.add(job);
      const changed = throttledLibraryChange(() => this.events.emit('library:changed', { reason }));
      try {
        const added: number[] = [];
        const summary = await importPaths(this.db, paths, {
          thumbnails,
          renderers: this.renderers,
          onThumbnails: changed.now,
          onNewPhotos: (ids) => {
            added.push(...ids);
            changed.now();
          },
          signal: job.controller.signal,
          pool: this.readPool(),
          onStart: (runId) => {
            job.runId = runId;
            announce(runId);
          },
          onProgress: (progress) => {
            job.progress = progress;
            this.events.emit('import:progress', progress);
          },
        });
        if (added.length > 0) this.onImported?.(added);
        this.events.emit('import:finished', summary);
        this.events.emit('library:changed', { reason });
        return summary;
      } finally {
        // The end was announced above (or the import failed): no change is left pending.
        changed.cancel();
        this.running.delete(job);
      }
    });
    this.chain = done.catch(() => undefined);
    // A failure before the run is recorded (e.g. the catalog is locked) must not hang callers.
    const runId = await Promise.race([started, done.then((s) => s.runId)]);
    return { runId, done };
  }

  /** Cancels a queued or running import; what it already stored stays, consistently. */
  cancel(runId: number): boolean {
    for (const job of this.running) {
      if (job.runId === runId) {
        job.controller.abort();
        return true;
      }
    }
    return false;
  }

  /** Resumes an interrupted or cancelled run: files already stored are skipped quickly. */
  async resume(runId: number): Promise<{ runId: number; done: Promise<ImportSummary> }> {
    const run = getRun(this.db, runId);
    if (!run) throw new CutlineError('not-found', `There is no import run ${runId}.`);
    return this.start(run.roots);
  }

  /** What a run recorded: its state and the counts of every batch stored so far. */
  run(runId: number): ImportRunInfo | undefined {
    return getRun(this.db, runId);
  }

  /** Progress of the import running now, or null. */
  status(): ImportProgress | null {
    for (const job of this.running) return job.progress;
    return null;
  }

  /**
   * The long-lived read pool, made on first use (its workers start on their first file):
   * the thumbnail pass renders HEICs in it too (ThumbnailService).
   */
  readPool(): ReadPool {
    this.pool ??= createReadPool(this.workers);
    return this.pool;
  }

  /** Cancels the running and queued imports and waits until none touches the catalog. */
  async stop(): Promise<void> {
    for (const job of this.running) job.controller.abort();
    await this.chain;
  }

  /** `stop()`, then ends the read workers. */
  async close(): Promise<void> {
    await this.stop();
    await this.pool?.close();
    this.pool = null;
  }
}

/**
 * The grid and search follow an import as it stores photos and their thumbnails: the first
 * change is announced at once, the next ones after 0.1 s, 0.2 s, 0.4 s, 0.8 s, then at most
 * once a second (each announcement has the app reload what it shows), and a change that came
 * in between is announced at the end of that wait, so the last photos or thumbnails of a
 * burst never wait for the import's end. Exported for its test.
 */
export function throttledLibraryChange(announce: () => void): {
  now: () => void;
  cancel: () => void;
} {
  let last = Number.NEGATIVE_INFINITY;
  let interval = FIRST_CHANGE_INTERVAL_MS;
  let timer: NodeJS.Timeout | null = null;
  const fire = () => {
    timer = null;
    if (last !== Number.NEGATIVE_INFINITY) {
      interval = Math.min(interval * 2, LIBRARY_CHANGE_INTERVAL_MS);
    }
    last = performance.now();
    announce();
  };
  return {
    now() {
      if (timer) return;
      const wait = last + interval - performance.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * Fails at once, with the paths and why, when not one of the given paths can be looked at:
 * otherwise the import waited for its read workers and showed "Scanning 0" for seconds before
 * reporting it had found nothing. Some paths missing among others are reported by the scan
 * as failed, and the rest is imported.
 */
async function refuseWhenNothingIsThere(paths: readonly string[]): Promise<void> {
  if (paths.length === 0)
    throw new CutlineError('invalid-input', 'No file or folder to import was given.');
  const problems: string[] = [];
  for (const path of paths) {
    try {
      await stat(fsPath(resolve(path)));
      return;
    } catch (error) {
      problems.push(`${path}: ${describeFsError(error)}`);
    }
  }
  throw new CutlineError('not-found', `Nothing to import: ${problems.join('; ')}.`);
}
