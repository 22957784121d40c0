/**
 * The one way the renderer reaches the services: `window.cutline` when the Electron preload
 * exposed it, otherwise the same `CutlineApi` built over the loopback HTTP bridge.
 */
import { withBridgeKey } from '../../../shared/bridge-key';
import { buildApi } from '../../../shared/build-api';
import type { CutlineApi } from '../../../shared/contract';
import {
  MEDIA_HTTP_PREFIX,
  MEDIA_SCHEME,
  previewPath,
  thumbnailPath,
} from '../../../shared/media-url';
import { bridgeKey, createEventStream, httpInvoke } from './http-transport';

let client: CutlineApi | null = null;

/** Returns the window's API client, creating the HTTP one on first use. */
export function getCutline(): CutlineApi {
  if (client === null) {
    client =
      window.cutline ?? buildApi((name, input) => httpInvoke(name, input), createEventStream());
  }
  return client;
}

/**
 * The URL of a photo's large preview for the transport this window is on: Electron's
 * `cutline-media:` scheme, or the bridge's `/media/` path. `version` changes the URL when
 * the file may have changed (the server revalidates with an ETag anyway).
 */
export function previewUrl(id: number, version: string | number): string {
  return mediaUrl(previewPath(id), version);
}

/** The URL of a photo's grid thumbnail, on the same transport as `previewUrl`. */
export function thumbnailUrl(id: number, version: string | number): string {
  return mediaUrl(thumbnailPath(id), version);
}

function mediaUrl(path: string, version: string | number): string {
  const versioned = `${path}?v=${encodeURIComponent(String(version))}`;
  if (window.cutline) return `${MEDIA_SCHEME}://${versioned}`;
  // <img> cannot send a header: the bridge's images carry the page's key in the query.
  return withBridgeKey(`${MEDIA_HTTP_PREFIX}${versioned}`, bridgeKey());
}
