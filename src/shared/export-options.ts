/**
 * What a caption-sheet export is asked for: the format, the columns, the caption-with-credit
 * pattern, the order and the PDF layout. Declared once with zod so that the export dialog,
 * the contract, the CLI and the remembered settings agree on every name and default.
 */
import { z } from 'zod';
import { CAPTION_FIELDS, type CaptionField, FIELD_LABELS } from './model';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'docx', 'pdf', 'txt', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file name extension and what a save dialog calls each format. */
export const EXPORT_FORMAT_INFO: Record<ExportFormat, { extension: string; label: string }> = {
  csv: { extension: 'csv', label: 'CSV (Excel, Numbers, Sheets)' },
  xlsx: { extension: 'xlsx', label: 'Excel workbook' },
  docx: { extension: 'docx', label: 'Word caption sheet' },
  pdf: { extension: 'pdf', label: 'PDF contact sheet' },
  txt: { extension: 'txt', label: 'Plain text' },
  html: { extension: 'html', label: 'HTML (for a CMS)' },
};

/**
 * Columns a sheet may hold: the photo's file name and path, every caption field, the credit
 * in the house style, and the caption with its credit as the pattern prints it.
 */
export const EXPORT_COLUMNS = [
  'fileName',
  'path',
  ...CAPTION_FIELDS,
  'credit',
  'captionWithCredit',
] as const satisfies readonly string[];
export type ExportColumn = 'fileName' | 'path' | CaptionField | 'credit' | 'captionWithCredit';

export const EXPORT_COLUMN_LABELS: Record<ExportColumn, string> = {
  fileName: 'File name',
  path: 'Path',
  ...FIELD_LABELS,
  // Not "Credit": a stringer's "Credit" column is a credit line to read back, this one is printed.
  credit: 'Credit (house style)',
  captionWithCredit: 'Caption with credit',
};

/** Columns that are printed from others and are never read back into a field. */
export const DERIVED_COLUMNS: readonly ExportColumn[] = ['credit', 'captionWithCredit', 'path'];

export const exportColumnSchema = z.enum(
  EXPORT_COLUMNS as unknown as [ExportColumn, ...ExportColumn[]],
);

export const EXPORT_SORTS = ['shown', 'date', 'fileName', 'creator'] as const;
export type ExportSort = (typeof EXPORT_SORTS)[number];

/** The choices of the export dialog: remembered as the last export and saved as presets. */
export const exportChoicesSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  columns: z.array(exportColumnSchema).min(1, 'Choose at least one column.').max(40),
  /** How the caption and its credit are printed together, e.g. `{caption} ({credit:ap})`. */
  pattern: z.string().max(500),
  sort: z.enum(EXPORT_SORTS),
  /** Thumbnails per page of a PDF contact sheet. */
  perPage: z.union([z.literal(4), z.literal(6), z.literal(12), z.literal(20), z.literal(30)]),
  /** The title printed in a PDF/DOCX/HTML header ("" for "Caption sheet"). */
  title: z.string().max(200),
});
export type ExportChoices = z.infer<typeof exportChoicesSchema>;

export const exportPresetSchema = exportChoicesSchema.extend({
  name: z.string().trim().min(1, 'Give the preset a name.').max(100),
});
export type ExportPreset = z.infer<typeof exportPresetSchema>;

export const DEFAULT_PATTERN = '{caption} ({credit})';

export const DEFAULT_EXPORT_CHOICES: ExportChoices = {
  format: 'csv',
  columns: [
    'fileName',
    'headline',
    'caption',
    'credit',
    'creators',
    'creditLine',
    'source',
    'dateCreated',
    'city',
    'country',
  ],
  pattern: DEFAULT_PATTERN,
  sort: 'shown',
  perPage: 12,
  title: '',
};

/** An import run by its number, or the latest one. */
export const importRunRefSchema = z.union([z.number().int().positive(), z.literal('last')]);

/**
 * Which photos an export or credit block is for: ids in the order shown, or a search, or
 * the photos an import run found (narrowed by the search when there is one too).
 */
export const photoSetSchema = z.object({
  ids: z.array(z.number().int().positive()).max(100_000).optional(),
  query: z.string().max(2000).optional(),
  importRun: importRunRefSchema.optional(),
});
export type PhotoSet = z.infer<typeof photoSetSchema>;

/** One export: the choices (any left out take the defaults), the photos and the file. */
export const exportRequestSchema = photoSetSchema.extend({
  format: z.enum(EXPORT_FORMATS),
  out: z.string().min(1, 'Give the file to write.'),
  columns: z.array(exportColumnSchema).min(1).max(40).optional(),
  pattern: z.string().max(500).optional(),
  sort: z.enum(EXPORT_SORTS).optional(),
  perPage: exportChoicesSchema.shape.perPage.optional(),
  title: z.string().max(200).optional(),
  /** The credit style for `{credit}` and the Credit column (default: the house style). */
  style: z.string().max(64).optional(),
  /** The person confirmed replacing `out` if it exists (a save dialog, a confirm, --force). */
  overwrite: z.boolean().optional(),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** What an export did. */
export interface ExportSummary {
  path: string;
  format: ExportFormat;
  photoCount: number;
  bytes: number;
  milliseconds: number;
  /** Things the reader should know: photos without a thumbnail, scripts without a font. */
  notes: string[];
}

/** Progress of a running export, for the progress bar. */
export interface ExportProgress {
  format: ExportFormat;
  done: number;
  total: number;
  finished: boolean;
}
