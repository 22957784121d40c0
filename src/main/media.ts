/**
 * Binds the media paths (src/shared/media-url.ts) to the thumbnails in the catalog and to the
 * preview service, once, for both transports that carry images: the Electron shell's
 * `cutline-media:` scheme (answerMediaRequest, which Node can test without Electron) and the
 * loopback bridge's `GET /media/…`. Each turns the answer into its own response type;
 * neither has logic of its own.
 */
import { createHash } from 'node:crypto';
import { MEDIA_SCHEME, parseMediaPath } from '../shared/media-url';
import { CutlineError, type ErrorCode } from '../shared/result';
import type { CatalogDb } from './catalog/catalog-db';
import { thumbnailJpeg } from './services/library';
import type { PhotoPreviewService } from './services/photo-preview';

/** Where the images come from. */
export interface MediaSources {
  db: CatalogDb;
  previews: PhotoPreviewService;
}

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

/** True when the caller's If-None-Match names this ETag: its copy is still current. */
function isCurrent(ifNoneMatch: string | null, etag: string): boolean {
  return ifNoneMatch?.split(/\s*,\s*/).includes(etag) ?? false;
}

function notModified(etag: string): MediaResponse {
  return { status: 304, headers: { etag, 'cache-control': 'no-cache' }, body: '' };
}

/** An image answered with its ETag, or 304 when the caller's copy is still current. */
function image(
  bytes: Buffer,
  mime: string,
  etag: string,
  ifNoneMatch: string | null,
  extra: Record<string, string> = {},
): MediaResponse {
  if (isCurrent(ifNoneMatch, etag)) return notModified(etag);
  return {
    status: 200,
    headers: {
      'content-type': mime,
      'content-length': String(bytes.length),
      'cache-control': 'no-cache',
      etag,
      'x-content-type-options': 'nosniff',
      ...extra,
    },
    body: bytes,
  };
}

/** A grid thumbnail from the catalog (never the file: the grid must not decode photos). */
function thumbnail(db: CatalogDb, id: number, ifNoneMatch: string | null): MediaResponse {
  const jpeg = thumbnailJpeg(db, id);
  if (!jpeg) return text(404, 'This photo has no thumbnail.');
  const etag = `"t${createHash('sha1').update(jpeg).digest('hex').slice(0, 20)}"`;
  return image(jpeg, 'image/jpeg', etag, ifNoneMatch);
}

/**
 * Answers a GET of a media path ("thumbnail/12", "preview/12"): the image with its ETag, 304
 * when the caller's If-None-Match is still current, 404 for an unknown photo, a photo without
 * a thumbnail or a file that is gone.
 */
export async function answerMedia(
  sources: MediaSources,
  path: string,
  ifNoneMatch: string | null,
): Promise<MediaResponse> {
  const media = parseMediaPath(path);
  if (media === null) return text(404, 'Cutline serves no such media.');
  try {
    if (media.kind === 'thumbnail') return thumbnail(sources.db, media.id, ifNoneMatch);
    const { previews } = sources;
    // Asked before making the preview, which costs far more than its tag.
    if (ifNoneMatch !== null) {
      const etag = await previews.previewTag(media.id);
      if (isCurrent(ifNoneMatch, etag)) return notModified(etag);
    }
    const preview = await previews.previewImage(media.id);
    return image(preview.bytes, preview.mime, preview.etag, null, {
      'x-cutline-preview-source': preview.source,
    });
  } catch (error) {
    if (error instanceof CutlineError) return text(STATUS[error.code] ?? 500, error.message);
    console.error('[cutline] media failed:', error);
    return text(500, 'Cutline could not make this image.');
  }
}

/**
 * Answers a request on the Electron shell's `cutline-media:` scheme (`protocol.handle` passes
 * each one here): `cutline-media://thumbnail/12?v=3` names the path "thumbnail/12"; the query
 * only busts the cache. GET and HEAD only; anything but a numeric id on one of the two media
 * paths is a 404, so no request can name a file. `sources` is null while the app is closing.
 */
export async function answerMediaRequest(
  sources: MediaSources | null,
  request: Request,
): Promise<Response> {
  if (!sources) return new Response('Cutline is closing.', { status: 503 });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Media is read with GET.', {
      status: 405,
      headers: { allow: 'GET, HEAD' },
    });
  }
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return new Response('Cutline serves no such media.', { status: 404 });
  }
  if (url.protocol !== `${MEDIA_SCHEME}:`) {
    return new Response('Cutline serves no such media.', { status: 404 });
  }
  const answer = await answerMedia(
    sources,
    `${url.host}${url.pathname}`,
    request.headers.get('if-none-match'),
  );
  const empty = answer.status === 304 || request.method === 'HEAD';
  const body = empty
    ? null
    : typeof answer.body === 'string'
      ? answer.body
      : new Uint8Array(answer.body);
  return new Response(body, { status: answer.status, headers: answer.headers });
}
