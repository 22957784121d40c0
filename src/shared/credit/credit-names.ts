/**
 * Telling people from organisations in the segments of a credit, and writing lists of
 * people. Credits rarely say which is which, so these are heuristics; the parser counts a
 * heuristic decision as a guess and lowers its confidence.
 */

import { remembered } from './credit-text';

/** Words that make a name an organisation ("Ukrainian Presidential Press Service"). */
const ORG_WORDS = new Set(
  (
    'agency agencia agence press presse news service services images image photos pictures ' +
    'picture times post journal tribune herald gazette daily weekly magazine ministry office ' +
    'government police army navy air force department dept presidency presidential council ' +
    'committee foundation museum university college institute library archive archives ' +
    'collection inc ltd llc corp corporation company co group network media tv television ' +
    'radio channel studio studios team club federation association union party embassy ' +
    'kremlin house handout technologies labs wire international national state command ' +
    'centre center commission authority bureau family courtesy staff organization ' +
    'organisation newspaper today reuters photo stock bank ltd wires features bros ' +
    'website awards award prize contest sports photography archive pictorial geographic ' +
    'collective syndication newswire ministerio ministère ministerstwo agentur agenzia ' +
    'agencja ajansi ajansı haber presse-agentur ' +
    // Cyrillic, Arabic and Persian words that only organisations use.
    'агентство агентства служба пресс-служба прес-служба фотохроника новости новини офис ' +
    'министерство міністерство минобороны правительство уряд штаб пресс-центр ' +
    'وكالة الأنباء أنباء برس مكتب وزارة رئاسة خبرگزاری'
  ).split(' '),
);

/** Stand-ins agencies print instead of a photographer's name. */
const PLACEHOLDERS = new Set(['str', 'stringer', '-', 'staff photographer', 'contributor']);

/** Particles that may start lower-case inside a person's name ("Ludwig van Beethoven"). */
const PARTICLES = new Set(
  'de da das do dos du del della der den di van von ter ten la le al el bin ibn y e zu af'.split(
    ' ',
  ),
);

/** True for the stand-ins agencies print instead of a name ("STR", "Stringer"). */
export function isPlaceholderName(text: string): boolean {
  return PLACEHOLDERS.has(text.trim().toLowerCase());
}

/** Hyphenated organisation words, matched whole before the text is split at hyphens. */
const ORG_PHRASES = /(?:^|\s)(?:пресс-служба|прес-служба|пресс-центр|press-service)(?:\s|$)/i;

/**
 * True when a name has a word only organisations use, a digit, a web address, "@" or "&",
 * or names an organisation the way Chinese does (新华社, 外交部).
 */
export function looksLikeOrganisation(text: string): boolean {
  return remembered(organisationCache, text, organisationShape);
}

const organisationCache = new Map<string, boolean>();

function organisationShape(text: string): boolean {
  if (/[\d&@]|\.(com|org|net|co|de|uk|fr|ru|kr|jp|cn)\b/i.test(text)) return true;
  if (ORG_PHRASES.test(text)) return true;
  if (/^\p{Script=Han}{2,}[社局部厅院報报台网網]$/u.test(text.trim())) return true;
  return text
    .toLowerCase()
    .replace(/[.,]/g, '')
    .split(/[\s-]+/)
    .some((word) => ORG_WORDS.has(word));
}

/** True for an acronym written in capitals, 2 to 5 letters ("KCNA", "ISNA", "NASA"). */
export function isAcronym(text: string): boolean {
  return /^\p{Lu}{2,5}$/u.test(text.trim());
}

/** True when text has letters of a script without capitals (Han, Hangul, Kana, Arabic…). */
export function isUncasedScript(text: string): boolean {
  return /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}]/u.test(
    text,
  );
}

/**
 * True when a name reads like a person's: two to five words, each starting with a capital
 * (or an initial, or a particle such as "van"), no organisation words.
 */
export function looksLikePerson(text: string): boolean {
  const trimmed = text.trim();
  if (isPlaceholderName(trimmed)) return true;
  if (looksLikeOrganisation(trimmed)) return false;
  const words = trimmed.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return words.every(
    (word) => /^[\p{Lu}\p{Lt}]/u.test(word) || PARTICLES.has(word) || /^\(\w+\)$/.test(word),
  );
}

/**
 * True when text starts with a lower-case letter: prose ("left", "pictured in 2019"). An
 * organisation written in lower case ("прес-служба АП", "epa") is not prose.
 */
export function looksLikeProse(text: string): boolean {
  const trimmed = text.trim();
  return /^\p{Ll}/u.test(trimmed) && !/\.[a-z]{2,4}\b/i.test(trimmed) && !ORG_PHRASES.test(trimmed);
}

/** People as a list reads: "A", "A and B", "A, B and C". */
export function listPeople(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Splits "A and B" / "A & B" into people when every part reads like a person, so that
 * "Art and Design Museum" stays whole.
 */
export function splitPeople(text: string): string[] {
  const parts = text.split(/\s+(?:and|&|und|et|y)\s+/i).map((part) => part.trim());
  if (parts.length > 1 && parts.every((part) => looksLikePerson(part))) return parts;
  return [text.trim()];
}
