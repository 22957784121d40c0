import { basename } from 'node:path';
import { fieldsOverIimLimit } from '../../shared/checks/iim-limits';
import type { ProvenanceSummary } from '../../shared/provenance';
import { type PhotoRows, type PhotoWrite, photoRowsOf } from '../catalog/photo-rows';
import {
  type EndsBuffers,
  type FileEnds,
  fingerprintOf,
  readFileEnds,
} from '../metadata/fingerprint';
import { type C2paOptions, readC2pa } from '../metadata/read-c2pa';
import { pixelLimitName, withinPixelLimit } from '../metadata/read-limits';
import { HEAD_BYTES, readPhoto } from '../metadata/read-photo';
import type { FileIdentity, ReadResult, Thumbnail } from '../metadata/read-result';
import { canRenderThumbnail, makeThumbnail } from '../metadata/thumbnail';
import { wholeJpegDigest } from '../metadata/whole-file-digest';
import { describeFsError } from './fs-errors';
import { ownBytes } from './own-bytes';

/** What reading one file for import gives: everything to store, or why it failed. */
export type ReadJobResult =
  | {
      ok: true;
      path: string;
      identity: FileIdentity;
      read: ReadResult;
      thumbnail: Thumbnail | null;
      /** No thumbnail yet: it is to be rendered from the picture (thumbnail-renderer.ts). */
      renderThumbnail: boolean;
      /** The file's C2PA Content Credentials, summarised (null: it carries none). */
      provenance: ProvenanceSummary | null;
    }
  | { ok: false; path: string; reason: string };

/** What the catalog keeps of a file to tell, next time, whether to read it again. */
export interface FileStamps {
  mtimeMs: number;
  sidecarPath: string | null;
  sidecarMtimeMs: number | null;
}

/**
 * A photo as the catalog stores it, from what reading its file gave: for an import (in its
 * worker, so the flags are derived off the catalog thread) and for a re-read after a write.
 */
export function photoWriteOf(
  path: string,
  identity: FileIdentity,
  read: ReadResult,
  thumbnail: PhotoWrite['thumbnail'],
  stamps: FileStamps,
  provenance: ProvenanceSummary | null = null,
): PhotoWrite {
  return {
    path,
    fileName: basename(path),
    byteSize: identity.byteSize,
    mtimeMs: stamps.mtimeMs,
    fingerprint: identity.fingerprint,
    sidecarPath: stamps.sidecarPath,
    sidecarMtimeMs: stamps.sidecarMtimeMs,
    technical: read.technical,
    fields: read.fields,
    origins: read.origins,
    copiesDisagree: Object.values(read.origins).some((origin) => origin?.disagree),
    overIimLimit: fieldsOverIimLimit(read.fields).length > 0,
    damage: read.damage,
    provenance,
    thumbnail,
  };
}

/** A file an import reads, as the folder scan found it. */
export interface ImportFile {
  path: string;
  /** The sidecar found beside the file (null: none). */
  sidecarPath: string | null;
  /** As the scan saw them: what the next import compares to tell whether to read again. */
  mtimeMs: number;
  sidecarMtimeMs: number | null;
  /**
   * true: the file's image-data digest is taken too (a JPEG is then read whole), for a photo
   * under the root of the desk the catalog is linked to, which publishes photos by it.
   */
  imageDigest?: boolean;
}

/**
 * An ImportFile made the one way that both an import worker's requests and its warm-up make
 * it: a request as it arrives from another thread has a shape of its own, and code compiled
 * during the warm-up was thrown away and compiled again on the first real file.
 */
export function importFile(
  path: string,
  sidecarPath: string | null,
  mtimeMs: number,
  sidecarMtimeMs: number | null,
  imageDigest = false,
): ImportFile {
  return { path, sidecarPath, mtimeMs, sidecarMtimeMs, imageDigest };
}

/** What an import worker answers for one file: its catalog rows, or why it failed. */
export type ImportRead =
  | {
      ok: true;
      path: string;
      /** To recognise a photo moved or renamed. */
      fingerprint: string;
      /** Why the picture itself is damaged though its caption read (null: it is whole). */
      damage: string | null;
      rows: PhotoRows;
      /** No embedded thumbnail: one is to be rendered from the picture, after the metadata is
       * stored (thumbnail-renderer.ts), so the photo is in the catalog at once. */
      renderThumbnail: boolean;
      /** The image-data digest when it was asked for (ImportFile.imageDigest) and could be
       * taken here; undefined leaves it to whoever needs it. */
      imageDigest?: string | null;
    }
  | { ok: false; path: string; reason: string };

/**
 * Reads one file for import and puts what it holds in the catalog's form (photo-rows.ts), so
 * that the thread storing it only binds values. Never throws.
 */
