/**
 * The heavy packages the services use, each loaded the first time it is used rather than
 * when the process starts (sharp ≈50–100 ms, exiftool-vendored ≈45 ms, pg ≈40 ms, chokidar
 * ≈15 ms): most `cutline` commands and the app's first screen never need them. The load is synchronous, so callers
 * keep their shape; the bundle leaves these packages external, and Node resolves them from
 * node_modules as it would an import.
 */
import { createRequire } from 'node:module';
import type * as Chokidar from 'chokidar';
import type * as ExiftoolVendored from 'exiftool-vendored';
import type Pg from 'pg';
import type Sharp from 'sharp';

const requirePackage = createRequire(import.meta.url);

/** A getter that loads the package `name` on its first call and returns it ever after. */
function loadOnFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= requirePackage(name) as T;
    return loaded;
  };
}

const loadSharp = loadOnFirstUse<typeof Sharp>('sharp');
const loadExiftool = loadOnFirstUse<typeof ExiftoolVendored>('exiftool-vendored');

/** sharp itself, called as usual (`sharp(input)`); the package loads on the first call. */
export const sharp = ((...args: Parameters<typeof Sharp>) => loadSharp()(...args)) as typeof Sharp;

/**
 * Sets how many threads libvips gives one picture (sharp.concurrency), loading sharp. The
 * setting is the process's: every image after it is made with that many.
 */
export function setLibvipsThreads(threads: number): void {
  loadSharp().concurrency(threads);
}

/** exiftool-vendored's ExifTool class; the package loads on the first call. */
export function exiftoolClass(): typeof ExiftoolVendored.ExifTool {
  return loadExiftool().ExifTool;
}

const loadChokidar = loadOnFirstUse<typeof Chokidar>('chokidar');

/** chokidar's `watch`; the package loads on the first call (only watched folders need it). */
export const watchFolder: typeof Chokidar.watch = (...args) => loadChokidar().watch(...args);

/** node-postgres, for the desk; loaded when a desk is first reached (most catalogs have none). */
export const pgModule = loadOnFirstUse<typeof Pg>('pg');
