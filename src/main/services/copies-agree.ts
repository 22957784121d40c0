/**
 * "Make the copies of this field agree": the explicit action that settles a field whose
 * copies in the file (EXIF, IIM, XMP) disagree. A write leaves the copies of every field
 * nobody edited as they are, so this is how a person asks for the catalog's value (the MWG
 * value the editor shows) to go into every copy. It changes no value: it marks the field
 * unwritten, with a flag that keeps it so while its value is the file's own, and records a
 * history row whose old and new values are the same. The edit service runs it as a step like
 * any other (edits.ts); this module decides which fields and sets or takes back the marks.
 */
import {
  type CaptionField,
  type CaptionFields,
  FIELD_LABELS,
  sameFieldValue,
} from '../../shared/model';
import type { EditsRepo, FieldChange } from '../catalog/edits-repo';

/** The label of the undo step and of its history rows. */
export function agreeLabel(fields: readonly CaptionField[] | undefined): string {
  return fields?.length === 1
    ? `Make copies agree: ${FIELD_LABELS[fields[0] as CaptionField]}`
    : 'Make copies agree';
}

/**
 * The fields to make agree, photo by photo: those whose copies disagreed when the file was
 * last read (among `fields` when given) and not marked already, each with its catalog value.
 * `pairs` narrows it further to the photo–field pairs of a step being redone.
 */
export function plannedAgreements(
  repo: EditsRepo,
  ids: readonly number[],
  fields: readonly CaptionField[] | undefined,
  pairs?: ReadonlySet<string>,
): FieldChange[] {
  const originsOf = repo.disagreeingOfMany(ids);
  const marked = repo.agreeingOfMany([...originsOf.keys()]);
  const valuesOf = repo.fieldsOfMany([...originsOf.keys()]);
  const wanted = fields ? new Set(fields) : undefined;
  const planned: FieldChange[] = [];
  for (const photoId of new Set(ids)) {
    const origins = originsOf.get(photoId);
    const values = valuesOf.get(photoId);
    if (!origins || !values) continue;
    for (const [key, origin] of Object.entries(origins)) {
      const field = key as CaptionField;
      if (!origin?.disagree || !(field in values)) continue;
      if (wanted && !wanted.has(field)) continue;
      if (marked.get(photoId)?.has(field)) continue;
      if (pairs && !pairs.has(pairKey(photoId, field))) continue;
      const value = values[field];
      planned.push({ photoId, field, oldValue: value, newValue: value, agree: true });
    }
  }
  return planned;
}

/** Marks the planned fields unwritten, to be written into every copy. */
export function markAgreements(repo: EditsRepo, planned: readonly FieldChange[]): void {
  repo.markAgreeMany(planned.map((change) => [change.photoId, change.field, change.newValue]));
}

/**
 * Takes back the marks of a step's agreements: each field is as before it, unwritten only if
 * it has an edit of its own (its value is not the file's). A field written since has no mark
 * left, and the file keeps its agreeing copies: undo changes the catalog, not files. Answers
 * the agreements taken back, with the values the fields hold now.
 */
export function unmarkAgreements(repo: EditsRepo, changes: readonly FieldChange[]): FieldChange[] {
  const agreements = changes.filter((change) => change.agree);
  const ids = [...new Set(agreements.map((change) => change.photoId))];
  const marked = repo.agreeingOfMany(ids);
  const fileValuesOf = repo.unwrittenOfMany(ids);
  const valuesOf = repo.fieldsOfMany(ids);
  const undone: FieldChange[] = [];
  for (const { photoId, field } of agreements) {
    const values = valuesOf.get(photoId);
    if (!values || !marked.get(photoId)?.has(field)) continue;
    const fileValue = fileValuesOf.get(photoId)?.[field];
    const value = (values as CaptionFields)[field];
    const edited = fileValue !== undefined && !sameFieldValue(fileValue, value);
    repo.unmarkAgree(photoId, field, edited);
    undone.push({ photoId, field, oldValue: value, newValue: value, agree: true });
  }
  return undone;
}

/** A photo–field pair as a set key. */
export function pairKey(photoId: number, field: CaptionField): string {
  return `${photoId}:${field}`;
}
