import { inflateSync } from 'node:zlib';

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

function emptyScan(): ContainerScan {
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
  };
}

const PS_HEADER = 'Photoshop 3.0\0';
const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';
const EXT_XMP_HEADER = 'http://ns.adobe.com/xmp/extension/\0';

/**
 * Walks the JPEG markers from SOI to SOS. `complete` says whether `buf` is the whole file
 * (then running off its end is damage, not a reason to read more).
 */
export function scanJpeg(buf: Buffer, complete: boolean): ContainerScan {
  const scan = emptyScan();
  let pos = 2;
  let psParts: Uint8Array[] = [];
  let lastWasApp13 = false;
  const flushPs = () => {
    if (psParts.length > 0)
      scan.irbs.push(psParts.length === 1 ? psParts[0]! : Buffer.concat(psParts));
    psParts = [];
  };
  // Extended XMP (packets over 64 KB): 32-byte GUID, total length, offset, then a slice.
  const extended = new Map<string, { total: number; parts: { at: number; data: Buffer }[] }>();
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
        const entry = extended.get(guid) ?? { total: buf.readUInt32BE(p + 32), parts: [] };
        entry.parts.push({ at: buf.readUInt32BE(p + 36), data: buf.subarray(p + 40, end) });
        extended.set(guid, entry);
      }
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
    pos = end;
  }
  flushPs();
  if (stray > 0) scan.warnings.push(`JPEG has ${stray} stray bytes between its segments`);
  for (const { parts } of extended.values()) {
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

/** TIFF tags that hold caption metadata. */
const TAG_XMP = 700;
const TAG_IPTC = 33723;
const TAG_IRB = 34377;
const TAG_EXIF_IFD = 34665;
const TAG_GPS_IFD = 34853;
const TYPE_SIZES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
  16: 8,
  17: 8,
  18: 8,
};

/**
 * Reads IFD0 of a TIFF-structured file (TIFF, DNG, CR2, NEF, ARW, ORF, RW2 and the TIFF in a
 * CR3 CMT box) for the XMP, IPTC and IRB tags, and checks that every block exifr will follow
 * lies inside `buf`.
 */
export function scanTiff(buf: Buffer, complete: boolean): ContainerScan {
  const scan = emptyScan();
  if (buf.length < 8) {
    scan.fatal = 'truncated or corrupt TIFF: header is cut short';
    return scan;
  }
  const le = buf[0] === 0x49;
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const ifd0 = u32(4);
  const checkIfd = (offset: number, collect: boolean): void => {
    if (offset + 2 > buf.length) {
      if (!complete) scan.needMore = true;
      else scan.warnings.push('TIFF directory lies past the end of the file');
      return;
    }
    const count = u16(offset);
    if (offset + 2 + count * 12 > buf.length) {
      if (!complete) scan.needMore = true;
      return;
    }
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      const size = (TYPE_SIZES[type] ?? 1) * n;
      const valueAt = size <= 4 ? entry + 8 : u32(entry + 8);
      if (tag === TAG_EXIF_IFD || tag === TAG_GPS_IFD) {
        checkIfd(u32(entry + 8), false);
        continue;
      }
      if (!collect || (tag !== TAG_XMP && tag !== TAG_IPTC && tag !== TAG_IRB)) continue;
      if (valueAt + size > buf.length) {
        if (!complete) scan.needMore = true;
        else scan.warnings.push(`TIFF tag ${tag} points past the end of the file`);
        continue;
      }
      const value = buf.subarray(valueAt, valueAt + size);
      if (tag === TAG_XMP) scan.xmp.push(decodeXmpBytes(value));
      else if (tag === TAG_IPTC) scan.bareIim.push(value);
      else scan.irbs.push(value);
    }
  };
  checkIfd(ifd0, true);
  return scan;
}

/** Decodes an ImageMagick-style "Raw profile type …" text: name, length, then hex lines. */
function decodeRawProfile(text: string): Buffer | null {
  const match = /^\s*\S*\s*(\d+)\s*([0-9a-fA-F\s]*)$/.exec(text);
  if (!match) return null;
  const hex = match[2]!.replace(/\s+/g, '');
  const bytes = Buffer.from(hex, 'hex');
  return bytes.length > 0 ? bytes.subarray(0, Number(match[1])) : null;
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
      }
    } catch (error) {
      scan.warnings.push(`PNG ${type} chunk could not be read: ${(error as Error).message}`);
    }
    pos = end + 4; // skip the CRC
  }
  if (!sawIend && !complete && pos + 8 > buf.length) scan.needMore = true;
  return scan;
}

function readPngText(data: Buffer, type: string, scan: ContainerScan): void {
  const nul = data.indexOf(0);
  if (nul < 0) return;
  const keyword = data.toString('latin1', 0, nul);
  let text: string;
  if (type === 'tEXt') text = data.toString('latin1', nul + 1);
  else if (type === 'zTXt') text = inflateSync(data.subarray(nul + 2)).toString('latin1');
  else {
    const compressed = data[nul + 1] === 1;
    let p = nul + 3;
    p = data.indexOf(0, p) + 1; // language tag
    p = data.indexOf(0, p) + 1; // translated keyword
    const body = data.subarray(p);
    text = (compressed ? inflateSync(body) : body).toString('utf8');
  }
  const key = keyword.toLowerCase();
  if (key === 'xml:com.adobe.xmp') scan.xmp.push(text);
  else if (key === 'raw profile type iptc' || key === 'raw profile type 8bim') {
    const bytes = decodeRawProfile(text);
    if (!bytes) return;
    // "iptc" profiles hold either bare IIM or a whole IRB, depending on the writer.
    if (bytes.toString('latin1', 0, 4) === '8BIM') scan.irbs.push(bytes);
    else scan.bareIim.push(bytes);
  } else if (key === 'raw profile type xmp') {
    const bytes = decodeRawProfile(text);
    if (bytes) scan.xmp.push(bytes.toString('utf8'));
  }
}

/** What a WebP file's RIFF chunks hold: canvas size, the TIFF of its EXIF chunk, its XMP. */
export function scanWebp(buf: Buffer): ContainerScan & { exif: Buffer | null } {
  const scan = { ...emptyScan(), exif: null as Buffer | null };
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
      scan.exif = data.toString('latin1', 0, 6) === 'Exif\0\0' ? data.subarray(6) : data;
    } else if (type === 'XMP ') {
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
