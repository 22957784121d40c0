import type { CaptionFields, FieldOrigins, TechnicalFields } from '../../shared/model';

/** A thumbnail ready to store: a small JPEG, already turned upright. */
export interface Thumbnail {
  jpeg: Buffer;
  width: number;
  height: number;
  /** Where it came from: the file's embedded preview/EXIF thumbnail, or rendered by sharp. */
  origin: 'embedded' | 'rendered';
}

/** Everything the metadata layer learns from one image file (plus its .xmp sidecar). */
export interface ReadResult {
  fields: CaptionFields;
  origins: FieldOrigins;
  technical: Omit<TechnicalFields, 'path' | 'fileName' | 'byteSize'>;
  /** Path of the .xmp sidecar that was read, if any. */
  sidecarPath: string | null;
  /**
   * Set when the metadata could be read but the picture is missing or cut short (ExifTool
   * reads such files too): the caption is kept, and the damage is reported as a problem.
   */
  damage: string | null;
}

/** Identity of a file's content that does not need the whole file read. */
export interface FileIdentity {
  byteSize: number;
  mtimeMs: number;
  /** Hex digest over size + first and last 16 KiB. */
  fingerprint: string;
}
