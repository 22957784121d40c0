/**
 * The photos a caption sheet or credit block is for: ids in the order shown, a search's
 * photos in display order, or the photos an import run found (narrowed by the search when
 * there is one too).
 */
import type { PhotoSet } from '../../shared/export-options';
import { CutlineError } from '../../shared/result';
import { parseSearchQuery } from '../../shared/search-query';
import type { CatalogDb } from '../catalog/catalog-db';
import { getRun, latestRunId } from '../catalog/import-runs-repo';
import { searchPhotoIds } from '../catalog/search-repo';

/** The ids of a photo set; an import run that does not exist is refused, not an empty set. */
export function photoSetIds(db: CatalogDb, set: PhotoSet): number[] {
  if (set.ids) return set.ids;
  const query = parseSearchQuery(set.query ?? '');
  if (set.importRun !== undefined) {
    const run = set.importRun === 'last' ? latestRunId(db) : set.importRun;
    if (run === null) throw new CutlineError('not-found', 'Nothing has been imported yet.');
    if (!getRun(db, run)) throw new CutlineError('not-found', `There is no import run ${run}.`);
    query.importRuns.push(run);
  }
  return searchPhotoIds(db, query);
}
