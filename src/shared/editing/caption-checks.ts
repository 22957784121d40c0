/**
 * Checks shown beside the caption editor. They never block saving or writing: each one is
 * a hint with a stable id (for filters, tests and "don't show again"), the field it is
 * about, a message in plain words, and where it can, positions in the field's text and a
 * fix the UI can offer as one click.
 *
 * What is checked, in this order:
 * - `no-caption` the caption is empty (the caption checks below are then skipped);
 * - `no-credit` no credit line, no creator and no credit at the end of the caption;
 * - `no-date` (AP style) the caption names no weekday ("Wednesday") and no date ("June 19,
 *   2024", "Sept. 5", "19 June 2024", "June 2024", "2024-06-19");
 * - `credit-in-caption` the caption ends with a credit (found by the credit engine's
 *   splitCaption) while the Credit line field is empty; with `flagCaptionSignoff` also when
 *   it is filled (agencies put the full credit in the caption on purpose, so that is off by
 *   default). The fix holds the caption without it and the credit;
 * - `ap-structure` (AP style) the first sentence seems to lack a day or date, a place, or a
 *   verb in the present tense (heuristics in `firstSentenceGaps`);
 * - per text field: `control-characters` (invisible characters XMP cannot store; line
 *   breaks and tabs are allowed), `double-spaces`, and in the prose fields (caption,
 *   headline, title, alt text, extended description) `straight-quotes` (only with
 *   `curlyQuotes`), `unbalanced-quotes` and `unbalanced-parentheses`;
 * - `over-iim-limit` a value (each item of a list) longer in UTF-8 than its IIM dataset;
 * - `no-alt-text` (unless `requireAltText` is false) and `alt-text-too-long` (over 250
 *   characters, counted as a reader sees them: an emoji is one).
 */
import { iimByteLength } from '../checks/iim-limits';
import { type AgencyRegistry, creditTextKey, splitCaption } from '../credit';
import {
  CAPTION_FIELDS,
  type CaptionField,
  type CaptionFields,
  FIELD_LABELS,
  IIM_LIMITS,
  TEXT_FIELDS,
  type TextField,
} from '../model';
import { namesDayOrDate } from './ap-dates';
import { firstSentenceGaps } from './ap-structure';
import { splitFirstSentence } from './first-sentence';
import {
  curlQuotes,
  iimCut,
  unbalancedBrackets,
  unbalancedQuotes,
  visibleLength,
} from './text-marks';

export type CaptionWarningId =
  | 'no-caption'
  | 'no-credit'
  | 'no-date'
  | 'credit-in-caption'
  | 'ap-structure'
  | 'control-characters'
  | 'double-spaces'
  | 'straight-quotes'
  | 'unbalanced-quotes'
  | 'unbalanced-parentheses'
  | 'over-iim-limit'
  | 'no-alt-text'
  | 'alt-text-too-long';

/** A change the UI can offer as one click. */
export type CaptionFix =
  /** Take the credit off the end of the caption and put it in the Credit line (when empty). */
  | { kind: 'move-credit'; label: string; caption: string; credit: string }
  /** Replace one text field's value. */
  | { kind: 'set-text'; label: string; field: TextField; value: string };

export interface CaptionWarning {
  id: CaptionWarningId;
  field: CaptionField;
  message: string;
  severity: 'warning' | 'info';
  /** UTF-16 offsets in the field's text of what the message is about. */
  positions?: number[];
  /** What is missing (ap-structure) or which list items are too long (over-iim-limit). */
  details?: string[];
  fix?: CaptionFix;
}

export interface CaptionCheckOptions {
  /** The house uses curly quotes: report straight ones. Default false. */
  curlyQuotes?: boolean;
  /** Check AP caption style: the day or date, and the first sentence. Default true. */
  apStyle?: boolean;
  /** Report a missing alt text. Default true. */
  requireAltText?: boolean;
  /** Report a credit at the end of the caption even when the Credit line is filled. Default false. */
  flagCaptionSignoff?: boolean;
  /** Agencies the credit engine knows (its default registry unless given). */
  registry?: AgencyRegistry;
}

/** The longest alt text advised (IPTC tag lists: "should not exceed 250 characters"); longer belongs in Extended description. */
export const ALT_TEXT_MAX = 250;

const PROSE_FIELDS: readonly TextField[] = [
  'caption',
  'headline',
  'title',
  'altText',
  'extendedDescription',
];

function positionsOf(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(pattern)].map((match) => match.index);
}

