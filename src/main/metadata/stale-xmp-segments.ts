/**
 * XMP a JPEG keeps in an APP1 segment under a header other than the standard one (Cutline
 * reads it, as "XMP in any container"; ExifTool reads it too but writes only the standard
 * segment, making a new one beside it). After a write such a copy would still say the old
 * caption, so it is removed, and the write report says so.
 */

import { JpegSegments } from './jpeg-segments';

const STANDARD_XMP = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const EXTENDED_XMP = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');
const EXIF = Buffer.from('Exif\0', 'latin1');

/** Where each APP1 segment holding non-standard XMP lies: [start of marker, end). */
function nonStandardXmpSegments(bytes: Buffer): [number, number][] {
  const found: [number, number][] = [];
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return found;
  // Strict: a byte between segments that is not a marker, a bad length or a cut segment ends
  // the search, so that nothing past a damaged place is taken for a segment and cut out.
  const walk = new JpegSegments(bytes);
  while (walk.next()) {
    // Start of scan: no metadata segments follow.
    if (walk.marker === 0xda) break;
    if (walk.marker === 0xe1) {
      const body = bytes.subarray(walk.dataStart, walk.end);
      const known =
        body.subarray(0, STANDARD_XMP.length).equals(STANDARD_XMP) ||
        body.subarray(0, EXTENDED_XMP.length).equals(EXTENDED_XMP) ||
        body.subarray(0, EXIF.length).equals(EXIF);
      if (!known && body.includes('<x:xmpmeta')) found.push([walk.start, walk.end]);
    }
  }
  return found;
}

/** Whether a JPEG held in memory has XMP in a non-standard APP1 segment. */
export function hasNonStandardXmp(bytes: Buffer): boolean {
  return nonStandardXmpSegments(bytes).length > 0;
}

/** The JPEG without its non-standard XMP segments (the same buffer when it has none). */
export function withoutNonStandardXmp(bytes: Buffer): Buffer {
  const segments = nonStandardXmpSegments(bytes);
  if (segments.length === 0) return bytes;
  const parts: Buffer[] = [];
  let from = 0;
  for (const [start, end] of segments) {
    parts.push(bytes.subarray(from, start));
    from = end;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}
