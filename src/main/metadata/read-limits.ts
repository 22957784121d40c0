/**
 * How much of any one file Cutline reads, keeps and decodes. Every number here is far above
 * what real photos hold (they are there for damaged and hostile files, issue 14), so that one
 * file can never take the importer or the preview past a few hundred megabytes: over a limit,
 * the file imports with what is in bounds and a warning that names the limit.
 */

const MB = 1024 * 1024;

/** Bytes of one file read into memory in search of its metadata (the first and last halves). */
export const METADATA_READ_LIMIT = 64 * MB;

/** One XMP packet (embedded or sidecar); Photoshop's largest real packets are a few MB. */
export const XMP_PACKET_LIMIT = 16 * MB;

/**
 * One IIM dataset's value. The IIM standard's longest text dataset is 2,000 bytes and a value
 * without an extended length holds at most 32,767: twice that is generous for a damaged file.
 */
export const IIM_DATASET_LIMIT = 64 * 1024;

/** One text value of a caption field, from any copy (bytes of UTF-8; a list counts as one). */
export const TEXT_VALUE_LIMIT = 2 * MB;

/**
 * Pixels (width × height) of any picture Cutline decodes for a thumbnail or a preview: a
 * 150-megapixel medium-format frame fits; a 30000×30000 bomb does not.
 */
export const DECODE_PIXEL_LIMIT = 200_000_000;

/** "16 MB", "64 KB": a limit as a warning names it. */
export function sizeName(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** "200 megapixels". */
export function pixelLimitName(): string {
  return `${Math.round(DECODE_PIXEL_LIMIT / 1_000_000)} megapixels`;
}

/** True when a picture of this size may be decoded (unknown sizes are left to sharp's check). */
export function withinPixelLimit(width: number | null, height: number | null): boolean {
  return width === null || height === null || width * height <= DECODE_PIXEL_LIMIT;
}
