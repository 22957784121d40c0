import exifr from 'exifr';
import sharp from 'sharp';
import { scanJpeg } from './container-scan';
import { uprightTurn } from './orientation';
import type { Thumbnail } from './read-result';
import { isRawImage } from './supported-formats';

/** Longest side of a rendered thumbnail. */
const THUMB_SIZE = 256;
/** Embedded thumbnails smaller than this look blurry in the grid; render instead. */
const MIN_EMBEDDED = 120;

/** The embedded EXIF thumbnail / preview, made upright, or null when absent or too small. */
async function fromEmbedded(
  input: Buffer | string,
  orientation: number | null,
): Promise<Thumbnail | null> {
  let data: Uint8Array | undefined;
  try {
    data = await exifr.thumbnail(input);
  } catch {
    return null;
  }
  if (!data || data.length < 100) return null;
  const jpeg = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // The JPEG's own SOF gives its size without starting libvips (several times cheaper).
  const isJpeg = jpeg[0] === 0xff && jpeg[1] === 0xd8;
  const sof = isJpeg ? scanJpeg(jpeg, true) : null;
  let width = sof?.width ?? null;
  let height = sof?.height ?? null;
  if (!width || !height) {
    const meta = await sharp(jpeg).metadata();
    width = meta.width ?? null;
    height = meta.height ?? null;
  }
  if (!width || !height || Math.max(width, height) < MIN_EMBEDDED) return null;
  const turn = uprightTurn(orientation);
  const big = Math.max(width, height) > THUMB_SIZE;
  if (turn.angle === 0 && !turn.flop && !big && isJpeg && !sof?.fatal) {
    // Already upright and small: store the camera's bytes as they are.
    return { jpeg, width, height, origin: 'embedded' };
  }
  // The thumbnail's own orientation tag (if any) is not trusted: the main image's one rules.
  let pipeline = sharp(jpeg).rotate(turn.angle);
  if (turn.flop) pipeline = pipeline.flop();
  if (big) pipeline = pipeline.resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside' });
  const { data: out, info } = await pipeline
    .jpeg({ quality: 75 })
    .toBuffer({ resolveWithObject: true });
  return { jpeg: out, width: info.width, height: info.height, origin: 'embedded' };
}

async function rendered(path: string): Promise<Thumbnail | null> {
  const { data, info } = await sharp(path, { failOn: 'none' })
    .rotate()
    .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside' })
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
  options: { head?: Buffer; orientation?: number | null } = {},
): Promise<Thumbnail | null> {
  const orientation = options.orientation ?? null;
  try {
    const fromHead = options.head ? await fromEmbedded(options.head, orientation) : null;
    if (fromHead) return fromHead;
  } catch {
    // fall through: a damaged embedded thumbnail is not the end of it
  }
  try {
    // The thumbnail may lie past the bytes read first (always so for a RAW preview): let
    // exifr read what it needs from the file before decoding the whole image.
    const fromFile = await fromEmbedded(path, orientation);
    if (fromFile || isRawImage(path)) return fromFile;
  } catch {
    if (isRawImage(path)) return null;
  }
  try {
    return await rendered(path);
  } catch {
    return null;
  }
}
