import { type ContainerScan, emptyScan, xmpWithinLimit } from './container-scan';
import { readTiffTags } from './tiff-tags';
import { decodeXmpBytes } from './xmp-packet-bytes';

/**
 * Reads a HEIF file (HEIC, AVIF): the items of its `meta` box, to find the Exif item (read by
 * tiff-tags.ts like every other format's EXIF) and the XMP item (a `mime` item of type
 * application/rdf+xml). ISO/IEC 23008-12 and 14496-12: `iinf` names the items, `iloc` says
 * where their bytes are (in the file, or in the meta box's `idat`), and the primary item's
 * `ispe` property its size.
 */

interface Box {
  type: string;
  /** Where the box's content starts (after size, type and any 64-bit size). */
  start: number;
  end: number;
}

/** The boxes in `buf` from `from` to `to`; stops at the first that does not fit its size. */
function boxes(buf: Buffer, from: number, to: number): { list: Box[]; cut: number | null } {
  const list: Box[] = [];
  let pos = from;
  while (pos + 8 <= to) {
    let size = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    let start = pos + 8;
    if (size === 1) {
      if (pos + 16 > to) return { list, cut: pos + 16 };
      size = Number(buf.readBigUInt64BE(pos + 8));
      start = pos + 16;
    } else if (size === 0) size = to - pos; // to the end
    if (size < start - pos) break;
    if (pos + size > to) return { list, cut: pos + size };
    list.push({ type, start, end: pos + size });
    pos += size;
  }
  return { list, cut: null };
}

interface Item {
  type: string;
  contentType: string;
  /** construction_method: 0 = file offsets, 1 = offsets into idat. */
  method: number;
  extents: { offset: number; length: number }[];
}

function readUInt(buf: Buffer, at: number, size: number): number {
  if (size === 0) return 0;
  if (size === 2) return buf.readUInt16BE(at);
  if (size === 4) return buf.readUInt32BE(at);
  return Number(buf.readBigUInt64BE(at));
}

/** Item types by id, from `iinf` (infe versions 2 and 3, the ones HEIF uses). */
function readIinf(buf: Buffer, box: Box, items: Map<number, Item>): void {
  const version = buf[box.start]!;
  const first = box.start + 4 + (version === 0 ? 2 : 4);
  for (const infe of boxes(buf, first, box.end).list) {
    if (infe.type !== 'infe') continue;
    const v = buf[infe.start]!;
    if (v < 2) continue;
    let p = infe.start + 4;
    const id = v === 2 ? buf.readUInt16BE(p) : buf.readUInt32BE(p);
    p += (v === 2 ? 2 : 4) + 2; // item_ID, item_protection_index
    const type = buf.toString('latin1', p, p + 4);
    p += 4;
    let contentType = '';
    if (type === 'mime') {
      const nameEnd = buf.indexOf(0, p);
      const typeStart = nameEnd + 1;
      const typeEnd = buf.indexOf(0, typeStart);
      if (nameEnd >= 0 && typeEnd > 0 && typeEnd <= infe.end) {
        contentType = buf.toString('latin1', typeStart, typeEnd);
      }
    }
    items.set(id, { type, contentType, method: 0, extents: [] });
  }
}

/** Where each item's bytes are, from `iloc` (versions 0, 1 and 2). */
function readIloc(buf: Buffer, box: Box, items: Map<number, Item>): void {
  const version = buf[box.start]!;
  let p = box.start + 4;
  const offsetSize = buf[p]! >> 4;
  const lengthSize = buf[p]! & 15;
  const baseSize = buf[p + 1]! >> 4;
  const indexSize = version >= 1 ? buf[p + 1]! & 15 : 0;
  p += 2;
  const count = version < 2 ? buf.readUInt16BE(p) : buf.readUInt32BE(p);
  p += version < 2 ? 2 : 4;
  for (let i = 0; i < count && p < box.end; i++) {
    const id = version < 2 ? buf.readUInt16BE(p) : buf.readUInt32BE(p);
    p += version < 2 ? 2 : 4;
    let method = 0;
    if (version >= 1) {
      method = buf.readUInt16BE(p) & 15;
      p += 2;
    }
    p += 2; // data_reference_index
    const base = readUInt(buf, p, baseSize);
    p += baseSize;
    const extentCount = buf.readUInt16BE(p);
    p += 2;
    const extents: { offset: number; length: number }[] = [];
    for (let e = 0; e < extentCount; e++) {
      p += indexSize;
      const offset = readUInt(buf, p, offsetSize);
      p += offsetSize;
      const length = readUInt(buf, p, lengthSize);
      p += lengthSize;
      extents.push({ offset: base + offset, length });
    }
    const item = items.get(id);
    if (item) {
      item.method = method;
      item.extents = extents;
    }
  }
}

/**
 * An item's bytes, or a number: how many bytes from the start of the file would hold them
 * (they lie past `buf`), or null when they cannot be had.
 */
