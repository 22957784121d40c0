/**
 * Variables in template texts ("stationery pads"): a template holds field values such as
 * `Photo by {creator} in {city}` or `{firstsentence} Shared shoot paragraph.`, and each
 * photo the template is applied to gets the values filled from its own file and fields.
 *
 * Variables (names are matched without regard to case; `{{` and `}}` print a brace):
 * - `{filename}` the file's name; `{filenamebase}` the same without its extension.
 * - `{date}` / `{date:iso}` the photo's date as yyyy-mm-dd; `{date:long}` AP's long form,
 *   "Wednesday, June 19, 2024"; `{date:ap}` "June 19, 2024"; `{date:weekday}` "Wednesday".
 *   AP abbreviates a month only when it stands with a day: Jan., Feb., Aug., Sept., Oct.,
 *   Nov., Dec.; March, April, May, June and July are always spelled out. A month with only
 *   a year is spelled out ("June 2024"). The date is read as written, never shifted to
 *   another time zone.
 * - `{city}`, `{country}`, `{creator}` (the first creator), `{credit}` (the credit line).
 * - `{camera}` make and model, without repeating the make when the model starts with it
 *   ("Canon" + "Canon EOS R5" → "Canon EOS R5", "NIKON CORPORATION" + "NIKON Z 9" →
 *   "NIKON Z 9", "SONY" + "ILCE-7M4" → "SONY ILCE-7M4").
 * - `{seq}` the photo's 1-based place in the batch; `{seq:3}` pads it with zeros (001).
 * - `{firstsentence}` the first sentence of the photo's OWN current caption, so a template
 *   can hold a shared caption for a shoot while each photo keeps its first sentence in front:
 *   `{firstsentence} Shared shoot paragraph.` Applying it twice gives the same caption.
 *
 * A missing value expands to "". So that the text around it still reads, the seam where an
 * empty variable was is tidied (and nothing else in the text is touched):
 * - one list separator next to it goes (`, ` `; ` `/` `|` ` - ` ` – ` ` — `): the one after
 *   it if there is one, else the one before: `{city}, {country}` → "Seoul" or "South Korea";
 * - brackets left empty go: `Caption ({credit})` → "Caption";
 * - the spaces on both sides become one space, or none at the start or end of the text or
 *   a line, after an opening bracket and before punctuation: `Photo by {creator}.` →
 *   "Photo by.". Words are never removed ("in {city}" → "in").
 */
import { CAPTION_FIELDS, type CaptionField, type CaptionFields } from '../model';
import { formatTemplateDate } from './ap-dates';
import { firstSentence } from './first-sentence';

export { formatTemplateDate };

