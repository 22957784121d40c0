/**
 * The rules of the folder browser (`folders:list`), which lets the page of `cutline serve`
 * walk folders: a page on the bridge is a browser tab, so what it may learn is kept small.
 * - Only folders inside the allowed roots (the home folder, folders the catalog knows), after
 *   symbolic links and `..` are resolved: a link inside home that leads to /etc is refused
 *   when opened and left out of the listing.
 * - Never the system's pseudo-folders (/proc, /sys, /dev, /run), nor a root that is the
 *   file system's root (a home of "/" would otherwise open the whole disk).
 * - Folder names only, and counts of photos and folders by name: no file is opened, no file
 *   name is sent.
 * - Bounded work: the entries read from the folder shown, the sub-folders returned and the
 *   entries read to count are capped (LISTING_LIMITS); a huge folder answers at once.
 * - One message for a folder that is refused, missing or unreadable, so the answer does not
 *   tell whether something exists outside the roots.
 */
import type { Dirent } from 'node:fs';
import { lstat, opendir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import type { FolderEntry } from '../../shared/folder-listing';
import { CutlineError } from '../../shared/result';
import { fsPath, nameOfBytes } from '../metadata/raw-path';
import { isSupportedImage } from '../metadata/supported-formats';
import { isInsideFolder } from '../security/folder-access';

/** How much one listing may read and return. */
export interface ListingLimits {
  /** Entries read from the folder shown; past them the listing says it is truncated. */
  entriesRead: number;
  /** Sub-folders returned. */
  folders: number;
  /** Entries read from one sub-folder to count its photos and folders. */
  countPerFolder: number;
  /** Entries read to count, over all the sub-folders of one listing. */
  countBudget: number;
}

export const LISTING_LIMITS: ListingLimits = {
  entriesRead: 20_000,
  folders: 500,
  countPerFolder: 2_000,
  countBudget: 50_000,
};

/** The one answer for a folder that is refused, missing or cannot be read. */
export const FOLDER_REFUSED =
  'This folder cannot be shown: only readable folders in your home folder or in folders you imported can be browsed.';

/** Folders of the system that hold no photos and must never be walked (POSIX). */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev', '/run'];

/** A folder's sub-folders and photos as the folder browser shows them. */
export interface FolderContents {
  /** The real path of the folder shown. */
  path: string;
  /** Its parent, when that is still inside an allowed root; null otherwise. */
  parent: string | null;
  entries: FolderEntry[];
  photos: number;
  truncated: boolean;
}

function refused(): CutlineError {
  return new CutlineError('forbidden', FOLDER_REFUSED);
}

function isSystemFolder(path: string): boolean {
  if (process.platform === 'win32') return false;
  return SYSTEM_FOLDERS.some((folder) => isInsideFolder(path, folder));
}

/** The real path (links and `..` resolved), as Cutline spells names that are not UTF-8. */
async function realPathOf(path: string): Promise<string | null> {
  if (!isAbsolute(path) || path.includes('\0')) return null;
  try {
    return nameOfBytes(await realpath(fsPath(path), { encoding: 'buffer' }));
  } catch {
    return null;
  }
}

/**
 * The allowed roots, resolved: each one's real path, dropping those that do not exist, are
 * the file system's root or lie in a system folder.
 */
export async function realRoots(roots: readonly string[]): Promise<string[]> {
  const resolved = await Promise.all(roots.map(realPathOf));
  return [
    ...new Set(
      resolved.filter(
        (root): root is string => root !== null && dirname(root) !== root && !isSystemFolder(root),
      ),
    ),
  ];
}

/** True when the real path `real` may be browsed under the resolved roots. */
function allowed(real: string, roots: readonly string[]): boolean {
  return !isSystemFolder(real) && roots.some((root) => isInsideFolder(real, root));
}

/**
 * Reads at most `limit` entries of a folder (names as bytes, raw-path.ts), calling `visit`
 * for each that is not hidden. Returns how many were read and whether the folder held more.
 */
async function readEntries(
  folder: string,
  limit: number,
  visit: (name: string, entry: Dirent<Buffer>) => void | Promise<void>,
): Promise<{ read: number; more: boolean }> {
  // @types/node 20 types opendir's names as strings only; Node 20 honours 'buffer' all the same.
  const dir = (await opendir(fsPath(folder), {
    encoding: 'buffer' as BufferEncoding,
    bufferSize: 128,
  })) as unknown as AsyncIterable<Dirent<Buffer>>;
  let read = 0;
  // Breaking out of the loop closes the folder.
  for await (const entry of dir) {
    if (read >= limit) return { read, more: true };
    read++;
    const name = nameOfBytes(entry.name);
    if (name.startsWith('.')) continue;
    await visit(name, entry);
  }
  return { read, more: false };
}

/** What an entry is, asking the file system when the folder listing does not say. */
async function kindOf(
  path: string,
  entry: Dirent<Buffer>,
): Promise<'folder' | 'file' | 'link' | 'other'> {
  let kind: Pick<Dirent, 'isDirectory' | 'isFile' | 'isSymbolicLink'> = entry;
  if (!entry.isDirectory() && !entry.isFile() && !entry.isSymbolicLink()) {
    const info = await lstat(fsPath(path)).catch(() => null);
    if (!info) return 'other';
    kind = info;
  }
  if (kind.isDirectory()) return 'folder';
  if (kind.isFile()) return 'file';
  return kind.isSymbolicLink() ? 'link' : 'other';
}

/**
 * What a link leads to, when that is a folder inside the roots (returned as its real path)
 * or a regular file ('file'); null otherwise (broken, a loop, a device, outside the roots).
 */
async function linkTarget(path: string, roots: readonly string[]): Promise<string | 'file' | null> {
  const info = await stat(fsPath(path)).catch(() => null);
  if (info?.isFile()) return 'file';
  if (!info?.isDirectory()) return null;
  const real = await realPathOf(path);
  return real !== null && allowed(real, roots) ? real : null;
}

/** Counts the photos and folders directly in `folder`, reading at most `limit` entries. */
async function countFolder(
  folder: string,
  limit: number,
): Promise<{ photos: number; folders: number; read: number; capped: boolean } | null> {
  let photos = 0;
  let folders = 0;
  try {
    // Entry types only: no link is followed and no file opened to count.
    const { read, more } = await readEntries(folder, limit, (name, entry) => {
      if (entry.isDirectory()) folders++;
      else if ((entry.isFile() || entry.isSymbolicLink()) && isSupportedImage(name)) photos++;
    });
    return { photos, folders, read, capped: more };
  } catch {
    return null;
  }
}

/**
 * Entries for folders to show, counted in order while the listing's count budget lasts:
 * after it, the counts are null (unknown), never a guess.
 */
export async function describeFolders(
  folders: readonly { name: string; path: string; real: string }[],
  limits: ListingLimits = LISTING_LIMITS,
): Promise<FolderEntry[]> {
  let budget = limits.countBudget;
  const entries: FolderEntry[] = [];
  for (const folder of folders) {
    const limit = Math.min(limits.countPerFolder, budget);
    const counted = limit > 0 ? await countFolder(folder.real, limit) : undefined;
    if (counted) budget -= counted.read;
    entries.push({
      name: folder.name,
      path: folder.path,
      photos: counted?.photos ?? null,
      folders: counted?.folders ?? null,
      countsCapped: counted?.capped ?? false,
      // Not counted for want of budget is not unreadable.
      readable: counted !== null,
    });
  }
  return entries;
}

/**
 * Lists the sub-folders of `path` and counts its photos, by the rules above. `roots` are the
 * allowed roots as given (resolved here). Throws the one `forbidden` refusal otherwise.
 */
export async function listFolder(
  path: string,
  roots: readonly string[],
  limits: ListingLimits = LISTING_LIMITS,
): Promise<FolderContents> {
  const resolvedRoots = await realRoots(roots);
  const real = await realPathOf(path);
  if (real === null || !allowed(real, resolvedRoots)) throw refused();
  const folders: { name: string; path: string; real: string }[] = [];
  let photos = 0;
  let more: boolean;
  try {
    ({ more } = await readEntries(real, limits.entriesRead, async (name, entry) => {
      const child = join(real, name);
      const kind = await kindOf(child, entry);
      if (kind === 'file') {
        if (isSupportedImage(name)) photos++;
      } else if (kind === 'folder') {
        if (!isSystemFolder(child)) folders.push({ name, path: child, real: child });
      } else if (kind === 'link') {
        const target = await linkTarget(child, resolvedRoots);
        if (target === 'file') {
          if (isSupportedImage(name)) photos++;
        } else if (target !== null) folders.push({ name, path: child, real: target });
      }
    }));
  } catch {
    throw refused();
  }
  folders.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  const shown = folders.slice(0, limits.folders);
  const parent = dirname(real);
  return {
    path: real,
    parent: parent !== real && allowed(parent, resolvedRoots) ? parent : null,
    entries: await describeFolders(shown, limits),
    photos,
    truncated: more || folders.length > shown.length,
  };
}
