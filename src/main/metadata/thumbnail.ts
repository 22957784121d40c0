import exifr from 'exifr';
import { HEIF_DECODE_PIXELS } from '../../shared/preview-availability';
import { sharp } from '../lazy-packages';
import { embeddedJpeg } from './embedded-jpeg';
import { HEAVY_DECODE_PIXELS, heavyIf } from './heavy-read-gate';
import { heifThumbnailItems } from './heif-scan';
import { heifThumbnailPixels } from './heif-thumbnail';
import { progressiveDcScans } from './jpeg-dc-scans';
import { hasBulkyMetadata, jpegPictureOnly, regularFileHead } from './jpeg-picture-only';
import { scanJpeg } from './jpeg-scan';
import { readRegularFileHead, withStringPath } from './open-regular-file';
import { uprightTurn } from './orientation';
import { photoshopThumbnail } from './photoshop-thumbnail';
import { readHead } from './read-file-part';
import { DECODE_PIXEL_LIMIT, withinPixelLimit } from './read-limits';
import { HEAD_BYTES } from './read-photo';
import type { Thumbnail } from './read-result';
import { decodedByLibheif, extensionOf, isRawImage } from './supported-formats';

/** Longest side of a rendered thumbnail. */
const THUMB_SIZE = 256;
/** Embedded thumbnails smaller than this look blurry in the grid; render instead. */
const MIN_EMBEDDED = 120;

/**
 * The EXIF (IFD1) thumbnail as exifr finds it, or undefined. `exifr.thumbnail(path)` leaves
 * its file handle open when a file has no thumbnail or cannot be parsed (Node then closes it
 * at garbage collection, with a warning): the handle is closed here whatever happens.
 */
async function embeddedThumbnail(input: Buffer | string): Promise<Uint8Array | undefined> {
  const reader = new thumbnailApi.Exifr(thumbnailApi.thumbnailOnlyOptions);
  try {
    await reader.read(input);
    return (await reader.extractThumbnail()) ?? undefined;
  } catch {
    return undefined;
  } finally {
    await reader.file?.close?.();
  }
}

/** The part of exifr's class that `exifr.thumbnail` uses (its typings declare no class). */
interface ThumbnailReader {
  read(input: Buffer | string): Promise<unknown>;
  extractThumbnail(): Promise<Uint8Array | undefined>;
  file?: { close?: () => unknown };
}
const thumbnailApi = exifr as unknown as {
  Exifr: new (options: unknown) => ThumbnailReader;
  thumbnailOnlyOptions: unknown;
};

/** True for bytes that start with a JPEG's SOI and end with its EOI (padding aside). */
function isWholeJpeg(bytes: Buffer): boolean {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  let end = bytes.length;
  // Writers pad a thumbnail to an even length or a fixed size with zero bytes.
  while (end > 2 && bytes[end - 1] === 0x00) end--;
  return bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}

/** The embedded EXIF thumbnail / preview, made upright, or null when absent or too small. */
async function fromEmbedded(
  input: Buffer | string,
  orientation: number | null,
): Promise<Thumbnail | null> {
  const data = await embeddedThumbnail(input);
  if (!data || data.length < 100) return null;
  return fromJpeg(Buffer.from(data.buffer, data.byteOffset, data.byteLength), orientation);
}

/**
 * Photoshop's own thumbnail of a JPEG (image resource 0x040C in its APP13), made upright like
 * an EXIF thumbnail: it shows the pixels as stored, which the main image's orientation turns.
 * null for a file that is not a JPEG, has none in `head`, or whose thumbnail is not the shape
 * of the picture (`width` × `height`, as stored): a tool that crops or replaces the pixels
 * may copy the APP13 as it is, and the shared fixtures hold such a file (a 160×120 patio
 * over a blank 420×300 picture). Photoshop makes its thumbnail the picture's shape, to the
 * pixel.
 */
async function fromPhotoshop(
  head: Buffer,
  orientation: number | null,
  width: number | null | undefined,
  height: number | null | undefined,
): Promise<Thumbnail | null> {
  if (head[0] !== 0xff || head[1] !== 0xd8) return null;
  for (const irb of scanJpeg(head, false).irbs) {
    const jpeg = photoshopThumbnail(irb);
    if (!jpeg) continue;
    if (!width || !height) return null;
    return fromJpeg(Buffer.from(jpeg), orientation, { width, height });
  }
  return null;
}

/**
 * True when a thumbnail of `tw` × `th` is a picture of `w` × `h` scaled down: its height is
 * what its width gives, give or take the rounding to whole pixels and 2%.
 */
function sameShape(tw: number, th: number, w: number, h: number): boolean {
  const expected = (tw * h) / w;
  return Math.abs(th - expected) <= Math.max(1.5, expected * 0.02);
}

/**
 * A thumbnail from an embedded JPEG (EXIF thumbnail, RAW preview), or null when unfit.
 * `shapeOf`: the picture it must be the shape of (Photoshop's thumbnail), as stored.
 */
