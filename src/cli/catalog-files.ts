/**
 * Files named on the command line, as the catalog knows them: their photo ids, and a
 * plain reason for each one it does not, so a command reports those and goes on.
 */
import { resolve } from 'node:path';
import type { CatalogDb } from '../main/catalog/catalog-db';
import { photosRepoOf } from '../main/catalog/photos-repo';
import type { WriteFailure } from '../shared/write-back';

/** The ids of the files named (in order), and the files the catalog does not hold. */
export function photosOfFiles(
  db: CatalogDb,
  files: readonly string[],
): { ids: number[]; notInCatalog: WriteFailure[] } {
  const repo = photosRepoOf(db);
  const ids: number[] = [];
  const notInCatalog: WriteFailure[] = [];
  for (const file of files) {
    const path = resolve(file);
    const known = repo.findByPath(path);
    if (known) ids.push(known.id);
    else notInCatalog.push({ path, reason: 'not in the catalog (import it first)' });
  }
  return { ids, notInCatalog };
}
