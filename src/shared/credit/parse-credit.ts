/**
 * Reads a printed credit into its parts, recognises the house style it was printed in and
 * says how sure it is. Never throws: text that is not a credit comes back as style
 * 'unknown' with a low confidence and the text kept in `raw`.
 *
 * The parser reads the structure once (prefixes, "via" chain, "/"- and ","-separated
 * segments); a style counts as recognised only when printing the parts in that style gives
 * the text back, so "format in the recognised style" always round-trips.
 */
import {
  CREDIT_STYLE_IDS,
  type Credit,
  type CreditStyleId,
  hasCreditParts,
  isStaffShape,
  makeCredit,
  type ParsedCredit,
} from './credit';
import {
  isPlaceholderName,
  looksLikeOrganisation,
  looksLikePerson,
  looksLikeProse,
  splitPeople,
} from './credit-names';
import { collapseSpaces, creditTextKey, stripOuterParentheses } from './credit-text';
import { formatCredit } from './format-credit';
import { type AgencyRegistry, defaultAgencyRegistry } from './known-agencies';

/** Labels printed before a credit ("Photo: …"); not part of it. */
const LABEL = /^(?:photos?|photo credit|credit|foto|fotos|pictures?|images?)\s*:\s*/i;
const FILE_SUFFIX = /\s*[,/]\s*(?:file(?:\s+photo)?|files)$/i;
const COURTESY_PREFIX = /^(?:photo\s+)?courtesy(?:\s+of)?\s+/i;
const BY_PREFIX = /^(?:(staff)\s+)?(?:photos?|photograph|pictures?)\s+by\s+/i;
const POOL = /^(?:.*\s)?pool(?:\s+photo)?$/i;

/** What the structural reading found, besides the parts. */
interface Reading {
  parts: Omit<Credit, 'staff' | 'raw'>;
  staffMarker: boolean;
  /** Some marker says this is a credit: a prefix, "via", a pool, a handout, a label. */
  strong: boolean;
  /** Known agencies named. */
  known: number;
  /** Segments classified by a weak heuristic. */
  guesses: number;
  /** Segments that read like prose ("left", "pictured in 2019"). */
  junk: number;
  /** How many "/"- or ","-separated segments the main part had. */
  segments: number;
}

/** Removes what surrounds a credit: parentheses, a "Photo:" label, a final full stop. */
export function trimCreditText(text: string): string {
  return collapseSpaces(stripOuterParentheses(text))
    .replace(LABEL, '')
    .replace(/[\s.;]+$/, '')
    .trim();
}

function read(text: string, registry: AgencyRegistry): Reading {
  const parts = makeCredit();
  const reading: Reading = {
    parts,
    staffMarker: false,
    strong: LABEL.test(collapseSpaces(stripOuterParentheses(text))),
    known: 0,
    guesses: 0,
    junk: 0,
    segments: 0,
  };
  let s = trimCreditText(text).replace(/\\/g, '/');
  const file = FILE_SUFFIX.exec(s);
  if (file) {
    parts.file = true;
    reading.strong = true;
    s = s.slice(0, file.index).trim();
  }
  const courtesy = COURTESY_PREFIX.exec(s);
  if (courtesy) {
    parts.courtesy = true;
    reading.strong = true;
    s = s.slice(courtesy[0].length);
  }
  const by = BY_PREFIX.exec(s);
  if (by) {
    reading.strong = true;
    if (by[1]) reading.staffMarker = true;
    s = s.slice(by[0].length);
  }
  const [main = '', ...via] = s.split(/\s+via\s+/i).map((piece) => piece.trim());
  for (const name of via) {
    if (!name) continue;
    parts.via.push(name);
    reading.strong = true;
    if (registry.lookup(name)) reading.known++;
    else if (/[/,]/.test(name) || looksLikeProse(name)) reading.junk++;
  }
  const segments = main.split(/\s*[/,;]\s*/).filter((segment) => segment !== '');
  reading.segments = segments.length;
  let agencyFirst = false;
  const personSegments: { index: number; names: string[] }[] = [];
  segments.forEach((segment, index) => {
    const photoMarker = /^(.+?)\s+photo$/i.exec(segment);
    const markerEntry = photoMarker ? registry.lookup(photoMarker[1]!) : undefined;
    if (index === 0 && photoMarker && markerEntry && markerEntry.kind !== 'pool') {
      parts.agencies.push(photoMarker[1]!);
      reading.known++;
      reading.strong = true;
      agencyFirst = true;
      return;
    }
    if (POOL.test(segment)) {
      if (parts.pool) reading.guesses++;
      parts.pool = segment.replace(/\s+photo$/i, '');
      reading.strong = true;
      return;
    }
    if (/^handout(?:\s+photo)?$/i.test(segment)) {
      parts.handout = true;
      reading.strong = true;
      return;
    }
    if (/^staff(?:\s+photo(?:grapher)?)?$/i.test(segment)) {
      reading.staffMarker = true;
      reading.strong = true;
      return;
    }
    if (/^files?(?:\s+photo)?$/i.test(segment)) {
      parts.file = true;
      return;
    }
    const entry = registry.lookup(segment);
    if (entry && entry.kind !== 'pool') {
      parts.agencies.push(segment);
      reading.known++;
      if (index === 0 && segments.length > 1 && !by) agencyFirst = true;
      return;
    }
    if (entry) {
      parts.pool = segment;
      return;
    }
    const personLike =
      looksLikePerson(segment) || isPlaceholderName(segment) || splitPeople(segment).length > 1;
    const named = agencyFirst || (by && index === 0);
    // After "AP Photo/" or "Photo by", lower-case text is still a name ("ap photo/ahn young-joon").
    if (looksLikeProse(segment) && !parts.courtesy && !named) {
      reading.junk++;
    } else if (looksLikeOrganisation(segment) && !isPlaceholderName(segment)) {
      parts.agencies.push(segment);
    } else if (personLike || named) {
      const names = splitPeople(segment);
      parts.creators.push(...names);
      personSegments.push({ index, names });
    } else {
      // A single capitalised word or an acronym: more often a small agency than a person.
      parts.agencies.push(segment);
      reading.guesses++;
    }
  });
  // "Jane Doe/Daily Bugle": with no agency found, the last of several names is the agency.
  const lastPerson = personSegments[personSegments.length - 1];
  if (
    parts.agencies.length === 0 &&
    !agencyFirst &&
    personSegments.length >= 2 &&
    lastPerson &&
    lastPerson.names.length === 1
  ) {
    parts.creators.pop();
    parts.agencies.push(lastPerson.names[0]!);
    reading.guesses++;
  }
  return reading;
}

