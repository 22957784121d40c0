/**
 * A photo's identity on the desk is its path under the desk's root folder, with '/' between
 * folders, so that members who mount the shared volume at different places (/Volumes/Desk,
 * \\nas\desk, /mnt/desk) name the same photo the same way.
 */
import { isAbsolute, join, relative, sep } from 'node:path';

/** The photo's path under the root, or null for a photo outside it (not shared). */
export function deskRelativePath(root: string, path: string): string | null {
  const rel = relative(root, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return rel.split(sep).join('/');
}

/** Where this member has the photo the desk names `relPath`. */
export function localDeskPath(root: string, relPath: string): string {
  return join(root, ...relPath.split('/'));
}