/** Control characters other than line break, carriage return and tab (C0, DEL, C1). */
const CONTROL = /[^\P{Cc}\t\n\r]/gu;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function characterList(positions: number[]): string {
  const shown = positions.slice(0, 5).map((p) => p + 1);
  return `character${positions.length === 1 ? '' : 's'} ${shown.join(', ')}${positions.length > 5 ? ', …' : ''}`;
}

function textChecks(
  field: TextField,
  value: string,
  options: CaptionCheckOptions,
): CaptionWarning[] {
  const out: CaptionWarning[] = [];
  const label = FIELD_LABELS[field];
  const controls = positionsOf(value, CONTROL);
  if (controls.length > 0) {
    out.push({
      id: 'control-characters',
      field,
      severity: 'warning',
      message: `${label} holds ${plural(controls.length, 'invisible control character', 'invisible control characters')} (${characterList(controls)}): XMP cannot store them and other programs may show them as boxes.`,
      positions: controls,
      fix: { kind: 'set-text', label: 'Remove them', field, value: value.replace(CONTROL, '') },
    });
  }
  const doubles = value.trim() === '' ? [] : positionsOf(value, / {2,}/g);
  if (doubles.length > 0) {
    out.push({
      id: 'double-spaces',
      field,
      severity: 'info',
      message: `${label} has ${plural(doubles.length, 'double space', 'double spaces')} (${characterList(doubles)}).`,
      positions: doubles,
      fix: {
        kind: 'set-text',
        label: 'Make them single spaces',
        field,
        value: value.replace(/ {2,}/g, ' '),
      },
    });
  }
  if (!PROSE_FIELDS.includes(field)) return out;
  if (options.curlyQuotes) {
    const straight = positionsOf(value, /["']/g);
    if (straight.length > 0) {
      out.push({
        id: 'straight-quotes',
        field,
        severity: 'info',
        message: `${label} has ${plural(straight.length, 'straight quote', 'straight quotes')} (${characterList(straight)}); the house style uses curly quotes (“ ” ‘ ’).`,
        positions: straight,
        fix: { kind: 'set-text', label: 'Make them curly', field, value: curlQuotes(value) },
      });
    }
  }
  const quotes = unbalancedQuotes(value);
  if (quotes.length > 0) {
    out.push({
      id: 'unbalanced-quotes',
      field,
      severity: 'warning',
      message: `${label} has ${plural(quotes.length, 'quotation mark', 'quotation marks')} without a partner (${characterList(quotes)}).`,
      positions: quotes,
    });
  }
  const brackets = unbalancedBrackets(value);
  if (brackets.length > 0) {
    out.push({
      id: 'unbalanced-parentheses',
      field,
      severity: 'warning',
      message: `${label} has ${plural(brackets.length, 'parenthesis or bracket', 'parentheses or brackets')} without a partner (${characterList(brackets)}).`,
      positions: brackets,
    });
  }
  return out;
}

function iimChecks(fields: CaptionFields): CaptionWarning[] {
  const out: CaptionWarning[] = [];
  for (const field of CAPTION_FIELDS) {
    const limit = IIM_LIMITS[field];
    if (limit === undefined) continue;
    const value = fields[field];
    const label = FIELD_LABELS[field];
    const tail = 'so the IIM copy will be cut there; the XMP copy keeps it whole.';
    if (typeof value === 'string') {
      const bytes = iimByteLength(value);
      if (bytes <= limit) continue;
      const kept = iimCut(value, limit);
      out.push({
        id: 'over-iim-limit',
        field,
        severity: 'warning',
        message: `${label} is ${bytes} bytes in UTF-8 and IIM holds ${limit}: it would end “${kept.slice(-40)}”, ${tail}`,
        positions: [kept.length],
      });
      continue;
    }
    const over = value.filter((item) => iimByteLength(item) > limit);
    if (over.length === 0) continue;
    out.push({
      id: 'over-iim-limit',
      field,
      severity: 'warning',
      message: `${label}: ${over.map((item) => `“${item}” (${iimByteLength(item)} bytes)`).join(', ')} ${over.length === 1 ? 'is' : 'are'} over the ${limit} bytes IIM holds for each, ${tail}`,
      details: over,
    });
  }
  return out;
}

/**
 * The caption and the credit it ends with. splitCaption can take a whole closing sentence
 * with an unbracketed signoff ("… continue. REUTERS/Kim Hong-Ji" → credit "Officials said
 * the talks would continue. REUTERS/Kim Hong-Ji"); a credit that holds a sentence end is
 * split again so that a fix never moves a sentence into the Credit line.
 */
function captionSignoff(text: string, registry: AgencyRegistry | undefined) {
  const split = splitCaption(text, registry);
  let { caption, credit } = split;
  while (credit !== '' && splitFirstSentence(credit).rest !== '') {
    const again = splitCaption(credit, registry);
    if (again.credit === '' || again.credit === credit) break;
    caption = `${caption} ${again.caption}`.trim();
    credit = again.credit;
  }
  return { caption, credit };
}

function captionChecks(fields: CaptionFields, options: CaptionCheckOptions): CaptionWarning[] {
  const out: CaptionWarning[] = [];
  const caption = fields.caption.trim();
  const split = captionSignoff(fields.caption, options.registry);
  const creditLine = fields.creditLine.trim();
  const hasCreator = fields.creators.some((creator) => creator.trim() !== '');
  if (creditLine === '' && !hasCreator && split.credit === '') {
    out.push({
      id: 'no-credit',
      field: 'creditLine',
      severity: 'warning',
      message:
        'No credit: the Credit line and Creator fields are empty and the caption does not end with a credit.',
    });
  }
  if (caption === '') {
    out.unshift({
      id: 'no-caption',
      field: 'caption',
      severity: 'warning',
      message: 'The caption is empty.',
    });
    return out;
  }
  const apStyle = options.apStyle !== false;
  if (apStyle && !namesDayOrDate(split.caption)) {
    out.push({
      id: 'no-date',
      field: 'caption',
      severity: 'warning',
      message:
        'The caption names no day or date. AP captions say when the photo was made: “Wednesday” or “June 19, 2024”.',
    });
  }
  if (split.credit !== '' && (creditLine === '' || options.flagCaptionSignoff)) {
    const same = creditLine !== '' && creditTextKey(creditLine) === creditTextKey(split.credit);
    out.push({
      id: 'credit-in-caption',
      field: 'caption',
      severity: creditLine === '' ? 'warning' : 'info',
      message:
        creditLine === ''
          ? `The credit “${split.credit}” is typed at the end of the caption; the Credit line field is empty.`
          : `The caption ends with a credit (“${split.credit}”) as well as the Credit line field (“${creditLine}”).`,
      fix: {
        kind: 'move-credit',
        label:
          creditLine === ''
            ? 'Move it to the Credit line'
            : same
              ? 'Remove it from the caption'
              : 'Remove it from the caption (the Credit line stays as it is)',
        caption: split.caption,
        credit: split.credit,
      },
    });
  }
  if (apStyle) {
    const gaps = firstSentenceGaps(split.caption, fields);
    if (gaps.length > 0) {
      out.push({
        id: 'ap-structure',
        field: 'caption',
        severity: 'info',
        message: `The first sentence seems to lack: ${gaps.join(', ')}. AP captions say in the first sentence, in the present tense, who does what, where and on which day.`,
        details: gaps,
      });
    }
  }
  return out;
}

function altTextChecks(fields: CaptionFields, options: CaptionCheckOptions): CaptionWarning[] {
  const alt = fields.altText.trim();
  if (alt === '') {
    if (options.requireAltText === false) return [];
    return [
      {
        id: 'no-alt-text',
        field: 'altText',
        severity: 'info',
        message: 'No alt text: readers who cannot see the photo get nothing (WCAG asks for it).',
      },
    ];
  }
  const length = visibleLength(alt);
  if (length <= ALT_TEXT_MAX) return [];
  return [
    {
      id: 'alt-text-too-long',
      field: 'altText',
      severity: 'warning',
      message: `The alt text is ${length} characters; keep it to ${ALT_TEXT_MAX} (put the rest in the Extended description).`,
    },
  ];
}

/**
 * Every warning for one photo's fields, in a stable order: the caption's own checks, the
 * text checks field by field, IIM limits, then alt text. Pure and quick enough to run on
 * every keystroke (linear in the text's length).
 */
export function checkCaption(
  fields: CaptionFields,
  options: CaptionCheckOptions = {},
): CaptionWarning[] {
  const warnings = captionChecks(fields, options);
  for (const field of TEXT_FIELDS) warnings.push(...textChecks(field, fields[field], options));
  warnings.push(...iimChecks(fields));
  warnings.push(...altTextChecks(fields, options));
  return warnings;
}

/** The fields after a fix: move-credit fills the Credit line only when it is empty. */
export function applyCaptionFix(fields: CaptionFields, fix: CaptionFix): CaptionFields {
  if (fix.kind === 'set-text') return { ...fields, [fix.field]: fix.value };
  return {
    ...fields,
    caption: fix.caption,
    creditLine: fields.creditLine.trim() === '' ? fix.credit : fields.creditLine,
  };
}
