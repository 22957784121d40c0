import type { CatalogDb } from '../catalog/catalog-db';
import { photosRepoOf, type ThumbnailToMake } from '../catalog/photos-repo';
import { reportError } from '../logging/error-sink';
import { canMakeMissingThumbnail, canRenderThumbnail } from '../metadata/thumbnail';
import type { EventBus } from './event-bus';
import type { ReadPool } from './read-pool';
import { RunningRenderers } from './running-renderers';
import { type RenderCounts, ThumbnailRenderer } from './thumbnail-renderer';

/**
 * Thumbnails made after an import: the ones `cutline import --thumbnails=later` left, or
 * that could not be made then. The grid is told as they are stored, and may ask for the
 * photos it shows to be rendered first, in an import's queue as in this one's.
 */
export class ThumbnailService {
  /** Every thumbnail queue at work in this process; imports add theirs. */
  readonly running = new RunningRenderers();
  private background: { controller: AbortController; done: Promise<unknown> } | null = null;

  constructor(
    private readonly db: CatalogDb,
    private readonly events: EventBus,
    /**
     * The read pool whose workers decode HEICs (the import's: ImportService.readPool), asked
     * for only when a HEIC is to be rendered. Without it they are decoded on this thread.
     */
    private readonly readers?: () => ReadPool,
  ) {}

  /**
   * Renders every thumbnail the catalog lacks that can be made (not a RAW without a preview,
   * not over the pixel limit, not a large HEIC without a thumbnail item), on every core;
   * HEICs are decoded by libheif-js in a read worker, as at import, so this thread stays free
   * to answer calls. Answers how many were made or not.
   * `onStored` hears the photos of each stored batch, in the order they were stored;
   * `onFailed` each photo whose thumbnail could not be made, and why.
   */
  async renderMissing(
    options: {
      signal?: AbortSignal;
      onStored?: (ids: number[]) => void;
      onFailed?: (path: string, reason: string) => void;
    } = {},
  ): Promise<RenderCounts> {
    const missing = photosRepoOf(this.db).withoutThumbnails();
    const readers = this.readers;
    const renderer = new ThumbnailRenderer(this.db, {
      signal: options.signal,
      running: this.running,
      offThread: readers && ((job) => readers().thumbnail(job)),
      onFailed: options.onFailed,
      onStored: (ids) => {
        options.onStored?.(ids);
        this.events.emit('library:changed', { reason: 'import' });
      },
    });
    // Queued at once (the grid may ask for its cells first right away); the HEICs, which
    // take a look into the file, after them.
    renderer.add(
      missing.filter((photo) => canRenderThumbnail(photo.path, photo.width, photo.height)),
    );
    const heics: ThumbnailToMake[] = [];
    for (const photo of missing) {
      if (options.signal?.aborted) break;
      if (canRenderThumbnail(photo.path, photo.width, photo.height)) continue;
      if (await canMakeMissingThumbnail(photo.path, photo.width, photo.height)) heics.push(photo);
    }
    renderer.add(heics);
    return renderer.finished();
  }

  /**
   * In a long-running process (the app, `cutline serve`): renders the thumbnails the catalog
   * lacks in the background, the cells on screen first, as `cutline import
   * --thumbnails=later` promises ("left to the app"). Usually there are none and this ends at
   * once. A failure is reported, not thrown; `close` stops it.
   */
  renderMissingInBackground(): void {
    if (this.background) return;
    const controller = new AbortController();
    const done = this.renderMissing({
      signal: controller.signal,
      // Logged: the cell keeps its placeholder, and the next start tries again.
      onFailed: (path, reason) =>
        reportError(`rendering the thumbnail of ${path}`, reason, { notify: false }),
    }).catch((error) => reportError('rendering missing thumbnails', error));
    this.background = { controller, done };
  }

  /** Stops background rendering, keeping what it stored; resolves once it has stopped. */
  async close(): Promise<void> {
    this.background?.controller.abort();
    await this.background?.done;
  }

  /**
   * Renders these photos' thumbnails next (the cells on screen), wherever they wait;
   * answers how many were waiting.
   */
  prioritise(ids: readonly number[]): number {
    return this.running.prioritise(ids);
  }
}
