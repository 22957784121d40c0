/**
 * What the command line asks of the app: folders (or photos) to open, as a file manager's
 * "Open with Cutline" or `cutline-app ~/Pictures/shoot` gives them, and `--catalog FILE` to
 * use another catalog. Chromium's and Electron's own switches are left alone.
 */
import { isAbsolute, resolve } from 'node:path';

export interface LaunchRequest {
  /** Absolute paths of folders or files to import. */
  paths: string[];
  /** A catalog file named with --catalog, absolute. */
  catalog: string | null;
}

/**
 * Reads `argv` as the process got it. `skip` is how many leading entries are the program
 * itself: 1 in a packaged app (the executable), 2 when run as `electron main.js`.
 */
export function parseLaunchArguments(
  argv: readonly string[],
  cwd: string,
  skip: number,
): LaunchRequest {
  const paths: string[] = [];
  let catalog: string | null = null;
  const rest = argv.slice(skip);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--catalog' && i + 1 < rest.length) {
      catalog = resolve(cwd, rest[++i]!);
    } else if (arg.startsWith('--catalog=')) {
      catalog = resolve(cwd, arg.slice('--catalog='.length));
    } else if (arg === '--') {
      for (const path of rest.slice(i + 1))
        paths.push(isAbsolute(path) ? path : resolve(cwd, path));
      break;
    } else if (!arg.startsWith('-') && arg !== '.') {
      // "." is what `electron .` passes for the app itself in development.
      paths.push(isAbsolute(arg) ? arg : resolve(cwd, arg));
    }
  }
  return { paths, catalog };
}
