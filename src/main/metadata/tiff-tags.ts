import { decodeIimText } from './iim-decode';
import { sizeName, TEXT_VALUE_LIMIT, XMP_PACKET_LIMIT } from './read-limits';

/**
 * Reads the EXIF tags Cutline uses, and the caption blocks a TIFF keeps in IFD0, from a TIFF
 * structure (a TIFF file, BigTIFF included, a JPEG's EXIF APP1, a PNG eXIf or raw profile, the
 * CMT boxes of a CR3). Written here rather than left to exifr because real files need what
 * exifr does not do: an ASCII value ends at its first NUL, no value is read past the block
 * that holds it, text that is not UTF-8 is cp1252, one bad entry (or one value beyond the
 * bytes read so far) costs that entry and not the whole directory, and BigTIFF opens.
 */

/** The tags read, by directory, named as exifr named them. */
const IFD0_TAGS: ReadonlyMap<number, string> = new Map([
  [0x0100, 'ImageWidth'],
  [0x0101, 'ImageHeight'],
  [0x010e, 'ImageDescription'],
  [0x010f, 'Make'],
  [0x0110, 'Model'],
  [0x0112, 'Orientation'],
  [0x013b, 'Artist'],
  [0x8298, 'Copyright'],
]);
const EXIF_TAGS: ReadonlyMap<number, string> = new Map([
  [0x9003, 'DateTimeOriginal'],
  [0x9011, 'OffsetTimeOriginal'],
  [0x9291, 'SubSecTimeOriginal'],
  [0xa002, 'ExifImageWidth'],
  [0xa003, 'ExifImageHeight'],
  [0xa433, 'LensMake'],
  [0xa434, 'LensModel'],
]);
const GPS_TAGS: ReadonlyMap<number, string> = new Map([
  [1, 'GPSLatitudeRef'],
  [2, 'GPSLatitude'],
  [3, 'GPSLongitudeRef'],
  [4, 'GPSLongitude'],
]);

/** IFD0 tags whose raw bytes the container scan decodes itself. */
export const TAG_XMP = 700;
export const TAG_IPTC = 33723;
export const TAG_IRB = 34377;
const TAG_EXIF_IFD = 0x8769;
const TAG_GPS_IFD = 0x8825;
const RAW_TAGS = new Set([TAG_XMP, TAG_IPTC, TAG_IRB]);

