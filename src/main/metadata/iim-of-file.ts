import { scanJpeg, scanTiff } from './container-scan';
import { parseIrb } from './iim-decode';

/**
 * The IIM blocks of a whole JPEG or TIFF file held in memory, as the reader finds them
 * (Photoshop IRBs, the TIFF IPTC tag); null when the file is of another format or cannot be
 * scanned, so that a caller knows nothing rather than "no IIM".
 */
export function iimBlocksOf(bytes: Buffer, format: string): Uint8Array[] | null {
  const scan =
    format === 'JPEG' ? scanJpeg(bytes, true) : format === 'TIFF' ? scanTiff(bytes, true) : null;
  if (!scan || scan.fatal) return null;
  return [...scan.bareIim, ...scan.irbs.flatMap((irb) => parseIrb(irb).iimBlocks)];
}
