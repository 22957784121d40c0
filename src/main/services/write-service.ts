/**
 * Write-back for the app, the bridge and the CLI: a persistent queue of photos to write,
 * worked through by as many concurrent writes as the ExifTool pool has processes, with
 * progress events, cancel, and the conflicts found on the way. A batch cut short by a crash
 * or a quit stays in the queue and `resume()` finishes it.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { FieldChanges } from '../../shared/edits';
import type { CaptionField, FieldValue } from '../../shared/model';
import { type ProvenanceSummary, writeBreaksCredentials } from '../../shared/provenance';
import { CutlineError } from '../../shared/result';
import type {
  ConflictChoice,
  CredentialWarning,
  WriteConflict,
  WriteProgress,
  WriteRequest,
  WriteSummary,
} from '../../shared/write-back';
import type { CatalogDb } from '../catalog/catalog-db';
import type { CredentialedPhoto } from '../catalog/provenance-repo';
import type { WriteQueueRepo } from '../catalog/write-queue-repo';
import { exiftoolPool, exiftoolPoolSize, startExiftoolProcesses } from '../metadata/exiftool-pool';
import { writeReaders } from '../metadata/safe-write';
import type { EditService } from './edits';
import type { EventBus } from './event-bus';
import { PhotoWriteLocks } from './photo-write-locks';
import { rereadPhoto } from './reread-photo';
import { getSettings } from './settings';
import {
  type PhotoWriteJob,
  type PhotoWriteOutcome,
  RAW_FORMATS,
  writePhotos,
} from './write-photo';
import { writeReposOf } from './write-repos';

const PROGRESS_INTERVAL_MS = 100;
/**
 * Photos a writer takes from the queue at a time: those that get the same tags share one
 * ExifTool command (write-photo.ts). More share the command's cost more widely (eight took
 * ExifTool's time per photo down by a third; sixteen gained nothing more); fewer keep progress
 * finer.
 */
const PHOTOS_PER_TURN = 8;
const WRITERS_PER_PROCESS = 2;
/** How soon photos another process is writing are looked at again. */
const LOCKED_RETRY_MS = 200;

/**
 * How many photos a batch writes at once: two writers per ExifTool process, so that while one
 * waits on ExifTool, the other checks its read-backs, flushes them to disk and stores the
 * re-reads, and no ExifTool process waits on Node.
 */
export function writerCount(): number {
  return exiftoolPoolSize() * WRITERS_PER_PROCESS;
}

interface RunningBatch {
  batchId: number;
  controller: AbortController;
  pending: PhotoWriteJob[];
  /** Photos another process is writing now: looked at again once `pending` is empty. */
  waiting: PhotoWriteJob[];
  inBatch: Set<number>;
  progress: WriteProgress;
  summary: WriteSummary;
  done: Promise<WriteSummary>;
}

/**
 * Write locks shared with other machines (the desk's, desk-sync.ts): taken after this
 * catalog's own locks, so one member of a desk at a time writes a given file.
 */
export interface SharedWriteLocks {
  /** Takes the locks; answers the photos refused, each with the reason to show. */
  claimWrites(photoIds: readonly number[]): Promise<Map<number, string>>;
  /**
   * Asked just before a photo's file is replaced: null while its lock is still held (or it
   * needed none), else why it must not be written now (the lock was lost with the desk's
   * connection). Then the photo fails with that reason and its edits stay unwritten.
   */
  confirmWrite(photoId: number): Promise<string | null>;
  /** Gives the locks back, telling the others of the files written. */
  releaseWrites(photoIds: readonly number[], written: readonly number[]): Promise<void>;
}

/** What the UI's status bar shows: photos with changes not in their files, and conflicts. */
export interface WriteOverview {
  unwritten: number;
  conflicts: number;
  queued: number;
  running: WriteProgress | null;
  /** Photos with unwritten changes whose files' Content Credentials a write would break. */
  credentials: CredentialWarning[];
}

/** How many credential warnings the overview lists (the status bar shows the count). */
const OVERVIEW_CREDENTIALS = 1000;

export class WriteService {
  private readonly queue: WriteQueueRepo;
  private readonly locks: PhotoWriteLocks;
  private running: RunningBatch | null = null;
  private nextBatchId = 1;
  private shared: SharedWriteLocks | null = null;

  constructor(
    private readonly db: CatalogDb,
    private readonly events: EventBus,
    private readonly editor: EditService,
  ) {
    this.queue = writeReposOf(db).queue;
    this.locks = new PhotoWriteLocks(writeReposOf(db).locks);
  }

