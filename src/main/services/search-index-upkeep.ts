/**
 * Keeps the search index tidy in idle time. Edits and imports add index segments without
 * merging them (migration 0007: merging inside each write doubled the time of a batch edit);
 * a few seconds after the library last changed, this merges them in small slices so that the
 * window stays responsive and searches stay fast.
 */
import type { CatalogDb } from '../catalog/catalog-db';
import { mergeSearchIndex } from '../catalog/search-index-repo';
import type { EventBus } from './event-bus';
import { isCatalogFailure } from './failure-message';

const QUIET_MS = 2000;
const PAGES_PER_SLICE = 64;
const MAX_SLICES = 10_000;

export class SearchIndexUpkeep {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly db: CatalogDb,
    events: EventBus,
  ) {
    events.subscribe((event) => {
      if (event === 'library:changed' || event === 'photos:changed') this.schedule();
    });
    // A previous session may have ended before it tidied up.
    this.schedule();
  }

  /** Runs the merge soon after the library stops changing. */
  schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.slice(0), QUIET_MS);
    this.timer.unref?.();
  }

  /** Merges everything now (tests and benchmarks measure a tidy index). */
  mergeAll(): void {
    for (let i = 0; i < MAX_SLICES && mergeSearchIndex(this.db, PAGES_PER_SLICE); i++);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private slice(done: number): void {
    this.timer = null;
    if (this.closed || done >= MAX_SLICES) return;
    let more = false;
    try {
      more = mergeSearchIndex(this.db, PAGES_PER_SLICE);
    } catch (error) {
      // Busy (another writer), a full disk, closed: try again later rather than fail
      // anything. Troubles of the catalog itself are the running command's to report.
      if (!isCatalogFailure(error)) console.warn('[cutline] search index merge put off:', error);
      this.schedule();
      return;
    }
    if (more) {
      this.timer = setTimeout(() => this.slice(done + 1), 0);
      this.timer.unref?.();
    }
  }
}
