import { closeSync, fstatSync, readSync } from 'node:fs';
import { openRegularFile } from './open-regular-file';

/** Metadata segments kept for the decoder, in bytes: EXIF (orientation) and ICC fit easily. */
const KEPT_METADATA = 1024 * 1024;

/**
 * True when a JPEG's first bytes do not reach its image data (SOS): its metadata segments
 * are large. libvips keeps every APPn segment of a JPEG it decodes in memory, and copies
 * them, so a file with 50 MB of XMP cost 150 MB to make a 256-px thumbnail from.
 */
export function hasBulkyMetadata(head: Buffer): boolean {
  if (head.length < 4 || head[0] !== 0xff || head[1] !== 0xd8) return false;
  let pos = 2;
  while (pos + 4 <= head.length) {
    if (head[pos] !== 0xff) return false; // damaged: left to the decoder
    const marker = head[pos + 1]!;
    if (marker === 0xda) return false;
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      pos += marker === 0xff ? 1 : 2;
      continue;
    }
    pos += 2 + head.readUInt16BE(pos + 2);
  }
  return true;
}

/** The first `bytes` of the regular file at `path` (fewer when it is shorter). */
export function regularFileHead(path: string, bytes: number): Buffer {
  const fd = openRegularFile(path);
  try {
    const head = Buffer.alloc(Math.min(bytes, fstatSync(fd).size));
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The JPEG at `path` with its bulky metadata left out, for a decoder: every segment it needs
 * (tables, frame, scan and image data) and the first megabyte of APPn segments (EXIF with the
 * orientation, ICC), but no APPn or comment past that, nor any XMP or Photoshop segment.
 * Read segment by segment, so the left-out bytes are never in memory.
 */
export function jpegPictureOnly(path: string): Buffer {
  const fd = openRegularFile(path);
  try {
    const size = fstatSync(fd).size;
    const parts: Buffer[] = [Buffer.of(0xff, 0xd8)];
    const header = Buffer.alloc(4);
    let kept = 0;
    let pos = 2;
    while (pos + 4 <= size) {
      readSync(fd, header, 0, 4, pos);
      if (header[0] !== 0xff) break;
      const marker = header[1]!;
      if (marker === 0xda) break;
      const length = header.readUInt16BE(2);
      const bulky =
        (marker >= 0xe0 && marker <= 0xef && kept + length > KEPT_METADATA) ||
        marker === 0xed ||
        marker === 0xfe ||
        (marker === 0xe1 && !startsWithExif(fd, pos));
      if (!bulky) {
        const bytes = Buffer.alloc(2 + length);
        readSync(fd, bytes, 0, bytes.length, pos);
        parts.push(bytes);
        if (marker >= 0xe0 && marker <= 0xef) kept += length;
      }
      pos += 2 + length;
    }
    // From SOS on: the image data, whole.
    const rest = Buffer.alloc(Math.max(0, size - pos));
    readSync(fd, rest, 0, rest.length, pos);
    parts.push(rest);
    return Buffer.concat(parts);
  } finally {
    closeSync(fd);
  }
}

function startsWithExif(fd: number, segment: number): boolean {
  const id = Buffer.alloc(6);
  readSync(fd, id, 0, 6, segment + 4);
  return id.toString('latin1', 0, 4) === 'Exif';
}
