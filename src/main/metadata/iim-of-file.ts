import { decodeIim, iimReadsAsUtf8 } from './iim-decode';
import { scanJpeg } from './jpeg-scan';
import { scanPng } from './png-scan';
import { iimBlocksOfScan } from './scan-iim-blocks';
import { scanTiff } from './tiff-scan';
import type { IimCharset } from './write-tags';

/**
 * The IIM blocks of a whole JPEG, TIFF or PNG file held in memory, as the reader finds them
 * (Photoshop IRBs, the TIFF IPTC tag, a PNG's "Raw profile type iptc"); null when the file is
 * of another format or cannot be scanned, so that a caller knows nothing rather than "no IIM".
 */
export function iimBlocksOf(bytes: Buffer, format: string): Uint8Array[] | null {
  return iimOf(bytes, format)?.blocks ?? null;
}

/** What a writer needs to know of a file's IIM: its blocks, character set and digest. */
export interface FileIim {
  blocks: Uint8Array[];
  charset: IimCharset;
  /** The IPTCDigest says the IIM was changed after the XMP was written. */
  digestStale: boolean;
}

/** The IIM of a whole file held in memory (see iimBlocksOf); null when it cannot be told. */
export function iimOf(bytes: Buffer, format: string): FileIim | null {
  const scan =
    format === 'JPEG'
      ? scanJpeg(bytes, true)
      : format === 'TIFF'
        ? scanTiff(bytes, true)
        : format === 'PNG'
          ? scanPng(bytes, true)
          : null;
  if (!scan || scan.fatal) return null;
  const { blocks, storedDigest } = iimBlocksOfScan(scan);
  if (blocks.length === 0) return { blocks, charset: 'none', digestStale: false };
  let digestStale = false;
  try {
    digestStale = decodeIim(blocks, storedDigest)?.digest === 'mismatch';
  } catch {
    // Unreadable IIM: the reader said so at import; the digest is then not ours to judge.
  }
  return { blocks, charset: iimReadsAsUtf8(blocks) ? 'utf8' : 'other', digestStale };
}
