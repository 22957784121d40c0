/**
 * The folder browser of the browser UI (`folders:list`): what the bridge tells a page about
 * the folders it may import from. Only folders, their names and counts: never a file's name
 * or contents. The rules (allowed roots, links, caps) are in src/main/services/folder-listing.ts.
 */
import { z } from 'zod';

/** A folder to start from: the home folder, or one imported before. */
export interface FolderPlace {
  path: string;
  /** What the place is shown as: "Home", or the imported folder's name. */
  label: string;
  kind: 'home' | 'recent';
}

/** A sub-folder of the folder shown. */
export interface FolderEntry {
  name: string;
  path: string;
  /**
   * Photos directly in it (not in its sub-folders), when counting was cheap: null when it
   * was not counted (over the listing's budget) or could not be read.
   */
  photos: number | null;
  /** Folders directly in it, with the same rule as `photos`. */
  folders: number | null;
  /** True when the counts stopped at a cap: there are at least that many. */
  countsCapped: boolean;
  /** False when the folder cannot be opened (permissions): it is shown, dimmed. */
  readable: boolean;
}

/** One answer of `folders:list`. */
export interface FolderListing {
  /** The folder shown (its real path: links and `..` resolved), or null for the places. */
  path: string | null;
  /** Where "up" goes: the parent while it is still allowed, otherwise null (the places). */
  parent: string | null;
  places: FolderPlace[];
  /** The sub-folders, by name; hidden ones (".name") are left out. */
  entries: FolderEntry[];
  /** Photos directly in the folder shown (0 for the places). */
  photos: number;
  /** True when the folder held more than the listing shows or counts (see the caps). */
  truncated: boolean;
}

/** `folders:list`: a folder to show, or none for the places (home and recent imports). */
export const folderListRequestSchema = z.object({
  path: z.string().min(1, 'A path is required.').max(4096).optional(),
});
