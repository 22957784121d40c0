import type { ScannedImage } from './folder-scan';
import type { ImportRead } from './read-job';
import type { ReadPool } from './read-pool';

/**
 * Feeds images to a read pool as a folder scan finds them, keeping the pool full, and hands
 * each result to `onResult` as it arrives. Reading starts with the scan's first files instead
 * of after its last (the workers used to sit idle through the whole scan), and one counter
 * replaces racing the reads in flight (racing a set of hundreds of promises on every read
 * cost the catalog thread more than storing the photo).
 */
export class ReadFeed {
  /** Settles once `close()` was called and every image added has been read (or the import
   * was cancelled), or rejects with the first error `onResult` threw. */
  readonly done: Promise<void>;
  private readonly images: ScannedImage[] = [];
  private next = 0;
  private active = 0;
  private closed = false;
  private failed = false;
  private resolve: () => void = () => {};
  private reject: (error: unknown) => void = () => {};

  constructor(
    private readonly pool: ReadPool,
    private readonly signal: AbortSignal | undefined,
    private readonly onResult: (result: ImportRead, image: ScannedImage) => void,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Awaited only after the scan: an early failure must not count as unhandled meanwhile.
    this.done.catch(() => {});
  }

  /** Queues images to read. */
  add(images: readonly ScannedImage[]): void {
    for (const image of images) this.images.push(image);
    this.pump();
  }

  /** No more images will be added. */
  close(): void {
    this.closed = true;
    this.pump();
  }

  private pump(): void {
    const stopped = () => this.failed || this.signal?.aborted === true;
    while (!stopped() && this.active < this.pool.capacity && this.next < this.images.length) {
      const image = this.images[this.next++]!;
      this.active++;
      this.pool.read(image).then(
        (result) => this.settle(result, image),
        (error: unknown) => this.fail(error),
      );
    }
    if (this.closed && this.active === 0 && (stopped() || this.next >= this.images.length)) {
      this.resolve();
    }
  }

  private settle(result: ImportRead, image: ScannedImage): void {
    this.active--;
    if (this.failed) return;
    try {
      this.onResult(result, image);
    } catch (error) {
      // A catalog error (disk full, locked) ends the import; reads in flight are dropped.
      this.fail(error);
      return;
    }
    this.pump();
  }

  private fail(error: unknown): void {
    this.failed = true;
    this.reject(error);
  }
}