/** The variables a template text may hold. */
export const TEMPLATE_VARIABLES = [
  'filename',
  'filenamebase',
  'date',
  'city',
  'country',
  'creator',
  'credit',
  'camera',
  'seq',
  'firstsentence',
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** What a template text is filled from, for one photo. */
export interface TemplateContext {
  fileName: string;
  /** The photo's date, ISO 8601 ("2024-06-19", or with a time), or null (then the field Date created is used). */
  date: string | null;
  fields: CaptionFields;
  cameraMake: string;
  cameraModel: string;
  /** The photo's place in the batch, from 1. */
  seq: number;
}

/** One piece of a parsed template text. `start`/`end` are UTF-16 offsets in the text. */
export type TemplatePart =
  | { kind: 'text'; text: string }
  | {
      kind: 'variable';
      name: TemplateVariable;
      /** What followed ":" (`{seq:3}` → "3"), or null. */
      argument: string | null;
      start: number;
      end: number;
    };

/** Why a template text cannot be used; `position` is the 0-based offset of the problem. */
export interface TemplateError {
  message: string;
  position: number;
  /** The unknown variable as typed, when that is the problem. */
  variable?: string;
}

export type TemplateParse =
  | { ok: true; parts: TemplatePart[] }
  | { ok: false; error: TemplateError };
export type TemplateExpansion = { ok: true; text: string } | { ok: false; error: TemplateError };

/** The photo fields each variable reads: a "live" value must be refilled when they change. */
const FIELDS_READ: Record<TemplateVariable, CaptionField[]> = {
  filename: [],
  filenamebase: [],
  date: ['dateCreated'],
  city: ['city'],
  country: ['country'],
  creator: ['creators'],
  credit: ['creditLine'],
  camera: [],
  seq: [],
  firstsentence: ['caption'],
};

/** Which arguments a variable takes, and how the error names them. */
const ARGUMENTS: Partial<Record<TemplateVariable, { test: RegExp; expected: string }>> = {
  date: { test: /^(?:iso|long|ap|weekday)$/, expected: 'iso, long, ap or weekday' },
  seq: { test: /^(?:[1-9]|10)$/, expected: 'a number of digits from 1 to 10' },
};

/** Every form of every variable, for help texts and error messages. */
export const TEMPLATE_VARIABLE_FORMS = [
  '{filename}',
  '{filenamebase}',
  '{date}',
  '{date:long}',
  '{date:ap}',
  '{date:weekday}',
  '{city}',
  '{country}',
  '{creator}',
  '{credit}',
  '{camera}',
  '{seq}',
  '{seq:3}',
  '{firstsentence}',
] as const;

const KNOWN = `Known variables: ${TEMPLATE_VARIABLE_FORMS.join(', ')}.`;

function isVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

function fail(message: string, position: number, variable?: string): TemplateParse {
  const error: TemplateError = { message, position };
  if (variable !== undefined) error.variable = variable;
  return { ok: false, error };
}

/**
 * Splits a template text into literal text and variables. Errors say what and where
 * (the message counts characters from 1, `position` from 0): an unknown variable (listing
 * the known ones), an argument a variable does not take, a "{" never closed, a "}" never
 * opened, or a "{" inside a variable.
 */
export function parseTemplateText(text: string): TemplateParse {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '{' && text[i + 1] === '{') {
      literal += '{';
      i += 2;
      continue;
    }
    if (ch === '}' && text[i + 1] === '}') {
      literal += '}';
      i += 2;
      continue;
    }
    if (ch === '}') {
      return fail(`A "}" at character ${i + 1} closes no variable (type "}}" for a brace).`, i);
    }
    if (ch !== '{') {
      literal += ch;
      i++;
      continue;
    }
    const close = text.indexOf('}', i + 1);
    const nested = text.indexOf('{', i + 1);
    if (close < 0) {
      return fail(`The "{" at character ${i + 1} is never closed (type "{{" for a brace).`, i);
    }
    if (nested >= 0 && nested < close) {
      return fail(
        `The "{" at character ${i + 1} is not closed before the next "{" at character ${nested + 1}.`,
        i,
      );
    }
    const body = text.slice(i + 1, close);
    const colon = body.indexOf(':');
    const typedName = (colon < 0 ? body : body.slice(0, colon)).trim();
    const name = typedName.toLowerCase();
    if (!isVariable(name)) {
      const shown = `{${body}}`;
      return fail(`Unknown variable ${shown} at character ${i + 1}. ${KNOWN}`, i, shown);
    }
    let argument: string | null = null;
    if (colon >= 0) {
      argument = body
        .slice(colon + 1)
        .trim()
        .toLowerCase();
      const allowed = ARGUMENTS[name];
      if (!allowed) {
        return fail(
          `{${name}} at character ${i + 1} takes nothing after ":". ${KNOWN}`,
          i,
          `{${body}}`,
        );
      }
      if (!allowed.test.test(argument)) {
        return fail(
          `{${body}} at character ${i + 1}: after "${name}:" put ${allowed.expected}.`,
          i,
          `{${body}}`,
        );
      }
    }
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
    parts.push({ kind: 'variable', name, argument, start: i, end: close + 1 });
    i = close + 1;
  }
  if (literal !== '') parts.push({ kind: 'text', text: literal });
  return { ok: true, parts };
}

/** The photo fields a template text reads, in field-map order ([] for an invalid text). */
export function variablesUsed(text: string): CaptionField[] {
  const parsed = parseTemplateText(text);
  if (!parsed.ok) return [];
  const used = new Set<CaptionField>();
  for (const part of parsed.parts) {
    if (part.kind === 'variable') for (const field of FIELDS_READ[part.name]) used.add(field);
  }
  return CAPTION_FIELDS.filter((field) => used.has(field));
}

/** True when the text holds at least one variable (and parses). */
export function hasTemplateVariables(text: string): boolean {
  const parsed = parseTemplateText(text);
  return parsed.ok && parsed.parts.some((part) => part.kind === 'variable');
}

// ——— Values ———

