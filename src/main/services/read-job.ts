import { fingerprintOf, readFileEnds } from '../metadata/fingerprint';
import { HEAD_BYTES, readPhoto } from '../metadata/read-photo';
import type { FileIdentity, ReadResult, Thumbnail } from '../metadata/read-result';
import { makeThumbnail } from '../metadata/thumbnail';
import { describeFsError } from './fs-errors';

/** What reading one file for import gives: everything to store, or why it failed. */
export type ReadJobResult =
  | {
      ok: true;
      path: string;
      identity: FileIdentity;
      read: ReadResult;
      thumbnail: Thumbnail | null;
    }
  | { ok: false; path: string; reason: string };

/**
 * Reads one file for the catalog: identity, metadata and thumbnail, from one read of the
 * file's two ends (more only when its metadata lies further in). Runs in an import worker
 * (or in-process); never throws, so one bad file cannot stop a batch.
 */
export async function readForImport(path: string): Promise<ReadJobResult> {
  try {
    const ends = readFileEnds(path, HEAD_BYTES);
    if (ends.byteSize === 0) return { ok: false, path, reason: 'empty file (0 bytes)' };
    const identity = {
      byteSize: ends.byteSize,
      mtimeMs: ends.mtimeMs,
      fingerprint: fingerprintOf(ends),
    };
    const read = await readPhoto(path, { head: ends.head });
    const thumbnail = await makeThumbnail(path, {
      head: ends.head,
      orientation: read.technical.orientation,
    }).catch(() => null);
    if (!thumbnail) read.technical.warnings.push('no thumbnail could be made');
    return { ok: true, path, identity, read, thumbnail };
  } catch (error) {
    return { ok: false, path, reason: describeFsError(error) };
  }
}
