/**
 * Code replacements, as Photo Mechanic has them: a code typed between delimiters expands as
 * the user types (`=kju=` → "Kim Jong Un"); a code may carry several replacements and a
 * number picks one (`=kju2=` → the second). Codes are case-sensitive. Lists travel as
 * Photo Mechanic's UTF-8 tab-separated files (code, then its replacements; `//` comments).
 */

export interface CodeReplacement {
  code: string;
  /** The replacements, in column order; the first is the default. */
  replacements: string[];
}

export interface CodeFileProblem {
  line: number;
  message: string;
}

/** Codes by name, for lookups as the user types. */
export type CodeDictionary = ReadonlyMap<string, readonly string[]>;

export function codeDictionary(entries: readonly CodeReplacement[]): CodeDictionary {
  return new Map(entries.map((entry) => [entry.code, entry.replacements]));
}

/**
 * Reads a Photo Mechanic code-replacement file. Lines it cannot use are reported with their
 * number and skipped; the rest still load.
 */
export function parseCodeReplacementFile(text: string): {
  entries: CodeReplacement[];
  problems: CodeFileProblem[];
} {
  const entries = new Map<string, CodeReplacement>();
  const problems: CodeFileProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('//')) return;
    const [code = '', ...columns] = raw.split('\t');
    const replacements = columns.map((column) => column.trim()).filter((column) => column !== '');
    if (code.trim() === '') {
      problems.push({ line, message: 'no code before the first tab' });
    } else if (/\s/.test(code.trim())) {
      problems.push({ line, message: `the code "${code.trim()}" has a space in it` });
    } else if (replacements.length === 0) {
      problems.push({
        line,
        message: `the code "${code.trim()}" has no replacement (columns are separated by tabs)`,
      });
    } else {
      if (entries.has(code.trim()))
        problems.push({ line, message: `"${code.trim()}" again; this line wins` });
      entries.set(code.trim(), { code: code.trim(), replacements });
    }
  });
  return { entries: [...entries.values()], problems };
}

/** Writes entries in Photo Mechanic's format (reads back to the same entries). */
export function formatCodeReplacementFile(entries: readonly CodeReplacement[]): string {
  const header = '// Cutline code replacements: code<TAB>replacement<TAB>more replacements…\n';
  return (
    header +
    entries.map((entry) => [entry.code, ...entry.replacements].join('\t')).join('\n') +
    '\n'
  );
}

/**
 * The text a code stands for. An exact code wins; otherwise a trailing number picks a
 * column of the code before it (`kju2` → the second replacement of `kju`).
 */
export function lookupCode(dictionary: CodeDictionary, code: string): string | null {
  const exact = dictionary.get(code);
  if (exact?.[0] !== undefined) return exact[0];
  const numbered = code.match(/^(.+?)(\d+)$/);
  if (!numbered) return null;
  const column = Number(numbered[2]);
  return dictionary.get(numbered[1] as string)?.[column - 1] ?? null;
}

/** A code between delimiters: no spaces, no delimiter, not empty. */
function isCodeText(text: string, delimiter: string): boolean {
  return text !== '' && !/\s/.test(text) && !text.includes(delimiter);
}

/**
 * As-you-type expansion: when the character before the caret is a delimiter closing a known
 * code (`…=kju=|`), the code and its delimiters become the replacement. Null otherwise, so
 * ordinary text such as "a = b" or "x==y" is never touched.
 */
export function expandCodeBeforeCaret(
  text: string,
  caret: number,
  dictionary: CodeDictionary,
  delimiter: string,
): { text: string; caret: number } | null {
  if (caret < 2 || text[caret - 1] !== delimiter) return null;
  const open = text.lastIndexOf(delimiter, caret - 2);
  if (open < 0) return null;
  const code = text.slice(open + 1, caret - 1);
  if (!isCodeText(code, delimiter)) return null;
  const replacement = lookupCode(dictionary, code);
  if (replacement === null) return null;
  return {
    text: text.slice(0, open) + replacement + text.slice(caret),
    caret: open + replacement.length,
  };
}

/** Expands every known code in a text (a paste, a batch); unknown codes stay as typed. */
export function expandCodes(
  text: string,
  dictionary: CodeDictionary,
  delimiter: string,
): { text: string; expanded: number; unknown: string[] } {
  const escaped = delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${escaped}([^\\s${escaped}]+)${escaped}`, 'g');
  let expanded = 0;
  const unknown = new Set<string>();
  const result = text.replace(pattern, (match, code: string) => {
    const replacement = lookupCode(dictionary, code);
    if (replacement === null) {
      unknown.add(code);
      return match;
    }
    expanded++;
    return replacement;
  });
  return { text: result, expanded, unknown: [...unknown] };
}
