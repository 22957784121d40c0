/**
 * The file-taking calls of the contract and the check every one of them passes before its
 * service runs (src/main/api.ts): each path the caller names must lie inside a folder the
 * user chose or the catalog knows (folder-access.ts). Symbolic links are followed first, so
 * a link inside an allowed folder cannot point the app outside it.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { CallName, ParsedInput } from '../../shared/contract';
import { CutlineError } from '../../shared/result';
import { type FolderAccess, pathRefusal } from './folder-access';

/** How a call uses the paths it names: choosing folders to import or watch, or files. */
interface PathInput<K extends CallName> {
  use: 'choose' | 'read' | 'write';
  paths(input: ParsedInput<K>): string[];
}

/** Every call that names a file or folder, and where in its input the paths are. */
export const PATH_INPUTS: { [K in CallName]?: PathInput<K> } = {
  'import:start': { use: 'choose', paths: (input) => input.paths },
  'watch:add': { use: 'choose', paths: (input) => [input.path] },
  'sheet:preview': { use: 'read', paths: (input) => (input.path ? [input.path] : []) },
  'sheet:apply': { use: 'read', paths: (input) => (input.path ? [input.path] : []) },
  'export:sheet': { use: 'write', paths: (input) => [input.out] },
  'credits:save': { use: 'write', paths: (input) => [input.out] },
  // Lists folder names only; the browser's own roots (folder-listing.ts) apply on top.
  'folders:list': { use: 'read', paths: (input) => (input.path ? [input.path] : []) },
};

/** Calls whose input holds a path that is not used to reach a file, and why. */
export const PATHS_NOT_FILE_ACCESS: { [K in CallName]?: string } = {
  'watch:remove': 'Only forgets a watched folder by name; it opens nothing.',
};

/**
 * The real location of `path`: symbolic links resolved for the part that exists (a file to
 * be written may not exist yet, nor its folder).
 */
export function realLocation(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realLocation(parent), basename(path));
  }
}

/**
 * Throws a `forbidden` CutlineError when call `name` names a path outside the folders the
 * user chose or the catalog knows. Hosts where typed paths are the user's choices (the
 * browser bridge) record the folders a choosing call names instead.
 */
export function guardCallPaths<K extends CallName>(
  name: K,
  input: ParsedInput<K>,
  access: FolderAccess,
  knownFolders: () => string[],
): void {
  const declared = PATH_INPUTS[name] as PathInput<K> | undefined;
  if (!declared) return;
  const paths = declared.paths(input);
  if (paths.length === 0) return;
  if (access.typedPathsAreChoices) {
    if (declared.use === 'choose') access.choose(...paths);
    return;
  }
  const allowed = [...access.chosen, ...knownFolders()].map(realLocation);
  for (const path of paths) {
    // Only a well-formed absolute path is looked up on disk; pathRefusal explains the rest.
    const real = isAbsolute(path) && !path.includes('\0') ? realLocation(path) : path;
    const refusal = pathRefusal(real, allowed);
    if (refusal) throw new CutlineError('forbidden', refusal);
  }
}
