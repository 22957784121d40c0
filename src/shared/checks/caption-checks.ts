/**
 * Checks shown beside the editor. They warn and suggest, never block: a desk on deadline
 * decides. Each has a stable id (for tests and for turning one off) and, where the fix is
 * mechanical, the changed fields to apply it with.
 */
import { splitCaption } from '../credit/split-caption';
import type { FieldChanges } from '../edits';
import { type CaptionField, type CaptionFields, FIELD_LABELS, IIM_LIMITS } from '../model';
import {
  failsValidation,
  needsDisclosure,
  type ProvenanceSummary,
  sourceTypeWords,
} from '../provenance';
import { fieldLabels, missingRequiredFields } from '../required-rights';
import { firstSentence } from '../template-text';
import { iimByteLength } from './iim-limits';

export type CheckId =
  | 'no-credit'
  | 'no-date'
  | 'credit-in-caption'
  | 'double-space'
  | 'straight-quotes'
  | 'unbalanced'
  | 'over-iim-limit'
  | 'alt-text-missing'
  | 'alt-text-long'
  | 'ap-structure'
  | 'undisclosed-generated'
  | 'credentials-fail'
  | 'rights-missing';

export interface CaptionWarning {
  id: CheckId;
  field: CaptionField;
  message: string;
  severity: 'warning' | 'info';
  /** The fields to set to fix it, when the fix is mechanical. */
  fix?: { label: string; changes: FieldChanges };
}

export interface CheckOptions {
  /** The house prints curly quotes (“ ” ‘ ’): straight ones are flagged. */
  curlyQuotes?: boolean;
  /**
   * Flag a credit at the end of the caption even when the Credit line is filled. Off by
   * default: agencies end their captions with a signoff on purpose (METADATA.md), and a
   * photo that also has its Credit line is as it should be.
   */
  flagCaptionSignoff?: boolean;
  /** The photo's C2PA Content Credentials (null or absent: none). */
  provenance?: ProvenanceSummary | null;
  /**
   * The house style in the settings ("ap", "reuters", or a style of the user's own): the
   * checks speak of it and give its examples. AP when not said.
   */
  houseStyle?: string;
  /** Rights fields the house requires (the requiredRightsFields setting); none when absent. */
  requiredFields?: readonly CaptionField[];
}

/** What the checks say in each house style: its name and how its captions date a photo. */
const STYLE_WORDS: Record<string, { name: string; date: string }> = {
  ap: { name: 'AP', date: 'Wednesday, June 19, 2024' },
  reuters: { name: 'Reuters', date: 'June 19, 2024' },
};

function styleWords(houseStyle: string | undefined): { name: string | null; date: string } {
  const words = STYLE_WORDS[(houseStyle ?? 'ap').trim().toLowerCase()];
  return words ?? { name: null, date: 'June 19, 2024' };
}

/**
 * Words by which a caption discloses a generated, synthetic or composite image ("AI-generated
 * image", "photo illustration", "composite"). A heuristic, said as one in the warning.
 */
const DISCLOSURE =
  /\b(?:AI|A\.I\.|artificial intelligence|generated|generative|synthetic|illustration|composite|digitally (?:altered|created|generated|manipulated)|rendering)\b/i;

/** Alt text longer than this is read out in full by screen readers: too long to be useful. */
export const ALT_TEXT_LIMIT = 250;

const WEEKDAY = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;
const MONTH =
  /\b(?:Jan\.?|January|Feb\.?|February|March|April|May|June|July|Aug\.?|August|Sept?\.?|September|Oct\.?|October|Nov\.?|November|Dec\.?|December)\s+\d{1,2}\b/;
const NUMERIC_DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;

function hasDay(text: string): boolean {
  return WEEKDAY.test(text) || MONTH.test(text) || NUMERIC_DATE.test(text);
}

