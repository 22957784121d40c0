/**
 * Template texts: field values with variables filled per photo, as Photo Mechanic's
 * stationery pad does — `{filename}`, `{filenamebase}`, `{date}`, `{date:long}` (AP style:
 * "Wednesday, June 19, 2024"), `{city}`, `{country}`, `{creator}`, `{credit}`, `{camera}`,
 * `{seq}` / `{seq:3}` (001), and `{firstsentence}`, the photo's own first sentence, so that
 * a shoot's shared caption can follow each photo's own first line. `{{` and `}}` print braces.
 */
import type { CaptionField, CaptionFields } from './model';

/** What a template text is filled from, for one photo. */
export interface TemplateContext {
  fileName: string;
  /** The photo's date, ISO 8601 ("2024-06-19" or with a time), or null. */
  date: string | null;
  fields: CaptionFields;
  cameraMake: string;
  cameraModel: string;
  /** The photo's place in the batch, from 1. */
  seq: number;
}

interface Variable {
  /** The photo fields its value comes from (a live value follows them). */
  uses: CaptionField[];
  fill: (context: TemplateContext, argument: string | undefined) => string;
  /** Whether it takes an argument after ":" and which. */
  argument?: RegExp;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// AP style: months of more than five letters are abbreviated before a date (Jan. 5); March,
// April, May, June and July are always spelled out.
const AP_MONTHS = [
  'Jan.',
  'Feb.',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];

/** The calendar date of an ISO date-time as written (no time-zone shift), or null. */
function calendarDate(iso: string | null): { year: number; month: number; day: number } | null {
  const match = iso?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/** "Wednesday, June 19, 2024", "Thursday, Sept. 5, 2024" (AP style). */
export function apLongDate(iso: string | null): string {
  const date = calendarDate(iso);
  if (!date) return '';
  const weekday = WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()];
  return `${weekday}, ${AP_MONTHS[date.month - 1]} ${date.day}, ${date.year}`;
}

/** The first sentence of a caption; abbreviations, initials and decimals do not end one. */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const pattern = /[.!?](?=["”’)]*\s+["“‘(]?[A-Z0-9\p{Lu}])/gu;
  for (const match of trimmed.matchAll(pattern)) {
    const end = match.index + 1;
    const before = trimmed.slice(0, end);
    const lastWord = before.split(/\s+/).pop() ?? '';
    // "U.S." "Jan." "Gov." "St." "J." — a dot inside or after a short capitalised word.
    if (
      /^(?:[A-Z]\.|(?:[A-Z]\.){2,}|(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Dr|Mr|Mrs|Ms|St|Mt|Ft|Jr|Sr|No|Vol)\.)$/.test(
        lastWord,
      )
    ) {
      continue;
    }
    const closing = trimmed.slice(end).match(/^["”’)]*/)?.[0] ?? '';
    return trimmed.slice(0, end + closing.length);
  }
  return trimmed;
}

function cameraName(make: string, model: string): string {
  const m = make.trim();
  const name = model.trim();
  if (!m) return name;
  // "Canon" + "Canon EOS R3" → "Canon EOS R3"; "NIKON CORPORATION" + "NIKON Z 9" → "NIKON Z 9".
  const firstWord = m.split(/\s+/)[0]?.toLowerCase() ?? '';
  return name.toLowerCase().startsWith(firstWord) ? name : `${m} ${name}`.trim();
}

const VARIABLES: Record<string, Variable> = {
  filename: { uses: [], fill: (c) => c.fileName },
  filenamebase: { uses: [], fill: (c) => c.fileName.replace(/\.[^.]*$/, '') },
  date: {
    uses: ['dateCreated'],
    argument: /^long$/,
    fill: (c, argument) =>
      argument === 'long'
        ? apLongDate(c.date)
        : calendarDate(c.date)
          ? (c.date ?? '').slice(0, 10)
          : '',
  },
  city: { uses: ['city'], fill: (c) => c.fields.city },
  country: { uses: ['country'], fill: (c) => c.fields.country },
  creator: { uses: ['creators'], fill: (c) => c.fields.creators[0] ?? '' },
  credit: { uses: ['creditLine'], fill: (c) => c.fields.creditLine },
  camera: { uses: [], fill: (c) => cameraName(c.cameraMake, c.cameraModel) },
  seq: {
    uses: [],
    argument: /^\d{1,2}$/,
    fill: (c, argument) => String(c.seq).padStart(argument ? Number(argument) : 0, '0'),
  },
  firstsentence: { uses: ['caption'], fill: (c) => firstSentence(c.fields.caption) },
};

/** The variables, for help texts. */
export const TEMPLATE_VARIABLES = [
  '{filename}',
  '{filenamebase}',
  '{date}',
  '{date:long}',
  '{city}',
  '{country}',
  '{creator}',
  '{credit}',
  '{camera}',
  '{seq}',
  '{seq:3}',
  '{firstsentence}',
];

type Part = { text: string } | { name: string; argument: string | undefined };

/** Raised for a template text that cannot be read, with the position of the fault. */
export class TemplateTextError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'TemplateTextError';
  }
}

/** The text in literal parts and variables; an unknown variable or a stray brace throws. */
export function parseTemplateText(text: string): Part[] {
  const parts: Part[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if ((ch === '{' || ch === '}') && text[i + 1] === ch) {
      literal += ch;
      i += 2;
      continue;
    }
    if (ch === '}') {
      throw new TemplateTextError(
        `A "}" at position ${i + 1} closes nothing (write }} for a brace).`,
        i,
      );
    }
    if (ch !== '{') {
      literal += ch;
      i++;
      continue;
    }
    const close = text.indexOf('}', i);
    if (close < 0) {
      throw new TemplateTextError(
        `The "{" at position ${i + 1} is never closed (write {{ for a brace).`,
        i,
      );
    }
    const [rawName, argument] = text.slice(i + 1, close).split(':', 2) as [
      string,
      string | undefined,
    ];
    const name = rawName.trim().toLowerCase();
    const variable = VARIABLES[name];
    if (!variable) {
      throw new TemplateTextError(
        `Unknown variable {${rawName}} at position ${i + 1}; the variables are ${TEMPLATE_VARIABLES.join(' ')}.`,
        i,
      );
    }
    if (argument !== undefined && !variable.argument?.test(argument)) {
      throw new TemplateTextError(
        `{${rawName}:${argument}} at position ${i + 1} is not a form of {${name}}.`,
        i,
      );
    }
    if (literal) parts.push({ text: literal });
    literal = '';
    parts.push({ name, argument });
    i = close + 1;
  }
  if (literal) parts.push({ text: literal });
  return parts;
}

// A template applied to 10,000 photos is the same few texts 10,000 times: parse each once.
const parsed = new Map<string, Part[] | null>();

function parsedOnce(text: string): Part[] | null {
  let parts = parsed.get(text);
  if (parts === undefined) {
    try {
      parts = parseTemplateText(text);
    } catch {
      parts = null;
    }
    if (parsed.size > 1000) parsed.clear();
    parsed.set(text, parts);
  }
  return parts;
}

/** Why a template text cannot be used, or null. */
export function templateTextProblem(text: string): string | null {
  try {
    parseTemplateText(text);
    return null;
  } catch (error) {
    if (error instanceof TemplateTextError) return error.message;
    throw error;
  }
}

/**
 * The text with its variables filled for one photo. A variable with no value leaves no
 * trace: the spaces and the comma it would have stood between collapse ("in {city}, {country}."
 * with no city gives "in North Korea.").
 */
export function expandTemplateText(text: string, context: TemplateContext): string {
  const parts = parsedOnce(text);
  if (!parts) return text; // checked when the template is saved; an old bad one prints as typed
  let filled = '';
  let afterEmpty = false;
  for (const part of parts) {
    if ('text' in part) {
      // "in {city}, {country}" without a city: the comma the city would have needed goes too.
      const dropComma = afterEmpty && (filled === '' || /\s$/.test(filled));
      filled += dropComma ? part.text.replace(/^[ \t]*[,;][ \t]*/, '') : part.text;
      afterEmpty = false;
      continue;
    }
    const value = VARIABLES[part.name]?.fill(context, part.argument) ?? '';
    filled += value;
    afterEmpty = value === '';
  }
  return filled
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+([,.;:])/g, '$1')
    .trim();
}

/** The photo fields a text's variables read (a live value is filled again when they change). */
export function fieldsUsedBy(text: string): CaptionField[] {
  try {
    const used = new Set<CaptionField>();
    for (const part of parseTemplateText(text)) {
      if ('name' in part) for (const field of VARIABLES[part.name]?.uses ?? []) used.add(field);
    }
    return [...used];
  } catch {
    return [];
  }
}
