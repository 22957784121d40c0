import { closeSync, openSync } from 'node:fs';
import { readPartSync } from './read-file-part';

/**
 * The fast look for C2PA Content Credentials that import runs on every file: most photos
 * carry none, and loading the C2PA library (a 65 MB native module) or letting it parse a
 * file costs far more than walking the container's structure for the one box that holds a
 * manifest store. Only a file this scan finds a store in goes to the library (read-c2pa.ts).
 *
 *   JPEG     APP11 segments holding JUMBF ("JP" common identifier) labelled c2pa
 *   PNG      a caBX chunk
 *   WebP     a C2PA chunk in the RIFF container
 *   BMFF     a top-level uuid box with the C2PA UUID (HEIC, AVIF)
 *   TIFF/DNG tag 0xCD41 in an IFD of the main chain (IFD0 or one appended after it)
 *
 * A manifest kept elsewhere and only pointed at (XMP dcterms:provenance) is "remote": it is
 * never fetched, since Cutline sends nothing over the network.
 */

/** What the scan found: an embedded store, only a pointer to a remote one, or nothing. */
export type C2paPresence = 'embedded' | 'remote' | 'none';

/** The C2PA box's UUID in ISO BMFF files (the C2PA specification, "Embedding manifests"). */
const C2PA_UUID = Buffer.from('d8fec3d61b0e483c92975828877ec481', 'hex');
const TAG_C2PA = 0xcd41;
/** Segments, chunks or boxes walked before giving up: a damaged file must not loop long. */
const MAX_STEPS = 10_000;

/** Reads bytes at any offset, from the head already in memory when it covers them. */
class ByteSource {
  private fd: number | null = null;

  constructor(
    private readonly path: string,
    private readonly head: Buffer,
    readonly size: number,
  ) {}

