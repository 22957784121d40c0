import { type ContainerScan, emptyScan } from './container-scan';
import { noTiffTags, readTiffTags } from './tiff-tags';
import { findXmpPacket } from './xmp-packet-bytes';

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