function itemBytes(buf: Buffer, item: Item, idat: Box | null): Buffer | number | null {
  const base = item.method === 1 ? (idat?.start ?? null) : 0;
  if (base === null || item.method > 1) return null;
  const parts: Buffer[] = [];
  let need = 0;
  for (const { offset, length } of item.extents) {
    const end = base + offset + length;
    if (end > buf.length) need = Math.max(need, end);
    else parts.push(buf.subarray(base + offset, end));
  }
  if (need > 0) return need;
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/**
 * The primary item's size from its `ispe` property: `pitm` names the primary item, `ipma`
 * lists each item's properties by their index in `ipco`.
 */
function primarySize(buf: Buffer, inside: Box[]): { width: number; height: number } | null {
  const pitm = inside.find((b) => b.type === 'pitm');
  const iprp = inside.find((b) => b.type === 'iprp');
  if (!pitm || !iprp) return null;
  const primary =
    buf[pitm.start] === 0 ? buf.readUInt16BE(pitm.start + 4) : buf.readUInt32BE(pitm.start + 4);
  const children = boxes(buf, iprp.start, iprp.end).list;
  const ipco = children.find((b) => b.type === 'ipco');
  if (!ipco) return null;
  const properties = boxes(buf, ipco.start, ipco.end).list;
  for (const ipma of children.filter((b) => b.type === 'ipma')) {
    const version = buf[ipma.start]!;
    const wide = (buf[ipma.start + 3]! & 1) === 1;
    let p = ipma.start + 4;
    const count = buf.readUInt32BE(p);
    p += 4;
    for (let i = 0; i < count && p < ipma.end; i++) {
      const id = version < 1 ? buf.readUInt16BE(p) : buf.readUInt32BE(p);
      p += version < 1 ? 2 : 4;
      const n = buf[p]!;
      p += 1;
      for (let j = 0; j < n; j++) {
        const index = wide ? buf.readUInt16BE(p) & 0x7fff : buf[p]! & 0x7f;
        p += wide ? 2 : 1;
        const property = properties[index - 1];
        if (id === primary && property?.type === 'ispe' && property.start + 12 <= property.end) {
          return {
            width: buf.readUInt32BE(property.start + 4),
            height: buf.readUInt32BE(property.start + 8),
          };
        }
      }
    }
  }
  return null;
}

/** Reads a HEIF file's Exif and XMP items; `complete` says whether `buf` is the whole file. */
export function scanHeif(buf: Buffer, complete: boolean): ContainerScan {
  const scan = emptyScan();
  const top = boxes(buf, 0, buf.length);
  const meta = top.list.find((b) => b.type === 'meta');
  if (!meta) {
    if (!complete && top.cut !== null) {
      scan.needMore = true;
      scan.needBytes = top.cut;
    } else scan.warnings.push('HEIF file has no meta box: no EXIF or XMP read');
    return scan;
  }
  const items = new Map<number, Item>();
  const inside = boxes(buf, meta.start + 4, meta.end).list;
  const iinf = inside.find((b) => b.type === 'iinf');
  const iloc = inside.find((b) => b.type === 'iloc');
  const idat = inside.find((b) => b.type === 'idat') ?? null;
  try {
    if (iinf) readIinf(buf, iinf, items);
    if (iloc) readIloc(buf, iloc, items);
    const size = primarySize(buf, inside);
    scan.width = size?.width ?? null;
    scan.height = size?.height ?? null;
  } catch {
    scan.warnings.push('HEIF item table is damaged: EXIF and XMP may be missing');
  }
  for (const item of items.values()) {
    const isExif = item.type === 'Exif';
    const isXmp = item.type === 'mime' && item.contentType === 'application/rdf+xml';
    if (!isExif && !isXmp) continue;
    if (isExif && scan.tiff) continue;
    const size = item.extents.reduce((sum, e) => sum + e.length, 0);
    if (isXmp && !xmpWithinLimit(size, scan)) continue;
    const bytes = itemBytes(buf, item, idat);
    if (typeof bytes === 'number') {
      if (!complete) {
        scan.needMore = true;
        scan.needBytes = Math.max(scan.needBytes ?? 0, bytes);
      } else
        scan.warnings.push(`HEIF ${isExif ? 'Exif' : 'XMP'} item lies past the end of the file`);
      continue;
    }
    if (!bytes) continue;
    if (isXmp) {
      scan.xmp.push(decodeXmpBytes(bytes));
      continue;
    }
    // The Exif item starts with the offset of the TIFF header after these 4 bytes
    // (usually 6, past "Exif\0\0").
    const start = bytes.length >= 4 ? 4 + bytes.readUInt32BE(0) : bytes.length;
    scan.tiff = readTiffTags(bytes, { start, end: bytes.length, open: false });
    scan.warnings.push(...scan.tiff.warnings);
  }
  return scan;
}

/**
 * The ids of the HEIF's thumbnail items: those whose `thmb` reference in `iref` names the
 * primary item (an iPhone's HEIC has one, 320×240, coded like the picture). Empty when the
 * file has none or its boxes cannot be read. `buf` holds the file from its start.
 */
export function heifThumbnailItems(buf: Buffer): number[] {
  try {
    const meta = boxes(buf, 0, buf.length).list.find((b) => b.type === 'meta');
    if (!meta) return [];
    const inside = boxes(buf, meta.start + 4, meta.end).list;
    const pitm = inside.find((b) => b.type === 'pitm');
    const iref = inside.find((b) => b.type === 'iref');
    if (!pitm || !iref) return [];
    const primary =
      buf[pitm.start] === 0 ? buf.readUInt16BE(pitm.start + 4) : buf.readUInt32BE(pitm.start + 4);
    const wide = buf[iref.start] !== 0;
    const idSize = wide ? 4 : 2;
    const thumbnails: number[] = [];
    for (const reference of boxes(buf, iref.start + 4, iref.end).list) {
      if (reference.type !== 'thmb') continue;
      let p = reference.start;
      const from = readUInt(buf, p, idSize);
      p += idSize;
      const count = buf.readUInt16BE(p);
      p += 2;
      for (let i = 0; i < count && p + idSize <= reference.end; i++, p += idSize) {
        if (readUInt(buf, p, idSize) === primary) thumbnails.push(from);
      }
    }
    return thumbnails;
  } catch {
    return [];
  }
}
