import { type FileHandle, open } from 'node:fs/promises';
import { fsPath } from './raw-path';
import { readPartOf } from './read-file-part';

/**
 * Finds the JPEG previews a RAW file carries (DNG, CR2, NEF, ARW, ORF, RW2 and other TIFF
 * layouts: the IFD chain and its SubIFDs; RAF: the header's JPEG; CR3: the PRVW and THMB
 * boxes) by reading only the directories and the previews' first bytes, instead of running
 * ExifTool per file. Picks the one a grid thumbnail is best made from: the smallest at least
 * `minSide` on its longest side (a camera's full-size JpgFromRaw costs far more to decode than
 * its 1620-px preview), else the largest there is.
 */

/** A JPEG embedded in a file: where, and its size from its own SOF. */
interface Candidate {
  offset: number;
  length: number;
  width: number;
  height: number;
}

/** Most directories walked in one file: a loop of offsets, or a damaged chain, stops here. */
const MAX_IFDS = 32;
/** Bytes read from a candidate's start to find its SOF (previews keep their tables short). */
const SOF_PROBE = 64 * 1024;
/** Largest preview taken into memory (a full-size JpgFromRaw of a 100 MP camera is ≈40 MB). */
const MAX_PREVIEW_BYTES = 64 * 1024 * 1024;

const TAG_COMPRESSION = 0x0103;
const TAG_STRIP_OFFSETS = 0x0111;
const TAG_STRIP_BYTE_COUNTS = 0x0117;
const TAG_SUB_IFDS = 0x014a;
const TAG_JPEG_OFFSET = 0x0201;
const TAG_JPEG_LENGTH = 0x0202;
/** Panasonic RW2's JpgFromRaw: an `undefined` value holding the whole JPEG. */
const TAG_RW2_JPEG = 0x002e;