/** Without a style's marks, the plain styles are tried first: "Jane Doe/Daily Bugle". */
const FALLBACK_ORDER: readonly CreditStyleId[] = [
  'newspaper',
  'comma',
  'ap',
  'getty',
  'reuters',
  'afp',
  'epa',
];

/** Styles whose marks the text carries come first, so "KCNA via REUTERS" reads as Reuters. */
function candidateStyles(text: string): CreditStyleId[] {
  const cues: Partial<Record<CreditStyleId, RegExp>> = {
    ap: /\bAP\b/,
    reuters: /\bREUTERS\b/,
    getty: /^photo (?:by|courtesy)|getty images/i,
    afp: / \/ /,
    epa: /\bEPA\b/,
  };
  const cued = CREDIT_STYLE_IDS.filter((id) => cues[id]?.test(text));
  return [...cued, ...FALLBACK_ORDER.filter((id) => !cued.includes(id))];
}

/** The style that prints `credit` as exactly `text`, if any. */
function recogniseStyle(
  credit: Credit,
  text: string,
  registry: AgencyRegistry,
): CreditStyleId | 'unknown' {
  const trimmed = trimCreditText(text);
  const target = creditTextKey(trimmed);
  for (const style of candidateStyles(trimmed)) {
    if (creditTextKey(formatCredit(credit, style, { registry })) === target) return style;
  }
  return 'unknown';
}

function confidenceOf(reading: Reading, credit: Credit, recognised: boolean): number {
  if (!hasCreditParts(credit)) return reading.parts.file ? 0.1 : 0;
  if (reading.junk > 0) return 0.15;
  const namesBoth = credit.creators.length > 0 && credit.agencies.length > 0;
  if (!reading.strong && reading.known === 0 && !(namesBoth && reading.segments > 1)) return 0.25;
  let confidence = recognised ? 0.95 : 0.7;
  if (!reading.strong && reading.segments <= 1) confidence = 0.6;
  if (credit.agencies.length === 0 && credit.via.length === 0 && !credit.pool) {
    confidence = Math.min(confidence, 0.7);
  }
  return Math.max(0.3, Math.round((confidence - 0.1 * reading.guesses) * 100) / 100);
}

/**
 * Reads a credit ("AP Photo/Ahn Young-joon", "(Gavriil Grigorov, Sputnik, Kremlin Pool
 * Photo via AP)", "Photo by Sergei Bobylev\TASS via Getty Images", …) into its parts.
 */
export function parseCredit(
  text: string,
  registry: AgencyRegistry = defaultAgencyRegistry,
): ParsedCredit {
  const raw = typeof text === 'string' ? text : '';
  try {
    const reading = read(raw, registry);
    const credit: Credit = {
      ...reading.parts,
      staff: reading.staffMarker || isStaffShape(reading.parts),
      raw,
    };
    const plausible = hasCreditParts(credit) && reading.junk === 0;
    const style = plausible ? recogniseStyle(credit, raw, registry) : 'unknown';
    const confidence = confidenceOf(reading, credit, style !== 'unknown');
    return { ...credit, style: confidence >= 0.5 ? style : 'unknown', confidence };
  } catch {
    // Deliberately total: whatever went wrong, the caller gets the text back as unknown.
    return { ...makeCredit({ raw }), style: 'unknown', confidence: 0 };
  }
}
