import type { CatalogDb } from '../catalog/catalog-db';
import { photosRepoOf } from '../catalog/photos-repo';
import { canRenderThumbnail } from '../metadata/thumbnail';
import type { EventBus } from './event-bus';
import { type RenderCounts, ThumbnailRenderer } from './thumbnail-renderer';

/**
 * Thumbnails made after an import: the ones `cutline import --thumbnails=later` left, or
 * that could not be made then. The grid is told as they are stored.
 */
export class ThumbnailService {
  constructor(
    private readonly db: CatalogDb,
    private readonly events: EventBus,
  ) {}

  /**
   * Renders every thumbnail the catalog lacks that can be rendered (not a RAW without a
   * preview, not over the pixel limit), on every core; answers how many were made or not.
   */
  async renderMissing(signal?: AbortSignal): Promise<RenderCounts> {
    const missing = photosRepoOf(this.db)
      .withoutThumbnails()
      .filter((photo) => canRenderThumbnail(photo.path, photo.width, photo.height));
    const renderer = new ThumbnailRenderer(this.db, {
      signal,
      onStored: () => this.events.emit('library:changed', { reason: 'import' }),
    });
    renderer.add(missing);
    return renderer.finished();
  }
}
