import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CaptionField, CaptionFields } from '../../shared/model';
import type { CatalogDb } from '../catalog/catalog-db';
import { EditsRepo } from '../catalog/edits-repo';
import { PhotosRepo } from '../catalog/photos-repo';
import { readForImport } from './read-job';

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
  const repo = new PhotosRepo(db);
  db.transaction(() => {
    if (written) settleWrittenEdits(new EditsRepo(db), photoId, written);
    repo.save(
      {
        path,
        fileName: basename(path),
        byteSize: result.identity.byteSize,
        mtimeMs: result.identity.mtimeMs,
        fingerprint: result.identity.fingerprint,
        sidecarPath,
        sidecarMtimeMs,
        technical: result.read.technical,
        fields: result.read.fields,
        origins: result.read.origins,
        copiesDisagree: result.copiesDisagree,
        overIimLimit: result.overIimLimit,
        thumbnail: result.thumbnail,
      },
      photoId,
    );
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
