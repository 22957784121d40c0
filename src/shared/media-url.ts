/**
 * Where the renderer finds a photo's large preview. Images do not travel as base64 over the
 * contract: the Electron shell answers a custom scheme and the loopback bridge a plain GET,
 * both with the same path, `preview/<photo id>`. Only an id crosses; the file's path is
 * looked up in the catalog on the other side.
 */

/** The scheme the Electron shell registers (standard and secure, handled in main). */
export const MEDIA_SCHEME = 'cutline-media';

/** The bridge's path prefix for the same resources. */
export const MEDIA_HTTP_PREFIX = '/media/';

/** The resource path of a photo's preview, without scheme or prefix. */
export function previewPath(id: number): string {
  return `preview/${id}`;
}

/**
 * The photo id a media path names ("preview/12", with or without leading slashes), or null
 * when the path names nothing Cutline serves.
 */
export function parsePreviewPath(path: string): number | null {
  const match = /^\/*preview\/(\d{1,15})\/?$/.exec(path);
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
