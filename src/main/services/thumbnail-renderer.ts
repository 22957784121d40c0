import { availableParallelism } from 'node:os';
import type { CatalogDb } from '../catalog/catalog-db';
import { photosRepoOf, type ThumbnailToMake } from '../catalog/photos-repo';
import { setLibvipsThreads } from '../lazy-packages';
import type { Thumbnail } from '../metadata/read-result';
import { decodedByLibheif } from '../metadata/supported-formats';
import type { RunningRenderers } from './running-renderers';
import { renderThumbnailJob, type ThumbnailJob, type ThumbnailRead } from './thumbnail-job';

/** How often rendered thumbnails are stored, in one transaction, and announced. */
const STORE_INTERVAL_MS = 150;

/** What rendering thumbnails has done so far. */
export interface RenderCounts {
  /** Thumbnails asked for. */
  total: number;
  /** Thumbnails finished (made or not). */
  done: number;
  /** Of those, the ones that could not be made. */
  failed: number;
}

/**
 * Renders the thumbnails of photos without an embedded one, after their metadata is in the
 * catalog, with every core: libvips decodes each JPEG with shrink-on-load (a 3000×2000
 * picture is decoded at an eighth of its size) on one thread of the libuv pool, and one
 * picture more is rendered at once than there are cores (as many as the pool allows: four
 * unless UV_THREADPOOL_SIZE says otherwise). libvips' own threads are set to one on
 * purpose: one picture decoded by several threads spent its time waiting on the serial JPEG
 * decoder, while one core sat idle (34 photos/s on 2 cores against over 100 this way).
 * Runs on the thread that owns the catalog: the work itself is off it, in libvips, or in a
 * read worker for a HEIC (`offThread`), whose decoding in WebAssembly would hold this
 * thread for its whole 10–75 ms: in the app that thread answers every call and request.
 */
export class ThumbnailRenderer {
  readonly counts: RenderCounts = { total: 0, done: 0, failed: 0 };
  private readonly queue: ThumbnailToMake[] = [];
  private readonly made: { id: number; thumbnail: Thumbnail }[] = [];
  private readonly parallel: number;
  private active = 0;
  private storeTimer: NodeJS.Timeout | null = null;
  private idle: (() => void)[] = [];
  private failure: unknown = null;
  private storedAny = false;

  constructor(
    private readonly db: CatalogDb,
    private readonly options: {
      signal?: AbortSignal;
      /** After each stored batch, with the photos that got their thumbnail. */
      onStored?: (ids: number[]) => void;
      /** After each thumbnail finished. */
      onProgress?: (counts: RenderCounts) => void;
      /** Where this renderer is found while it has work, to put the cells on screen first. */
      running?: RunningRenderers;
      /**
       * Renders a thumbnail on another thread (a read worker: ReadPool.thumbnail), for the
       * pictures whose decoding would run on this one (decodedByLibheif). Without it
       * they are rendered here.
       */
      offThread?: (job: ThumbnailJob) => Promise<ThumbnailRead>;
      /** Told of each photo whose thumbnail could not be made, and why (one line). */
      onFailed?: (path: string, reason: string) => void;
    } = {},
  ) {
    // One more render than there are cores: a render is not all CPU (it reads its file, and
    // its libuv thread waits on libvips' decoding thread), and one per core left cores idle
    // in between. 600 photos without EXIF thumbnails, alternating on 2 cores: 5.56 s median
    // with 3 at once against 5.79 s with 2, 2,000: 17.7–18.9 s against 19.2–20.1 s; over an
    // sshfs share, 15.1–16.0 s against 16.2–18.1 s. No more than the libuv pool has threads
    // (UV_THREADPOOL_SIZE, four unless set before the process starts): more would only queue.
    const poolThreads = Number(process.env.UV_THREADPOOL_SIZE) || 4;
    this.parallel = Math.max(1, Math.min(availableParallelism() + 1, poolThreads));
    setLibvipsThreads(1);
  }

  /** Queues photos to render; they start at once while there are cores free. */
  add(photos: readonly ThumbnailToMake[]): void {
    this.counts.total += photos.length;
    this.queue.push(...photos);
    this.options.running?.join(this);
    this.pump();
  }

  /**
   * Moves these photos to the front of the queue (the cells on screen), ahead of any moved
   * there before; answers how many of them were waiting.
   */
  prioritise(ids: readonly number[]): number {
    const wanted = new Set(ids);
    const first = this.queue.filter((photo) => wanted.has(photo.id));
    if (first.length === 0) return 0;
    const rest = this.queue.filter((photo) => !wanted.has(photo.id));
    this.queue.splice(0, this.queue.length, ...first, ...rest);
    return first.length;
  }

  /** Settles when everything queued is rendered and stored (or cancelled); rejects with a
   * catalog error that stopped storing. */
  async finished(): Promise<RenderCounts> {
    if (this.active > 0 || (this.queue.length > 0 && !this.stopped())) {
      await new Promise<void>((resolve) => this.idle.push(resolve));
    }
    this.store();
    if (this.failure) throw this.failure;
    return this.counts;
  }

  private stopped(): boolean {
    return this.options.signal?.aborted === true || this.failure !== null;
  }

  private pump(): void {
    while (!this.stopped() && this.active < this.parallel && this.queue.length > 0) {
      const photo = this.queue.shift()!;
      this.active++;
      void this.render(photo);
    }
    if (this.active === 0 && (this.queue.length === 0 || this.stopped())) {
      this.options.running?.leave(this);
      for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  private async render(photo: ThumbnailToMake): Promise<void> {
    const { offThread } = this.options;
    const result = await (offThread && decodedByLibheif(photo.path)
      ? offThread(photo)
      : renderThumbnailJob(photo)
    ).catch(
      (error: unknown): ThumbnailRead => ({ ok: false, path: photo.path, reason: String(error) }),
    );
    this.active--;
    this.counts.done++;
    if (result.ok) this.made.push({ id: photo.id, thumbnail: result.thumbnail });
    else {
      this.counts.failed++;
      this.options.onFailed?.(photo.path, result.reason);
    }
    // The first one is stored at once: the grid shows it without waiting out the interval.
    this.storeTimer ??= setTimeout(() => this.store(), this.storedAny ? STORE_INTERVAL_MS : 0);
    this.options.onProgress?.(this.counts);
    this.pump();
  }

  /** Stores what was rendered since the last time, in one transaction. */
  private store(): void {
    if (this.storeTimer) clearTimeout(this.storeTimer);
    this.storeTimer = null;
    if (this.made.length === 0 || this.failure) return;
    const batch = this.made.splice(0);
    const repo = photosRepoOf(this.db);
    try {
      this.db.transaction(() => {
        for (const { id, thumbnail } of batch) repo.saveThumbnail(id, thumbnail);
      })();
    } catch (error) {
      // A full disk or a locked catalog: rendering stops, and `finished` says why.
      this.failure = error;
      this.pump();
      return;
    }
    this.storedAny = true;
    this.options.onStored?.(batch.map((entry) => entry.id));
  }
}
