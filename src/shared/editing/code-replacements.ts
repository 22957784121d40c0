/**
 * Code replacements, as Photo Mechanic has them: a dictionary of short codes, each with
 * one or more replacement texts (columns), expanded where a code is typed between two
 * delimiters: `=kju=` → "Kim Jong Un". Captioners on deadline type names, titles and places
 * this way, so that a name is spelled the same on every photo.
 *
 * - Codes are case-sensitive (`=kju=` and `=KJU=` are different codes).
 * - The delimiter is `=` unless set otherwise; any single character that is not a letter,
 *   a digit or white space will do.
 * - A number after a code picks a column: `=kju2=` is the 2nd replacement of `kju`, as in
 *   Photo Mechanic; `=kju1=` is the same as `=kju=`. When a code itself ends in a digit the
 *   exact code wins: with both `f16` and `f` in the dictionary, `=f16=` is `f16`. Otherwise
 *   the digits are read as a column of the longest code they follow: `=f162=` is column 2 of
 *   `f16` if it exists, else column 62 of `f`. A column that does not exist (or is empty)
 *   leaves the code as typed and reports it as unknown.
 * - A code is a run of characters without white space or the delimiter, and the opening
 *   delimiter must not follow a letter or digit nor the closing one precede one: so
 *   "a = b", "x==y", "a=b=c" and "E=mc2" are never touched.
 * - Expansion is one pass: a replacement that itself holds `=code=` is not expanded again.
 *
 * Offsets (`caret`) are UTF-16 indexes, as a text field's selectionStart gives them.
 */

/** One line of a code replacement file: a code and its replacement texts (columns). */
export interface CodeReplacementEntry {
  code: string;
  replacements: string[];
}

/** Codes to their replacement texts (column 1 first). */
export type CodeDictionary = ReadonlyMap<string, readonly string[]>;

/** A line of a code file that could not be used, with its 1-based line number. */
export interface CodeFileProblem {
  line: number;
  message: string;
}

/** What a code replacement file holds: its entries (in file order) and the lines skipped. */
export interface ParsedCodeFile {
  entries: CodeReplacementEntry[];
  dictionary: Map<string, string[]>;
  problems: CodeFileProblem[];
}

/** The delimiter Photo Mechanic uses unless set otherwise. */
export const DEFAULT_CODE_DELIMITER = '=';

/** Why a delimiter cannot be used, or null when it can (for the settings UI). */
export function codeDelimiterProblem(delimiter: string): string | null {
  if ([...delimiter].length !== 1) return 'The delimiter must be exactly one character.';
  if (/[\s\p{L}\p{N}]/u.test(delimiter)) {
    return 'The delimiter cannot be a letter, a digit or a space: it would be mistaken for text.';
  }
  return null;
}

function checkDelimiter(delimiter: string): void {
  const problem = codeDelimiterProblem(delimiter);
  if (problem) throw new RangeError(`${problem} (got ${JSON.stringify(delimiter)})`);
}

/**
 * Reads Photo Mechanic's code replacement file: UTF-8 text, one code a line,
 * `code<TAB>replacement1<TAB>replacement2…`. Lines starting with `//` are comments and blank
 * lines are skipped; CRLF, LF or CR line ends and a leading byte-order mark are accepted.
 * Spaces around codes and replacements are trimmed; empty columns at the end of a line are
 * dropped, empty ones in the middle kept (so that later columns keep their numbers).
 * Lines it cannot use are reported with their line number, never thrown: a line without a
 * tab, an empty code, a code with a space in it, a code without replacement, and a code
 * already defined (the first definition is kept).
 */
export function parseCodeReplacementFile(text: string): ParsedCodeFile {
  const entries: CodeReplacementEntry[] = [];
  const dictionary = new Map<string, string[]>();
  const problems: CodeFileProblem[] = [];
  const firstLine = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('//')) return;
    const problem = (message: string) => problems.push({ line, message });
    if (!raw.includes('\t')) {
      problem(`Line ${line}: no tab between the code and its replacement.`);
      return;
    }
    const [rawCode = '', ...columns] = raw.split('\t');
    const code = rawCode.trim();
    if (code === '') {
      problem(`Line ${line}: the code is empty.`);
      return;
    }
    if (/\s/.test(code)) {
      problem(`Line ${line}: the code "${code}" has a space in it, so it cannot be typed.`);
      return;
    }
    const replacements = columns.map((column) => column.trim());
    while (replacements.length > 0 && replacements[replacements.length - 1] === '') {
      replacements.pop();
    }
    if (replacements.length === 0) {
      problem(`Line ${line}: the code "${code}" has no replacement.`);
      return;
    }
    const earlier = firstLine.get(code);
    if (earlier !== undefined) {
      problem(
        `Line ${line}: the code "${code}" is already defined on line ${earlier}; that one is kept.`,
      );
      return;
    }
    firstLine.set(code, line);
    entries.push({ code, replacements });
    dictionary.set(code, replacements);
  });
  return { entries, dictionary, problems };
}

