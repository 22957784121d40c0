/**
 * Writing the catalog's captions into the files: what a write batch reports while it runs
 * and when it ends, and the conflicts it finds instead of overwriting someone's newer edit.
 */
import { z } from 'zod';
import { captionFieldSchema } from './edits';
import type { CaptionField, FieldValue } from './model';

/** A file that could not be written, and why, in plain words. */
export interface WriteFailure {
  path: string;
  reason: string;
}

/** One field where the file (changed elsewhere) and Cutline disagree. */
export interface ConflictFieldValues {
  file: FieldValue;
  cutline: FieldValue;
}

/** A photo not written because its file changed on disk since Cutline read it. */
export interface WriteConflict {
  photoId: number;
  path: string;
  detectedAt: string;
  fields: Partial<Record<CaptionField, ConflictFieldValues>>;
}

/** How a write batch stands (also the `write:progress` event). */
export interface WriteProgress {
  batchId: number;
  done: number;
  total: number;
  /** Files per second since the batch started. */
  rate: number;
  written: number;
  conflicts: number;
  failed: number;
  currentFile: string;
  phase: 'writing' | 'done' | 'cancelled';
}

/** Something a write did otherwise than asked, on a file it wrote (a copy it could not write). */
export interface WriteNote {
  path: string;
  note: string;
}

/**
 * A file to be written that carries C2PA Content Credentials: writing metadata into it breaks
 * their hash binding, so they will no longer validate (said before the write, per file).
 */
export interface CredentialWarning {
  photoId: number;
  path: string;
  message: string;
}

/** What a finished batch did (`cutline write --json` prints written, conflicts, failed, notes). */
export interface WriteSummary {
  batchId: number;
  written: number;
  conflicts: WriteConflict[];
  failed: WriteFailure[];
  /** Files written with a note on what could not be written as asked. */
  notes: WriteNote[];
  cancelled: boolean;
}

/** Which photos to write: the ones given, every photo with unwritten changes, or both. */
export const writeRequestSchema = z.object({
  ids: z.array(z.number().int().positive()).max(1_000_000).default([]),
  allChanged: z.boolean().default(false),
  /** Write XMP sidecars even for formats that could hold the metadata themselves. */
  sidecar: z.boolean().default(false),
});
export type WriteRequest = z.output<typeof writeRequestSchema>;

/** Per field: keep Cutline's value ("mine") or take the file's. */
export const conflictChoiceSchema = z.enum(['mine', 'file']);
export type ConflictChoice = z.infer<typeof conflictChoiceSchema>;

export const resolveConflictSchema = z.object({
  photoId: z.number().int().positive(),
  /** One choice for every field, or a choice per field (fields left out keep Cutline's). */
  choice: z.union([
    conflictChoiceSchema,
    z.partialRecord(captionFieldSchema, conflictChoiceSchema),
  ]),
});
export type ResolveConflict = z.output<typeof resolveConflictSchema>;
