/**
 * Text helpers shared by the parser, the splitter and the tests: taking the parentheses off
 * a printed credit, and the key two credit texts are compared by.
 */

/** Index of the "(" that closes at the last character, or -1 when the text is not wrapped. */
export function openingParenthesis(text: string): number {
  if (!text.endsWith(')')) return -1;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === ')') depth++;
    else if (ch === '(') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The text without the parentheses (and spaces) wrapped around all of it. */
export function stripOuterParentheses(text: string): string {
  let result = text.trim();
  while (openingParenthesis(result) === 0) result = result.slice(1, -1).trim();
  return result;
}

/** Collapses runs of white space (including line breaks) into one space. */
export function collapseSpaces(text: string): string {
  // Most credits have nothing to collapse: test before building a new string.
  if (!/\s\s|[^\S ]|^\s|\s$/.test(text)) return text;
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The key two printings of a credit are compared by: no surrounding parentheses, spaces
 * collapsed and dropped around separators, and "\" read as "/" (a common slip in agency
 * credits: `Sergei Bobylev\TASS`). Letter case counts.
 */
export function creditTextKey(text: string): string {
  return collapseSpaces(stripOuterParentheses(text))
    .replace(/\\/g, '/')
    .replace(/\s*([/,;])\s*/g, '$1')
    .replace(/[.\s]+$/, '');
}

/** How many readings a cache keeps before it starts afresh. */
const CACHE_BOUND = 20000;

/**
 * The value remembered for `key`, computed once. A batch of credits repeats the same names
 * and agencies, so their readings are kept, up to a bound that keeps memory flat.
 */
export function remembered<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    if (cache.size >= CACHE_BOUND) cache.clear();
    cache.set(key, value);
  }
  return value;
}
