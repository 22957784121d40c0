import { type ContainerScan, emptyScan, xmpWithinLimit } from './container-scan';
import { readTiffTags, TAG_IPTC, TAG_IRB, TAG_XMP } from './tiff-tags';
import { decodeXmpBytes } from './xmp-packet-bytes';

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
