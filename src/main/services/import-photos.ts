import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ImportProgress, ImportSummary } from '../../shared/model';
import type { CatalogDb } from '../catalog/catalog-db';
import { DeskRepo } from '../catalog/desk-repo';
import {
  addProblem,
  addRunPhotos,
  clearProblems,
  finishRun,
  type RunCounts,
  startRun,
  updateRunCounts,
} from '../catalog/import-runs-repo';
import { refreshPlannerStatistics } from '../catalog/open-catalog';
import { type PhotosRepo, photosRepoOf, type ThumbnailToMake } from '../catalog/photos-repo';
import { deskRelativePath } from '../desk/desk-path';
import { fsPath } from '../metadata/raw-path';
import { type ScannedImage, type ScanResult, scanPaths } from './folder-scan';
import { ReadFeed } from './read-feed';
import type { ImportFile, ImportRead } from './read-job';
import { createReadPool, type ReadPool } from './read-pool';
import type { RunningRenderers } from './running-renderers';
import { getSettings } from './settings';
import { THIS_PROCESS } from './this-process';
import { ThumbnailRenderer } from './thumbnail-renderer';

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** A pool to reuse; by default one is made for this import and closed after it. */
  pool?: ReadPool;
  /** Called with the run id as soon as the run is recorded. */
  onStart?: (runId: number) => void;
  /** Called after each stored batch with the ids of the photos new to the catalog. */
  onNewPhotos?: (ids: number[]) => void;
  /**
   * Thumbnails that must be rendered (no embedded one): 'wait' (the default) renders them on
   * every core as the photos are stored, and the import ends when they are; 'later' leaves
   * them to `cutline thumbnails` or the app.
   */
  thumbnails?: 'wait' | 'later';
  /** Called after each stored batch of rendered thumbnails with their photos' ids. */
  onThumbnails?: (ids: number[]) => void;
  /** Where the import's thumbnail queue can be found, to render the cells on screen first. */
  renderers?: RunningRenderers;
}

/** How many read results are stored per transaction: large enough to be fast, small enough
 * that a crash loses little and the catalog is never locked for long. */
const BATCH = 200;
/**
 * The batch once the last files are being read: what is read after the last flush is stored
 * after the last read, while nothing else runs (200 photos took ≈50 ms at the end of every
 * import), so the end is stored in smaller steps as it comes.
 */
const LAST_BATCH = 25;
/**
 * The first batches grow from one photo, doubling (1, 2, 4 … 128, then BATCH): the first
 * screenful is in the catalog, the grid and the thumbnail queue at once, not after a first
 * full batch or its 250 ms. A stripped import's second thumbnail started 0.37 s after its
 * first photo was stored, waiting for the second flush. The seven small transactions more
 * did not show in the whole command's time (2,000 photos, alternating with the code before).
 */
