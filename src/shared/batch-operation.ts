/**
 * What a batch operation does to one photo's value: set, append, prepend, or find and
 * replace (plain text or a regular expression, with $1 groups), for text fields and for
 * list fields (where set replaces the list, append/prepend add names not yet there, and
 * find and replace works on each name, dropping those it empties).
 */
import type { BatchOperation, FillMode } from './edits';
import type { FieldValue } from './model';

/** Find-and-replace runs on at most this much text: a pathological pattern stays bounded. */
const MAX_REPLACE_INPUT = 200_000;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A group that repeats something that repeats, like `(a+)+` or `(\w*)*`: the shape that makes
 * a regular expression take exponential time on a line that almost matches. JavaScript cannot
 * stop a runaway match, so such patterns are refused up front.
 */
export function hasNestedRepetition(source: string): boolean {
  return /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,)/.test(source);
}

/** The regular expression a find-and-replace uses, or a plain message why it cannot. */
export function findPattern(
  operation: Extract<BatchOperation, { kind: 'replace' }>,
): RegExp | string {
  if (operation.regex && hasNestedRepetition(operation.find)) {
    return 'That regular expression repeats a repetition (like (a+)+), which can take forever on some captions; write it without the nested repeat.';
  }
  const source = operation.regex ? operation.find : escapeRegExp(operation.find);
  const bounded = operation.wholeWord
    ? `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`
    : source;
  try {
    return new RegExp(bounded, `gu${operation.caseSensitive ? '' : 'i'}`);
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
    return `That regular expression cannot be used: ${reason}`;
  }
}

function applyToText(text: string, operation: BatchOperation, pattern: RegExp | null): string {
  switch (operation.kind) {
    case 'set':
      return operation.value;
    case 'append':
      return text === '' ? operation.value : `${text}${operation.separator}${operation.value}`;
    case 'prepend':
      return text === '' ? operation.value : `${operation.value}${operation.separator}${text}`;
    case 'replace': {
      if (!pattern || text.length > MAX_REPLACE_INPUT) return text;
      // Plain text: "$" in the replacement is literal, not a group reference.
      const replacement = operation.regex
        ? operation.replace
        : operation.replace.replace(/\$/g, '$$$$');
      return text.replace(pattern, replacement);
    }
  }
}

/** Names typed for a list field: "A; B" → ["A", "B"]. */
function namesIn(text: string): string[] {
  return text
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** The value after the operation (the same value when it does not apply). */
export function applyBatchOperation(
  current: FieldValue,
  operation: BatchOperation,
  mode: FillMode,
  pattern: RegExp | null = null,
): FieldValue {
  const empty = Array.isArray(current) ? current.length === 0 : current === '';
  if (mode === 'fill-empty' && !empty && operation.kind !== 'replace') return current;
  if (!Array.isArray(current)) return applyToText(current, operation, pattern);
  switch (operation.kind) {
    case 'set':
      return namesIn(operation.value);
    case 'append':
      return [...new Set([...current, ...namesIn(operation.value)])];
    case 'prepend':
      return [...new Set([...namesIn(operation.value), ...current])];
    case 'replace':
      return [
        ...new Set(
          current
            .map((name) => applyToText(name, operation, pattern).trim())
            .filter((name) => name !== ''),
        ),
      ];
  }
}