  /** Up to `length` bytes at `offset` (fewer at the end of the file). */
  bytes(offset: number, length: number): Buffer {
    const end = Math.min(offset + length, this.size);
    if (offset >= end) return Buffer.alloc(0);
    if (end <= this.head.length) return this.head.subarray(offset, end);
    if (this.fd === null) this.fd = openSync(this.path, 'r');
    return readPartSync(this.fd, offset, end - offset);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * Whether the file at `path` carries a C2PA manifest store. `head` is the file's first bytes
 * already read (the import reads them anyway); anything past them is read from the file.
 * Never throws: a file whose structure cannot be walked counts as carrying none.
 */
export function scanC2pa(path: string, head: Buffer, size: number): C2paPresence {
  const source = new ByteSource(path, head, size);
  try {
    const xmp: XmpPlaces = { segments: [], complete: false };
    const embedded = hasEmbeddedStore(source, xmp);
    if (embedded) return 'embedded';
    return pointsToRemote(head, xmp) ? 'remote' : 'none';
  } catch {
    return 'none';
  } finally {
    source.close();
  }
}

/**
 * Where a JPEG's XMP lies: its APP1 XMP segments' data (start and end offsets), `complete`
 * once the walk reached the image data, so that no other segment can hold any.
 */
interface XmpPlaces {
  segments: { start: number; end: number }[];
  complete: boolean;
}

/** Starts the data of an APP1 segment holding the main XMP packet. */
const XMP_SIGNATURE = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');

/**
 * Whether the file holds a manifest store. For a JPEG, the XMP segments met on the way are
 * noted in `xmp`, so that the search for a remote manifest need not read the rest.
 */
function hasEmbeddedStore(source: ByteSource, xmp: XmpPlaces): boolean {
  const start = source.bytes(0, 16);
  if (start.length < 12) return false;
  if (start[0] === 0xff && start[1] === 0xd8) return jpegHasStore(source, xmp);
  if (start.subarray(0, 8).equals(PNG_SIGNATURE)) return pngHasStore(source);
  if (start.toString('latin1', 0, 4) === 'RIFF' && start.toString('latin1', 8, 12) === 'WEBP') {
    return webpHasStore(source);
  }
  if (start.toString('latin1', 4, 8) === 'ftyp') return bmffHasStore(source);
  const order = start.toString('latin1', 0, 2);
  if (order === 'II' || order === 'MM') return tiffHasStore(source, order === 'II');
  return false;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function jpegHasStore(source: ByteSource, xmp: XmpPlaces): boolean {
  let at = 2;
  for (let step = 0; step < MAX_STEPS && at + 4 <= source.size; step++) {
    const marker = source.bytes(at, 4);
    if (marker.length < 4 || marker[0] !== 0xff) return false;
    const kind = marker[1] ?? 0;
    if (kind === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Start of scan or end of image: metadata segments all come before the image data.
    if (kind === 0xda || kind === 0xd9) {
      xmp.complete = true;
      return false;
    }
    const length = marker.readUInt16BE(2);
    if (kind === 0xeb) {
      // APP11: "JP", box instance (2), sequence (4), then the JUMBF box: size, "jumb", and
      // its description box whose label is "c2pa".
      const segment = source.bytes(at + 4, Math.min(length - 2, 64));
      if (segment.toString('latin1', 0, 2) === 'JP' && segment.includes('c2pa', 0, 'latin1')) {
        return true;
      }
    } else if (kind === 0xe1 && length > XMP_SIGNATURE.length + 2) {
      const signature = source.bytes(at + 4, XMP_SIGNATURE.length);
      if (signature.equals(XMP_SIGNATURE))
        xmp.segments.push({ start: at + 4, end: at + 2 + length });
    }
    at += 2 + length;
  }
  return false;
}

function pngHasStore(source: ByteSource): boolean {
  let at = 8;
  for (let step = 0; step < MAX_STEPS && at + 8 <= source.size; step++) {
    const header = source.bytes(at, 8);
    if (header.length < 8) return false;
    const type = header.toString('latin1', 4, 8);
    if (type === 'caBX') return true;
    if (type === 'IEND') return false;
    at += 12 + header.readUInt32BE(0);
  }
  return false;
}

function webpHasStore(source: ByteSource): boolean {
  let at = 12;
  for (let step = 0; step < MAX_STEPS && at + 8 <= source.size; step++) {
    const header = source.bytes(at, 8);
    if (header.length < 8) return false;
    if (header.toString('latin1', 0, 4) === 'C2PA') return true;
    const length = header.readUInt32LE(4);
    at += 8 + length + (length & 1);
  }
  return false;
}

function bmffHasStore(source: ByteSource): boolean {
  let at = 0;
  for (let step = 0; step < MAX_STEPS && at + 8 <= source.size; step++) {
    const header = source.bytes(at, 32);
    if (header.length < 8) return false;
    let size = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    let body = 8;
    if (size === 1 && header.length >= 16) {
      size = Number(header.readBigUInt64BE(8));
      body = 16;
    } else if (size === 0) {
      size = source.size - at;
    }
    if (type === 'uuid' && header.subarray(body, body + 16).equals(C2PA_UUID)) return true;
    if (size < 8) return false;
    at += size;
  }
  return false;
}

/** IFDs of the main chain walked: a store sits in the first or in one appended after it. */
const MAX_IFDS = 16;

function tiffHasStore(source: ByteSource, little: boolean): boolean {
  const header = source.bytes(0, 8);
  const u16 = (b: Buffer, at: number) => (little ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const u32 = (b: Buffer, at: number) => (little ? b.readUInt32LE(at) : b.readUInt32BE(at));
  const magic = u16(header, 2);
  if (magic !== 42) return false; // BigTIFF and others: not walked
  // The C2PA library (c2pa-rs 0.82) writes tag 0xCD41 into an IFD of its own that it chains
  // after IFD0, not into IFD0: the chain is walked, a loop or a bad offset ends it.
  const seen = new Set<number>();
  let ifd = u32(header, 4);
  for (let n = 0; n < MAX_IFDS && ifd >= 8 && !seen.has(ifd); n++) {
    seen.add(ifd);
    const countBytes = source.bytes(ifd, 2);
    if (countBytes.length < 2) return false;
    const count = Math.min(u16(countBytes, 0), 4096);
    const entries = source.bytes(ifd + 2, count * 12 + 4);
    for (let i = 0; i + 12 <= count * 12 && i + 12 <= entries.length; i += 12) {
      if (u16(entries, i) === TAG_C2PA) return true;
    }
    if (entries.length < count * 12 + 4) return false;
    ifd = u32(entries, count * 12);
  }
  return false;
}

/**
 * A remote manifest is announced in the XMP, which lies in the file's first bytes, by a URL.
 * A "self#jumbf=" value points into the file itself: its store was stripped, so it has none.
 * A JPEG's XMP segments were found by the walk (`xmp`): searching only them instead
 * of the whole 64 KiB head, mostly the embedded thumbnail, cut this check from ≈18 µs a photo
 * to a fraction of that. Any other file, or a JPEG whose walk did not reach its image data
 * or whose XMP runs past the head, is searched in its whole head as before.
 */
function pointsToRemote(head: Buffer, xmp: XmpPlaces): boolean {
  const known = xmp.complete && xmp.segments.every((segment) => segment.end <= head.length);
  const ranges = known ? xmp.segments : [{ start: 0, end: head.length }];
  for (const { start, end } of ranges) {
    const at = head.subarray(start, end).indexOf(PROVENANCE);
    if (at >= 0) return REMOTE_VALUE.test(head.toString('latin1', start + at, start + at + 64));
  }
  return false;
}

const PROVENANCE = Buffer.from('dcterms:provenance', 'latin1');

const REMOTE_VALUE = /^dcterms:provenance\s*(=\s*["']|>)\s*https?:\/\//;
