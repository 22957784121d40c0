/**
 * What editing sends and answers across the contract: field changes (validated per field
 * kind), the history of a photo and the undo steps.
 */
import { z } from 'zod';
import {
  type CaptionField,
  type CaptionFields,
  type FieldValue,
  LIST_FIELDS,
  type ListField,
  TEXT_FIELDS,
  type TextField,
} from './model';
import type { TemplateOptions } from './template-options';

/** A caption may be long (a pasted story); a megabyte is the most one field takes. */
export const MAX_TEXT_LENGTH = 1_000_000;

const textValue = z.string().max(MAX_TEXT_LENGTH, 'A field holds at most 1,000,000 characters.');
const listValue = z.array(z.string().max(10_000)).max(1_000);

/** Some caption fields with their new values; every key checked against the field's kind. */
export const fieldChangesSchema = z
  .object({
    ...(Object.fromEntries(TEXT_FIELDS.map((field) => [field, textValue.optional()])) as {
      [K in TextField]: z.ZodOptional<typeof textValue>;
    }),
    ...(Object.fromEntries(LIST_FIELDS.map((field) => [field, listValue.optional()])) as {
      [K in ListField]: z.ZodOptional<typeof listValue>;
    }),
    rating: z
      .string()
      .trim()
      .regex(/^(-1|[0-5])?$/, 'A rating is 0 to 5 stars (0 or empty: none; -1: rejected).')
      .optional(),
    label: z.string().max(64, 'A colour label is a name of at most 64 characters.').optional(),
    tagged: z
      .string()
      .trim()
      .regex(/^(true|false|yes|no|1|0)?$/i, 'Tagged is True or False.')
      .optional(),
  })
  .strict();

export type FieldChanges = Partial<CaptionFields>;

/** Names of the caption fields, for inputs that name one. */
export const captionFieldSchema = z.enum([...TEXT_FIELDS, ...LIST_FIELDS]);

/** One recorded change of one field. */
export interface HistoryEntry {
  id: number;
  photoId: number;
  field: CaptionField;
  oldValue: FieldValue;
  newValue: FieldValue;
  at: string;
  who: string;
  /** An edit, or the undo/redo of one. */
  kind: 'edit' | 'undo' | 'redo';
  /** What the user did ("Caption", "Batch: Credit line", "Template Shoot"). */
  label: string;
  /**
   * The change made the field's copies in the file (EXIF, IIM, XMP) agree on its value,
   * which stayed the same: the next write puts it into every copy.
   */
  agree: boolean;
}

/** What an edit, an undo or a redo did. */
export interface EditOutcome {
  /** Photos whose values changed. */
  photos: number;
  /** Their ids (the first 1,000: enough for windows to refresh what they show). */
  photoIds: number[];
  /** Field values changed. */
  changes: number;
  /** The undo step it made or reversed (null when nothing changed). */
  stepId: number | null;
  label: string;
}

/** What "make the copies agree" did. */
export interface AgreeOutcome extends EditOutcome {
  /** Photos asked for (some may have had no copies that disagree). */
  total: number;
  /** Photos whose copies of each field are now to be made to agree, by field. */
  byField: Partial<Record<CaptionField, number>>;
}

/** Whether undo and redo can run now, and what they would undo/redo. */
export interface UndoState {
  undo: string | null;
  redo: string | null;
}

/** A change made to one field of many photos at once. */
export const batchOperationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('set'), value: textValue }),
  z.object({
    kind: z.literal('append'),
    value: textValue,
    separator: z.string().max(10).default(' '),
  }),
  z.object({
    kind: z.literal('prepend'),
    value: textValue,
    separator: z.string().max(10).default(' '),
  }),
  z.object({
    kind: z.literal('replace'),
    find: z.string().min(1, 'Type what to find.').max(10_000),
    replace: z.string().max(10_000),
    regex: z.boolean().default(false),
    caseSensitive: z.boolean().default(false),
    wholeWord: z.boolean().default(false),
  }),
]);
export type BatchOperation = z.infer<typeof batchOperationSchema>;

/** Fill only the photos whose field is empty, or overwrite what is there. */
export const fillModeSchema = z.enum(['fill-empty', 'overwrite']);
export type FillMode = z.infer<typeof fillModeSchema>;

/** What a batch edit would do (preview) or did. */
export interface BatchOutcome {
  /** Photos whose value changes. */
  changed: number;
  /** Photos in the batch. */
  total: number;
  /** A few photos' values before and after, to show in the dialog. */
  samples: { fileName: string; before: FieldValue; after: FieldValue }[];
  /** The edit made; null for a preview. */
  outcome: EditOutcome | null;
}

/** A template as the catalog keeps it. */
export interface TemplateInfo {
  id: number;
  name: string;
  /** Field values, which may hold variables ({city}, {date:long}, …). */
  values: FieldChanges;
  /** Per field: applied or not, and replace / append / prepend (absent: applied, replacing). */
  options: TemplateOptions;
  updatedAt: string;
}
