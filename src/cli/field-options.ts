/**
 * Caption fields as command-line options: `--caption TEXT`, `--credit-line TEXT`, and
 * repeatable `--creators A --creators B` for the list fields. Derived from the field map so
 * that a new field is an option at once.
 */
import type { ParseArgsConfig } from 'node:util';
import type { FieldChanges } from '../shared/edits';
import { CAPTION_FIELDS, type CaptionField, isListField } from '../shared/model';

/** `creditLine` → `credit-line`. */
export function optionName(field: CaptionField): string {
  return field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The parseArgs options of every caption field. The tag is a switch, as in Photo Mechanic:
 * `--tagged` tags, `--untagged` takes the tag off (`--rating 0` clears the rating, `--label ""`
 * the label).
 */
export function fieldOptions(): NonNullable<ParseArgsConfig['options']> {
  return {
    ...Object.fromEntries(
      CAPTION_FIELDS.map((field) => [
        optionName(field),
        field === 'tagged'
          ? { type: 'boolean' }
          : isListField(field)
            ? { type: 'string', multiple: true }
            : { type: 'string' },
      ]),
    ),
    untagged: { type: 'boolean' },
  };
}

/** The field changes the options given name (an empty `--creators ""` clears the list). */
export function changesFromOptions(values: Record<string, unknown>): FieldChanges {
  const changes: Record<string, string | string[]> = {};
  for (const field of CAPTION_FIELDS) {
    const value = values[optionName(field)];
    if (field === 'tagged') {
      if (value === true) changes.tagged = 'True';
      if (values.untagged === true) changes.tagged = '';
      continue;
    }
    if (value === undefined) continue;
    changes[field] = isListField(field)
      ? (value as string[]).filter((item) => item !== '')
      : (value as string);
  }
  return changes as FieldChanges;
}
