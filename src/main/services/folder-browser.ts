/**
 * `folders:list` over the catalog: the places to start from (the home folder and the folders
 * imported most recently) and the folders the browser may walk (the home folder and every
 * folder the catalog knows), by the rules of folder-listing.ts.
 */
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename } from 'node:path';
import type { FolderListing, FolderPlace } from '../../shared/folder-listing';
import type { CatalogDb } from '../catalog/catalog-db';
import { knownFolders, recentImportRoots } from '../catalog/known-folders-repo';
import { fsPath } from '../metadata/raw-path';
import { describeFolders, listFolder, realRoots } from './folder-listing';

/** Places offered: home and up to ten recent import folders. */
const RECENT_PLACES = 10;

/**
 * The places: home, then the recent import folders that still exist and are folders (an
 * import of single files leaves no folder to offer), each once.
 */
async function placesOf(home: string | null, recent: readonly string[]): Promise<FolderPlace[]> {
  const places: FolderPlace[] = [];
  const seen = new Set<string>();
  const homeReal = home ? (await realRoots([home]))[0] : undefined;
  if (homeReal) {
    places.push({ path: homeReal, label: 'Home', kind: 'home' });
    seen.add(homeReal);
  }
  for (const folder of recent) {
    if (places.length > RECENT_PLACES) break;
    const [real] = await realRoots([folder]);
    if (!real || seen.has(real)) continue;
    // A root that is a file is no place to browse.
    const info = await stat(fsPath(real)).catch(() => null);
    if (!info?.isDirectory()) continue;
    seen.add(real);
    places.push({ path: real, label: basename(real) || real, kind: 'recent' });
  }
  return places;
}

/**
 * The listing of `path`, or the places when no path is given. `home` is the user's home
 * folder (null where there is none).
 */
export async function browseFolders(
  db: CatalogDb,
  input: { path?: string | undefined },
  home: string | null = homedir() || null,
): Promise<FolderListing> {
  const places = await placesOf(home, recentImportRoots(db, RECENT_PLACES * 2));
  if (input.path === undefined) {
    const entries = await describeFolders(
      places.map((place) => ({ name: place.label, path: place.path, real: place.path })),
    );
    return { path: null, parent: null, places, entries, photos: 0, truncated: false };
  }
  const roots = [...(home ? [home] : []), ...knownFolders(db)];
  return { ...(await listFolder(input.path, roots)), places };
}