async function fromJpeg(
  jpeg: Buffer,
  orientation: number | null,
  shapeOf?: { width: number; height: number },
): Promise<Thumbnail | null> {
  // A damaged or cut-off file can declare a thumbnail past its end, and exifr then answers
  // bytes that run on into whatever memory lies beyond (other data of this process): only a
  // whole JPEG, from its SOI to its EOI, is taken.
  if (!isWholeJpeg(jpeg)) return null;
  // The JPEG's own SOF gives its size without starting libvips (several times cheaper).
  const sof = scanJpeg(jpeg, true);
  if (sof.fatal) return null;
  let width = sof.width;
  let height = sof.height;
  if (!width || !height) {
    const meta = await sharp(jpeg, { limitInputPixels: DECODE_PIXEL_LIMIT }).metadata();
    width = meta.width ?? null;
    height = meta.height ?? null;
  }
  if (!width || !height || Math.max(width, height) < MIN_EMBEDDED) return null;
  if (shapeOf && !sameShape(width, height, shapeOf.width, shapeOf.height)) return null;
  const turn = uprightTurn(orientation);
  const big = Math.max(width, height) > THUMB_SIZE;
  if (turn.angle === 0 && !turn.flop && !big) {
    // Already upright and small: store the camera's bytes as they are.
    return { jpeg, width, height, origin: 'embedded' };
  }
  // The thumbnail's own orientation tag (if any) is not trusted: the main image's one rules.
  let pipeline = sharp(jpeg, { limitInputPixels: DECODE_PIXEL_LIMIT }).rotate(turn.angle);
  if (turn.flop) pipeline = pipeline.flop();
  if (big) pipeline = pipeline.resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside' });
  const { data: out, info } = await pipeline
    .jpeg({ quality: 75 })
    .toBuffer({ resolveWithObject: true });
  return { jpeg: out, width: info.width, height: info.height, origin: 'embedded' };
}

/** Of the HEIF files libheif-js decodes, the ones that are HEVC by name: sharp is not tried on them at all. */
const HEVC_EXTENSIONS = new Set(['heic', 'hif']);

/** A HEIC's thumbnail item (or small picture) decoded by libheif-js; null when none. */
async function fromHeif(path: string): Promise<Thumbnail | null> {
  try {
    const pixels = await heifThumbnailPixels(path, MIN_EMBEDDED);
    if (!pixels) return null;
    const { width, height } = pixels;
    // Already upright: libheif applies the item's rotation and mirroring (irot, imir),
    // which is what a HEIF's orientation is; its EXIF Orientation only repeats it.
    const { data, info } = await sharp(pixels.data, { raw: { width, height, channels: 4 } })
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .jpeg({ quality: 75 })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: info.width, height: info.height, origin: pixels.origin };
  } catch {
    return null;
  }
}

/**
 * The picture decoded and scaled to THUMB_SIZE. A JPEG is decoded at 1/2, 1/4 or 1/8 of its
 * size (shrink-on-load: a 3000×2000 picture at 375×250; `.rotate()` before the resize does
 * not prevent it), which leaves libjpeg's Huffman decoding of the whole file as most of the
 * cost (≈60% of a render's CPU, README Performance): reading from a Buffer, sequential
 * access, cutting the metadata out first or turning sharp's cache off each changed it by
 * less than the noise.
 */
async function rendered(path: string | Buffer): Promise<Thumbnail | null> {
  const { data, info } = await sharp(path, { failOn: 'none', limitInputPixels: DECODE_PIXEL_LIMIT })
    .rotate()
    .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', fastShrinkOnLoad: true })
    .jpeg({ quality: 75 })
    .toBuffer({ resolveWithObject: true });
  return { jpeg: data, width: info.width, height: info.height, origin: 'rendered' };
}

/**
 * A small upright JPEG for the grid. Uses the file's embedded EXIF thumbnail or preview when it
 * is at least ~120 px (cheap: no decode of the full image), otherwise renders with sharp. RAW
 * files get only their embedded preview: decoding the sensor data is out of scope. Returns
 * null, never throws, when nothing can be rendered.
 */
