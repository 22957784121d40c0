import { digitsGrouped } from '../../shared/counted';
import { jpegScanStart } from './image-data-digest';

/**
 * Tells whether a file's picture was cut short (a copy or upload that stopped part-way),
 * from the bytes an import has read anyway: the head (with the JPEG segments or the TIFF's
 * first directory) and the last 16 KiB. No decoding, no further reads.
 */

/** The bytes of a file that the check may look at. */
export interface ReadEnds {
  /** The file's first bytes (the whole file when `head.length >= size`). */
  head: Buffer;
  /** The file's last bytes; empty or absent when the head is the whole file. */
  tail?: Buffer;
  size: number;
}

const EOI = Buffer.from([0xff, 0xd9]);

/**
 * A region of a JPEG's image data of at least this many bytes that holds no stuffed 0xFF
 * byte is not entropy-coded data (which has one every 256 bytes or so) but padding or a
 * trailer: it says nothing about a cut.
 */
const PLAIN_DATA_BYTES = 2048;

/** "5,000 bytes" or "2,345,678 bytes (2.3 MB)": a byte count people can read. */
export function readableBytes(count: number): string {
  const plain = `${digitsGrouped(count)} bytes`;
  if (count < 1_000_000) return plain;
  const mb = (count / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 });
  return `${plain} (${mb} MB)`;
}

/**
 * Why the picture in a JPEG, TIFF, PNG or WebP is cut short, in plain words with byte counts, or null
 * when it is whole or the bytes at hand cannot tell (other formats, a directory out of
 * reach). Never throws.
 */
export function imageDataCut(format: string, ends: ReadEnds): string | null {
  try {
    if (format === 'JPEG') return jpegCut(ends);
    if (format === 'TIFF') return tiffCut(ends);
    if (format === 'PNG') return pngCut(ends);
    if (format === 'WEBP') return webpCut(ends);
  } catch {
    // A layout this check does not follow is not a reason to call the file damaged.
  }
  return null;
}

/** The last bytes of the file, starting no earlier than `from`, or null if not at hand. */
function lastBytes({ head, tail, size }: ReadEnds, from: number): Buffer | null {
  if (head.length >= size) return head.subarray(Math.min(from, head.length));
  if (!tail || tail.length === 0) return null;
  const tailAt = size - tail.length;
  if (from >= tailAt) return tail.subarray(from - tailAt);
  // The image data starts before the tail: its last 16 KiB are what tells.
  return tail;
}

/**
 * A JPEG's entropy-coded data ends with the EOI marker (FF D9). Inside it every 0xFF is
 * followed by 00 (stuffing), D0–D7 (restart), FF (fill) or, between the scans of a
 * progressive JPEG, a table or scan marker. So when the last 16 KiB after the first SOS hold
 * no EOI and only such pairs, the file stops inside its image data. Anything else there (an
 * MPF preview ends with its own EOI; padding and vendor trailers after the EOI hold other
 * bytes or none of these pairs) is not taken for a cut.
 */
function jpegCut(ends: ReadEnds): string | null {
  const sos = jpegScanStart(ends.head);
  // No image data in the head: the container walk reports a file that ends before it.
  if (sos === null) return null;
  const dataAt = sos + 2 + ends.head.readUInt16BE(sos + 2);
  const data = lastBytes(ends, dataAt);
  if (data === null || data.indexOf(EOI) >= 0) return null;
  let stuffed = 0;
  for (let at = data.indexOf(0xff); at >= 0 && at + 1 < data.length; ) {
    const next = data[at + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) stuffed++;
    else if (!isMarkerInsideImageData(next)) return null;
    at = data.indexOf(0xff, at + 2);
  }
  if (stuffed === 0 && data.length >= PLAIN_DATA_BYTES) return null;
  return (
    `truncated JPEG: the file ends after ${readableBytes(ends.size)}, inside its image data ` +
    'and before its end marker (FF D9), so the lower part of the picture is missing (a copy ' +
    'or upload cut short?)'
  );
}

/**
 * A PNG ends with its IEND chunk, within the last 16 KiB unless something long was appended
 * after it: none there means the file stopped inside its chunks (the image data, as a rule).
 */