  /**
   * Queues photos and starts writing them (or adds them to the batch already running);
   * answers at once with the batch and how many photos it now holds.
   */
  start(request: WriteRequest): { batchId: number; queued: number } {
    // In one transaction: another process that writes a photo between the two steps would
    // find it queued again here after it had left the queue, and it would be written twice.
    this.db.transaction(() => {
      const ids = new Set(request.ids);
      if (request.allChanged) for (const id of this.queue.photosWithUnwritten()) ids.add(id);
      this.queue.enqueue([...ids], request.sidecar);
    })();
    const batch = this.running ?? this.startBatch();
    for (const job of this.queue.queued()) {
      if (batch.inBatch.has(job.photoId)) continue;
      batch.inBatch.add(job.photoId);
      batch.pending.push(job);
      batch.progress.total++;
    }
    return { batchId: batch.batchId, queued: batch.progress.total - batch.progress.done };
  }

  /** Writes take these locks too (the desk's), besides the catalog's own. */
  shareLocks(locks: SharedWriteLocks): void {
    this.shared = locks;
  }

  /** Queues photos and waits for the batch to end (the CLI, tests, the benchmark). */
  async write(
    request: WriteRequest,
    onProgress?: (progress: WriteProgress) => void,
  ): Promise<WriteSummary> {
    const unsubscribe = onProgress
      ? this.events.subscribe((event, payload) => {
          if (event === 'write:progress') onProgress(payload as WriteProgress);
        })
      : () => {};
    try {
      this.start(request);
      // start() always leaves a batch running until its queue is empty.
      return await (this.running as RunningBatch).done;
    } finally {
      unsubscribe();
    }
  }

  /** Starts the ExifTool processes ahead of the first write, so it does not wait for them. */
  warmUp(): void {
    startExiftoolProcesses().catch(() => {
      // Without ExifTool every write says why, photo by photo; nothing to report before.
    });
  }

  /** Finishes a batch left in the queue by a crash or a quit; null when there is none. */
  resume(): { batchId: number; queued: number } | null {
    if (this.queue.queueSize() === 0) return null;
    return this.start({ ids: [], allChanged: false, sidecar: false });
  }

  /** Stops after the files being written now; the rest of the batch leaves the queue. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.controller.abort();
    return true;
  }

  status(): WriteProgress | null {
    return this.running ? { ...this.running.progress } : null;
  }

  overview(): WriteOverview {
    return {
      unwritten: this.queue.unwrittenCount(),
      conflicts: this.queue.conflictCount(),
      queued: this.queue.queueSize(),
      running: this.status(),
      credentials: credentialWarningsOf(
        writeReposOf(this.db).provenance.credentialedUnwritten(OVERVIEW_CREDENTIALS),
        false,
      ),
    };
  }

  /**
   * Before a write: the files it would write into that carry Content Credentials, which the
   * write will break (their hash binding covers the metadata). Sidecar writes leave files be.
   */
  credentialWarnings(request: WriteRequest): CredentialWarning[] {
    const { provenance, queue } = writeReposOf(this.db);
    const ids = new Set(request.ids);
    if (request.allChanged) for (const id of queue.photosWithUnwritten()) ids.add(id);
    return credentialWarningsOf(provenance.credentialedAmong([...ids]), request.sidecar);
  }

  conflicts(limit = 1000): WriteConflict[] {
    return this.queue.conflicts(limit).map(({ fileFingerprint: _, ...conflict }) => conflict);
  }

  /**
   * Settles a conflict: for each field keep Cutline's value ("mine") or take the file's. The
   * file is read again (so the catalog knows what it now holds), the file's values chosen
   * become Cutline's as one undoable edit, and what is left to write is queued and written.
   */
  async resolve(
    photoId: number,
    choice: ConflictChoice | Partial<Record<CaptionField, ConflictChoice>>,
  ): Promise<{ written: boolean; queued: boolean }> {
    const conflict = this.queue.conflict(photoId);
    if (!conflict) throw new CutlineError('not-found', 'That photo has no conflict to settle.');
    const { edits } = writeReposOf(this.db);
    const takeFile: Partial<Record<CaptionField, FieldValue>> = {};
    for (const [field, values] of Object.entries(conflict.fields) as [
      CaptionField,
      { file: FieldValue; cutline: FieldValue },
    ][]) {
      const chosen = typeof choice === 'string' ? choice : (choice[field] ?? 'mine');
      if (chosen === 'file') takeFile[field] = values.file;
      // Cutline's value must survive the re-read below even where it was never an edit.
      else edits.markUnwritten(photoId, field, values.file);
    }
    if (Object.keys(takeFile).length > 0) {
      this.editor.setFields([photoId], takeFile as FieldChanges, {
        label: 'Take the file’s values',
      });
    }
    await rereadPhoto(this.db, photoId, conflict.path);
    this.queue.dropConflict(photoId);
    this.events.emit('photos:changed', { ids: [photoId] });
    if (Object.keys(edits.unwrittenOf(photoId)).length === 0)
      return { written: false, queued: false };
    const summary = await this.write({ ids: [photoId], allChanged: false, sidecar: false });
    return { written: summary.written > 0, queued: true };
  }

