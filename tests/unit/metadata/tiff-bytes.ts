import { deflateSync } from 'node:zlib';

/**
 * TIFF structures written byte by byte, for the shapes no tool writes on purpose: an ASCII
 * value whose count runs past its NUL or its segment, an entry of an unknown type, a value
 * far past the first bytes a reader takes, BigTIFF with EXIF tags.
 */

/** One IFD entry: a value (text, numbers, bytes) or a value placed at a fixed offset. */
export interface Entry {
  tag: number;
  type: number;
  /** The value bytes; written after the directory unless `at` places them. */
  value?: Buffer;
  /** Numbers for SHORT (3) / LONG (4) / RATIONAL (5: pairs) entries. */
  numbers?: number[];
  /** The declared count, when it must differ from the value's length. */
  count?: number;
  /** Absolute offset at which to put the value (the file is padded up to it). */
  at?: number;
}

/** A text value as EXIF stores it: the bytes and a NUL. */
export function ascii(tag: number, text: string | Buffer, count?: number): Entry {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  return { tag, type: 2, value: Buffer.concat([bytes, Buffer.from([0])]), count };
}

const SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 16: 8 };

/** Writes unsigned integers of 2, 4 or 8 bytes in one byte order. */
function writer(le: boolean) {
  return (b: Buffer, width: number, value: number, at: number): void => {
    if (width === 2) {
      if (le) b.writeUInt16LE(value, at);
      else b.writeUInt16BE(value, at);
    } else if (width === 4) {
      if (le) b.writeUInt32LE(value, at);
      else b.writeUInt32BE(value, at);
    } else if (width === 8) {
      if (le) b.writeBigUInt64LE(BigInt(value), at);
      else b.writeBigUInt64BE(BigInt(value), at);
    } else b[at] = value;
  };
}

function numberBytes(entry: Entry, le: boolean): Buffer {
  const nums = entry.numbers ?? [];
  // A RATIONAL is two LONGs: numbers come in pairs.
  const width = entry.type === 5 ? 4 : (SIZES[entry.type] ?? 1);
  const b = Buffer.alloc(nums.length * width);
  const put = writer(le);
  for (const [i, value] of nums.entries()) put(b, width, value, i * width);
  return b;
}

/**
 * A TIFF (little-endian unless `le` is false) whose IFD0 holds `ifd0`; `exif` (if given)
 * becomes the Exif IFD. `bigtiff` writes the 64-bit layout. `padTo` pads the file with zeros.
 */
export function tiffBytes(options: {
  ifd0: Entry[];
  exif?: Entry[];
  le?: boolean;
  bigtiff?: boolean;
  padTo?: number;
}): Buffer {
  const le = options.le ?? true;
  const put = writer(le);
  const big = options.bigtiff ?? false;
  const header = big ? 16 : 8;
  const countSize = big ? 8 : 2;
  const entrySize = big ? 20 : 12;
  const offsetSize = big ? 8 : 4;
  const ifds: Entry[][] = [options.ifd0.slice()];
  if (options.exif) {
    ifds[0]!.push({ tag: 0x8769, type: big ? 16 : 4, numbers: [0] });
    ifds.push(options.exif);
  }
  for (const ifd of ifds) ifd.sort((a, b) => a.tag - b.tag);
  const ifdSize = (ifd: Entry[]) => countSize + ifd.length * entrySize + offsetSize;
  const ifdAt: number[] = [];
  let pos = header;
  for (const ifd of ifds) {
    ifdAt.push(pos);
    pos += ifdSize(ifd);
  }
  const chunks: { at: number; bytes: Buffer }[] = [];
  const dirs: Buffer[] = [];
  for (const [n, ifd] of ifds.entries()) {
    const dir = Buffer.alloc(ifdSize(ifd));
    put(dir, countSize, ifd.length, 0);
    for (const [i, entry] of ifd.entries()) {
      const e = countSize + i * entrySize;
      const pointer = entry.tag === 0x8769 && n === 0 && options.exif !== undefined;
      const value = pointer ? null : (entry.value ?? numberBytes(entry, le));
      const size = entry.type === 5 ? 8 : (SIZES[entry.type] ?? 1);
      const count = entry.count ?? (value ? Math.floor(value.length / size) : 1);
      put(dir, 2, entry.tag, e);
      put(dir, 2, entry.type, e + 2);
      put(dir, offsetSize, count, e + 4);
      const field = e + 4 + offsetSize;
      if (value === null) put(dir, offsetSize, ifdAt[1]!, field);
      else if (entry.at !== undefined) {
        chunks.push({ at: entry.at, bytes: value });
        put(dir, offsetSize, entry.at, field);
      } else if (value.length <= offsetSize) value.copy(dir, field);
      else {
        chunks.push({ at: pos, bytes: value });
        put(dir, offsetSize, pos, field);
        pos += value.length + (value.length & 1);
      }
    }
    dirs.push(dir);
  }
  const end = Math.max(pos, options.padTo ?? 0, ...chunks.map((c) => c.at + c.bytes.length));
  const out = Buffer.alloc(end);
  out.write(le ? 'II' : 'MM', 0, 'latin1');
  put(out, 2, big ? 43 : 42, 2);
  if (big) {
    put(out, 2, 8, 4);
    put(out, 8, header, 8);
  } else put(out, 4, header, 4);
  for (const [i, dir] of dirs.entries()) dir.copy(out, ifdAt[i]!);
  for (const c of chunks) c.bytes.copy(out, c.at);
  return out;
}