/** Drops control characters (EXIF pads strings with NULs) and collapses spaces. */
function clean(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Canon" + "Canon EOS R5" → "Canon EOS R5"; "SONY" + "ILCE-7M4" → "SONY ILCE-7M4". */
export function cameraName(make: string, model: string): string {
  const m = clean(make);
  const name = clean(model);
  if (m === '') return name;
  if (name === '') return m;
  const lowerModel = name.toLowerCase();
  const firstWord = m.split(' ')[0]!.toLowerCase();
  const startsWith = (prefix: string) =>
    lowerModel === prefix || lowerModel.startsWith(`${prefix} `);
  if (startsWith(m.toLowerCase()) || startsWith(firstWord)) return name;
  return `${m} ${name}`;
}

/** "IMG_0001.JPG" → "IMG_0001"; "archive.tar.gz" → "archive.tar"; ".hidden" stays. */
function baseName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** The value one variable takes for one photo ("" when the photo has none). */
export function variableValue(
  name: TemplateVariable,
  argument: string | null,
  context: TemplateContext,
): string {
  const { fields } = context;
  switch (name) {
    case 'filename':
      return context.fileName.trim();
    case 'filenamebase':
      return baseName(context.fileName.trim());
    case 'date':
      return formatTemplateDate(
        context.date ?? (fields.dateCreated || null),
        (argument ?? 'iso') as 'iso' | 'long' | 'ap' | 'weekday',
      );
    case 'city':
      return fields.city.trim();
    case 'country':
      return fields.country.trim();
    case 'creator':
      return fields.creators.find((creator) => creator.trim() !== '')?.trim() ?? '';
    case 'credit':
      return fields.creditLine.trim();
    case 'camera':
      return cameraName(context.cameraMake, context.cameraModel);
    case 'seq':
      if (!Number.isFinite(context.seq)) return '';
      if (context.seq < 0) return String(Math.trunc(context.seq));
      return String(Math.trunc(context.seq)).padStart(
        argument === null ? 0 : Number(argument),
        '0',
      );
    case 'firstsentence':
      return firstSentence(fields.caption);
  }
}

// ——— Expansion ———

const SEPARATOR_AFTER = /^[ \t]*(?:[,;/|]|(?<=[ \t])[-–—](?=[ \t]|$))[ \t]*/;
const SEPARATOR_BEFORE = /[ \t]*(?:[,;/|]|[ \t][-–—])[ \t]*$/;

/** Joins the text before and after an empty variable so that it still reads (see the module note). */
function closeSeam(left: string, right: string): [string, string] {
  let l = left;
  let r = right;
  const after = SEPARATOR_AFTER.exec(r);
  // One separator goes: the one after the gap, else the one before it.
  if (after) r = r.slice(after[0].length);
  else if (SEPARATOR_BEFORE.test(l)) l = l.replace(SEPARATOR_BEFORE, '');
  if (/[([][ \t]*$/.test(l) && /^[ \t]*[)\]]/.test(r)) {
    l = l.replace(/[([][ \t]*$/, '');
    r = r.replace(/^[ \t]*[)\]]/, '');
  }
  const hadSpace = /[ \t]$/.test(l) || /^[ \t]/.test(r);
  l = l.replace(/[ \t]+$/, '');
  r = r.replace(/^[ \t]+/, '');
  const noSpace = l === '' || r === '' || /[\n([{“‘]$/.test(l) || /^[\n.,;:!?)\]}”’]/.test(r);
  return [l, hadSpace && !noSpace ? ` ${r}` : r];
}

/** Fills parsed parts for one photo (see the module note for what empty values do). */
export function expandTemplateParts(
  parts: readonly TemplatePart[],
  context: TemplateContext,
): string {
  // Pieces of text between the variables that came out empty.
  const pieces: string[] = [''];
  for (const part of parts) {
    if (part.kind === 'text') pieces[pieces.length - 1] += part.text;
    else {
      const value = variableValue(part.name, part.argument, context);
      if (value === '') pieces.push('');
      else pieces[pieces.length - 1] += value;
    }
  }
  let out = pieces[0]!;
  for (let k = 1; k < pieces.length; k++) {
    const [left, right] = closeSeam(out, pieces[k]!);
    out = left + right;
  }
  return out;
}

/** Fills a template text for one photo, or says why the text cannot be used. */
export function expandTemplateText(text: string, context: TemplateContext): TemplateExpansion {
  const parsed = parseTemplateText(text);
  if (!parsed.ok) return parsed;
  return { ok: true, text: expandTemplateParts(parsed.parts, context) };
}