  /** Waits for the running batch (if any) to end its current files. */
  async close(): Promise<void> {
    const batch = this.running;
    if (!batch) return;
    // Quitting is not cancelling: what is left stays queued and resumes next time.
    batch.pending.length = 0;
    batch.waiting.length = 0;
    await batch.done.catch(() => undefined);
  }

  /** Records one photo's outcome: the queue, its conflict or failure, the batch's counts. */
  private settle(
    batch: RunningBatch,
    job: PhotoWriteJob,
    outcome: PhotoWriteOutcome,
    changed: number[],
  ): void {
    this.db.transaction(() => {
      this.queue.dequeue(job.photoId);
      if (outcome.kind === 'conflict') {
        this.queue.saveConflict(job.photoId, outcome.fingerprint, outcome.conflict.fields);
        // The file was edited elsewhere: the grid marks it and is:changed finds it until the
        // conflict is settled (settling re-reads the file, which sets it back to 'ok').
        writeReposOf(this.db).photos.setFileState(job.photoId, 'changed');
      } else {
        this.queue.dropConflict(job.photoId);
      }
      if (outcome.kind === 'failed') this.queue.saveFailure(job.photoId, outcome.reason);
      else this.queue.dropFailure(job.photoId);
    })();
    // Done with: asked for again while this batch runs, it is written again.
    batch.inBatch.delete(job.photoId);
    batch.progress.done++;
    if (outcome.kind === 'written') {
      batch.progress.written++;
      batch.summary.written++;
      for (const note of outcome.notes) batch.summary.notes.push({ path: outcome.path, note });
      changed.push(job.photoId);
    } else if (outcome.kind === 'conflict') {
      batch.progress.conflicts++;
      batch.summary.conflicts.push(outcome.conflict);
      changed.push(job.photoId);
    } else {
      batch.progress.failed++;
      batch.summary.failed.push({ path: outcome.path, reason: outcome.reason });
    }
    batch.progress.currentFile = outcome.kind === 'conflict' ? outcome.conflict.path : outcome.path;
  }

  /**
   * Takes the write locks of `jobs` and answers those this process may write now. A photo
   * another process is writing waits; one that another process wrote meanwhile (it left the
   * queue) is done with, and counted neither written nor failed here.
   */
  private lockJobs(batch: RunningBatch, jobs: readonly PhotoWriteJob[]): PhotoWriteJob[] {
    const held = this.locks.take(jobs.map((job) => job.photoId));
    const mine: PhotoWriteJob[] = [];
    for (const job of jobs) {
      if (!held.has(job.photoId)) {
        batch.waiting.push(job);
      } else if (!this.queue.isQueued(job.photoId)) {
        this.locks.release([job.photoId]);
        batch.inBatch.delete(job.photoId);
        batch.progress.done++;
      } else {
        mine.push(job);
      }
    }
    return mine;
  }

  /**
   * Takes the shared locks of jobs this process holds; answers those it may write. A photo
   * another machine is writing is settled as failed with the reason (its edits stay
   * unwritten, to be written again).
   */
  private async claimShared(
    batch: RunningBatch,
    jobs: PhotoWriteJob[],
    changed: number[],
  ): Promise<PhotoWriteJob[]> {
    if (!this.shared) return jobs;
    const refused = await this.shared.claimWrites(jobs.map((job) => job.photoId));
    if (refused.size === 0) return jobs;
    const photos = writeReposOf(this.db).photos;
    for (const job of jobs) {
      const reason = refused.get(job.photoId);
      if (reason === undefined) continue;
      const path = photos.detail(job.photoId)?.record.path ?? `photo ${job.photoId}`;
      this.settle(batch, job, { kind: 'failed', path, reason }, changed);
      this.locks.release([job.photoId]);
    }
    return jobs.filter((job) => !refused.has(job.photoId));
  }

