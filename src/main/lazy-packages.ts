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

/**
 * The part of libheif-js (libheif and its HEVC decoder, libde265, compiled to WebAssembly)
 * that HEIC thumbnails use (heif-thumbnail.ts); its embind handles are opaque.
 */
export interface Libheif {
  ready: Promise<unknown>;
  heif_context_alloc(): unknown;
  heif_context_free(context: unknown): void;
  heif_context_read_from_memory(context: unknown, data: Uint8Array): { code: unknown };
  heif_error_code: { heif_error_Ok: unknown };
  heif_js_context_get_image_handle(context: unknown, id: number): HeifResult;
  heif_js_context_get_primary_image_handle(context: unknown): HeifResult;
  heif_image_handle_get_width(handle: unknown): number;
  heif_image_handle_get_height(handle: unknown): number;
  heif_image_handle_release(handle: unknown): void;
  heif_js_decode_image2(handle: unknown, colorspace: unknown, chroma: unknown): HeifDecoded;
  heif_image_release(image: unknown): void;
  heif_colorspace: { heif_colorspace_RGB: unknown };
  heif_chroma: { heif_chroma_interleaved_RGBA: unknown };
  heif_channel: { heif_channel_interleaved: unknown };
}
/** An embind answer: the handle, or an error with a code. */
export type HeifResult = { code?: unknown } | null | undefined;
/** A decoded picture: its planes (one interleaved RGBA plane here), or an error. */
export type HeifDecoded =
  | {
      code?: unknown;
      image?: unknown;
      channels?: { id: unknown; width: number; height: number; stride: number; data: Uint8Array }[];
    }
  | null
  | undefined;

/** libheif-js (≈2 MB of script with its WebAssembly inside); loaded on the first HEIC. */
export const libheifModule = loadOnFirstUse<Libheif>('libheif-js/wasm-bundle');
