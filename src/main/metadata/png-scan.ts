import { inflateSync } from 'node:zlib';
import { type ContainerScan, emptyScan } from './container-scan';
import { decodeRawProfile } from './raw-profile';
import { sizeName, XMP_PACKET_LIMIT } from './read-limits';
import { isTiffHeader, readTiffTags } from './tiff-tags';

/** Walks the PNG chunks for IHDR, iTXt XMP and the raw IIM/IRB profiles ImageMagick writes. */
export function scanPng(buf: Buffer, complete: boolean): ContainerScan {
  const scan = emptyScan();
  let pos = 8;
  let sawIend = false;
  while (pos + 8 <= buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const start = pos + 8;
    const end = start + length;
    if (type === 'IEND') {
      sawIend = true;
      break;
    }
    if (end > buf.length) {
      if (complete) scan.warnings.push(`PNG is truncated inside a ${type} chunk`);
      // Image data may run past the head; metadata chunks after it are rare but exist.
      else scan.needMore = type !== 'IDAT' || length < 4 * 1024 * 1024;
      break;
    }
    try {
      if (type === 'IHDR' && length >= 8) {
        scan.width = buf.readUInt32BE(start);
        scan.height = buf.readUInt32BE(start + 4);
      } else if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
        readPngText(buf.subarray(start, end), type, scan);
      } else if (type === 'eXIf' && !scan.tiff) {
        readPngExif(buf.subarray(start, end), scan, 'PNG eXIf');
      }
    } catch (error) {
      scan.warnings.push(`PNG ${type} chunk could not be read: ${(error as Error).message}`);
    }
    pos = end + 4; // skip the CRC
  }
  if (!sawIend && !complete && pos + 8 > buf.length) scan.needMore = true;
  return scan;
}

/** Most bytes a raw profile (EXIF, IIM, IRB, XMP stored as hex) may decode to. */
const MAX_RAW_PROFILE = XMP_PACKET_LIMIT;

/**
 * Inflates a zlib stream, stopping at `limit` bytes out: a small chunk may inflate to
 * gigabytes (a zip bomb), and zlib stops as soon as the output passes the limit, so memory
 * stays bounded. Null when over the limit or damaged, with a warning saying which.
 */
function inflateBounded(
  data: Buffer,
  limit: number,
  what: string,
  scan: ContainerScan,
): Buffer | null {
  try {
    return inflateSync(data, { maxOutputLength: limit });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      scan.warnings.push(`${what} inflates to more than ${sizeName(limit)}: skipped`);
    } else scan.warnings.push(`${what} could not be inflated: ${e.message}`);
    return null;
  }
}

/** The PNG text keywords Cutline reads; every other text chunk is left compressed. */
const PNG_KEYS = new Set([
  'xml:com.adobe.xmp',
  'raw profile type iptc',
  'raw profile type 8bim',
  'raw profile type xmp',
  'raw profile type exif',
  'raw profile type app1',
]);

function readPngText(data: Buffer, type: string, scan: ContainerScan): void {
  const nul = data.indexOf(0);
  if (nul < 0) return;
  const keyword = data.toString('latin1', 0, nul);
  const key = keyword.toLowerCase();
  if (!PNG_KEYS.has(key)) return;
  const isXmp = key === 'xml:com.adobe.xmp';
  // Hex takes two characters a byte, plus a newline every 72: 33 MB of text for 16 MB.
  const limit = isXmp ? XMP_PACKET_LIMIT : 2 * MAX_RAW_PROFILE + MAX_RAW_PROFILE / 16;
  const what = `PNG ${type} "${keyword}"`;
  let body: Buffer | null;
  if (type === 'tEXt') body = data.subarray(nul + 1);
  else if (type === 'zTXt') body = inflateBounded(data.subarray(nul + 2), limit, what, scan);
  else {
    const compressed = data[nul + 1] === 1;
    let p = nul + 3;
    p = data.indexOf(0, p) + 1; // language tag
    p = data.indexOf(0, p) + 1; // translated keyword
    const raw = data.subarray(p);
    body = compressed ? inflateBounded(raw, limit, what, scan) : raw;
  }
  if (!body) return;
  if (body.length > limit) {
    scan.warnings.push(`${what} is over its ${sizeName(limit)} limit: skipped`);
    return;
  }
  if (isXmp) {
    scan.xmp.push(body.toString('utf8')); // XMP is UTF-8 whatever the chunk type
    return;
  }
  const { bytes, tooLarge } = decodeRawProfile(body, MAX_RAW_PROFILE);
  if (tooLarge)
    scan.warnings.push(`${what} declares more than ${sizeName(MAX_RAW_PROFILE)}: skipped`);
  if (!bytes) return;
  if (key === 'raw profile type iptc' || key === 'raw profile type 8bim') {
    // "iptc" profiles hold either bare IIM or a whole IRB, depending on the writer.
    if (bytes.toString('latin1', 0, 4) === '8BIM') scan.irbs.push(bytes);
    else scan.bareIim.push(bytes);
  } else if (key === 'raw profile type xmp') {
    scan.xmp.push(bytes.toString('utf8'));
  } else if (!scan.tiff) {
    readPngExif(bytes, scan, what);
  }
}

/** EXIF in a PNG: a TIFF, sometimes after a JPEG APP1's "Exif\0\0" (ImageMagick, some eXIf). */
function readPngExif(bytes: Buffer, scan: ContainerScan, what: string): void {
  const start = bytes.toString('latin1', 0, 6) === 'Exif\0\0' ? 6 : 0;
  if (!isTiffHeader(bytes, start)) {
    scan.warnings.push(`${what} holds no TIFF header: its EXIF was not read`);
    return;
  }
  scan.tiff = readTiffTags(bytes, { start, end: bytes.length, open: false });
  scan.warnings.push(...scan.tiff.warnings);
}
