import type { ThumbnailRenderer } from './thumbnail-renderer';

/**
 * The thumbnail renderers at work in this process (an import's, `cutline thumbnails`'), so
 * that the photos whose cells are on screen can be moved to the front of whichever queue
 * holds them. A renderer is counted in while it has work and out once it is idle.
 */
export class RunningRenderers {
  private readonly renderers = new Set<ThumbnailRenderer>();

  /** A renderer that has work queued. */
  join(renderer: ThumbnailRenderer): void {
    this.renderers.add(renderer);
  }

  /** A renderer that is idle (or stopped). */
  leave(renderer: ThumbnailRenderer): void {
    this.renderers.delete(renderer);
  }

  /**
   * Renders these photos next, in every queue that holds them; answers how many were
   * waiting (photos already rendered, being rendered or never queued are left alone).
   */
  prioritise(ids: readonly number[]): number {
    let moved = 0;
    for (const renderer of this.renderers) moved += renderer.prioritise(ids);
    return moved;
  }
}
