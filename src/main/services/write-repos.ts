import type { CatalogDb } from '../catalog/catalog-db';
import { EditsRepo } from '../catalog/edits-repo';
import { type PhotosRepo, photosRepoOf } from '../catalog/photos-repo';
import { ProvenanceRepo } from '../catalog/provenance-repo';
import { WriteLocksRepo } from '../catalog/write-locks-repo';
import { WriteQueueRepo } from '../catalog/write-queue-repo';

/** The repositories write-back uses, with their statements prepared once per catalog. */
export interface WriteRepos {
  photos: PhotosRepo;
  edits: EditsRepo;
  queue: WriteQueueRepo;
  locks: WriteLocksRepo;
  provenance: ProvenanceRepo;
}

const made = new WeakMap<CatalogDb, WriteRepos>();

/**
 * The write-back repositories of a catalog, made on first use. Preparing their statements
 * (some fifty) for every photo written cost more than the catalog work itself.
 */
export function writeReposOf(db: CatalogDb): WriteRepos {
  let repos = made.get(db);
  if (!repos) {
    repos = {
      photos: photosRepoOf(db),
      edits: new EditsRepo(db),
      queue: new WriteQueueRepo(db),
      locks: new WriteLocksRepo(db),
      provenance: new ProvenanceRepo(db),
    };
    made.set(db, repos);
  }
  return repos;
}