/**
 * Writes entries in Photo Mechanic's format (LF line ends, a final line end, no BOM).
 * Tabs and line breaks inside a replacement cannot be stored and become spaces; whatever
 * parseCodeReplacementFile would accept round-trips unchanged.
 */
export function formatCodeReplacementFile(entries: readonly CodeReplacementEntry[]): string {
  const flat = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
  return entries
    .map((entry) => [entry.code, ...entry.replacements].map(flat).join('\t'))
    .map((line) => `${line}\n`)
    .join('');
}

/** A dictionary from entries (a later duplicate code does not replace an earlier one). */
export function codeDictionary(entries: readonly CodeReplacementEntry[]): Map<string, string[]> {
  const dictionary = new Map<string, string[]>();
  for (const entry of entries) {
    if (!dictionary.has(entry.code)) dictionary.set(entry.code, [...entry.replacements]);
  }
  return dictionary;
}

/**
 * The text a typed code stands for (see the module note for the number rule), or null when
 * the dictionary has no such code or column.
 */
export function lookUpCode(code: string, dictionary: CodeDictionary): string | null {
  const exact = dictionary.get(code);
  if (exact) return nonEmpty(exact[0]);
  const digits = /\d+$/.exec(code);
  if (!digits) return null;
  // Longest code first: "f162" → ("f16", 2) before ("f1", 62) and ("f", 162).
  for (let split = code.length - 1; split >= digits.index; split--) {
    if (split === 0) break;
    const base = dictionary.get(code.slice(0, split));
    if (!base) continue;
    const column = Number(code.slice(split));
    return column >= 1 ? nonEmpty(base[column - 1]) : null;
  }
  return null;
}

function nonEmpty(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}

/** `=code=` with the delimiter given, not glued to letters or digits on either side. */
function codePattern(delimiter: string): RegExp {
  // \u{…} is valid inside and outside a character class, whatever the character.
  const d = `\\u{${delimiter.codePointAt(0)!.toString(16)}}`;
  return new RegExp(`(?<![\\p{L}\\p{N}])${d}([^\\s${d}]+)${d}(?![\\p{L}\\p{N}])`, 'gu');
}

/** What expanding the codes in a text did. */
export interface CodeExpansion {
  text: string;
  /** Codes replaced. */
  expanded: number;
  /** Codes typed but not in the dictionary (left as typed), each once, in order. */
  unknown: string[];
}

/** Expands every `=code=` in a text (for a paste, a batch edit or a template). */
export function expandCodes(
  text: string,
  dictionary: CodeDictionary,
  delimiter: string = DEFAULT_CODE_DELIMITER,
): CodeExpansion {
  checkDelimiter(delimiter);
  let expanded = 0;
  const unknown: string[] = [];
  const result = text.replace(codePattern(delimiter), (whole, code: string) => {
    const replacement = lookUpCode(code, dictionary);
    if (replacement === null) {
      if (!unknown.includes(code)) unknown.push(code);
      return whole;
    }
    expanded++;
    return replacement;
  });
  return { text: result, expanded, unknown };
}

/** A text after an as-you-type expansion, with the caret after the inserted text. */
export interface CaretExpansion {
  text: string;
  caret: number;
  /** The code expanded, as typed (for an undo hint: "kju → Kim Jong Un"). */
  code: string;
}

/**
 * As-you-type expansion: when the character just typed (the one before `caret`) closes a
 * `=code=` that the dictionary knows, returns the text with the code replaced and the caret
 * after the replacement; otherwise null (nothing to do: keep the text as typed). What comes
 * after the caret is not looked at, so a code typed in the middle of a word still expands.
 */
export function expandCodeBeforeCaret(
  text: string,
  caret: number,
  dictionary: CodeDictionary,
  delimiter: string = DEFAULT_CODE_DELIMITER,
): CaretExpansion | null {
  checkDelimiter(delimiter);
  if (caret < delimiter.length * 2 + 1 || caret > text.length) return null;
  const closeAt = caret - delimiter.length;
  if (text.slice(closeAt, caret) !== delimiter) return null;
  const openAt = text.lastIndexOf(delimiter, closeAt - delimiter.length);
  if (openAt < 0) return null;
  const code = text.slice(openAt + delimiter.length, closeAt);
  if (code === '' || /\s/.test(code)) return null;
  const before = openAt > 0 ? text.slice(0, openAt) : '';
  if (/[\p{L}\p{N}]$/u.test(before)) return null;
  const replacement = lookUpCode(code, dictionary);
  if (replacement === null) return null;
  return {
    text: before + replacement + text.slice(caret),
    caret: openAt + replacement.length,
    code,
  };
}