const TYPE_SIZES: Readonly<Record<number, number>> = {
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
const ASCII = 2;

/** What `readTiffTags` found. */
export interface TiffTags {
  ifd0: Record<string, unknown>;
  exif: Record<string, unknown>;
  gps: Record<string, unknown>;
  /** Raw values of IFD0's XMP (700), IPTC (33723) and Photoshop IRB (34377) tags. */
  raw: Map<number, Buffer>;
  /**
   * Set when a wanted value or directory lies past the bytes given while the block goes on
   * in the file (`open`): the smallest number of bytes from the start of the buffer that
   * would hold it, so the caller can read that much and call again.
   */
  needBytes: number | null;
  /** Plain-English notes on entries skipped or cut. */
  warnings: string[];
}

/** Where a TIFF structure lies in a buffer. */
export interface TiffBlock {
  /** Offset of the TIFF header ("II*\0", "MM\0*", BigTIFF "II+\0") in `buf`. */
  start: number;
  /** End of the block that holds it (the APP1 segment, the chunk, the file): no value past it. */
  end: number;
  /** True when `buf` is only the file's first bytes and the block continues past them. */
  open: boolean;
  /** With `open`: the file's size, past which nothing is worth reading for. */
  fileSize?: number;
  /** Which directory the header's first IFD is: IFD0, or (CR3 CMT2/CMT4) Exif or GPS. */
  first?: 'ifd0' | 'exif' | 'gps';
  /** What to call this block in warnings ("EXIF", "TIFF"). */
  label?: string;
}

/** Empty results, for files without EXIF. */
export function noTiffTags(): TiffTags {
  return { ifd0: {}, exif: {}, gps: {}, raw: new Map(), needBytes: null, warnings: [] };
}

/**
 * Decodes EXIF text: up to its first NUL (the rest of a count that runs on is another
 * value's bytes), as UTF-8 when valid, otherwise Windows-1252 (as IIM is read), trimmed.
 */
export function decodeExifText(bytes: Uint8Array): string {
  return decodeIimText(bytes, false).trim();
}

/**
 * EXIF Copyright holds the photographer's notice, a NUL, then the editor's (EXIF 2.3 §4.6.5):
 * joined with a newline as ExifTool shows them, the editor's part left out when empty.
 */
function decodeCopyright(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  const first = decodeExifText(nul < 0 ? bytes : bytes.subarray(0, nul));
  if (nul < 0) return first;
  const second = decodeExifText(bytes.subarray(nul + 1));
  return second === '' ? first : `${first}\n${second}`;
}

interface Reader {
  buf: Buffer;
  base: number;
  end: number;
  open: boolean;
  /** Where the block ends in the file (open blocks: the file's size, when known). */
  fileEnd: number;
  le: boolean;
  big: boolean;
  label: string;
  out: TiffTags;
  seen: Set<number>;
}

function u16(r: Reader, at: number): number {
  return r.le ? r.buf.readUInt16LE(at) : r.buf.readUInt16BE(at);
}

function u32(r: Reader, at: number): number {
  return r.le ? r.buf.readUInt32LE(at) : r.buf.readUInt32BE(at);
}

/** An 8-byte offset or count; past 2^53 it is damage anyway, and reads as Infinity. */
function u64(r: Reader, at: number): number {
  const value = r.le ? r.buf.readBigUInt64LE(at) : r.buf.readBigUInt64BE(at);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(value);
}

function needUpTo(r: Reader, absoluteEnd: number): void {
  const current = r.out.needBytes ?? 0;
  r.out.needBytes = Math.max(current, absoluteEnd);
}

function numberAt(r: Reader, type: number, at: number): number {
  const b = r.buf;
  switch (type) {
    case 1:
    case 7:
      return b[at]!;
    case 6:
      return b.readInt8(at);
    case 3:
      return u16(r, at);
    case 8:
      return r.le ? b.readInt16LE(at) : b.readInt16BE(at);
    case 4:
    case 13:
      return u32(r, at);
    case 9:
      return r.le ? b.readInt32LE(at) : b.readInt32BE(at);
    case 5: {
      const d = u32(r, at + 4);
      return d === 0 ? Number.NaN : u32(r, at) / d;
    }
    case 10: {
      const n = r.le ? b.readInt32LE(at) : b.readInt32BE(at);
      const d = r.le ? b.readInt32LE(at + 4) : b.readInt32BE(at + 4);
      return d === 0 ? Number.NaN : n / d;
    }
    case 11:
      return r.le ? b.readFloatLE(at) : b.readFloatBE(at);
    case 12:
      return r.le ? b.readDoubleLE(at) : b.readDoubleBE(at);
    default:
      return u64(r, at);
  }
}

function decodeValue(
  r: Reader,
  tag: number,
  type: number,
  count: number,
  at: number,
  size: number,
) {
  if (type === ASCII || type === 1 || type === 7) {
    // Text tags are sometimes stored as BYTE or UNDEFINED; numbers of those types are rare
    // among the tags read here (none is numeric), so both read as text.
    const bytes = r.buf.subarray(at, at + size);
    return tag === 0x8298 ? decodeCopyright(bytes) : decodeExifText(bytes);
  }
  const width = TYPE_SIZES[type]!;
  if (count === 1) return numberAt(r, type, at);
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(numberAt(r, type, at + i * width));
  return values;
}

/**
 * Reads one directory: the wanted tags into `into`, sub-directories followed. A directory or
 * value past the block is noted (open block) or skipped with a warning (closed one); an entry
 * of an unknown type is skipped; the other entries are read all the same.
 */
function readIfd(
  r: Reader,
  offset: number,
  which: 'ifd0' | 'exif' | 'gps',
  names: ReadonlyMap<number, string>,
): void {
  const at = r.base + offset;
  if (!Number.isFinite(offset) || r.seen.has(at)) return;
  r.seen.add(at);
  const countSize = r.big ? 8 : 2;
  const entrySize = r.big ? 20 : 12;
  const ends = Math.min(r.end, r.fileEnd) < at + countSize;
  if (ends && (!r.open || r.fileEnd < at + countSize)) {
    r.out.warnings.push(`${r.label} ${which.toUpperCase()} directory lies past its end`);
    return;
  }
  if (ends) {
    // Not read yet: a directory of up to 100 entries is read with it.
    needUpTo(r, Math.min(at + countSize + 100 * entrySize, r.fileEnd));
    return;
  }
  const declared = r.big ? u64(r, at) : u16(r, at);
  let count = declared;
  if (at + countSize + count * entrySize > r.end) {
    if (r.open && r.end < r.fileEnd) {
      needUpTo(r, Math.min(at + countSize + count * entrySize, r.fileEnd));
      return;
    }
    count = Math.max(0, Math.floor((r.end - at - countSize) / entrySize));
    r.out.warnings.push(
      `${r.label} ${which.toUpperCase()} directory is cut short (${count} of ${declared} entries read)`,
    );
  }
  const into = r.out[which];
  for (let i = 0; i < count; i++) {
    const entry = at + countSize + i * entrySize;
    const tag = u16(r, entry);
    const isSubIfd = which === 'ifd0' && (tag === TAG_EXIF_IFD || tag === TAG_GPS_IFD);
    const name = names.get(tag);
    const isRaw = which === 'ifd0' && RAW_TAGS.has(tag);
    if (!name && !isSubIfd && !isRaw) continue;
    const type = u16(r, entry + 2);
    const width = TYPE_SIZES[type];
    if (width === undefined) continue; // unknown type: this entry only
    const n = r.big ? u64(r, entry + 4) : u32(r, entry + 4);
    const size = width * n;
    const inline = r.big ? 8 : 4;
    const valueField = entry + (r.big ? 12 : 8);
    if (isSubIfd) {
      const pointer = r.big && size === 8 ? u64(r, valueField) : u32(r, valueField);
      readIfd(
        r,
        pointer,
        tag === TAG_EXIF_IFD ? 'exif' : 'gps',
        tag === TAG_EXIF_IFD ? EXIF_TAGS : GPS_TAGS,
      );
      continue;
    }
    if (n === 0) continue;
    const valueAt =
      size <= inline ? valueField : r.base + (r.big ? u64(r, valueField) : u32(r, valueField));
    const label = name ?? `tag ${tag}`;
    // Issue 14's bounds: one text value, one XMP packet (the IPTC and IRB blocks alike).
    const limit = isRaw ? XMP_PACKET_LIMIT : TEXT_VALUE_LIMIT;
    if (size > limit) {
      // Checked before anything is read: a count of 4 billion must not make the reader read
      // (or hold) the file to find out.
      r.out.warnings.push(`${r.label} ${label} is over its ${sizeName(limit)} limit: skipped`);
      continue;
    }
    if (!Number.isFinite(valueAt) || valueAt >= Math.min(r.fileEnd, r.open ? Infinity : r.end)) {
      r.out.warnings.push(`${r.label} ${label} points past the end of its block: skipped`);
      continue;
    }
    if (r.open && valueAt + size > r.end) {
      // Past the bytes read so far: ask for them (up to the end of the file, where known).
      needUpTo(r, Math.min(valueAt + size, r.fileEnd));
      continue;
    }
    let usable = size;
    if (valueAt + size > r.end) {
      if (type !== ASCII) {
        r.out.warnings.push(`${r.label} ${label} runs past the end of its block: skipped`);
        continue;
      }
      // Text whose count runs past its segment: what lies inside is its start, the rest is
      // another segment's bytes (a JPEG marker, say) and is never part of it.
      usable = r.end - valueAt;
      r.out.warnings.push(`${r.label} ${label} runs past the end of its block: cut there`);
    }
    if (isRaw) {
      r.out.raw.set(tag, r.buf.subarray(valueAt, valueAt + usable));
      continue;
    }
    const count1 = type === ASCII || type === 1 || type === 7 ? usable : Math.floor(usable / width);
    into[name!] = decodeValue(r, tag, type, count1, valueAt, usable);
  }
}

/**
 * True when `buf` at `at` starts a TIFF header: "II*\0", "MM\0*", BigTIFF "II+\0"/"MM\0+", or
 * the variants of raw formats (ORF "IIRO"/"IIRS", RW2 "IIU\0").
 */
export function isTiffHeader(buf: Buffer, at: number): boolean {
  if (at + 8 > buf.length) return false;
  const s = buf.toString('latin1', at, at + 4);
  return (
    s === 'II*\0' ||
    s === 'MM\0*' ||
    s === 'II+\0' ||
    s === 'MM\0+' ||
    s === 'IIRO' ||
    s === 'IIRS' ||
    s === 'IIU\0'
  );
}

/**
 * Reads the wanted EXIF tags (and IFD0's raw caption blocks) of one TIFF structure. Never
 * throws: damage becomes warnings, and what could be read is returned.
 */
export function readTiffTags(buf: Buffer, block: TiffBlock): TiffTags {
  const out = noTiffTags();
  const label = block.label ?? 'EXIF';
  const end = Math.min(block.end, buf.length);
  const open = block.open && block.end >= buf.length;
  if (block.start + 8 > end) {
    if (open) out.needBytes = block.start + 16;
    else out.warnings.push(`${label} header is cut short`);
    return out;
  }
  if (!isTiffHeader(buf, block.start)) {
    out.warnings.push(`${label} block does not start with a TIFF header`);
    return out;
  }
  const le = buf[block.start] === 0x49;
  const fileEnd = open ? (block.fileSize ?? Number.POSITIVE_INFINITY) : end;
  const r: Reader = {
    buf,
    base: block.start,
    end,
    open,
    fileEnd,
    le,
    big: false,
    label,
    out,
    seen: new Set(),
  };
  const magic = u16(r, block.start + 2);
  r.big = magic === 0x2b;
  if (r.big && block.start + 16 > end) {
    if (open) out.needBytes = block.start + 16;
    return out;
  }
  const first = r.big ? u64(r, block.start + 8) : u32(r, block.start + 4);
  const which = block.first ?? 'ifd0';
  const names = which === 'ifd0' ? IFD0_TAGS : which === 'exif' ? EXIF_TAGS : GPS_TAGS;
  readIfd(r, first, which, names);
  return out;
}