export async function makeThumbnail(
  path: string,
  options: {
    head?: Buffer;
    orientation?: number | null;
    /** The picture's size as its header gives it: over DECODE_PIXEL_LIMIT it is not decoded. */
    width?: number | null;
    height?: number | null;
    /** False: embedded thumbnails only, null when the picture would have to be rendered
     * (an import stores the metadata first and renders afterwards, on every core). */
    render?: boolean;
    /** False: skip looking for an embedded thumbnail (it was looked for already). */
    embedded?: boolean;
  } = {},
): Promise<Thumbnail | null> {
  const orientation = options.orientation ?? null;
  const libheif = decodedByLibheif(path);
  if (options.embedded === false) {
    if (isRawImage(path)) return null;
    return withStringPath(path, async (named) => {
      const heif = libheif ? await fromHeif(named) : null;
      if (heif || HEVC_EXTENSIONS.has(extensionOf(path))) return heif;
      return renderedWithin(named, options);
    });
  }
  try {
    const fromHead = options.head ? await fromEmbedded(options.head, orientation) : null;
    if (fromHead) return fromHead;
  } catch {
    // fall through: a damaged embedded thumbnail is not the end of it
  }
  return withStringPath(path, async (named) => {
    if (isRawImage(path)) {
      // The camera's own preview, found by walking the file's structure (embedded-jpeg.ts):
      // a RAW's sensor data is not decoded.
      try {
        const preview = await embeddedJpeg(named, THUMB_SIZE);
        return preview ? await fromJpeg(preview, orientation) : null;
      } catch {
        return null;
      }
    }
    if (libheif) {
      // sharp cannot decode HEVC: the thumbnail item, decoded in WebAssembly.
      const heif = await fromHeif(named);
      if (heif || HEVC_EXTENSIONS.has(extensionOf(path))) return heif;
    }
    try {
      // The thumbnail may lie past the bytes read first: let exifr read what it needs from
      // the file before decoding the whole image.
      const fromFile = await fromEmbedded(named, orientation);
      if (fromFile) return fromFile;
      // No EXIF thumbnail: a file Photoshop saved has its own (wire photos often do).
      const head = options.head ?? regularFileHead(named, HEAD_BYTES);
      const photoshop = await fromPhotoshop(head, orientation, options.width, options.height);
      if (photoshop) return photoshop;
    } catch {
      // fall through to rendering
    }
    return options.render === false ? null : renderedWithin(named, options);
  });
}

/**
 * True when a thumbnail can be rendered from the picture itself: not a RAW (its sensor data
 * is not decoded), not a HEIC (its own thumbnail was looked for when it was read; its
 * picture is decoded only when small, in the same step) and within the pixel limit.
 */
export function canRenderThumbnail(
  path: string,
  width: number | null,
  height: number | null,
): boolean {
  return (
    !isRawImage(path) && !HEVC_EXTENSIONS.has(extensionOf(path)) && withinPixelLimit(width, height)
  );
}

/** Bytes of a HEIC read to find its thumbnail items: its meta box comes first, a few KB. */
const HEIF_HEAD_BYTES = 1024 * 1024;

/**
 * True when a thumbnail the catalog lacks can be made now (`cutline thumbnails`, the app's
 * start-up pass): what canRenderThumbnail allows, and a HEIC with a thumbnail item, or whose
 * picture is small enough to decode (HEIF_DECODE_PIXELS), for libheif-js. A catalog imported
 * before HEIC thumbnails were made holds HEICs without one, which only a new read of the
 * file gave them; a HEIC with neither is left out, as the import leaves it (looking is a
 * read of the file's first bytes, without loading libheif-js).
 */
export async function canMakeMissingThumbnail(
  path: string,
  width: number | null,
  height: number | null,
): Promise<boolean> {
  if (canRenderThumbnail(path, width, height)) return true;
  if (!HEVC_EXTENSIONS.has(extensionOf(path))) return false;
  if (width !== null && height !== null && width * height <= HEIF_DECODE_PIXELS) return true;
  try {
    return heifThumbnailItems(await readHead(path, HEIF_HEAD_BYTES)).length > 0;
  } catch {
    return false; // unreadable now: left for the next pass
  }
}

/** Largest progressive JPEG read whole for its DC scans (they are spread through it). */
const DC_SCANS_READ_LIMIT = 16 * 1024 * 1024;

/**
 * A large progressive JPEG without the AC scans a decode at 1/8 does not use
 * (jpeg-dc-scans.ts); null for any other picture, which is decoded whole.
 */
async function progressiveDcPart(named: string, head: Buffer | null): Promise<Buffer | null> {
  // Shrink-on-load decodes at 1/8 only when the picture is at least 8 thumbnails wide.
  const minSide = THUMB_SIZE * 8;
  try {
    const part = progressiveDcScans(head ?? regularFileHead(named, 64 * 1024), minSide);
    if (part !== 'more') return part;
    const whole = await readRegularFileHead(named, DC_SCANS_READ_LIMIT);
    const longer = progressiveDcScans(whole, minSide);
    return longer === 'more' ? null : longer;
  } catch {
    return null; // the whole file is decoded, as before
  }
}

/** The picture (not a RAW) decoded and scaled down within the pixel limit; else null. */
async function renderedWithin(
  named: string,
  options: { head?: Buffer; width?: number | null; height?: number | null },
): Promise<Thumbnail | null> {
  if (!withinPixelLimit(options.width ?? null, options.height ?? null)) return null;
  try {
    // A JPEG with megabytes of metadata is decoded from its picture alone (see
    // jpeg-picture-only.ts): libvips would hold all of it, and copies, in memory.
    // (The thumbnail renderer passes no head: the first 64 KB are read to tell.)
    const head = options.head ?? regularFileHead(named, 64 * 1024);
    const bulky = hasBulkyMetadata(head);
    const pixels = (options.width ?? 0) * (options.height ?? 0);
    return await heavyIf(bulky || pixels > HEAVY_DECODE_PIXELS, async () =>
      // A head passed in may be a pooled buffer, or have a gap: the cut is made from bytes
      // read here only.
      rendered(
        bulky
          ? jpegPictureOnly(named)
          : ((await progressiveDcPart(named, options.head ? null : head)) ?? named),
      ),
    );
  } catch {
    return null;
  }
}
