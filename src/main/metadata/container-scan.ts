import { inflateSync } from 'node:zlib';
import { sizeName, XMP_PACKET_LIMIT } from './read-limits';
import {
  isTiffHeader,
  noTiffTags,
  readTiffTags,
  TAG_IPTC,
  TAG_IRB,
  TAG_XMP,
  type TiffTags,
} from './tiff-tags';

/**
 * Walks the structure of JPEG, TIFF and PNG files just far enough to find the metadata blocks
 * Cutline decodes itself (IIM, Photoshop IRB, XMP) and the stored image size, and to tell
 * whether the first bytes read hold all of it or the rest of the file is needed.
 */

/** Metadata blocks found in a file's bytes. */
export interface ContainerScan {
  /** Photoshop IRB payloads (consecutive APP13 segments joined into one). */
  irbs: Uint8Array[];
  /** Bare IIM blocks (TIFF tag 33723, PNG "Raw profile type iptc"). */
  bareIim: Uint8Array[];
  /** XMP packets as text (the standard packet first; JPEG extended XMP is left to exifr). */
  xmp: string[];
  /** Image size from the JPEG SOF or PNG IHDR, when seen. */
  width: number | null;
  height: number | null;
  /** True when metadata continues past the end of the bytes given. */
  needMore: boolean;
  /** Plain-English notes about structural damage. */
  warnings: string[];
  /** Set when the bytes are not a readable file of this kind at all. */
  fatal: string | null;
  /** Set when the metadata reads but the picture itself is missing or cut short. */
  damage: string | null;
  /** The EXIF tags read from the file's TIFF structure, when it has one. */
  tiff: TiffTags | null;
  /**
   * With `needMore`: how many bytes from the start would hold what was missing, when known
   * (a TIFF value past the head); null means "more, amount unknown".
   */
  needBytes: number | null;
}

/**
 * Decodes an XMP packet's bytes: UTF-8 normally, but the XMP spec also allows UTF-16 (and
 * ExifTool's own test file uses UTF-16BE), told apart by a BOM or by the NULs of ASCII text.
 */
export function decodeXmpBytes(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 2) {
    const bigEndian = (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] !== 0);
    const littleEndian = (b[0] === 0xff && b[1] === 0xfe) || (b[0] !== 0 && b[1] === 0);
    if (bigEndian) {
      const swapped = Buffer.from(b.subarray(0, b.length & ~1));
      swapped.swap16();
      return swapped.toString('utf16le').replace(/^\uFEFF/, '');
    }
    if (littleEndian)
      return b
        .subarray(0, b.length & ~1)
        .toString('utf16le')
        .replace(/^\uFEFF/, '');
  }
  return b.toString('utf8').replace(/^\uFEFF/, '');
}

/** Notes a packet over XMP_PACKET_LIMIT, which is left unread; true when it is within it. */
export function xmpWithinLimit(bytes: number, scan: ContainerScan): boolean {
  if (bytes <= XMP_PACKET_LIMIT) return true;
  scan.warnings.push(
    `XMP packet of ${sizeName(bytes)} is over the ${sizeName(XMP_PACKET_LIMIT)} limit and was not read`,
  );
  return false;
}

/** A scan with nothing found yet. */
export function emptyScan(): ContainerScan {
  return {
    irbs: [],
    bareIim: [],
    xmp: [],
    width: null,
    height: null,
    needMore: false,
    warnings: [],
    fatal: null,
    damage: null,
    tiff: null,
    needBytes: null,
  };
}

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
  let pos = 2;
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
  let stray = 0;
  while (pos + 4 <= buf.length) {
    if (buf[pos] !== 0xff) {
      // Some writers leave junk between segments; skip to the next marker like ExifTool does.
      const next = buf.indexOf(0xff, pos);
      if (next < 0) break;
      stray += next - pos;
      pos = next;
      continue;
    }
    const marker = buf[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    if (marker === 0xd9) break; // EOI before any image data
    const length = buf.readUInt16BE(pos + 2);
    if (length < 2) {
      if (segments === 0) scan.fatal = 'truncated or corrupt JPEG: bad first segment';
      else
        scan.warnings.push('JPEG has a segment with a bad length; metadata after it was not read');
      break;
    }
    segments++;
    const start = pos + 4;
    const end = pos + 2 + length;
    if (marker === 0xda) {
      sawSos = true;
      break;
    }
    if (end > buf.length) {
      if (!complete) scan.needMore = true;
      else scan.warnings.push('JPEG is truncated inside a metadata segment');
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
      length >= 7
    ) {
      scan.height = buf.readUInt16BE(start + 1);
      scan.width = buf.readUInt16BE(start + 3);
    }
    lastWasApp13 = isApp13;
    exifOpen = exifParts.length > 0 && marker === 0xe1 && lastExifEnd(exifParts, buf, end);
    pos = end;
  }
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
 * Reads a TIFF-structured file (TIFF, BigTIFF, DNG, CR2, NEF, ARW, ORF, RW2): its EXIF tags
 * and IFD0's XMP, IPTC and IRB blocks. A value the caption needs that lies past `buf` (and
 * `buf` is not the whole file) asks for more bytes; the rest of the directory is read anyway.
 */
