import { basename, dirname, extname, join } from 'node:path';
import { RAW_EXTENSIONS } from '../../shared/raw-extensions';

/** Lower-case extensions (no dot) of the image files Cutline imports. */
export const SUPPORTED_EXTENSIONS = [
  'jpg',
  'jpeg',
  'jpe',
  'tif',
  'tiff',
  'png',
  'heic',
  'heif',
  'avif',
  'webp',
  'dng',
  'cr2',
  'cr3',
  'nef',
  'arw',
  'raf',
  'orf',
  'rw2',
] as const;

export { RAW_EXTENSIONS };

const SUPPORTED = new Set<string>(SUPPORTED_EXTENSIONS);
const RAW = new Set<string>(RAW_EXTENSIONS);

/** The file's extension, lower-case and without the dot ("" when it has none). */
export function extensionOf(path: string): string {
  return extname(path).slice(1).toLowerCase();
}

/** True when the file's extension is one Cutline reads (case-insensitive). */
export function isSupportedImage(path: string): boolean {
  return SUPPORTED.has(extensionOf(path));
}

/** True for camera RAW files (by extension), whose metadata is edited through a sidecar. */
export function isRawImage(path: string): boolean {
  return RAW.has(extensionOf(path));
}

/**
 * HEIF extensions whose pictures are decoded by libheif-js (heif-thumbnail.ts): HEVC-coded
 * as a rule, which sharp's libvips cannot decode. AVIF (AV1) is sharp's own.
 */
const LIBHEIF_EXTENSIONS = new Set(['heic', 'heif', 'hif']);

/**
 * True when this file's thumbnail is decoded by libheif-js, in WebAssembly: on the thread
 * that asks for it, for its whole 10–75 ms (≈10 ms on a quiet machine, 50–75 ms on a busy one;
 * the first in a thread also loads the library), unlike sharp, whose libvips works on the
 * libuv pool. Such files are read and their thumbnails rendered in a read worker
 * (read-pool.ts, thumbnail-renderer.ts).
 */
export function decodedByLibheif(path: string): boolean {
  return LIBHEIF_EXTENSIONS.has(extensionOf(path));
}

/**
 * The paths an .xmp sidecar of `path` may have: `IMG_0001.CR2.xmp` (Photo Mechanic's option,
 * darktable) first, because it names this one file, then `IMG_0001.xmp` (Lightroom, Photo
 * Mechanic default), which IMG_0001.CR2 and IMG_0001.CR3 in one folder would share; each with
 * a lower- and an upper-case extension. The caller checks which exist; on case-insensitive
 * file systems several names may point at the same file.
 */
export function sidecarCandidates(path: string): string[] {
  const dir = dirname(path);
  const name = basename(path);
  const ext = extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  const names = [`${name}.xmp`, `${name}.XMP`, `${stem}.xmp`, `${stem}.XMP`];
  // A file that is itself an .xmp has no sidecar.
  if (ext.toLowerCase() === '.xmp') return [];
  return [...new Set(names)].map((n) => join(dir, n));
}