const FIRST_BATCH = 1;
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
  given: readonly string[],
  pool: ReadPool,
  options: ImportOptions,
): Promise<ImportSummary> {
  // Absolute, without trailing separators: the run's roots are what photos gone missing are
  // looked for under.
  const paths = given.map((path) => resolve(path));
  const repo = photosRepoOf(db);
  // The user's trust list, read at each import so a change applies to the next one.
  pool.setTrustAnchors(getSettings(db).c2paTrustAnchors);
  // Linked to a desk: the photos under its root are published by their image-data digest,
  // taken as the workers read them (the catalog thread hashing 2,000 files again to publish
  // them took ≈6 s). A catalog on no desk asks for none and pays nothing.
  const desk = new DeskRepo(db);
  const deskRoot = desk.link()?.root ?? null;
  const digestWanted = (path: string) =>
    deskRoot !== null && deskRelativePath(deskRoot, path) !== null;
  const runId = startRun(db, paths, THIS_PROCESS);
  options.onStart?.(runId);
  const counts: RunCounts = { imported: 0, updated: 0, unchanged: 0, failed: 0 };
  const failed: ImportSummary['failed'] = [];
  const damaged: ImportSummary['damaged'] = [];
  const started = performance.now();
  let done = 0;
  let currentFile = '';
  let lastProgress = 0;

  const renderLater = options.thumbnails === 'later';
  // Made on the first photo that needs one: most imports (photos with EXIF thumbnails) never do.
  let renderer: ThumbnailRenderer | null = null;
  const renderThumbnails = (photos: ThumbnailToMake[]) => {
    renderer ??= new ThumbnailRenderer(db, {
      signal: options.signal,
      onStored: options.onThumbnails,
      running: options.renderers,
      onProgress: () => report(total === null ? 'scanning' : 'reading', total ?? 0),
    });
    renderer.add(photos);
  };
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
      thumbnailsTotal: renderer?.counts.total ?? 0,
      thumbnailsDone: renderer?.counts.done ?? 0,
    });
  };

  const recordFailure = (path: string, reason: string) => {
    counts.failed++;
    failed.push({ path, reason });
    addProblem(db, runId, path, reason);
  };
  // The photos this run found, recorded with each transaction that finds them.
  let found: number[] = [];
  const recordFound = () => {
    addRunPhotos(db, runId, found);
    found = [];
  };
  let queue: ImportRead[] = [];
  const flush = () => {
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    // Cancelled: what was read but not yet stored is dropped, so the import stops at once
    // (reading now overlaps the scan, and a batch could be hundreds of photos).
    if (options.signal?.aborted) return;
    const added: number[] = [];
    db.transaction(() => {
      for (const result of batch) {
        const id = storeResult(result);
        if (id !== null) added.push(id);
      }
      recordFound();
      updateRunCounts(db, runId, counts);
    })();
    if (added.length > 0) options.onNewPhotos?.(added);
    if (toRender.length > 0) renderThumbnails(toRender.splice(0));
  };
  /** Photos just stored whose thumbnail is to be rendered. */
  const toRender: ThumbnailToMake[] = [];
  // The first photo read is stored at once: it is searchable, and in the grid, within a
  // fraction of a second of the start; the rest go in batches, growing (FIRST_BATCH).
  let lastFlush = Number.NEGATIVE_INFINITY;
  let batchSize = FIRST_BATCH;
  // Until the scan ends the total is unknown: progress says "scanning" meanwhile.
  let total: number | null = null;
  const feed = new ReadFeed(pool, options.signal, (result, image) => {
    queue.push(result);
    done++;
    currentFile = image.path;
    const ending = total !== null && total - done < BATCH;
    const size = ending ? Math.min(batchSize, LAST_BATCH) : batchSize;
    if (queue.length >= size || performance.now() - lastFlush > 250) {
      flush();
      lastFlush = performance.now();
      batchSize = Math.min(batchSize * 2, BATCH);
    }
    if (total === null) report('scanning', 0);
    else report('reading', total);
  });

  // Files already in the catalog and untouched since are counted, not read; the others are
  // read as soon as the scan finds them.
  const seen = new Set<string>();
  const scanned = new Map<string, ScannedImage>();
  const triage = db.transaction((images: ScannedImage[]) => {
    const toRead: (ScannedImage & Pick<ImportFile, 'imageDigest'>)[] = [];
    for (const image of images) {
      seen.add(image.path);
      scanned.set(image.path, image);
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
        found.push(known.id);
      } else {
        toRead.push(digestWanted(image.path) ? { ...image, imageDigest: true } : image);
      }
    }
    recordFound();
    return toRead;
  });

  /** Stores one read file; answers the id of a photo new to the catalog, else null. */
  function storeResult(result: ImportRead): number | null {
    if (!result.ok) {
      recordFailure(result.path, result.reason);
      return null;
    }
    const image = scanned.get(result.path);
    if (!image) return null;
    const known = repo.findByPath(result.path);
    if (!known) {
      // Same content under a path that is gone: the photo was moved or renamed.
      const moved = repo
        .findByFingerprint(result.fingerprint)
        .find((candidate) => !existsSync(fsPath(candidate.path)));
      if (moved) {
        repo.move(moved.id, result.path, basename(result.path), image.mtimeMs);
        found.push(moved.id);
        counts.updated++;
        clearProblems(db, result.path);
        return null;
      }
    }
    const id = repo.saveRows(result.rows, known?.id ?? null);
    found.push(id);
    if (result.imageDigest !== undefined) {
      desk.setDigest(id, result.fingerprint, result.imageDigest);
    }
    if (result.renderThumbnail && !renderLater) {
      const { orientation, width, height } = result.rows.photo;
      toRender.push({ id, path: result.path, orientation, width, height });
    }
    if (known) counts.updated++;
    else counts.imported++;
    clearProblems(db, result.path);
    // A damaged picture whose caption still reads is kept, and listed as a problem too.
    if (result.damage) {
      damaged.push({ path: result.path, reason: result.damage });
      addProblem(db, runId, result.path, `${result.damage}; its metadata was imported`);
    }
    return known ? null : id;
  }

  report('scanning', 0, true);
  let scan: ScanResult;
  try {
    scan = await scanPaths(paths, options.signal, (images) => feed.add(triage(images)));
  } finally {
    feed.close();
  }
  total = scan.images.length;
  db.transaction(() => {
    for (const problem of scan.failed) recordFailure(problem.path, problem.reason);
  })();
  report('reading', total, true);
  await feed.done;
  flush();
  // The import ends with its thumbnails made (a catalog failure storing them ends it too).
  await (renderer as ThumbnailRenderer | null)?.finished();

  const cancelled = options.signal?.aborted ?? false;
  if (!cancelled) markMissing(db, repo, paths, seen);
  finishRun(db, runId, cancelled ? 'cancelled' : 'done', counts);
  refreshPlannerStatistics(db);
  report(cancelled ? 'cancelled' : 'done', total, true);
  return {
    runId,
    found: scan.images.length + scan.failed.length + scan.skipped.length,
    imported: counts.imported,
    updated: counts.updated,
    unchanged: counts.unchanged,
    failed,
    damaged,
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
        if (!seen.has(photo.path) && !existsSync(fsPath(photo.path))) {
          repo.setFileState(photo.id, 'missing');
        }
      }
    }
  })();
}
