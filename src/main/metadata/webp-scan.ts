import { type ContainerScan, emptyScan, xmpWithinLimit } from './container-scan';
import { readTiffTags } from './tiff-tags';

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
