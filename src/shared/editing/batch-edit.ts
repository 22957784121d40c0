/**
 * Batch edits: one change to one field of many photos at once — set, append, prepend, or
 * find and replace — as a photo desk makes them to a whole shoot ("append the shared
 * paragraph", "replace 'Kim Jung Un' with 'Kim Jong Un'").
 *
 * Text fields: set replaces the text; append/prepend join the value with a separator (a
 * space unless given), skip the separator when the text is empty or already ends (starts)
 * with white space, and do nothing when the text already ends (starts) with exactly the
 * value joined that way — so running the same append twice does not double the paragraph.
 *
 * List fields (creators, keywords, persons shown): the value is a list, or a text split on
 * ";" and line breaks (not on commas: "Smith, John" and "Jr." style names hold commas).
 * Set replaces the list; append/prepend add the items not already there; find and replace
 * runs on each item, trims it and drops the items it leaves empty. The result is always
 * de-duplicated, comparing items without regard to case, accents' composition or repeated
 * spaces, and keeping the first spelling.
 *
 * Modes: "fill-empty" changes only empty fields, "overwrite" any field. They apply to set,
 * append and prepend; find and replace has no mode (it can change only text that is there).
 *
 * Regular expressions are JavaScript's, in Unicode mode ("u" flag: escape only characters
 * that mean something, like \. or \(); the replacement may use $1, $<name>, $& and $$.
 * JavaScript cannot stop a regular expression that runs away, so two guards: patterns that
 * repeat a group which itself repeats without bound ((a+)+, (\w*\s?)*) are refused as
 * invalid, and a value longer than MAX_REGEX_INPUT characters is left unchanged by a
 * regular-expression replace (plain-text find and replace has no such limit). Patterns that
 * are merely polynomial (\s+\s+$) stay possible; the length cap keeps them to a fraction of
 * a second on a long caption.
 */
import type { FieldValue } from '../model';

/** "fill-empty": only photos whose field is empty; "overwrite": every photo. */
export type BatchMode = 'fill-empty' | 'overwrite';

/** One change to one field, for every photo of a batch. */
export type BatchEditOperation =
  | { kind: 'set'; value: string | readonly string[]; mode: BatchMode }
  | {
      kind: 'append' | 'prepend';
      value: string | readonly string[];
      mode: BatchMode;
      /** Put between the text and the value (text fields only); " " unless given. */
      separator?: string;
    }
  | {
      kind: 'replace';
      find: string;
      replace: string;
      /** `find` is a regular expression and `replace` may use $1 groups. */
      regex?: boolean;
      caseSensitive?: boolean;
      /** Only where `find` is a whole word (not inside a longer word). */
      wholeWord?: boolean;
    };

/** Values longer than this are left alone by a regular-expression replace. */
export const MAX_REGEX_INPUT = 20_000;
/** The longest `find` accepted. */
export const MAX_FIND_LENGTH = 10_000;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * True when the pattern repeats a group whose own content repeats without bound
 * ((a+)+, (a*)*, (\w+\s?){2,}): the shape behind most catastrophic backtracking.
 */
export function hasNestedRepetition(source: string): boolean {
  // For each open group: whether something inside it repeats without bound.
  const stack: boolean[] = [];
  let lastGroupRepeats = false;
  let i = 0;
  const quantifierAt = (
    at: number,
  ): { unbounded: boolean; repeats: boolean; length: number } | null => {
    const ch = source[at];
    if (ch === '*' || ch === '+') return { unbounded: true, repeats: true, length: 1 };
    if (ch === '?') return { unbounded: false, repeats: false, length: 1 };
    if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
      if (!m) return null;
      const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
      return { unbounded: max === Infinity, repeats: max > 1, length: m[0].length };
    }
    return null;
  };
  while (i < source.length) {
    const ch = source[i]!;
    let atomEnd = i + 1;
    let closedGroup = false;
    if (ch === '\\') {
      atomEnd = i + 2;
    } else if (ch === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      atomEnd = j + 1;
    } else if (ch === '(') {
      stack.push(false);
      i++;
      continue;
    } else if (ch === ')') {
      lastGroupRepeats = stack.pop() ?? false;
      closedGroup = true;
    }
    const q = quantifierAt(atomEnd);
    if (q) {
      if (closedGroup && lastGroupRepeats && q.repeats) return true;
      const inner = q.unbounded || (closedGroup && lastGroupRepeats);
      if (inner && stack.length > 0) stack[stack.length - 1] = true;
      atomEnd += q.length;
      if (source[atomEnd] === '?') atomEnd++; // lazy
    } else if (closedGroup && lastGroupRepeats && stack.length > 0) {
      stack[stack.length - 1] = true;
    }
    i = atomEnd;
  }
  return false;
}

type ReplaceOperation = Extract<BatchEditOperation, { kind: 'replace' }>;

/** The pattern a replace uses, or the message saying why it cannot be used. */
function compile(op: ReplaceOperation): RegExp | string {
  if (typeof op.find !== 'string' || op.find === '') return 'Type what to find.';
  if (typeof op.replace !== 'string') return 'Type what to replace it with (or leave it empty).';
  if (op.find.length > MAX_FIND_LENGTH) {
    return `What to find is too long (${op.find.length} characters; at most ${MAX_FIND_LENGTH}).`;
  }
  if (op.regex && hasNestedRepetition(op.find)) {
    return 'This regular expression repeats a group that itself repeats, like (a+)+; on a long caption it could run for minutes. Write it without the nested repeat.';
  }
  const source = op.regex ? op.find : escapeRegExp(op.find);
  // Letters, digits and "_" of any script count as word characters.
  const bounded = op.wholeWord
    ? `(?<![\\p{L}\\p{N}\\p{M}_])(?:${source})(?![\\p{L}\\p{N}\\p{M}_])`
    : source;
  try {
    return new RegExp(bounded, `gu${op.caseSensitive ? '' : 'i'}`);
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
    return `That regular expression cannot be used: ${reason}`;
  }
}

