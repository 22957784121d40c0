/**
 * A large picture of a photo file that a browser can show: the file's own bytes when the
 * browser decodes that format, otherwise a JPEG made from it (TIFF) or taken out of it (the
 * camera's embedded preview of a RAW or HEIC). Knows files only, never the catalog.
 */
import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { ExifTool } from 'exiftool-vendored';
import { exiftoolClass, sharp } from '../lazy-packages';
import { withStringPath } from './open-regular-file';
import { uprightTurn } from './orientation';
import { fsPath } from './raw-path';
import { DECODE_PIXEL_LIMIT } from './read-limits';
import { extensionOf } from './supported-formats';

/**
 * Longest side of a preview: a 5K screen's width. A file larger than this is scaled down
 * here, never passed to the page as it is (a 30000×30000 JPEG would cost the page gigabytes).
 */
export const PREVIEW_MAX_SIDE = 4096;

/** How the preview was made, for logs and headers. */
export type PreviewSource = 'file' | 'converted' | 'embedded-preview';

export interface PreviewBytes {
  bytes: Buffer;
  mime: string;
  source: PreviewSource;
}

/** Formats every browser (and Electron's Chromium) shows as they are. */
const BROWSER_MIME = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
} as const;

type Kind = keyof typeof BROWSER_MIME | 'tiff' | 'heic' | 'raw' | 'unknown';

const RAW_TIFF_EXTENSIONS = new Set(['dng', 'cr2', 'nef', 'arw', 'orf', 'rw2']);

/** What the file is, from its first bytes (the extension only breaks ties). */
async function sniffFile(path: string): Promise<Kind> {
  const handle = await open(fsPath(path), constants.O_RDONLY | constants.O_NONBLOCK);
  const head = Buffer.alloc(16);
  try {
    await handle.read(head, 0, 16, 0);
  } finally {
    await handle.close();
  }
  const ext = extensionOf(path);
  const s4 = head.toString('latin1', 0, 4);
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.readUInt32BE(0) === 0x89504e47) return 'png';
  if (s4 === 'GIF8') return 'gif';
  if (s4 === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (head.toString('latin1', 0, 15) === 'FUJIFILMCCD-RAW') return 'raw';
  if (s4 === 'IIRO' || s4 === 'IIRS' || s4 === 'IIU\0') return 'raw';
  if (s4 === 'II*\0' || s4 === 'MM\0*') {
    // DNG, CR2, NEF, ARW… are TIFF containers: their picture is the embedded preview.
    if (head.toString('latin1', 8, 10) === 'CR' || RAW_TIFF_EXTENSIONS.has(ext)) return 'raw';
    return 'tiff';
  }
  if (head.toString('latin1', 4, 8) === 'ftyp') {
    const brand = head.toString('latin1', 8, 12);
    if (brand === 'crx ') return 'raw';
    if (brand === 'avif' || brand === 'avis' || ext === 'avif') return 'avif';
    return 'heic';
  }
  return 'unknown';
}

/**
 * Embedded JPEG previews by ExifTool (exiftool-vendored), which finds them in every RAW
 * layout Cutline imports. One ExifTool process, started on first use; `close()` ends it.
 */
export class EmbeddedPreviewReader {
  private exiftool: ExifTool | null = null;

  /** Tags that hold a JPEG of the picture, in the order cameras use them for the biggest. */
  private static readonly TAGS = ['JpgFromRaw', 'PreviewImage', 'OtherImage', 'ThumbnailImage'];

  /** The largest embedded JPEG, or null when the file holds none. */
  async largestJpeg(path: string): Promise<Buffer | null> {
    this.exiftool ??= new (exiftoolClass())({ maxProcs: 1, taskTimeoutMillis: 30_000 });
    const exiftool = this.exiftool;
    let best: Buffer | null = null;
    for (const tag of EmbeddedPreviewReader.TAGS) {
      let bytes: Buffer;
      try {
        bytes = await exiftool.extractBinaryTagToBuffer(tag, path);
      } catch {
        continue; // this file has no such tag
      }
      const isJpeg = bytes.length > 100 && bytes[0] === 0xff && bytes[1] === 0xd8;
      if (isJpeg && (best === null || bytes.length > best.length)) best = bytes;
    }
    return best;
  }

