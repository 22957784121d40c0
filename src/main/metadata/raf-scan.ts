import type { ContainerScan } from './container-scan';
import { scanJpeg } from './jpeg-scan';

/**
 * Reads a Fujifilm RAF: a header pointing at a full JPEG preview that carries the EXIF, IIM
 * and XMP, walked as a JPEG. `complete` says whether `buf` is the whole file.
 */
export function scanRaf(buf: Buffer, complete: boolean): ContainerScan {
  const jpegAt = buf.length >= 92 ? buf.readUInt32BE(84) : 0;
  const jpegLength = buf.length >= 92 ? buf.readUInt32BE(88) : 0;
  const end = jpegAt + jpegLength;
  if (jpegAt === 0 || end > buf.length) {
    // The preview's metadata segments are at its start: 256 KB past its offset is enough.
    const inside = jpegAt > 0 && jpegAt + 4 < buf.length;
    const scan = inside ? scanJpeg(buf.subarray(jpegAt), false) : scanJpeg(Buffer.alloc(0), true);
    scan.needMore = !complete && (!inside || scan.needMore);
    scan.fatal = null;
    return scan;
  }
  const scan = scanJpeg(buf.subarray(jpegAt, end), true);
  scan.width = null; // the preview's size, not the sensor's
  scan.height = null;
  return scan;
}