/** Curly quotes for straight ones: opening after a space or bracket, closing elsewhere. */
export function curlQuotes(text: string): string {
  return text
    .replace(/(^|[\s([{“‘—-])"/g, '$1“')
    .replace(/"/g, '”')
    .replace(/(^|[\s([{“—-])'/g, '$1‘')
    .replace(/'/g, '’');
}

function unbalanced(text: string): string | null {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (depth < 0) return 'a ")" closes nothing';
  }
  if (depth > 0) return 'a "(" is never closed';
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  if (open !== close) return 'curly double quotes do not pair up';
  if ((text.match(/"/g) ?? []).length % 2 === 1) return 'a double quote is never closed';
  return null;
}

// AP captions open in the present tense ("Kim Jong Un waves …"). A heuristic, said as one:
// past-tense verbs in the first sentence and no present-tense one.
const PAST = /\b(?:was|were|had|did|said|met|spoke|came|went|took|gave|[a-z]{3,}ed)\b/i;
const PRESENT = /\b(?:is|are|has|does|[a-z]{2,}[^s\W]s)\b/;

function structureGaps(first: string, fields: CaptionFields): string[] {
  const gaps: string[] = [];
  if (!hasDay(first)) gaps.push('the day or date');
  const place =
    (fields.city && first.includes(fields.city)) ||
    /\b(?:in|at|near|outside|from)\s+\p{Lu}/u.test(first);
  if (!place) gaps.push('where');
  if (PAST.test(first) && !PRESENT.test(first)) gaps.push('the present tense');
  return gaps;
}

/** Every warning for a photo's fields. */
export function checkCaption(fields: CaptionFields, options: CheckOptions = {}): CaptionWarning[] {
  const warnings: CaptionWarning[] = [];
  const caption = fields.caption;
  const split = splitCaption(caption);
  const style = styleWords(options.houseStyle);

  if (!fields.creditLine.trim() && fields.creators.length === 0 && !split.credit) {
    warnings.push({
      id: 'no-credit',
      field: 'creditLine',
      severity: 'warning',
      message: 'No credit: no credit line, no creator and no credit at the end of the caption.',
    });
  }
  if (split.credit && (!fields.creditLine.trim() || options.flagCaptionSignoff)) {
    warnings.push({
      id: 'credit-in-caption',
      field: 'caption',
      severity: 'warning',
      message: `The caption ends with a credit (${split.credit}); it belongs in the credit line.`,
      fix: {
        label: 'Move it to the credit line',
        changes: {
          caption: split.caption,
          ...(fields.creditLine.trim() ? {} : { creditLine: split.credit }),
        },
      },
    });
  }
  if (caption.trim() && !hasDay(caption)) {
    warnings.push({
      id: 'no-date',
      field: 'caption',
      severity: 'warning',
      message: `The caption names no day or date (${style.name ? `${style.name}: ` : 'e.g. '}"${style.date}").`,
    });
  }
  for (const field of ['caption', 'headline', 'title', 'altText'] as const) {
    const text = fields[field];
    if (/\S {2,}\S/.test(text)) {
      warnings.push({
        id: 'double-space',
        field,
        severity: 'info',
        message: `${FIELD_LABELS[field]} has double spaces.`,
        fix: {
          label: 'Make them single',
          changes: { [field]: text.replace(/(\S) {2,}(?=\S)/g, '$1 ') },
        },
      });
    }
    if (options.curlyQuotes && /["']/.test(text)) {
      warnings.push({
        id: 'straight-quotes',
        field,
        severity: 'info',
        message: `${FIELD_LABELS[field]} has straight quotes; the house prints curly ones.`,
        fix: { label: 'Curl them', changes: { [field]: curlQuotes(text) } },
      });
    }
    const problem = unbalanced(text);
    if (problem) {
      warnings.push({
        id: 'unbalanced',
        field,
        severity: 'warning',
        message: `${FIELD_LABELS[field]}: ${problem}.`,
      });
    }
  }
  for (const [key, limit] of Object.entries(IIM_LIMITS)) {
    const field = key as CaptionField;
    const value = fields[field];
    const values = Array.isArray(value) ? value : [value];
    const longest = Math.max(0, ...values.map(iimByteLength));
    if (limit !== undefined && longest > limit) {
      warnings.push({
        id: 'over-iim-limit',
        field,
        severity: 'info',
        message: `${FIELD_LABELS[field]} takes ${longest} bytes; IIM holds ${limit}, so IIM gets it cut and XMP keeps it whole.`,
      });
    }
  }
  if (caption.trim() && !fields.altText.trim()) {
    warnings.push({
      id: 'alt-text-missing',
      field: 'altText',
      severity: 'info',
      message: 'No alt text for readers who cannot see the photo.',
    });
  } else if (fields.altText.length > ALT_TEXT_LIMIT) {
    warnings.push({
      id: 'alt-text-long',
      field: 'altText',
      severity: 'warning',
      message: `Alt text has ${fields.altText.length} characters; keep it under ${ALT_TEXT_LIMIT}.`,
    });
  }
  const first = firstSentence(split.caption);
  if (first) {
    const gaps = structureGaps(first, fields);
    if (gaps.length > 0) {
      warnings.push({
        id: 'ap-structure',
        field: 'caption',
        severity: 'info',
        message: `${style.name ? `${style.name} captions open` : 'Captions usually open'} with who, where and when, in the present tense; the first sentence seems to lack ${gaps.join(', ')}.`,
      });
    }
  }
  warnings.push(...provenanceWarnings(caption, options.provenance ?? null));
  const missing = missingRequiredFields(fields, options.requiredFields ?? []);
  const [firstMissing] = missing;
  if (firstMissing) {
    warnings.push({
      id: 'rights-missing',
      field: firstMissing,
      severity: 'warning',
      message: `The house requires rights fields this photo leaves empty: ${fieldLabels(missing)}.`,
    });
  }
  return warnings;
}

/** What the photo's Content Credentials ask of its caption. */
function provenanceWarnings(
  caption: string,
  provenance: ProvenanceSummary | null,
): CaptionWarning[] {
  const warnings: CaptionWarning[] = [];
  if (provenance && needsDisclosure(provenance) && !DISCLOSURE.test(caption)) {
    const source = provenance.digitalSourceTypes[0];
    warnings.push({
      id: 'undisclosed-generated',
      field: 'caption',
      severity: 'warning',
      message: `Its Content Credentials say the image is ${source ? sourceTypeWords(source) : 'generated'}, and the caption seems not to say so (no "AI-generated", "illustration", "composite" …).`,
    });
  }
  if (failsValidation(provenance)) {
    warnings.push({
      id: 'credentials-fail',
      field: 'caption',
      severity: 'warning',
      message: provenance?.brokenByCutlineAt
        ? "Its Content Credentials no longer validate: Cutline's write changed the file after signing."
        : 'Its Content Credentials fail validation: do not rely on them to vouch for the image.',
    });
  }
  return warnings;
}
