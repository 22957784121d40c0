import type { CatalogDb } from './catalog-db';

/** Every photo's id, path and file name, for matching a caption sheet's rows by file name. */
export function allFileNames(db: CatalogDb): { id: number; path: string; fileName: string }[] {
  return db.prepare('SELECT id, path, file_name AS fileName FROM photos ORDER BY id').all() as {
    id: number;
    path: string;
    fileName: string;
  }[];
}
