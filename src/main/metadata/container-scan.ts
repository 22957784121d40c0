import { sizeName, XMP_PACKET_LIMIT } from './read-limits';
import type { TiffTags } from './tiff-tags';

/**
 * What walking a file's container finds: the metadata blocks Cutline decodes itself (IIM,
 * Photoshop IRB, XMP, EXIF) and the stored image size, and whether the first bytes read hold
 * all of it or the rest of the file is needed. Each format's walker (jpeg-scan.ts,
 * tiff-scan.ts, png-scan.ts, webp-scan.ts, cr3-scan.ts, heif-scan.ts) fills one in.
 */

/** Metadata blocks found in a file's bytes. */
export interface ContainerScan {
  /** Photoshop IRB payloads (consecutive APP13 segments joined into one). */
  irbs: Uint8Array[];
  /** Bare IIM blocks (TIFF tag 33723, PNG "Raw profile type iptc"). */
  bareIim: Uint8Array[];
  /** XMP packets as text (the standard packet first; JPEG extended XMP is left to exifr). */
  xmp: string[];
  /** Image size from the JPEG SOF or PNG IHDR, when seen. */
  width: number | null;
  height: number | null;
  /** True when metadata continues past the end of the bytes given. */
  needMore: boolean;
  /** Plain-English notes about structural damage. */
  warnings: string[];
  /** Set when the bytes are not a readable file of this kind at all. */
  fatal: string | null;
  /** Set when the metadata reads but the picture itself is missing or cut short. */
  damage: string | null;
  /** The EXIF tags read from the file's TIFF structure, when it has one. */
  tiff: TiffTags | null;
  /**
   * With `needMore`: how many bytes from the start would hold what was missing, when known
   * (a TIFF value past the head); null means "more, amount unknown".
   */
  needBytes: number | null;
}

/** Notes a packet over XMP_PACKET_LIMIT, which is left unread; true when it is within it. */
export function xmpWithinLimit(bytes: number, scan: ContainerScan): boolean {
  if (bytes <= XMP_PACKET_LIMIT) return true;
  scan.warnings.push(
    `XMP packet of ${sizeName(bytes)} is over the ${sizeName(XMP_PACKET_LIMIT)} limit and was not read`,
  );
  return false;
}

/** A scan with nothing found yet. */
export function emptyScan(): ContainerScan {
  return {
    irbs: [],
    bareIim: [],
    xmp: [],
    width: null,
    height: null,
    needMore: false,
    warnings: [],
    fatal: null,
    damage: null,
    tiff: null,
    needBytes: null,
  };
}
