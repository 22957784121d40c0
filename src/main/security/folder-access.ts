/**
 * The folders the renderer may name in a call: those the user chose (in a folder picker, by
 * dropping them on the window, on the command line) and those the catalog already knows
 * (folders imported or watched before). A compromised or buggy page therefore cannot make
 * the main process read, import, watch or write anywhere else. Pure path arithmetic; the
 * file-system lookups (symbolic links) are done by the caller (path-guard.ts).
 */
import { posix, win32 } from 'node:path';

/** How paths are spelled and compared: Windows and macOS compare names without case. */
export type PathFlavour = 'posix' | 'win32' | 'darwin';

const hostFlavour = (): PathFlavour =>
  process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'posix';

/** True when `target` is `folder` itself or lies anywhere beneath it. */
export function isInsideFolder(
  target: string,
  folder: string,
  flavour: PathFlavour = hostFlavour(),
): boolean {
  const path = flavour === 'win32' ? win32 : posix;
  const fold = (value: string) => (flavour === 'posix' ? value : value.toLowerCase());
  const relative = path.relative(fold(path.resolve(folder)), fold(path.resolve(target)));
  if (relative === '') return true;
  // "..hidden" is a name inside the folder; only ".." itself as the first part leaves it.
  const leaves = relative === '..' || relative.startsWith(`..${path.sep}`);
  return !leaves && !path.isAbsolute(relative);
}

/**
 * Why `target` may not be used, or null when it may: it must be an absolute path without
 * NUL bytes, inside one of `allowedFolders`.
 */
export function pathRefusal(
  target: string,
  allowedFolders: readonly string[],
  flavour: PathFlavour = hostFlavour(),
): string | null {
  const path = flavour === 'win32' ? win32 : posix;
  if (target.includes('\0')) return 'A path cannot contain a NUL character.';
  if (!path.isAbsolute(target)) return `"${target}" is not an absolute path.`;
  if (allowedFolders.some((folder) => isInsideFolder(target, folder, flavour))) return null;
  return `"${target}" is outside the folders you chose or imported; choose it with Import folder (or drop it on the window) first.`;
}

/**
 * The folders the user chose during this session. `typedPathsAreChoices` is for hosts
 * without a native picker (the browser bridge, tests): there the path typed into a field
 * *is* the user's choice, so every path a call names counts as chosen.
 */
export class FolderAccess {
  private readonly chosenFolders = new Set<string>();

  constructor(readonly typedPathsAreChoices: boolean) {}

  /** Records folders (or files) the user chose through the host, never through a call. */
  choose(...paths: string[]): void {
    for (const path of paths) if (path) this.chosenFolders.add(path);
  }

  get chosen(): readonly string[] {
    return [...this.chosenFolders];
  }
}
