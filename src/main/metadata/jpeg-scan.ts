import { type ContainerScan, emptyScan, xmpWithinLimit } from './container-scan';
import { JpegSegments } from './jpeg-segments';
import { readTiffTags } from './tiff-tags';
import { decodeXmpBytes } from './xmp-packet-bytes';

const PS_HEADER = 'Photoshop 3.0\0';
const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';
const EXT_XMP_HEADER = 'http://ns.adobe.com/xmp/extension/\0';
/** "Exif\0\0"; some Kodak cameras write another byte for the second NUL, as ExifTool allows. */
const EXIF_HEADER = 'Exif\0\0';

/**
 * Walks the JPEG markers from SOI to SOS. `complete` says whether `buf` is the whole file
 * (then running off its end is damage, not a reason to read more).
 */
export function scanJpeg(buf: Buffer, complete: boolean): ContainerScan {
  const scan = emptyScan();
  let psParts: Uint8Array[] = [];
  let lastWasApp13 = false;
  // EXIF APP1 segments: the first, and any that follow it at once (ExifTool's multi-segment
  // EXIF: a writer that split its EXIF; the offsets count from the first one's TIFF header).
  const exifParts: Buffer[] = [];
  let exifOpen = false;
  const flushPs = () => {
    if (psParts.length > 0)
      scan.irbs.push(psParts.length === 1 ? psParts[0]! : Buffer.concat(psParts));
    psParts = [];
  };
  // Extended XMP (packets over 64 KB): 32-byte GUID, total length, offset, then a slice.
  const extended = new Map<
    string,
    { total: number; parts: { at: number; data: Buffer }[]; bytes: number }
  >();
  let sawSos = false;
  let segments = 0;
  // Lenient like ExifTool: junk some writers leave between segments is skipped and counted.
  const walk = new JpegSegments(buf, 2, true);
  while (walk.next()) {
    segments++;
    const marker = walk.marker;
    const start = walk.dataStart;
    const end = walk.end;
    if (marker === 0xda) {
      sawSos = true;
      break;
    }
    const isApp13 =
      marker === 0xed && buf.toString('latin1', start, start + PS_HEADER.length) === PS_HEADER;
    if (isApp13) {
      // Photoshop splits a large IRB across consecutive APP13 segments: join them.
      if (!lastWasApp13) flushPs();
      psParts.push(buf.subarray(start + PS_HEADER.length, end));
    } else if (
      marker === 0xe1 &&
      buf.toString('latin1', start, start + 5) === 'Exif\0' &&
      (exifParts.length === 0 || exifOpen)
    ) {
      exifParts.push(buf.subarray(start + EXIF_HEADER.length, end));
    } else if (
      marker === 0xe1 &&
      buf.toString('latin1', start, start + XMP_HEADER.length) === XMP_HEADER
    ) {
      scan.xmp.push(decodeXmpBytes(buf.subarray(start + XMP_HEADER.length, end)));
    } else if (
      marker === 0xe1 &&
      buf.toString('latin1', start, start + EXT_XMP_HEADER.length) === EXT_XMP_HEADER
    ) {
      const p = start + EXT_XMP_HEADER.length;
      if (p + 40 <= end) {
        const guid = buf.toString('latin1', p, p + 32);
        const entry = extended.get(guid) ?? {
          total: buf.readUInt32BE(p + 32),
          parts: [],
          bytes: 0,
        };
        entry.parts.push({ at: buf.readUInt32BE(p + 36), data: buf.subarray(p + 40, end) });
        entry.bytes += end - p - 40;
        extended.set(guid, entry);
      }
    } else if (marker === 0xe1 && nonStandardXmpAt(buf, start, end) >= 0) {
      scan.xmp.push(decodeXmpBytes(buf.subarray(nonStandardXmpAt(buf, start, end), end)));
      scan.warnings.push('JPEG has an XMP segment with a non-standard header (read as XMP)');
    } else if (
      marker >= 0xc0 &&
      marker <= 0xcf &&
      marker !== 0xc4 &&
      marker !== 0xc8 &&
      marker !== 0xcc &&
      end - start >= 5 // a length of 7: precision, height, width
    ) {
      scan.height = buf.readUInt16BE(start + 1);
      scan.width = buf.readUInt16BE(start + 3);
    }
    lastWasApp13 = isApp13;
    exifOpen = exifParts.length > 0 && marker === 0xe1 && lastExifEnd(exifParts, buf, end);
  }
  if (walk.stopped === 'bad-length') {
    if (segments === 0) scan.fatal = 'truncated or corrupt JPEG: bad first segment';
    else scan.warnings.push('JPEG has a segment with a bad length; metadata after it was not read');
  } else if (walk.stopped === 'truncated') {
    segments++;
    if (!complete) scan.needMore = true;
    else scan.warnings.push('JPEG is truncated inside a metadata segment');
  }
  const stray = walk.strayBytes;
  flushPs();
  if (exifParts.length > 0 && !scan.needMore) {
    const tiff = exifParts.length === 1 ? exifParts[0]! : Buffer.concat(exifParts);
    scan.tiff = readTiffTags(tiff, { start: 0, end: tiff.length, open: false });
    scan.warnings.push(...scan.tiff.warnings);
  }
  if (stray > 0) scan.warnings.push(`JPEG has ${stray} stray bytes between its segments`);
  for (const { parts, total, bytes } of extended.values()) {
    // The declared total is checked too: the parts past the bytes read may be what is missing.
    if (!xmpWithinLimit(Math.max(total, bytes), scan)) continue;
    parts.sort((a, b) => a.at - b.at);
    scan.xmp.push(Buffer.concat(parts.map((part) => part.data)).toString('utf8'));
  }
  if (!sawSos && !scan.needMore && !scan.fatal) {
    if (segments === 0)
      scan.fatal = 'truncated or corrupt JPEG: no segments after the start marker';
    else if (complete)
      scan.damage = 'truncated or corrupt JPEG: the file ends before its image data';
    else scan.needMore = true;
  }
  return scan;
}

/** True when the segment just walked (ending at `end`) was the last EXIF part found. */
function lastExifEnd(parts: Buffer[], buf: Buffer, end: number): boolean {
  const last = parts[parts.length - 1]!;
  return last.byteOffset + last.length === buf.byteOffset + end;
}

/**
 * Where the packet of an APP1 segment holding XMP under a non-standard header starts
 * ("XMP\0://ns.adobe.com/xap/1.0/\0", written by some agency systems), or -1 when the
 * segment is not one. ExifTool reads such packets, with a warning.
 */
function nonStandardXmpAt(buf: Buffer, start: number, end: number): number {
  const head = buf.toString('latin1', start, start + 4);
  if (head !== 'XMP\0' && head !== 'http') return -1;
  const at = buf.subarray(start, Math.min(end, start + 128)).indexOf('<');
  if (at < 0) return -1;
  const tag = buf.toString('latin1', start + at, start + at + 10);
  return tag.startsWith('<?xpacket') || tag === '<x:xmpmeta' ? start + at : -1;
}
