import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { CaptionField, CaptionFields } from '../../shared/model';
import type { ProvenanceSummary } from '../../shared/provenance';
import type { CatalogDb } from '../catalog/catalog-db';
import type { EditsRepo } from '../catalog/edits-repo';
import { fingerprintOf } from '../metadata/fingerprint';
import { fsPath } from '../metadata/raw-path';
import { readC2pa } from '../metadata/read-c2pa';
import type { FileIdentity, ReadResult, Thumbnail } from '../metadata/read-result';
import type { WrittenFile } from '../metadata/safe-write';
import { canRenderThumbnail, makeThumbnail } from '../metadata/thumbnail';
import { photoWriteOf, readForImport } from './read-job';
import { getSettings } from './settings';
import { writeReposOf } from './write-repos';

/**
 * Reads one photo's file again into the catalog exactly as an import would (fields, copies,
 * size, modification time, fingerprint, sidecar, thumbnail), so that after a write the record
 * equals a fresh import. Edits not in the file stay, compared with what it now holds (see
 * PhotosRepo.save). Throws with a plain reason when the file cannot be read.
 */
export async function rereadPhoto(
  db: CatalogDb,
  photoId: number,
  path: string,
  written?: CaptionFields,
): Promise<void> {
  const result = await readForImport(path);
  if (!result.ok) throw new Error(result.reason);
  const sidecarPath = result.read.sidecarPath;
  const sidecarMtimeMs = sidecarPath ? (await stat(sidecarPath)).mtimeMs : null;
  storeRead(
    db,
    photoId,
    path,
    result.identity,
    result.read,
    result.thumbnail,
    sidecarMtimeMs,
    written,
    result.provenance,
  );
}

/**
 * Stores what the writer's check has just read of a file now in place (a file without a
 * sidecar): the same record a re-read would give, without reading and parsing the file again.
 * `hadThumbnail`: whether the catalog held a thumbnail of the photo (its record says so).
 */
export async function storeWrittenFile(
  db: CatalogDb,
  photoId: number,
  path: string,
  file: WrittenFile,
  written: CaptionFields,
  hadThumbnail: boolean,
): Promise<void> {
  const info = statSync(fsPath(path));
  const identity = {
    byteSize: file.bytes.length,
    mtimeMs: info.mtimeMs,
    fingerprint: fingerprintOf({
      byteSize: file.bytes.length,
      mtimeMs: info.mtimeMs,
      head: file.bytes,
      tail: Buffer.alloc(0),
    }),
  };
  // The writer proved the image data unchanged, and ExifTool leaves the EXIF thumbnail as it
  // was: the thumbnail a fresh import would make is the one the catalog has (when it has one).
  const { width, height, orientation } = file.read.technical;
  const made = hadThumbnail
    ? 'unchanged'
    : await makeThumbnail(path, { head: file.bytes, orientation, width, height }).catch(() => null);
  // A picture the import renders after reading (HEIC, say) may not have its thumbnail yet:
  // as after an import, the renderer's is the one to keep, and no warning is due.
  const thumbnail = made ?? (canRenderThumbnail(path, width, height) ? 'unchanged' : null);
  const read = { ...file.read, sidecarPath: null };
  if (!thumbnail) read.technical.warnings.push('no thumbnail could be made');
  const provenance = await readC2pa(path, file.bytes, file.bytes.length, {
    trustAnchors: getSettings(db).c2paTrustAnchors,
  });
  storeRead(db, photoId, path, identity, read, thumbnail, null, written, provenance);
}

function storeRead(
  db: CatalogDb,
  photoId: number,
  path: string,
  identity: FileIdentity,
  read: ReadResult,
  thumbnail: Thumbnail | null | 'unchanged',
  sidecarMtimeMs: number | null,
  written: CaptionFields | undefined,
  provenance: ProvenanceSummary | null,
): void {
  const { photos: repo, edits } = writeReposOf(db);
  db.transaction(() => {
    if (written) settleWrittenEdits(edits, photoId, written);
    const stamps = { mtimeMs: identity.mtimeMs, sidecarPath: read.sidecarPath, sidecarMtimeMs };
    repo.save(photoWriteOf(path, identity, read, thumbnail, stamps, provenance), photoId);
    repo.setFileState(photoId, 'ok');
  })();
}

/**
 * The edits the file now holds, checked by the writer, are no longer unwritten, even where
 * the file keeps them a little differently (readers trim outer spaces): the file's value then
 * becomes the catalog's, as a fresh import would have it. An edit typed while the file was
 * being written (the catalog value is no longer the one written) stays unwritten.
 */
function settleWrittenEdits(edits: EditsRepo, photoId: number, written: CaptionFields): void {
  const current = edits.fieldsOf(photoId);
  if (!current) return;
  for (const field of Object.keys(edits.unwrittenOf(photoId)) as CaptionField[]) {
    if (JSON.stringify(current[field]) === JSON.stringify(written[field])) {
      edits.clearUnwritten(photoId, field);
    }
  }
}