  async close(): Promise<void> {
    const exiftool = this.exiftool;
    this.exiftool = null;
    await exiftool?.end();
  }
}

/** An upright JPEG of at most PREVIEW_MAX_SIDE, with no orientation left for a browser to apply. */
async function uprightJpeg(input: Buffer | string, orientation: number | null): Promise<Buffer> {
  const turn = orientation === null ? null : uprightTurn(orientation);
  // No known orientation: let sharp apply the one the picture itself carries.
  // Over the pixel limit sharp refuses before decoding: the caller shows the thumbnail instead.
  let pipeline = sharp(input, { failOn: 'none', limitInputPixels: DECODE_PIXEL_LIMIT });
  pipeline = turn === null ? pipeline.rotate() : pipeline.rotate(turn.angle);
  if (turn?.flop) pipeline = pipeline.flop();
  return pipeline
    .resize(PREVIEW_MAX_SIDE, PREVIEW_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** The file decoded and made an upright JPEG (uprightJpeg), or null when it cannot be. */
async function converted(path: string, orientation: number | null): Promise<PreviewBytes | null> {
  try {
    return { bytes: await uprightJpeg(path, orientation), mime: 'image/jpeg', source: 'converted' };
  } catch {
    return null;
  }
}

/**
 * An embedded preview as it may be served: its bytes as they are when they are already
 * upright and not too large, otherwise turned by the main image's orientation (an extracted
 * preview never carries the file's orientation with it) and scaled down.
 */
async function servePreviewJpeg(jpeg: Buffer, orientation: number | null): Promise<Buffer> {
  const meta = await sharp(jpeg, { limitInputPixels: DECODE_PIXEL_LIMIT }).metadata();
  const upright = (orientation ?? 1) === 1 && (meta.orientation ?? 1) === 1;
  const small = Math.max(meta.width ?? 0, meta.height ?? 0) <= PREVIEW_MAX_SIDE;
  if (upright && small) return jpeg;
  return uprightJpeg(jpeg, orientation ?? 1);
}

/**
 * The file as a browser can show it, or null when nothing in it can be shown here (a HEIC
 * whose HEVC picture this build of libvips cannot decode and that has no JPEG preview).
 * Throws the file system's error when the file cannot be read.
 *
 * @param orientation the photo's EXIF orientation as the catalog knows it (null: unknown).
 */
export async function renderPreview(
  path: string,
  orientation: number | null,
  embedded: EmbeddedPreviewReader,
): Promise<PreviewBytes | null> {
  const kind = await sniffFile(path);
  return withStringPath(path, (named) => previewOf(named, kind, orientation, embedded));
}

/** renderPreview once the file's kind is known, with a path every library can open. */
async function previewOf(
  path: string,
  kind: Kind,
  orientation: number | null,
  embedded: EmbeddedPreviewReader,
): Promise<PreviewBytes | null> {
  if (kind in BROWSER_MIME) {
    // The header alone says how large the picture is (no decode). Too large: scaled down, or
    // (over the pixel limit, or damaged) nothing, but never the file itself.
    const { width = 0, height = 0 } = await sharp(path, { limitInputPixels: false }).metadata();
    if (Math.max(width, height) > PREVIEW_MAX_SIDE) return converted(path, orientation);
    // Browsers apply EXIF orientation to these themselves: serve the bytes untouched.
    const mime = BROWSER_MIME[kind as keyof typeof BROWSER_MIME];
    return { bytes: await readFile(path), mime, source: 'file' };
  }
  if (kind === 'tiff' || kind === 'unknown') {
    const made = await converted(path, orientation);
    // A TIFF libvips cannot decode (old-style JPEG compression…) may still hold a preview.
    if (made !== null || kind === 'unknown') return made;
  }
  if (kind === 'heic') {
    // Decodes only where libheif was built with HEVC; the npm build of sharp has AV1 only.
    // libheif applies the container's rotation itself: the EXIF orientation is not applied.
    const made = await converted(path, null);
    if (made !== null) return made;
    // else an embedded JPEG, if the file has one
  }
  const jpeg = await embedded.largestJpeg(path);
  if (jpeg === null) return null;
  const bytes = await servePreviewJpeg(jpeg, orientation);
  return { bytes, mime: 'image/jpeg', source: 'embedded-preview' };
}