const compiled = new WeakMap<ReplaceOperation, RegExp | string>();

function patternOf(op: ReplaceOperation): RegExp | string {
  let pattern = compiled.get(op);
  if (pattern === undefined) {
    pattern = compile(op);
    compiled.set(op, pattern);
  }
  return pattern;
}

/**
 * Why an operation cannot run, in words for the user, or null when it can. Never throws:
 * invalid regular expressions, empty or overlong searches and unknown kinds are messages.
 */
export function validateBatchOperation(op: BatchEditOperation): string | null {
  switch (op?.kind) {
    case 'set':
    case 'append':
    case 'prepend':
      if (op.mode !== 'fill-empty' && op.mode !== 'overwrite') {
        return 'Choose whether to fill only empty fields or to overwrite.';
      }
      if (typeof op.value !== 'string' && !Array.isArray(op.value)) return 'Type a value.';
      return null;
    case 'replace': {
      const pattern = patternOf(op);
      return typeof pattern === 'string' ? pattern : null;
    }
    default:
      return 'Unknown batch operation.';
  }
}

function replaceInText(text: string, op: ReplaceOperation, pattern: RegExp): string {
  if (op.regex && text.length > MAX_REGEX_INPUT) return text;
  pattern.lastIndex = 0;
  // Plain text: "$" in the replacement is literal, not a group reference.
  const replacement = op.regex ? op.replace : op.replace.replace(/\$/g, '$$$$');
  return text.replace(pattern, replacement);
}

function joinText(text: string, value: string, separator: string, atEnd: boolean): string {
  if (value === '') return text;
  if (text === '') return value;
  if (atEnd) {
    if (text === value || text.endsWith(separator + value)) return text;
    const sep = separator.trim() === '' && /\s$/.test(text) ? '' : separator;
    return text + sep + value;
  }
  if (text === value || text.startsWith(value + separator)) return text;
  const sep = separator.trim() === '' && /^\s/.test(text) ? '' : separator;
  return value + sep + text;
}

/** Items typed for a list field: "A; B\nC" → ["A", "B", "C"]. */
export function listItems(value: string | readonly string[]): string[] {
  const raw = typeof value === 'string' ? value.split(/[;\r\n]/) : value;
  return raw.map((item) => item.trim()).filter((item) => item !== '');
}

/** The key list items are compared by: "Kim  Jong Un" = "kim jong un". */
function itemKey(item: string): string {
  return item.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The list without repeated items (first spelling kept). */
export function uniqueItems(items: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const key = itemKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

function isEmpty(value: FieldValue): boolean {
  return Array.isArray(value) ? value.length === 0 : (value as string).trim() === '';
}

/**
 * The field's value after the operation: text stays text and a list stays a list. An
 * operation that does not apply (fill-empty on a filled field, an invalid pattern, no
 * match) gives back the same value. Never throws.
 */
export function applyBatchOperation(current: FieldValue, op: BatchEditOperation): FieldValue {
  if (validateBatchOperation(op) !== null) return current;
  if (op.kind !== 'replace' && op.mode === 'fill-empty' && !isEmpty(current)) return current;
  if (typeof current === 'string') {
    const value =
      op.kind === 'replace' ? '' : typeof op.value === 'string' ? op.value : op.value.join('; ');
    switch (op.kind) {
      case 'set':
        return value;
      case 'append':
      case 'prepend':
        return joinText(current, value, op.separator ?? ' ', op.kind === 'append');
      case 'replace':
        return replaceInText(current, op, patternOf(op) as RegExp);
    }
  }
  switch (op.kind) {
    case 'set':
      return uniqueItems(listItems(op.value));
    case 'append':
      return uniqueItems([...current, ...listItems(op.value)]);
    case 'prepend':
      return uniqueItems([...listItems(op.value), ...current]);
    case 'replace': {
      const pattern = patternOf(op) as RegExp;
      const replaced = current.map((item) => replaceInText(item, op, pattern).trim());
      return uniqueItems(replaced.filter((item) => item !== ''));
    }
  }
}

/** True when two field values are the same (lists item by item, in order). */
export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** What an operation would do to a batch, before it runs. */
export interface BatchPreview {
  total: number;
  /** Values the operation changes. */
  changed: number;
  /** Indexes (into the values given) of the first few values that change, to show as samples. */
  samples: { index: number; before: FieldValue; after: FieldValue }[];
  /** Why the operation cannot run (then nothing changes), or null. */
  error: string | null;
}

/** How many of the values the operation would change, with a few samples. */
export function previewBatch(
  values: readonly FieldValue[],
  op: BatchEditOperation,
  sampleCount = 3,
): BatchPreview {
  const error = validateBatchOperation(op);
  const preview: BatchPreview = { total: values.length, changed: 0, samples: [], error };
  if (error) return preview;
  values.forEach((before, index) => {
    const after = applyBatchOperation(before, op);
    if (sameValue(before, after)) return;
    preview.changed++;
    if (preview.samples.length < sampleCount) preview.samples.push({ index, before, after });
  });
  return preview;
}