export async function readImportFile(
  file: ImportFile,
  buffers?: EndsBuffers,
  c2pa: C2paOptions = {},
): Promise<ImportRead> {
  const result = await readForImport(file.path, file.sidecarPath, buffers, false, c2pa);
  return withImageDigest(file, importReadOf(file, result));
}

/**
 * `readImportFile` once the file's two ends are in memory: read ahead by an import worker
 * (read-ahead.ts), or its warm-up's photo (warm-up.ts), so that the warm-up compiles the very
 * code a real import runs.
 */
export async function readLoadedImport(
  file: ImportFile,
  ends: FileEnds,
  c2pa: C2paOptions = {},
): Promise<ImportRead> {
  const result = await readLoadedEnds(file.path, ends, file.sidecarPath, false, c2pa);
  return withImageDigest(file, importReadOf(file, result));
}

/** The digest of the whole image data, for a file asked with one (ImportFile.imageDigest). */
function withImageDigest(file: ImportFile, read: ImportRead): ImportRead {
  if (read.ok && file.imageDigest) {
    read.imageDigest = wholeJpegDigest(file.path, {
      byteSize: read.rows.photo.byteSize,
      fingerprint: read.fingerprint,
    });
  }
  return read;
}

function importReadOf(file: ImportFile, result: ReadJobResult): ImportRead {
  if (!result.ok) return result;
  const { identity, read } = result;
  return {
    ok: true,
    path: result.path,
    fingerprint: identity.fingerprint,
    damage: read.damage,
    rows: photoRowsOf(
      photoWriteOf(result.path, identity, read, result.thumbnail, file, result.provenance),
    ),
    renderThumbnail: result.renderThumbnail,
  };
}

/**
 * Reads one file for the catalog: identity, metadata and thumbnail, from one read of the
 * file's two ends (more only when its metadata lies further in). Runs in an import worker
 * (or in-process); never throws, so one bad file cannot stop a batch. `sidecarPath` is what
 * the folder scan found beside the file (null: none), which spares looking again. `buffers`:
 * memory to read into, for a caller that reads one file at a time (nothing in the answer
 * points into it: the thumbnail is copied out). `render`: false leaves a thumbnail that must
 * be rendered (no embedded one) to the caller, flagged `renderThumbnail`. `c2pa`: the trust
 * list the Content Credentials are checked against (the user's setting).
 */
export async function readForImport(
  path: string,
  sidecarPath?: string | null,
  buffers?: EndsBuffers,
  render = true,
  c2pa: C2paOptions = {},
): Promise<ReadJobResult> {
  let ends: FileEnds;
  try {
    ends = readFileEnds(path, HEAD_BYTES, buffers);
  } catch (error) {
    return { ok: false, path, reason: describeFsError(error) };
  }
  return readLoadedEnds(path, ends, sidecarPath, render, c2pa);
}

/**
 * `readForImport` once the file's two ends are in memory. A file no longer than its head is
 * never opened again, which lets a worker warm up on a photo held in memory (warm-up.ts).
 */
export async function readLoadedEnds(
  path: string,
  ends: FileEnds,
  sidecarPath?: string | null,
  render = true,
  c2pa: C2paOptions = {},
): Promise<ReadJobResult> {
  try {
    if (ends.byteSize === 0) return { ok: false, path, reason: 'empty file (0 bytes)' };
    const identity = {
      byteSize: ends.byteSize,
      mtimeMs: ends.mtimeMs,
      fingerprint: fingerprintOf(ends),
    };
    const read = await readPhoto(path, {
      head: ends.head,
      tail: ends.tail,
      size: ends.byteSize,
      sidecarPath,
    });
    const { width, height, orientation } = read.technical;
    const thumbnail = await makeThumbnail(path, {
      head: ends.head,
      orientation,
      width,
      height,
      render,
    }).catch(() => null);
    const renderThumbnail = !thumbnail && !render && canRenderThumbnail(path, width, height);
    if (thumbnail) thumbnail.jpeg = ownBytes(thumbnail.jpeg);
    else if (!renderThumbnail) read.technical.warnings.push(noThumbnailWarning(width, height));
    // A fast scan of the container first: only a file holding a manifest store loads the
    // C2PA library (read-c2pa.ts), so most imports pay microseconds for this.
    const provenance = await readC2pa(path, ends.head, ends.byteSize, c2pa);
    return {
      ok: true,
      path,
      identity,
      read,
      thumbnail,
      renderThumbnail,
      provenance,
    };
  } catch (error) {
    return { ok: false, path, reason: describeFsError(error) };
  }
}

/** Why a file has no thumbnail: the pixel limit when its size is over it. */
function noThumbnailWarning(width: number | null, height: number | null): string {
  if (withinPixelLimit(width, height)) return 'no thumbnail could be made';
  return `no thumbnail could be made: the picture is ${width}×${height}, over the ${pixelLimitName()} limit for decoding`;
}
