import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ExifTool } from 'exiftool-vendored';
import { JpegSegments } from './jpeg-segments';

/**
 * A digest of a file's image data alone, to prove a metadata write left the picture
 * untouched. JPEG: MD5 of the bytes from the first SOS marker to the EOI that ends the
 * primary image, found by walking the segments (fast: one read, no decoding). Other formats:
 * ExifTool's ImageDataHash (TIFF strips/tiles, PNG IDAT, HEIC/AVIF/WebP image items), through
 * the shared pool. Null when no image data can be found. `bytes`: the whole file, when the
 * caller has read it already.
 */
export async function imageDataDigest(
  path: string,
  exiftool: ExifTool,
  bytes?: Buffer,
): Promise<string | null> {
  const head = bytes ?? (await readFile(path));
  if (isJpeg(head)) return jpegScanDigest(head);
  const tags = (await exiftool.read(path, ['-api', 'ImageHashType=MD5', '-ImageDataHash'])) as {
    ImageDataHash?: string;
  };
  return typeof tags.ImageDataHash === 'string' && tags.ImageDataHash !== ''
    ? tags.ImageDataHash
    : null;
}

const EOI = Buffer.from([0xff, 0xd9]);

export function isJpeg(bytes: Buffer): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8;
}

/** MD5 of a JPEG's entropy-coded data and tables after the first SOS, through its EOI. */
export function jpegScanDigest(bytes: Buffer): string | null {
  const data = jpegImageData(bytes);
  return data ? createHash('md5').update(data).digest('hex') : null;
}

/**
 * True when two files hold the same image data: for JPEGs (both in memory) the bytes from
 * SOS to EOI compared directly (memcmp, far cheaper than hashing a megabyte twice), for other
 * formats ExifTool's ImageDataHash of each. False when either has no image data to compare.
 */
export async function sameImageData(
  original: { path: string; bytes: Buffer | null },
  written: { path: string; bytes: Buffer },
  exiftool: ExifTool,
): Promise<boolean> {
  if (original.bytes && isJpeg(original.bytes) && isJpeg(written.bytes)) {
    // Usually everything from the SOS to the end of the file is unchanged: one memcmp proves
    // it, without first looking for the EOI through a megabyte of each file. Only when a
    // trailer after the EOI changed (ExifTool rewrites MPF previews' offsets) is it found.
    const scanOfOriginal = jpegScanStart(original.bytes);
    const scanOfWritten = jpegScanStart(written.bytes);
    if (scanOfOriginal === null || scanOfWritten === null) return false;
    if (original.bytes.subarray(scanOfOriginal).equals(written.bytes.subarray(scanOfWritten))) {
      return true;
    }
    const before = jpegImageData(original.bytes);
    const after = jpegImageData(written.bytes);
    return before !== null && after !== null && before.equals(after);
  }
  const [before, after] = await Promise.all([
    imageDataDigest(original.path, exiftool, original.bytes ?? undefined),
    imageDataDigest(written.path, exiftool, written.bytes),
  ]);
  return before !== null && before === after;
}

/** The bytes of a JPEG from its first SOS marker through the EOI that ends the primary image. */
export function jpegImageData(bytes: Buffer): Buffer | null {
  const at = jpegScanStart(bytes);
  if (at === null) return null;
  // Inside entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so the
  // first FF D9 after the SOS is the primary image's EOI. What follows (MPF previews, vendor
  // trailers) is not compared: ExifTool may rewrite a trailer it knows.
  const eoi = bytes.indexOf(EOI, at);
  const end = eoi < at ? bytes.length : eoi + 2;
  return bytes.subarray(at, end);
}

/**
 * Where a JPEG's first SOS marker is, found by walking the segments; null if nowhere. Strict,
 * unlike the metadata reader: a byte between segments that is not a marker stops the walk
 * (null), for the digest must not guess where a damaged structure goes on.
 */
export function jpegScanStart(bytes: Buffer): number | null {
  const walk = new JpegSegments(bytes);
  while (walk.next()) if (walk.marker === 0xda) return walk.start;
  return null;
}
