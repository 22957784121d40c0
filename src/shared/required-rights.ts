/**
 * Rights fields a house may require on every photo (issue 19 part 3): a desk that may only
 * publish with a copyright owner and a model release status names them in the settings, and
 * the caption checks name those a photo lacks. Pure: the settings schema and the check share it.
 */
import {
  type CaptionField,
  type CaptionFields,
  FIELD_LABELS,
  isListField,
  RIGHTS_FIELDS,
} from './model';

/** The fields a house can require: the IPTC rights and details fields and their older kin. */
export const REQUIRABLE_RIGHTS_FIELDS = [
  'creditLine',
  'copyrightNotice',
  'usageTerms',
  ...RIGHTS_FIELDS,
  'licensors',
  'contributors',
] as const satisfies readonly CaptionField[];

export type RequirableRightsField = (typeof REQUIRABLE_RIGHTS_FIELDS)[number];

/**
 * The required fields the photo leaves empty, in the order given. A vocabulary field holding
 * a code counts as filled whatever the code says: "None" is an answer (release:none finds it).
 */
export function missingRequiredFields(
  fields: CaptionFields,
  required: readonly CaptionField[],
): CaptionField[] {
  return required.filter((field) => {
    if (isListField(field)) return !fields[field].some((value) => value.trim() !== '');
    return fields[field].trim() === '';
  });
}

/** "Copyright owner, Model release status": the labels of `fields`, as the editor shows them. */
export function fieldLabels(fields: readonly CaptionField[]): string {
  return fields.map((field) => FIELD_LABELS[field]).join(', ');
}