export function scanTiff(buf: Buffer, complete: boolean, fileSize?: number): ContainerScan {
  const scan = emptyScan();
  if (buf.length < 8) {
    scan.fatal = 'truncated or corrupt TIFF: header is cut short';
    return scan;
  }
  const tiff = readTiffTags(buf, {
    start: 0,
    end: buf.length,
    open: !complete,
    fileSize,
    label: 'TIFF',
  });
  scan.tiff = tiff;
  scan.warnings.push(...tiff.warnings);
  if (tiff.needBytes !== null) {
    scan.needMore = true;
    scan.needBytes = tiff.needBytes;
  }
  const xmp = tiff.raw.get(TAG_XMP);
  if (xmp && xmpWithinLimit(xmp.length, scan)) scan.xmp.push(decodeXmpBytes(xmp));
  const iim = tiff.raw.get(TAG_IPTC);
  if (iim) scan.bareIim.push(iim);
  const irb = tiff.raw.get(TAG_IRB);
  if (irb) scan.irbs.push(irb);
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

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/**
 * Decodes an ImageMagick-style "Raw profile type …" text ("\nexif\n    1234\n4578…": name,
 * byte length, hex lines) straight from its bytes, without building the hex as a string.
 * Null when it is not one or declares more than `limit` bytes (then `tooLarge` is set).
 */
export function decodeRawProfile(
  text: Buffer,
  limit: number,
): { bytes: Buffer | null; tooLarge: boolean } {
  const tokens: [number, number][] = [];
  let p = 0;
  // The name line may hold spaces (ExifTool writes "IPTC profile"): the length is the first
  // token of digits among the first few.
  while (tokens.length < 4 && p < text.length) {
    while (p < text.length && isSpace(text[p]!)) p++;
    const from = p;
    while (p < text.length && !isSpace(text[p]!)) p++;
    if (p > from) tokens.push([from, p]);
  }
  const digits = (t: [number, number] | undefined) =>
    t !== undefined && /^\d+$/.test(text.toString('latin1', t[0], t[1]));
  // The name line may be missing: then the first token is already the length.
  const lengthToken = tokens.find((t) => digits(t)) ?? null;
  if (!lengthToken) return { bytes: null, tooLarge: false };
  const length = Number(text.toString('latin1', lengthToken[0], lengthToken[1]));
  if (length > limit) return { bytes: null, tooLarge: true };
  const out = Buffer.alloc(length);
  let o = 0;
  let high = -1;
  for (p = lengthToken[1]; p < text.length && o < length; p++) {
    const v = hexValue(text[p]!);
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out[o++] = high * 16 + v;
      high = -1;
    }
  }
  return { bytes: o > 0 ? out.subarray(0, o) : null, tooLarge: false };
}

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

