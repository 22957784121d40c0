import { statSync } from 'node:fs';
import type { CatalogInfo, PhotoPage } from '../../shared/contract';
import type { PhotoDetail, PhotoRecord } from '../../shared/model';
import { CutlineError } from '../../shared/result';
import { parseSearchQuery } from '../../shared/search-query';
import type { CatalogDb } from '../catalog/catalog-db';
import { countProblems } from '../catalog/import-runs-repo';
import { type PhotosRepo, photosRepoOf } from '../catalog/photos-repo';
import { searchPhotoIds, searchPhotos } from '../catalog/search-repo';
import { fsPath } from '../metadata/raw-path';

/** One page of the library for a typed query. */
export function searchLibrary(
  db: CatalogDb,
  input: { query: string; offset: number; limit: number },
): PhotoPage {
  const parsed = parseSearchQuery(input.query);
  const { total, items } = searchPhotos(db, parsed, input.offset, input.limit);
  return {
    total,
    offset: input.offset,
    items,
    queryNote: parsed.notes.length ? parsed.notes.join(' ') : null,
  };
}

/** Ids of the photos a query shows, in display order: a range of them, for a selection. */
export function photoIds(
  db: CatalogDb,
  input: { query: string; offset: number; limit: number },
): number[] {
  return searchPhotoIds(db, parseSearchQuery(input.query)).slice(
    input.offset,
    input.offset + input.limit,
  );
}

/** Every record matching a query, in display order (`cutline list`). */
export function listRecords(db: CatalogDb, query: string): PhotoRecord[] {
  const repo = photosRepoOf(db);
  return searchPhotoIds(db, parseSearchQuery(query)).flatMap((id) => {
    const detail = repo.detail(id);
    return detail ? [detail.record] : [];
  });
}

/**
 * The whole record of one photo. Looks at the file once more, so the panel says at once when
 * the file was changed by another program or has gone.
 */
export function getPhoto(db: CatalogDb, id: number): PhotoDetail {
  const repo = photosRepoOf(db);
  const detail = repo.detail(id);
  if (!detail) throw new CutlineError('not-found', `There is no photo ${id} in the catalog.`);
  const fileState = currentFileState(repo, detail);
  if (fileState !== detail.fileState) repo.setFileState(id, fileState);
  return { ...detail, fileState };
}

/** The record of the photo at a path (`cutline show FILE`). */
export function getPhotoByPath(db: CatalogDb, path: string): PhotoDetail {
  const found = photosRepoOf(db).findByPath(path);
  if (!found)
    throw new CutlineError('not-found', `${path} is not in the catalog; import it first.`);
  return getPhoto(db, found.id);
}

function currentFileState(repo: PhotosRepo, detail: PhotoDetail): PhotoDetail['fileState'] {
  const known = repo.findByPath(detail.record.path);
  try {
    const info = statSync(fsPath(detail.record.path));
    if (known && (info.size !== known.byteSize || info.mtimeMs !== known.mtimeMs)) return 'changed';
    return 'ok';
  } catch {
    return 'missing';
  }
}

/** A photo's stored grid thumbnail (JPEG), or null when it has none. */
export function thumbnailJpeg(db: CatalogDb, id: number): Buffer | null {
  return photosRepoOf(db).thumbnail(id);
}

/** Facts about the open catalog for the status bar. */
export function catalogInfo(db: CatalogDb, canPickFolders: boolean): CatalogInfo {
  return {
    catalogPath: db.name,
    photoCount: photosRepoOf(db).count(),
    problemCount: countProblems(db),
    canPickFolders,
  };
}
