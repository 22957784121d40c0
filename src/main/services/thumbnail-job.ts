/**
 * One thumbnail rendered from its photo's picture, after the import: the step the thumbnail
 * renderer runs on its own thread for sharp's pictures and sends to a read worker for the
 * ones decoded in WebAssembly (HEIC), so both take the same path through makeThumbnail.
 */
import type { Thumbnail } from '../metadata/read-result';
import { makeThumbnail } from '../metadata/thumbnail';
import { ownBytes } from './own-bytes';

/** A photo whose thumbnail is to be rendered, as the catalog knows it. */
export interface ThumbnailJob {
  path: string;
  orientation: number | null;
  width: number | null;
  height: number | null;
}

/** The thumbnail rendered, or why there is none (one line, for the user). */
export type ThumbnailRead =
  | { ok: true; thumbnail: Thumbnail }
  | { ok: false; path: string; reason: string };

/** Said of a picture that makeThumbnail could not render (it never says why itself). */
export const UNDECODABLE = 'its picture could not be decoded (a damaged or truncated file?)';

/** Renders one photo's thumbnail from its picture (its embedded one was looked for at import). Never throws. */
export async function renderThumbnailJob(job: ThumbnailJob): Promise<ThumbnailRead> {
  const thumbnail = await makeThumbnail(job.path, {
    orientation: job.orientation,
    width: job.width,
    height: job.height,
    embedded: false,
  }).catch(() => null);
  if (!thumbnail) return { ok: false, path: job.path, reason: UNDECODABLE };
  // A worker moves it to the catalog's thread instead of copying it (import-worker.ts).
  thumbnail.jpeg = ownBytes(thumbnail.jpeg);
  return { ok: true, thumbnail };
}
