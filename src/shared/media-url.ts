/**
 * Where the renderer finds a photo's thumbnail and large preview. Images do not travel as
 * base64 over the contract: the Electron shell answers a custom scheme and the loopback
 * bridge a plain GET, both with the same paths, `thumbnail/<photo id>` and
 * `preview/<photo id>`. Only an id crosses; the catalog is asked on the other side.
 */

/** The scheme the Electron shell registers (standard and secure, handled in main). */
export const MEDIA_SCHEME = 'cutline-media';

/** The bridge's path prefix for the same resources. */
export const MEDIA_HTTP_PREFIX = '/media/';

/** The kinds of image Cutline serves for a photo. */
export type MediaKind = 'thumbnail' | 'preview';

/** The resource path of a photo's preview, without scheme or prefix. */
export function previewPath(id: number): string {
  return `preview/${id}`;
}

/** The resource path of a photo's grid thumbnail, without scheme or prefix. */
export function thumbnailPath(id: number): string {
  return `thumbnail/${id}`;
}

/**
 * What a media path names ("preview/12", "thumbnail/12", with or without leading slashes),
 * or null when it names nothing Cutline serves: only these two shapes, with a positive
 * numeric id, are ever looked up.
 */
export function parseMediaPath(path: string): { kind: MediaKind; id: number } | null {
  const match = /^\/*(preview|thumbnail)\/(\d{1,15})\/?$/.exec(path);
  if (!match) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) && id > 0 ? { kind: match[1] as MediaKind, id } : null;
}
