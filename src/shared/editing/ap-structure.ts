/**
 * AP's rule for a caption's first sentence — who does what, where and when, in the present
 * tense — as a lenient heuristic: it reports only what is clearly absent, because a
 * checker that nags on good captions gets switched off.
 */
import type { CaptionFields } from '../model';
import { namesDayOrDate } from './ap-dates';
import { firstSentence } from './first-sentence';

/** Words that end in "s" but are not verbs in the present tense. */
const NOT_VERBS = new Set(
  'this his its was as us thus yes plus less unless news always perhaps across various famous series species whereas besides towards afterwards sometimes nevertheless whose hers ours yours theirs cross mass press dress class glass grass boss business process access success'.split(
    ' ',
  ),
);
/** Words after which a word ending in "s" is a noun ("of soldiers", "two boys"). */
const BEFORE_NOUNS = new Set(
  'the a an his her their its our my your of to with for by from in on at into onto over under about among between during after before two three four five six seven eight nine ten many several some other these those all both few more most no hundreds thousands dozens'.split(
    ' ',
  ),
);
/** Present-tense verbs that do not end in "s" (plural subjects: "Soldiers march…"). */
const PRESENT_VERBS = new Set(
  'is are am do does has have attend applaud arrive board bow carry celebrate chant cheer clash clean compete cross cry dance demonstrate display eat embrace enter evacuate examine fight flee fly gather greet hold hug inspect jump kneel laugh lay lie light line listen look march mourn pass perform place play pose pray prepare protest queue raise rally react remove repair rescue rest ride run salute search shake shop shout sing sit sleep smile speak stand swim take talk train vote wait walk watch wave wear weep work'.split(
    ' ',
  ),
);
const MONTH_OR_DAY =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

function hasPresentVerb(sentence: string): boolean {
  const words = sentence.match(/[\p{L}'’-]+/gu) ?? [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const previous = words[i - 1]!.toLowerCase();
    if (BEFORE_NOUNS.has(previous)) continue;
    if (PRESENT_VERBS.has(word)) return true;
    if (/^[a-z]+s$/.test(word) && !/(?:ss|us|is)$/.test(word) && !NOT_VERBS.has(word)) {
      return true;
    }
  }
  return false;
}

function containsWord(text: string, value: string): boolean {
  const needle = value.trim().toLowerCase();
  if (needle === '') return false;
  const haystack = text.toLowerCase();
  let at = haystack.indexOf(needle);
  while (at >= 0) {
    const before = haystack.slice(0, at);
    const after = haystack.slice(at + needle.length);
    if (!/[\p{L}\p{N}]$/u.test(before) && !/^[\p{L}\p{N}]/u.test(after)) return true;
    at = haystack.indexOf(needle, at + 1);
  }
  return false;
}

function namesPlace(sentence: string, fields: CaptionFields): boolean {
  const known = [fields.city, fields.sublocation, fields.provinceState, fields.country];
  if (known.some((place) => containsWord(sentence, place))) return true;
  // "in Seoul", "at Wembley Stadium", "near the Kremlin" — a capitalised word after a
  // preposition of place that is not a month or a weekday ("in June" is a date).
  for (const match of sentence.matchAll(
    /\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*)/gu,
  )) {
    if (!MONTH_OR_DAY.test(match[1]!)) return true;
  }
  return false;
}

/**
 * What the first sentence of a caption seems to lack by AP's rule (who does what, where
 * and when, in the present tense): 'day or date' (no weekday or date), 'place' (neither the
 * City, Sublocation, State or Country field nor a capitalised word after "in", "at",
 * "near", "outside" or "inside"), 'present-tense verb' (no word after the first that ends
 * in "s" like "speaks" — not after "the", "of", a number… — and none of a list of common
 * verbs like "are", "gather", "march"). Deliberately lenient: it flags only what is clearly
 * absent, and "who" is not checked (names cannot be told from places by their capitals).
 */
export function firstSentenceGaps(caption: string, fields: CaptionFields): string[] {
  const sentence = firstSentence(caption);
  const gaps: string[] = [];
  if (!namesDayOrDate(sentence)) gaps.push('day or date');
  if (!namesPlace(sentence, fields)) gaps.push('place');
  if (!hasPresentVerb(sentence)) gaps.push('present-tense verb');
  return gaps;
}