/** The embedded JPEG best suited to a thumbnail of at least `minSide`, or null when none. */
export async function embeddedJpeg(path: string, minSide: number): Promise<Buffer | null> {
  let handle: FileHandle;
  try {
    handle = await open(fsPath(path), 'r');
  } catch {
    return null;
  }
  try {
    const size = (await handle.stat()).size;
    const located = await locate(handle, size);
    const candidates: Candidate[] = [];
    for (const { offset, length } of located) {
      if (length < 100 || offset + length > size || length > MAX_PREVIEW_BYTES) continue;
      const probe = await readPartOf(handle, offset, Math.min(length, SOF_PROBE));
      const sof = jpegFrame(probe);
      if (sof) candidates.push({ offset, length, ...sof });
    }
    const best = choose(candidates, minSide);
    return best ? await readPartOf(handle, best.offset, best.length) : null;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** The smallest candidate at least `minSide` long, else the largest. */
function choose(candidates: Candidate[], minSide: number): Candidate | null {
  const side = (c: Candidate) => Math.max(c.width, c.height);
  const bigEnough = candidates.filter((c) => side(c) >= minSide);
  const pool = bigEnough.length > 0 ? bigEnough : candidates;
  const byArea = (c: Candidate) => c.width * c.height;
  const sorted = [...pool].sort((a, b) => byArea(a) - byArea(b));
  return (bigEnough.length > 0 ? sorted[0] : sorted[sorted.length - 1]) ?? null;
}

/** Where the file's embedded JPEGs may lie, by its layout. */
async function locate(
  handle: FileHandle,
  size: number,
): Promise<{ offset: number; length: number }[]> {
  const head = await readPartOf(handle, 0, Math.min(size, 512 * 1024));
  if (head.toString('latin1', 0, 15) === 'FUJIFILMCCD-RAW' && head.length >= 92) {
    return [{ offset: head.readUInt32BE(84), length: head.readUInt32BE(88) }];
  }
  if (head.toString('latin1', 4, 8) === 'ftyp') return cr3Previews(head);
  const magic = head.toString('latin1', 0, 4);
  if (['II*\0', 'MM\0*', 'IIRO', 'IIRS', 'IIU\0'].includes(magic)) {
    return tiffPreviews(handle, head[0] === 0x49, size);
  }
  return [];
}

/**
 * CR3: the PRVW box (a 1620-px JPEG) and the THMB box (160 px), both near the start.
 * PRVW: size, type, 4 + 2 bytes, width, height, 2 bytes, JPEG length, JPEG.
 * THMB: size, type, version and flags, width, height, JPEG length, 4 bytes, JPEG.
 */
function cr3Previews(head: Buffer): { offset: number; length: number }[] {
  const found: { offset: number; length: number }[] = [];
  const prvw = head.indexOf('PRVW', 0, 'latin1');
  if (prvw >= 4 && prvw + 20 <= head.length) {
    found.push({ offset: prvw - 4 + 24, length: head.readUInt32BE(prvw + 16) });
  }
  const thmb = head.indexOf('THMB', 0, 'latin1');
  if (thmb >= 4 && thmb + 16 <= head.length) {
    const version = head[thmb + 4];
    found.push({
      offset: thmb - 4 + (version === 0 ? 24 : 20),
      length: head.readUInt32BE(thmb + 12),
    });
  }
  return found;
}

/** Every JPEG the IFD chain and its SubIFDs point to (classic TIFF; BigTIFF has no RAW). */
async function tiffPreviews(
  handle: FileHandle,
  le: boolean,
  size: number,
): Promise<{ offset: number; length: number }[]> {
  const found: { offset: number; length: number }[] = [];
  const header = await readPartOf(handle, 0, 8);
  const u32 = (b: Buffer, at: number) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at));
  const u16 = (b: Buffer, at: number) => (le ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const queue = [u32(header, 4)];
  const seen = new Set<number>();
  while (queue.length > 0 && seen.size < MAX_IFDS) {
    const at = queue.shift()!;
    if (at < 8 || at + 2 > size || seen.has(at)) continue;
    seen.add(at);
    const countBytes = await readPartOf(handle, at, 2);
    if (countBytes.length < 2) continue;
    const count = Math.min(u16(countBytes, 0), 1000);
    const dir = await readPartOf(handle, at + 2, count * 12 + 4);
    const values = new Map<number, number[]>();
    for (let i = 0; i < count && (i + 1) * 12 <= dir.length; i++) {
      const e = i * 12;
      const tag = u16(dir, e);
      const type = u16(dir, e + 2);
      const n = u32(dir, e + 4);
      if (tag === TAG_RW2_JPEG && n > 100) {
        found.push({ offset: u32(dir, e + 8), length: n });
        continue;
      }
      const wanted =
        tag === TAG_COMPRESSION ||
        tag === TAG_STRIP_OFFSETS ||
        tag === TAG_STRIP_BYTE_COUNTS ||
        tag === TAG_SUB_IFDS ||
        tag === TAG_JPEG_OFFSET ||
        tag === TAG_JPEG_LENGTH;
      if (!wanted || n === 0 || n > 64) continue;
      const width = type === 3 ? 2 : type === 4 || type === 13 ? 4 : 0;
      if (width === 0) continue;
      const inline = n * width <= 4;
      const source = inline
        ? dir.subarray(e + 8, e + 12)
        : await readPartOf(handle, u32(dir, e + 8), n * width);
      const list: number[] = [];
      for (let k = 0; k < n && (k + 1) * width <= source.length; k++) {
        list.push(width === 2 ? u16(source, k * width) : u32(source, k * width));
      }
      values.set(tag, list);
    }
    const jpegAt = values.get(TAG_JPEG_OFFSET)?.[0];
    const jpegLength = values.get(TAG_JPEG_LENGTH)?.[0];
    if (jpegAt !== undefined && jpegLength !== undefined) {
      found.push({ offset: jpegAt, length: jpegLength });
    }
    const compression = values.get(TAG_COMPRESSION)?.[0];
    const strips = values.get(TAG_STRIP_OFFSETS);
    const stripLengths = values.get(TAG_STRIP_BYTE_COUNTS);
    // A JPEG stored as one strip (compression 6 or 7: DNG previews, NEF/CR2 JpgFromRaw).
    if (
      (compression === 6 || compression === 7) &&
      strips?.length === 1 &&
      stripLengths?.length === 1
    ) {
      found.push({ offset: strips[0]!, length: stripLengths[0]! });
    }
    for (const sub of values.get(TAG_SUB_IFDS) ?? []) queue.push(sub);
    if (dir.length >= count * 12 + 4) queue.push(u32(dir, count * 12));
  }
  return found;
}

/**
 * Width and height from a JPEG's frame header when it is one a thumbnail can be made from
 * (baseline, extended or progressive); null for anything else, lossless JPEG (the raw
 * sensor data of a DNG or CR2) included.
 */
function jpegFrame(bytes: Buffer): { width: number; height: number } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let pos = 2;
  while (pos + 9 < bytes.length) {
    if (bytes[pos] !== 0xff) return null;
    const marker = bytes[pos + 1]!;
    if (marker === 0xff) {
      pos++;
      continue;
    }
    const length = bytes.readUInt16BE(pos + 2);
    if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      const height = bytes.readUInt16BE(pos + 5);
      const width = bytes.readUInt16BE(pos + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    if (marker >= 0xc3 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return null;
    }
    if (marker === 0xda || length < 2) return null;
    pos += 2 + length;
  }
  return null;
}
