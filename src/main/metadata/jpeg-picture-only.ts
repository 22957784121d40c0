import { closeSync, fstatSync } from 'node:fs';
import { JpegSegments } from './jpeg-segments';
import { openRegularFile } from './open-regular-file';
import { readPartSync } from './read-file-part';

/** Metadata segments kept for the decoder, in bytes: EXIF (orientation) and ICC fit easily. */
const KEPT_METADATA = 1024 * 1024;

/** Bytes read at a time to find the segments' markers: a few headers, not their data. */
const WINDOW = 4096;

/**
 * True when a JPEG's first bytes do not reach its image data (SOS): its metadata segments
 * are large. libvips keeps every APPn segment of a JPEG it decodes in memory, and copies
 * them, so a file with 50 MB of XMP cost 150 MB to make a 256-px thumbnail from.
 */
export function hasBulkyMetadata(head: Buffer): boolean {
  if (head.length < 4 || head[0] !== 0xff || head[1] !== 0xd8) return false;
  const walk = new JpegSegments(head);
  while (walk.next()) if (walk.marker === 0xda) return false;
  // The head ends inside a segment or between two: the metadata runs on past it. A damaged
  // walk (a stray byte, a bad length, EOI before any image data) is left to the decoder.
  return walk.stopped === 'truncated' || walk.stopped === 'end';
}

/** The first `bytes` of the regular file at `path` (fewer when it is shorter). */
export function regularFileHead(path: string, bytes: number): Buffer {
  const fd = openRegularFile(path);
  try {
    return readPartSync(fd, 0, Math.min(bytes, fstatSync(fd).size));
  } finally {
    closeSync(fd);
  }
}

/**
 * The JPEG at `path` with its bulky metadata left out, for a decoder: every segment it needs
 * (tables, frame, scan and image data) and the first megabyte of APPn segments (EXIF with the
 * orientation, ICC), but no APPn or comment past that, nor any XMP or Photoshop segment.
 * Read a few headers at a time and segment by segment, so the left-out bytes are never in
 * memory.
 */
export function jpegPictureOnly(path: string): Buffer {
  const fd = openRegularFile(path);
  try {
    const size = fstatSync(fd).size;
    const parts: Buffer[] = [Buffer.of(0xff, 0xd8)];
    let kept = 0;
    /** Keeps the segment the walk is at (`at`: the file offset of the walk's bytes), unless bulky. */
    const keep = (walk: JpegSegments, at: number) => {
      const { marker, start, end } = walk;
      const length = end - start - 2;
      const bulky =
        (marker >= 0xe0 && marker <= 0xef && kept + length > KEPT_METADATA) ||
        marker === 0xed ||
        marker === 0xfe ||
        (marker === 0xe1 && !startsWithExif(fd, at + start));
      if (bulky) return;
      parts.push(readPartSync(fd, at + start, end - start));
      if (marker >= 0xe0 && marker <= 0xef) kept += length;
    };
    // The segments are walked through small windows of the file, so that a bulky segment's
    // bytes are never read: the walk goes on at its end.
    let at = 0;
    let walk = new JpegSegments(readPartSync(fd, 0, WINDOW), 2);
    let rest: number;
    for (;;) {
      if (walk.next()) {
        if (walk.marker === 0xda) {
          rest = at + walk.start;
          break;
        }
        keep(walk, at);
        continue;
      }
      const windowEnd = at + walk.bytes.length;
      if (walk.stopped === 'truncated' && at + walk.end <= size) {
        keep(walk, at); // it runs past the window, not past the file
        at += walk.end;
      } else if (walk.stopped === 'end' && windowEnd < size && walk.start > 0) {
        at += walk.start;
      } else {
        // The image data, or a damaged structure, or the end of the file.
        rest = at + walk.start;
        break;
      }
      walk = new JpegSegments(readPartSync(fd, at, WINDOW), 0);
    }
    // From SOS on: the image data, whole.
    parts.push(readPartSync(fd, rest, size - rest));
    return Buffer.concat(parts);
  } finally {
    closeSync(fd);
  }
}

function startsWithExif(fd: number, segment: number): boolean {
  return readPartSync(fd, segment + 4, 4).toString('latin1') === 'Exif';
}
