/**
 * Reading a caption sheet back: a CSV or XLSX keyed by file name, whose columns are mapped to
 * caption fields (guessed from the headers Cutline writes and common names, or chosen by the
 * user), previewed as the changes it would make, then applied as one undo step.
 */
import { z } from 'zod';
import type { EditOutcome } from './edits';
import { exportColumnSchema } from './export-options';
import type { CaptionField, FieldValue } from './model';

/** A column mapped to a field, to the file name (the key), or left out. */
export const sheetTargetSchema = z.union([exportColumnSchema, z.literal('ignore')]);
export type SheetTarget = z.infer<typeof sheetTargetSchema>;

export const sheetImportRequestSchema = z
  .object({
    /** A sheet on disk (the CLI, Electron). */
    path: z.string().min(1).optional(),
    /** Or its bytes, base64 (the browser UI uploads it), with its name for the format. */
    data: z.string().max(70_000_000).optional(),
    name: z.string().max(500).optional(),
    /** Header text → what the column holds; columns not named here are guessed. */
    mapping: z.record(z.string(), sheetTargetSchema).optional(),
  })
  .refine((input) => input.path !== undefined || input.data !== undefined, {
    message: 'Give the sheet as a path or as data.',
  });
export type SheetImportRequest = z.infer<typeof sheetImportRequestSchema>;

/** One field of one photo that the sheet changes. */
export interface SheetChange {
  photoId: number;
  fileName: string;
  field: CaptionField;
  before: FieldValue;
  after: FieldValue;
}

/** A row whose file name matched no photo. */
export interface UnmatchedRow {
  /** The row's number as a spreadsheet shows it (the header is row 1). */
  row: number;
  fileName: string;
}

export interface SheetImportPlan {
  headers: string[];
  /** What each column was taken as, in the sheet's order. */
  mapping: SheetTarget[];
  rows: number;
  /** Rows that matched a photo. */
  matchedRows: number;
  /** Photos that would change, and how many field values. */
  photos: number;
  changeCount: number;
  /** The changes (the first 2,000, enough to review). */
  changes: SheetChange[];
  unmatched: UnmatchedRow[];
  /** Plain warnings: a file name that matches several photos, rows without a file name. */
  notes: string[];
}

export interface SheetImportOutcome extends SheetImportPlan {
  /** What the one undo step changed (null for a dry run). */
  applied: EditOutcome | null;
}
