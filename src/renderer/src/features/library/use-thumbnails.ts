/**
 * Thumbnails for the grid and the details panel: plain image URLs on the media transport
 * (`cutline-media://thumbnail/12` in Electron, `/media/thumbnail/12` over the bridge), so
 * the browser loads, caches and drops them like any image and no JPEG crosses the contract
 * as base64. The URL changes with `libraryVersion`, after which the server answers 304 for
 * thumbnails that did not change.
 */
import { useCallback, useMemo } from 'react';
import { thumbnailUrl } from '../../client/cutline-client';

/** What the grid and panels read thumbnails from. */
export interface Thumbnails {
  /** The URL of a photo's thumbnail; only for photos that have one (`hasThumbnail`). */
  url: (id: number) => string;
}

export function useThumbnails(libraryVersion: number): Thumbnails {
  const url = useCallback((id: number) => thumbnailUrl(id, libraryVersion), [libraryVersion]);
  return useMemo(() => ({ url }), [url]);
}
