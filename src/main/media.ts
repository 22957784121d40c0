/**
 * Binds the media paths (src/shared/media-url.ts) to the preview service, once, for both
 * transports that carry images: the Electron shell's `cutline-media:` scheme and the loopback
 * bridge's `GET /media/…`. Each turns the answer into its own response type; neither has
 * logic of its own.
 */
import { parsePreviewPath } from '../shared/media-url';
import { CutlineError, type ErrorCode } from '../shared/result';
import type { PhotoPreviewService } from './services/photo-preview';

/** A transport-neutral HTTP-like answer. */
export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  'not-found': 404,
  'invalid-input': 400,
  unsupported: 415,
};

function text(status: number, message: string): MediaResponse {
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    body: message,
  };
}

/**
 * Answers a GET of a media path ("preview/12"): the image with its ETag, 304 when the
 * caller's If-None-Match is still current, 404 for an unknown photo or a file that is gone.
 */
export async function answerMedia(
  previews: PhotoPreviewService,
  path: string,
  ifNoneMatch: string | null,
): Promise<MediaResponse> {
  const id = parsePreviewPath(path);
  if (id === null) return text(404, 'Cutline serves no such media.');
  try {
    if (ifNoneMatch !== null) {
      const etag = await previews.previewTag(id);
      if (ifNoneMatch.split(/\s*,\s*/).includes(etag)) {
        return { status: 304, headers: { etag, 'cache-control': 'no-cache' }, body: '' };
      }
    }
    const image = await previews.previewImage(id);
    return {
      status: 200,
      headers: {
        'content-type': image.mime,
        'content-length': String(image.bytes.length),
        'cache-control': 'no-cache',
        etag: image.etag,
        'x-cutline-preview-source': image.source,
        'x-content-type-options': 'nosniff',
      },
      body: image.bytes,
    };
  } catch (error) {
    if (error instanceof CutlineError) return text(STATUS[error.code] ?? 500, error.message);
    console.error('[cutline] preview failed:', error);
    return text(500, 'Cutline could not make this preview.');
  }
}
