import { closeSync, fstatSync, readSync } from 'node:fs';
import { fileEnds, fingerprintOf } from './fingerprint';
import { isJpeg, jpegScanDigest } from './image-data-digest';
import { openRegularFile } from './open-regular-file';

/** Memory the whole file is read into, reused up to KEEP_BYTES: the caller reads one file at
 * a time and the digest is taken before this function returns, so nothing points into it
 * afterwards. A larger file gets memory of its own, not kept by the worker. */
let memory = Buffer.allocUnsafeSlow(0);
const KEEP_BYTES = 32 * 1024 * 1024;

/**
 * The image-data digest of a JPEG (image-data-digest.ts) read whole, here, where the caller
 * runs (an import worker reading the file anyway): what a desk member publishes a photo by,
 * so the catalog thread does not read and hash every file again to publish it. Answers
 * undefined when it cannot vouch for the digest of the file as `expected` describes it: not
 * a JPEG (other formats need ExifTool; the publisher computes theirs), a file that changed
 * since it was identified, or one that cannot be read. Never throws.
 */
export function wholeJpegDigest(
  path: string,
  expected: { byteSize: number; fingerprint: string },
): string | null | undefined {
  let fd: number;
  try {
    fd = openRegularFile(path);
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (info.size !== expected.byteSize || info.size < 2) return undefined;
    if (memory.length < info.size && info.size <= KEEP_BYTES) {
      memory = Buffer.allocUnsafeSlow(info.size);
    }
    const bytes =
      info.size <= KEEP_BYTES ? memory.subarray(0, info.size) : Buffer.allocUnsafe(info.size);
    if (readSync(fd, bytes, 0, 2, 0) !== 2 || !isJpeg(bytes)) return undefined;
    let at = 2;
    while (at < bytes.length) {
      const read = readSync(fd, bytes, at, bytes.length - at, at);
      if (read === 0) return undefined;
      at += read;
    }
    // The same bytes the fingerprint was taken from, or the digest would name another file.
    const ends = fileEnds(info.size, info.mtimeMs, bytes, Buffer.alloc(0));
    if (fingerprintOf(ends) !== expected.fingerprint) return undefined;
    return jpegScanDigest(bytes);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
