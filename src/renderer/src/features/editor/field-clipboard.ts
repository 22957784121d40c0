/**
 * Copy one photo's caption fields and paste them onto others (Photo Mechanic's copy/paste
 * IPTC). Only fields with a value are pasted: pasting never empties a field the copied photo
 * happened to leave blank. Kept in the window, not the system clipboard, so that a copied
 * caption never lands in another program as a JSON blob.
 */
import type { FieldChanges } from '../../../../shared/edits';
import { CAPTION_FIELDS, type PhotoRecord } from '../../../../shared/model';
import type { Result } from '../../../../shared/result';
import { getCutline } from '../../client/cutline-client';

let copied: FieldChanges | null = null;

/** Keeps the photo's non-empty caption fields; answers how many. */
export function copyFields(record: PhotoRecord): number {
  const fields: Record<string, string | string[]> = {};
  for (const field of CAPTION_FIELDS) {
    const value = record[field];
    if (Array.isArray(value) ? value.length > 0 : value !== '') fields[field] = value;
  }
  copied = fields as FieldChanges;
  return Object.keys(fields).length;
}

export function hasCopiedFields(): boolean {
  return copied !== null;
}

/** Pastes the copied fields onto the photos, as one undo step. */
export function pasteFields(ids: number[]): Promise<Result<unknown>> | null {
  if (!copied || ids.length === 0) return null;
  return getCutline().edits.set({ ids, changes: copied });
}
