import {
  CAPTION_FIELDS,
  type CaptionField,
  type CaptionFields,
  type FieldValue,
} from '../../shared/model';
import type { ConflictFieldValues } from '../../shared/write-back';

function same(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => item === b[i]);
  }
  return a === b;
}

/**
 * The fields where a file changed on disk clashes with Cutline: the file now holds something
 * other than what the catalog last read from it (someone edited it elsewhere) and other than
 * Cutline's value. A field only Cutline changed is no clash (writing it is the point), nor
 * one both changed the same way; a file changed only outside these fields (its picture, other
 * tags) has no clash at all, and ExifTool keeps those changes when it writes.
 *
 * `lastRead` is what the catalog last read from the file: its values, with the file's value
 * in place of each unwritten edit.
 */
export function clashingFields(
  fileNow: CaptionFields,
  lastRead: CaptionFields,
  cutline: CaptionFields,
): Partial<Record<CaptionField, ConflictFieldValues>> {
  const clashes: Partial<Record<CaptionField, ConflictFieldValues>> = {};
  for (const field of CAPTION_FIELDS) {
    const now = fileNow[field];
    if (same(now, lastRead[field]) || same(now, cutline[field])) continue;
    clashes[field] = { file: now, cutline: cutline[field] };
  }
  return clashes;
}
