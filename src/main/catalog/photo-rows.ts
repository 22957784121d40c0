import {
  CAPTION_FIELDS,
  type CaptionFields,
  type FieldOrigins,
  type TechnicalFields,
} from '../../shared/model';
import type { ProvenanceSummary } from '../../shared/provenance';

/** One photo as the import stores it. */
export interface PhotoWrite {
  path: string;
  fileName: string;
  byteSize: number;
  mtimeMs: number;
  fingerprint: string;
  sidecarPath: string | null;
  sidecarMtimeMs: number | null;
  technical: Omit<TechnicalFields, 'path' | 'fileName' | 'byteSize'>;
  fields: CaptionFields;
  origins: FieldOrigins;
  copiesDisagree: boolean;
  overIimLimit: boolean;
  /** Why the picture itself is cut short though its metadata read (absent or null: whole). */
  damage?: string | null;
  /** The file's C2PA Content Credentials, summarised (absent or null: none). */
  provenance?: ProvenanceSummary | null;
  /** 'unchanged': keep the stored one (a write-back that left the image data as it was). */
  thumbnail:
    | {
        jpeg: Buffer;
        width: number;
        height: number;
        origin: 'embedded' | 'rendered';
      }
    | null
    | 'unchanged';
}

/** The values of a photo's `photos` row, keyed by the statements' parameter names. */
export type PhotoRow = Omit<TechnicalFields, 'warnings'> & {
  mtimeMs: number;
  fingerprint: string;
  sidecarPath: string | null;
  sidecarMtimeMs: number | null;
  /** JSON text. */
  warnings: string;
  damage: string | null;
  /** JSON text of the ProvenanceSummary, or null. */
  provenance: string | null;
};

/**
 * A photo's values exactly as the catalog's columns hold them: lists and each copy's values
 * as JSON text, flags as 0/1. An import worker makes them beside the file it read, so the
 * thread that owns the catalog only binds them: copying flat text between threads costs a
 * fraction of copying the nested objects, and the JSON is written off that thread.
 */
export interface PhotoRows {
  photo: PhotoRow;
  /** Keyed by caption field name (list fields as JSON text), plus `origins`,
   * `copiesDisagree` and `overIimLimit`. */
  caption: Record<string, string | number>;
  thumbnail: PhotoWrite['thumbnail'];
}

export function photoRowsOf(photo: PhotoWrite): PhotoRows {
  const { technical } = photo;
  const caption: Record<string, string | number> = {
    origins: JSON.stringify(photo.origins),
    copiesDisagree: photo.copiesDisagree ? 1 : 0,
    overIimLimit: photo.overIimLimit ? 1 : 0,
  };
  for (const field of CAPTION_FIELDS) {
    const value = photo.fields[field];
    // Most lists of most photos are empty: their text is known without JSON.stringify.
    caption[field] = Array.isArray(value)
      ? value.length === 0
        ? '[]'
        : JSON.stringify(value)
      : value;
  }
  return {
    photo: {
      ...technical,
      path: photo.path,
      fileName: photo.fileName,
      byteSize: photo.byteSize,
      mtimeMs: photo.mtimeMs,
      fingerprint: photo.fingerprint,
      sidecarPath: photo.sidecarPath,
      sidecarMtimeMs: photo.sidecarMtimeMs,
      warnings: JSON.stringify(technical.warnings),
      damage: photo.damage ?? null,
      provenance: photo.provenance ? JSON.stringify(photo.provenance) : null,
    },
    caption,
    thumbnail: photo.thumbnail,
  };
}
