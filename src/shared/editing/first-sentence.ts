/**
 * Where a caption's first sentence ends. AP captions put who, what, where and when in the
 * first sentence, and templates keep each photo's own first sentence in front of a shared
 * paragraph (`{firstsentence}`), so the split must survive the abbreviations captions are
 * full of: "U.S.", "Gov.", "Jan. 5", "St. Petersburg", "J. Smith", "3.5 million".
 *
 * The rule: a sentence ends at ".", "!" or "?" (plus any closing quotes or brackets) that is
 * followed by white space and then a capital letter, a digit, a letter without case (Korean,
 * Chinese…) or an opening quote or bracket; or at a blank line; or at "。！？". A "." does
 * not end a sentence when the word it closes is a known abbreviation (titles, months,
 * "St.", "Inc.", "Corp.", "No.", …), a single letter (an initial) or dotted letters
 * ("U.S.", "a.m.", "D.C."). The cost: "… in the U.S. The …" stays one sentence.
 * US state abbreviations ("Fla.", "Calif.") are NOT in the list: in AP captions they end
 * the dateline sentence more often than not.
 */

/** Abbreviations whose "." does not end a sentence (compared without the dot). */
const ABBREVIATIONS = new Set([
  // Titles (AP abbreviates these before a name).
  'Gov',
  'Lt',
  'Sen',
  'Rep',
  'Gen',
  'Col',
  'Maj',
  'Capt',
  'Cmdr',
  'Adm',
  'Sgt',
  'Cpl',
  'Pvt',
  'Dr',
  'Mr',
  'Mrs',
  'Ms',
  'Prof',
  'Rev',
  'Msgr',
  'Fr',
  'Sr',
  'Jr',
  'Hon',
  'Supt',
  // Months AP abbreviates before a day.
  'Jan',
  'Feb',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  // Places and companies.
  'St',
  'Mt',
  'Ft',
  'Ave',
  'Blvd',
  'Inc',
  'Corp',
  'Co',
  'Ltd',
  'Bros',
  // Others.
  'No',
  'Nos',
  'Vol',
  'vs',
  'approx',
  'Fig',
]);

/** A "." after one of these words, or after dotted letters or an initial, is not an end. */
function isAbbreviation(word: string): boolean {
  // "U.S", "a.m", "D.C", "J" (the last dot is the candidate end and not part of `word`).
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word) && (word.length === 1 || word.includes('.'))) return true;
  return ABBREVIATIONS.has(word);
}

const CLOSERS = '"\'”’)]»';
const OPENERS = '"\'“‘([«';

/**
 * The index just past the end of the first sentence of `text` (its terminal punctuation
 * and closing quotes included), or `text.length` when the text is one sentence.
 */
export function firstSentenceEnd(text: string): number {
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const ch = text[i]!;
    if (ch === '。' || ch === '！' || ch === '？') return i + 1;
    if (ch === '\n') {
      // A blank line ends a paragraph, and so the sentence.
      const blank = /^\n[ \t\r]*\n/.exec(text.slice(i, i + 64));
      if (blank && text.slice(0, i).trim() !== '') return trimEndIndex(text, i);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < length && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
    while (end < length && CLOSERS.includes(text[end]!)) end++;
    let next = end;
    while (next < length && /\s/.test(text[next]!)) next++;
    if (next === end || next === length) {
      i = end - 1;
      continue;
    }
    let start = next;
    while (start < length && OPENERS.includes(text[start]!)) start++;
    const following = text.codePointAt(start);
    if (
      following === undefined ||
      !/[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u.test(String.fromCodePoint(following))
    ) {
      i = end - 1;
      continue;
    }
    if (ch === '.' && text[i + 1] !== '.' && text[i - 1] !== '.') {
      // A single "." (not "..."): is it an abbreviation's?
      const word = wordBefore(text, i);
      if (word !== '' && isAbbreviation(word)) {
        i = end - 1;
        continue;
      }
    }
    return end;
  }
  return trimEndIndex(text, length);
}

/** The word right before index `dot`, e.g. "U.S" or "Gov" (opening brackets and quotes dropped). */
function wordBefore(text: string, dot: number): string {
  let start = dot;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  let word = text.slice(start, dot);
  while (word !== '' && OPENERS.includes(word[0]!)) word = word.slice(1);
  return word;
}

function trimEndIndex(text: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}

/** A caption's first sentence and the rest, both trimmed. */
export interface SentenceSplit {
  first: string;
  rest: string;
}

/** Splits off the first sentence: "Kim speaks. Crowds cheer." → first "Kim speaks.", rest "Crowds cheer.". */
export function splitFirstSentence(text: string): SentenceSplit {
  const trimmed = text.trim();
  const end = firstSentenceEnd(trimmed);
  return { first: trimmed.slice(0, end).trim(), rest: trimmed.slice(end).trim() };
}

/** The first sentence of a caption, trimmed ("" for an empty caption). */
export function firstSentence(text: string): string {
  return splitFirstSentence(text).first;
}
