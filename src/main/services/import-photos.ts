import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fieldsOverIimLimit } from '../../shared/checks/iim-limits';
import type { ImportProgress, ImportSummary } from '../../shared/model';
import type { CatalogDb } from '../catalog/catalog-db';
import {
  addProblem,
  clearProblems,
  finishRun,
  type RunCounts,
  startRun,
  updateRunCounts,
} from '../catalog/import-runs-repo';
import { refreshPlannerStatistics } from '../catalog/open-catalog';
import { PhotosRepo, type PhotoWrite } from '../catalog/photos-repo';
import { type ScannedImage, scanPaths } from './folder-scan';
import type { ReadJobResult } from './read-job';
import { createReadPool, type ReadPool } from './read-pool';

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** A pool to reuse; by default one is made for this import and closed after it. */
  pool?: ReadPool;
  /** Called with the run id as soon as the run is recorded. */
  onStart?: (runId: number) => void;
}

/** How many read results are stored per transaction: large enough to be fast, small enough
 * that a crash loses little and the catalog is never locked for long. */
const BATCH = 200;
const PROGRESS_INTERVAL_MS = 100;

/**
 * Imports folders (recursively) and files into the catalog. Files whose size and
 * modification time are unchanged since the last import are not read again; a file whose
 * content is already in the catalog under a path that no longer exists is the same photo,
 * moved or renamed, and keeps its record. Every file that cannot be read is recorded as a
 * problem with a plain reason, and the rest of the import goes on.
 */
export async function importPaths(
  db: CatalogDb,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const pool = options.pool ?? createReadPool();
  try {
    return await importWithPool(db, paths, pool, options);
  } finally {
    if (!options.pool) await pool.close();
  }
}

async function importWithPool(
  db: CatalogDb,
  paths: readonly string[],
  pool: ReadPool,
  options: ImportOptions,
): Promise<ImportSummary> {
  const repo = new PhotosRepo(db);
  const runId = startRun(db, paths);
  options.onStart?.(runId);
  const counts: RunCounts = { imported: 0, updated: 0, unchanged: 0, failed: 0 };
  const failed: ImportSummary['failed'] = [];
  const started = performance.now();
  let done = 0;
  let currentFile = '';
  let lastProgress = 0;

  const report = (phase: ImportProgress['phase'], total: number, force = false) => {
    const now = performance.now();
    if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    const seconds = (now - started) / 1000;
    options.onProgress?.({
      runId,
      done,
      total,
      rate: seconds > 0 ? Math.round((done / seconds) * 10) / 10 : 0,
      currentFile,
      phase,
    });
  };

  report('scanning', 0, true);
  const scan = await scanPaths(paths, options.signal);
  const total = scan.images.length;
  const recordFailure = (path: string, reason: string) => {
    counts.failed++;
    failed.push({ path, reason });
    addProblem(db, runId, path, reason);
  };
  db.transaction(() => {
    for (const problem of scan.failed) recordFailure(problem.path, problem.reason);
  })();

  // Files already in the catalog and untouched since: counted, not read.
  const toRead: ScannedImage[] = [];
  const seen = new Set<string>();
  db.transaction(() => {
    for (const image of scan.images) {
      seen.add(image.path);
      const known = repo.findByPath(image.path);
      if (
        known &&
        known.byteSize === image.byteSize &&
        known.mtimeMs === image.mtimeMs &&
        known.sidecarPath === image.sidecarPath &&
        known.sidecarMtimeMs === image.sidecarMtimeMs
      ) {
        counts.unchanged++;
        done++;
        repo.setFileState(known.id, 'ok');
      } else {
        toRead.push(image);
      }
    }
  })();
  report('reading', total, true);

  let queue: ReadJobResult[] = [];
  const flush = () => {
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    db.transaction(() => {
      for (const result of batch) storeResult(result);
      updateRunCounts(db, runId, counts);
    })();
  };
  const scanned = new Map(scan.images.map((image) => [image.path, image]));

  function storeResult(result: ReadJobResult): void {
    if (!result.ok) {
      recordFailure(result.path, result.reason);
      return;
    }
    const image = scanned.get(result.path);
    if (!image) return;
    const known = repo.findByPath(result.path);
    if (!known) {
      // Same content under a path that is gone: the photo was moved or renamed.
      const moved = repo
        .findByFingerprint(result.identity.fingerprint)
        .find((candidate) => !existsSync(candidate.path));
      if (moved) {
        repo.move(moved.id, result.path, basename(result.path), image.mtimeMs);
        counts.updated++;
        clearProblems(db, result.path);
        return;
      }
    }
    repo.save(toPhotoWrite(result, image), known?.id ?? null);
    if (known) counts.updated++;
    else counts.imported++;
    clearProblems(db, result.path);
    // A damaged picture whose caption still reads is kept, and listed as a problem too.
    if (result.read.damage) {
      addProblem(db, runId, result.path, `${result.read.damage}; its metadata was imported`);
    }
  }

  const inFlight = new Set<Promise<void>>();
  let lastFlush = performance.now();
  for (const image of toRead) {
    if (options.signal?.aborted) break;
    const job = pool.read(image.path).then((result) => {
      queue.push(result);
      done++;
      currentFile = image.path;
    });
    const tracked = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= pool.capacity) await Promise.race(inFlight);
    if (queue.length >= BATCH || performance.now() - lastFlush > 250) {
      flush();
      lastFlush = performance.now();
    }
    report('reading', total);
  }
  await Promise.all(inFlight);
  flush();

  const cancelled = options.signal?.aborted ?? false;
  if (!cancelled) markMissing(db, repo, paths, seen);
  finishRun(db, runId, cancelled ? 'cancelled' : 'done', counts);
  refreshPlannerStatistics(db);
  report(cancelled ? 'cancelled' : 'done', total, true);
  return {
    runId,
    imported: counts.imported,
    updated: counts.updated,
    unchanged: counts.unchanged,
    failed,
    skipped: scan.skipped,
    cancelled,
  };
}

/** Photos under an imported folder that the scan no longer found are marked missing. */
function markMissing(
  db: CatalogDb,
  repo: PhotosRepo,
  roots: readonly string[],
  seen: Set<string>,
): void {
  db.transaction(() => {
    for (const root of roots) {
      for (const photo of repo.listUnder(root)) {
        if (!seen.has(photo.path) && !existsSync(photo.path)) {
          repo.setFileState(photo.id, 'missing');
        }
      }
    }
  })();
}

function toPhotoWrite(
  result: Extract<ReadJobResult, { ok: true }>,
  image: ScannedImage,
): PhotoWrite {
  const { read } = result;
  return {
    path: result.path,
    fileName: basename(result.path),
    byteSize: result.identity.byteSize,
    mtimeMs: image.mtimeMs,
    fingerprint: result.identity.fingerprint,
    sidecarPath: image.sidecarPath,
    sidecarMtimeMs: image.sidecarMtimeMs,
    technical: read.technical,
    fields: read.fields,
    origins: read.origins,
    copiesDisagree: Object.values(read.origins).some((origin) => origin?.disagree),
    overIimLimit: fieldsOverIimLimit(read.fields).length > 0,
    thumbnail: result.thumbnail,
  };
}