/** What a WebP file's RIFF chunks hold: canvas size, the TIFF of its EXIF chunk, its XMP. */
export function scanWebp(buf: Buffer): ContainerScan {
  const scan = emptyScan();
  let pos = 12;
  while (pos + 8 <= buf.length) {
    const type = buf.toString('latin1', pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    const start = pos + 8;
    const end = start + size;
    if (end > buf.length) {
      // Image data may run past the head; EXIF/XMP chunks come after it in extended files.
      scan.needMore = true;
      break;
    }
    if (type === 'VP8X' && size >= 10) {
      scan.width = buf.readUIntLE(start + 4, 3) + 1;
      scan.height = buf.readUIntLE(start + 7, 3) + 1;
    } else if (type === 'VP8 ' && size >= 10 && scan.width === null) {
      scan.width = buf.readUInt16LE(start + 6) & 0x3fff;
      scan.height = buf.readUInt16LE(start + 8) & 0x3fff;
    } else if (type === 'VP8L' && size >= 5 && scan.width === null) {
      const bits = buf.readUInt32LE(start + 1);
      scan.width = (bits & 0x3fff) + 1;
      scan.height = ((bits >> 14) & 0x3fff) + 1;
    } else if (type === 'EXIF') {
      const data = buf.subarray(start, end);
      const tiff = data.toString('latin1', 0, 6) === 'Exif\0\0' ? data.subarray(6) : data;
      scan.tiff = readTiffTags(tiff, { start: 0, end: tiff.length, open: false });
      scan.warnings.push(...scan.tiff.warnings);
    } else if (type === 'XMP ' && xmpWithinLimit(size, scan)) {
      scan.xmp.push(buf.toString('utf8', start, end));
    }
    pos = end + (size & 1);
  }
  return scan;
}

/** Finds an XMP packet anywhere in the bytes: the fallback for containers not walked here. */
export function findXmpPacket(buf: Buffer): string | null {
  const start = buf.indexOf('<x:xmpmeta');
  if (start < 0) return null;
  const end = buf.indexOf('</x:xmpmeta>', start);
  if (end < 0) return null;
  return buf.toString('utf8', start, end + '</x:xmpmeta>'.length);
}

/** Canon's CR3 metadata box: uuid 85c0b687-820f-11e0-8111-f4ce462b6a48 inside moov. */
const CANON_UUID = Buffer.from('85c0b687820f11e08111f4ce462b6a48', 'hex');

/** The CMT boxes of a CR3 and the directory each one's TIFF starts with. */
const CMT_BOXES = [
  ['CMT1', 'ifd0'],
  ['CMT2', 'exif'],
  ['CMT4', 'gps'],
] as const;

/**
 * Reads a CR3 (ISO BMFF): the EXIF of its CMT boxes (CMT1 holds IFD0, CMT2 the Exif IFD with
 * the dates and offsets, CMT4 the GPS IFD, each as its own TIFF structure inside Canon's uuid
 * box in moov) and its XMP packet.
 */
export function scanCr3(buf: Buffer, complete: boolean): ContainerScan {
  const scan = emptyScan();
  let pos = 0;
  let moov: Buffer | null = null;
  while (pos + 8 <= buf.length) {
    let size = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    if (size === 1 && pos + 16 <= buf.length) size = Number(buf.readBigUInt64BE(pos + 8));
    if (size < 8) break;
    if (type === 'moov') {
      if (pos + size > buf.length && !complete) {
        scan.needMore = true;
        scan.needBytes = pos + size;
        return scan;
      }
      moov = buf.subarray(pos + 8, Math.min(pos + size, buf.length));
      break;
    }
    pos += size;
  }
  if (!moov) {
    if (!complete) scan.needMore = true;
    return scan;
  }
  const uuidAt = moov.indexOf(CANON_UUID);
  const canon =
    uuidAt >= 8 ? moov.subarray(uuidAt + 16, uuidAt - 8 + moov.readUInt32BE(uuidAt - 8)) : moov;
  const tiff = noTiffTags();
  for (const [name, first] of CMT_BOXES) {
    const at = canon.indexOf(name);
    if (at < 4) continue;
    const end = Math.min(at - 4 + canon.readUInt32BE(at - 4), canon.length);
    const found = readTiffTags(canon, {
      start: at + 4,
      end,
      open: false,
      first,
      label: `CR3 ${name}`,
    });
    Object.assign(tiff[first], found[first]);
    tiff.warnings.push(...found.warnings);
  }
  scan.tiff = tiff;
  scan.warnings.push(...tiff.warnings);
  const xmp = findXmpPacket(moov);
  if (xmp) scan.xmp.push(xmp);
  return scan;
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