function pngCut(ends: ReadEnds): string | null {
  const last = lastBytes(ends, 8);
  if (last === null || last.indexOf('IEND') >= 0) return null;
  return (
    `truncated PNG: the file ends after ${readableBytes(ends.size)} without its end chunk ` +
    '(IEND), so part of the picture is missing (a copy or upload cut short?)'
  );
}

/** A WebP's RIFF header gives the file's length: a shorter file was cut off. */
function webpCut({ head, size }: ReadEnds): string | null {
  if (head.length < 12) return null;
  const expected = head.readUInt32LE(4) + 8;
  if (expected <= size) return null;
  return (
    `truncated WebP: image data ends after ${readableBytes(size)} of an expected ` +
    `${readableBytes(expected)}, so part of the picture is missing`
  );
}

/** Markers that may stand between the scans of a progressive or multi-scan JPEG. */
function isMarkerInsideImageData(marker: number): boolean {
  return (
    marker === 0xff ||
    marker === 0xc4 || // DHT
    marker === 0xcc || // DAC
    marker === 0xda || // SOS
    marker === 0xdb || // DQT
    marker === 0xdc || // DNL
    marker === 0xdd || // DRI
    marker === 0xfe // COM
  );
}

const TAG_STRIP_OFFSETS = 273;
const TAG_STRIP_BYTE_COUNTS = 279;
const TAG_TILE_OFFSETS = 324;
const TAG_TILE_BYTE_COUNTS = 325;

/**
 * A TIFF's first directory lists where each strip (or tile) of the picture lies and how
 * long it is: one that runs past the end of the file was cut off. The directory and its
 * lists must be in the bytes at hand (the reader reads on until it has the directory);
 * BigTIFF is left alone.
 */
function tiffCut({ head, size }: ReadEnds): string | null {
  if (head.length < 8) return null;
  const le = head[0] === 0x49;
  const u16 = (at: number) => (le ? head.readUInt16LE(at) : head.readUInt16BE(at));
  const u32 = (at: number) => (le ? head.readUInt32LE(at) : head.readUInt32BE(at));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > size) {
    return (
      `truncated TIFF: the file ends after ${readableBytes(size)}, before its first ` +
      `directory (expected at byte ${digitsGrouped(ifd)}), so the picture cannot be read`
    );
  }
  if (ifd + 2 > head.length) return null;
  const count = u16(ifd);
  if (ifd + 2 + count * 12 > head.length) return null;
  const lists = new Map<number, number[] | null>();
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    const tag = u16(entry);
    if (
      tag !== TAG_STRIP_OFFSETS &&
      tag !== TAG_STRIP_BYTE_COUNTS &&
      tag !== TAG_TILE_OFFSETS &&
      tag !== TAG_TILE_BYTE_COUNTS
    ) {
      continue;
    }
    const type = u16(entry + 2);
    const n = u32(entry + 4);
    const width = type === 3 ? 2 : type === 4 ? 4 : 0;
    if (width === 0) {
      lists.set(tag, null);
      continue;
    }
    const at = n * width <= 4 ? entry + 8 : u32(entry + 8);
    if (at + n * width > head.length) {
      lists.set(tag, null);
      continue;
    }
    const values: number[] = [];
    for (let k = 0; k < n; k++) values.push(width === 2 ? u16(at + k * 2) : u32(at + k * 4));
    lists.set(tag, values);
  }
  const tiled = lists.has(TAG_TILE_OFFSETS);
  const offsets = lists.get(tiled ? TAG_TILE_OFFSETS : TAG_STRIP_OFFSETS);
  const lengths = lists.get(tiled ? TAG_TILE_BYTE_COUNTS : TAG_STRIP_BYTE_COUNTS);
  if (!offsets || !lengths || offsets.length !== lengths.length) return null;
  let expected = 0;
  let cut = 0;
  offsets.forEach((offset, i) => {
    const end = offset + lengths[i]!;
    if (end > expected) expected = end;
    if (end > size) cut++;
  });
  if (expected <= size) return null;
  const pieces = tiled ? 'tiles' : 'strips';
  return (
    `truncated TIFF: image data ends after ${readableBytes(size)} of an expected ` +
    `${readableBytes(expected)} (${cut} of its ${offsets.length} ${pieces} run past the end ` +
    'of the file), so part of the picture is missing'
  );
}
