/**
 * A template's per-field choices, as in Photo Mechanic's stationery pad: a check box per
 * field (apply this field or not: an unticked field keeps its text in the template but is
 * not applied) and how the value goes in (replace what is there, or append/prepend to it).
 * A field without choices is applied, replacing: what every template saved before these
 * choices existed means.
 */
import { z } from 'zod';
import { captionFieldSchema } from './edits';
import { isVocabularyField } from './iptc-vocab';
import { type CaptionField, isCullingField } from './model';

/** Replace the field's value, or add the template's text after or before it. */
export const TEMPLATE_HOWS = ['replace', 'append', 'prepend'] as const;
export type TemplateHow = (typeof TEMPLATE_HOWS)[number];

export const templateFieldOptionSchema = z.object({
  apply: z.boolean().default(true),
  how: z.enum(TEMPLATE_HOWS).default('replace'),
});
/** One field's choices. */
export type TemplateFieldOption = z.infer<typeof templateFieldOptionSchema>;

/** The choices of the fields that have any (absent: applied, replacing). */
export const templateOptionsSchema = z.partialRecord(captionFieldSchema, templateFieldOptionSchema);
export type TemplateOptions = Partial<Record<CaptionField, TemplateFieldOption>>;

/** The choices in force for a field: its own, or applied and replacing. */
export function templateOptionOf(
  options: TemplateOptions | undefined,
  field: CaptionField,
): TemplateFieldOption {
  return options?.[field] ?? { apply: true, how: 'replace' };
}

/**
 * Whether a field may be appended or prepended to: not the single values (a rating, label or
 * tag, a date, a country code, a code from a vocabulary), where added text makes no value.
 */
export function canAddTo(field: CaptionField): boolean {
  return (
    !isCullingField(field) &&
    !isVocabularyField(field) &&
    field !== 'dateCreated' &&
    field !== 'countryCode'
  );
}