  private startBatch(): RunningBatch {
    const batchId = this.nextBatchId++;
    const batch: RunningBatch = {
      batchId,
      controller: new AbortController(),
      pending: [],
      waiting: [],
      inBatch: new Set(),
      progress: {
        batchId,
        done: 0,
        total: 0,
        rate: 0,
        written: 0,
        conflicts: 0,
        failed: 0,
        currentFile: '',
        phase: 'writing',
      },
      summary: { batchId, written: 0, conflicts: [], failed: [], notes: [], cancelled: false },
      done: Promise.resolve(null as unknown as WriteSummary),
    };
    this.running = batch;
    batch.done = this.runBatch(batch).finally(() => {
      this.running = null;
    });
    return batch;
  }

  private async runBatch(batch: RunningBatch): Promise<WriteSummary> {
    // Let start() fill the batch before the workers look at it.
    await Promise.resolve();
    const exiftool = exiftoolPool();
    const settings = getSettings(this.db);
    const started = performance.now();
    let lastReport = 0;
    let changed: number[] = [];
    const report = (force = false) => {
      const now = performance.now();
      if (!force && now - lastReport < PROGRESS_INTERVAL_MS) return;
      lastReport = now;
      const seconds = (now - started) / 1000;
      batch.progress.rate = seconds > 0 ? Math.round((batch.progress.done / seconds) * 10) / 10 : 0;
      this.events.emit('write:progress', { ...batch.progress });
      if (changed.length > 0) {
        this.events.emit('photos:changed', { ids: changed });
        changed = [];
      }
    };
    const writers = writerCount();
    const worker = async () => {
      // Each writer reads files into buffers of its own, kept from one photo to the next.
      const buffers = writeReaders();
      for (;;) {
        if (batch.controller.signal.aborted) return;
        // A small batch (or the end of one) is shared out among the writers instead, so that
        // every ExifTool process has photos to write: each takes its share of what is left
        // to settle (those being written included, so the first writers do not take less).
        const left = batch.progress.total - batch.progress.done;
        const turn = Math.max(1, Math.min(PHOTOS_PER_TURN, Math.ceil(left / writers)));
        const taken = batch.pending.splice(0, turn);
        if (taken.length === 0) {
          if (batch.waiting.length === 0) return;
          // Only photos another process is writing are left: look again shortly.
          await delay(LOCKED_RETRY_MS);
          batch.pending.push(...batch.waiting.splice(0));
          continue;
        }
        const locked = this.lockJobs(batch, taken);
        if (locked.length === 0) continue;
        const jobs = await this.claimShared(batch, locked, changed);
        if (jobs.length === 0) {
          report();
          continue;
        }
        const written: number[] = [];
        const shared = this.shared;
        try {
          const outcomes = await writePhotos(
            this.db,
            exiftool,
            jobs,
            settings,
            buffers,
            batch.controller.signal,
            shared ? (photoId) => shared.confirmWrite(photoId) : undefined,
          );
          for (const [index, job] of jobs.entries()) {
            const outcome = outcomes[index];
            // No outcome: cancelled before it was put in place.
            if (outcome) this.settle(batch, job, outcome, changed);
            if (outcome?.kind === 'written') written.push(job.photoId);
          }
        } finally {
          const ids = jobs.map((job) => job.photoId);
          await this.shared?.releaseWrites(ids, written);
          this.locks.release(ids);
        }
        report();
      }
    };
    try {
      await Promise.all(Array.from({ length: writers }, worker));
    } finally {
      this.locks.releaseAll();
    }
    if (batch.controller.signal.aborted) {
      this.queue.clearQueue();
      batch.summary.cancelled = true;
    }
    batch.progress.phase = batch.summary.cancelled ? 'cancelled' : 'done';
    report(true);
    this.events.emit('write:finished', batch.summary);
    return batch.summary;
  }
}

/** Warnings for the photos given, but those whose metadata goes to a sidecar. */
function credentialWarningsOf(
  photos: readonly CredentialedPhoto[],
  sidecar: boolean,
): CredentialWarning[] {
  if (sidecar) return [];
  return photos
    .filter((photo) => !RAW_FORMATS.has(photo.format.toUpperCase()))
    .map((photo) => ({
      photoId: photo.id,
      path: photo.path,
      message: writeBreaksCredentials(JSON.parse(photo.provenance) as ProvenanceSummary),
    }));
}