/** A JPEG APP1 EXIF segment around `tiff` (`declared` overrides the segment length). */
export function exifApp1(tiff: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** One PNG chunk with its CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let crc = 0xffffffff;
  for (const byte of typed) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return Buffer.concat([length, typed, tail]);
}

/** A zTXt chunk: keyword, NUL, method 0, then the deflated (or given) stream. */
export function zTxt(keyword: string, text: Buffer, deflated?: Buffer): Buffer {
  return pngChunk(
    'zTXt',
    Buffer.concat([Buffer.from(`${keyword}\0\0`, 'latin1'), deflated ?? deflateSync(text)]),
  );
}

/** An ImageMagick "Raw profile type …" text: name line, length line, hex in lines of 72. */
export function rawProfile(name: string, bytes: Buffer): Buffer {
  const hex = bytes.toString('hex').replace(/.{1,72}/g, '$&\n');
  return Buffer.from(`\n${name}\n${String(bytes.length).padStart(8)}\n${hex}`, 'latin1');
}

/** `png` with `chunks` put right after its IHDR chunk. */
export function pngWith(png: Buffer, ...chunks: Buffer[]): Buffer {
  const ihdrEnd = 8 + 8 + png.readUInt32BE(8) + 4;
  return Buffer.concat([png.subarray(0, ihdrEnd), ...chunks, png.subarray(ihdrEnd)]);
}

/**
 * `tiff` (classic TIFF) with one more IFD0 entry: the value and a copy of IFD0 holding the
 * new entry are appended, and the header points at the copy. Every other offset stays valid,
 * so a TIFF written by a real tool keeps its image data where it was.
 */
export function withIfd0Entry(tiff: Buffer, tag: number, type: number, value: Buffer): Buffer {
  const le = tiff[0] === 0x49;
  const r16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const r32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const put = writer(le);
  const ifd = r32(4);
  const count = r16(ifd);
  const entries = Array.from({ length: count }, (_, i) =>
    tiff.subarray(ifd + 2 + i * 12, ifd + 14 + i * 12),
  );
  const valueAt = tiff.length + (tiff.length & 1);
  const entry = Buffer.alloc(12);
  put(entry, 2, tag, 0);
  put(entry, 2, type, 2);
  put(entry, 4, value.length, 4);
  put(entry, 4, valueAt, 8);
  entries.push(entry);
  entries.sort((a, b) => r16At(a, le) - r16At(b, le));
  const dirAt = valueAt + value.length + (value.length & 1);
  const dir = Buffer.alloc(2 + entries.length * 12 + 4);
  put(dir, 2, entries.length, 0);
  for (const [i, e] of entries.entries()) e.copy(dir, 2 + i * 12);
  put(dir, 4, r32(ifd + 2 + count * 12), 2 + entries.length * 12); // next IFD as before
  const out = Buffer.concat([
    tiff,
    Buffer.alloc(valueAt - tiff.length),
    value,
    Buffer.alloc(dirAt - valueAt - value.length),
    dir,
  ]);
  put(out, 4, dirAt, 4);
  return out;
}

function r16At(entry: Buffer, le: boolean): number {
  return le ? entry.readUInt16LE(0) : entry.readUInt16BE(0);
}
