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
import { segmentLabel, undressCredit } from './credit-labels';
import {
  isAcronym,
  isPlaceholderName,
  isUncasedScript,
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
/** Separators other than "/" and ",": "A | B", "A — B", "A – B", "AFP - HANDOUT". */
const OTHER_SEPARATORS = /\s+[|–—]\s+|\s*—\s*|\s+-\s+/g;
/** "Jane Doe for The New York Times", "Special to The Washington Post". */
const FOR_PUBLICATION = /^(?:(.*?)\s+|)(?:for|special\s+to)\s+(\S.*)$/i;
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
  /** The segments read by their shape only, for the doubt message. */
  guessed: string[];
  /** Labels and decorations read off. */
  labels: string[];
  publication: string;
  illustration: boolean;
  /** The text without its labels and decorations. */
  bare: string;
}

/**
 * Removes what surrounds a credit: parentheses, labels ("Photo:", "Mandatory Credit:", "©",
 * "Фото:"), order numbers, notes and a final full stop.
 */
export function trimCreditText(text: string): string {
  return undressCredit(text).text;
}

/** The text as a house style may print it: only brackets, "Photo:" and a full stop removed. */
function styleText(text: string): string {
  return collapseSpaces(stripOuterParentheses(text))
    .replace(LABEL, '')
    .replace(/[\s.;]+$/, '')
    .trim();
}

/** Chinese: "新华社记者 陈思汗 摄", "新华社发(高建中 摄)", "中新社发 王瑶 摄", "李洋 摄". */
const HAN_CREDIT =
  /^(?:(?<agency>[\p{Script=Han}]{2,8}?)(?:记者|記者|发|發|供图|供圖)\s*[(（]?\s*)?(?<names>[\p{Script=Han}·]{2,4}(?:[\s、,，和][\p{Script=Han}·]{2,4})*)\s*(?:摄|攝|拍摄|拍攝)\s*[)）]?$/u;
/** Korean: "김호천 기자", "연합뉴스 김호천 기자". */
const KOREAN_REPORTER =
  /^(?:(?<agency>\S+)\s+)?(?<names>[\p{Script=Hangul}]{2,4}(?:[\s·,][\p{Script=Hangul}]{2,4})*)\s*(?:기자|특파원|선임기자)$/u;
/** Korean "인제군 제공", Japanese "防衛省提供", Chinese "外交部供图": lent by its owner. */
const PROVIDED = /^(?<owner>.+?)\s*(?:제공|提供|供图|供圖)$/u;

/** Reads the shapes of credits in scripts without "/" chains; null for other text. */
function readScriptCredit(
  text: string,
  registry: AgencyRegistry,
): Omit<Credit, 'staff' | 'raw'> | null {
  if (!isUncasedScript(text)) return null;
  const parts = makeCredit();
  const han = HAN_CREDIT.exec(text);
  const korean = han ? null : KOREAN_REPORTER.exec(text);
  const match = han ?? korean;
  if (match?.groups) {
    const { agency, names = '' } = match.groups;
    if (agency) parts.agencies.push(agency);
    parts.creators.push(...names.split(/[\s、,，和·]+/u).filter(Boolean));
    return parts;
  }
  const provided = PROVIDED.exec(text);
  if (provided?.groups?.owner) {
    parts.agencies.push(provided.groups.owner);
    parts.courtesy = true;
    return parts;
  }
  const entry = registry.lookup(text);
  if (entry?.kind === 'pool') {
    parts.pool = text;
    return parts;
  }
  if (entry) {
    parts.agencies.push(text);
    return parts;
  }
  return null;
}

function read(text: string, registry: AgencyRegistry): Reading {
  const parts = makeCredit();
  const undressed = undressCredit(text);
  const reading: Reading = {
    parts,
    staffMarker: undressed.staff,
    strong: undressed.labels.length > 0,
    known: 0,
    guesses: 0,
    junk: 0,
    segments: 0,
    guessed: [],
    labels: undressed.labels,
    publication: '',
    illustration: undressed.illustration,
    bare: undressed.text,
  };
  if (undressed.pool) parts.pool = 'Pool';
  if (undressed.courtesy) parts.courtesy = true;
  const scripted = readScriptCredit(undressed.text, registry);
  if (scripted) {
    Object.assign(parts, { ...scripted, courtesy: scripted.courtesy || parts.courtesy });
    reading.strong = true;
    reading.segments = 1;
    reading.known =
      scripted.agencies.filter((name) => registry.lookup(name)).length + (scripted.pool ? 1 : 0);
    return reading;
  }
  let s = undressed.text
    .replace(/\\/g, '/')
    .replace(OTHER_SEPARATORS, '/')
    .replace(/\s*\/\s*via\s+/gi, ' via ');
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
  const byMatch = BY_PREFIX.exec(s);
  if (byMatch) {
    reading.strong = true;
    if (byMatch[1]) reading.staffMarker = true;
    s = s.slice(byMatch[0].length);
  }
  const by = byMatch !== null || undressed.byPeople;
  const [main = '', ...via] = s.split(/\s+via\s+/i).map((piece) => piece.trim());
  for (const name of via) {
    if (!name) continue;
    parts.via.push(name);
    reading.strong = true;
    if (registry.lookup(name)) reading.known++;
    else if (/[/,]/.test(name) || looksLikeProse(name)) reading.junk++;
  }
  const segments = main
    .split(/\s*[/,;]\s*/)
    .filter((segment) => segment !== '')
    .flatMap((segment) => splitHyphenatedAgency(segment, registry));
  reading.segments = segments.length;
  let agencyFirst = false;
  const personSegments: { index: number; names: string[] }[] = [];
  for (let index = 0; index < segments.length; index++) {
    let segment = segments[index]!;
    // A renamed agency printed old and new: "EPA/EFE", "Rex Features/Shutterstock".
    const next = segments[index + 1];
    if (next && registry.lookup(`${segment}/${next}`)) {
      parts.agencies.push(`${segment}/${next}`);
      reading.known++;
      index++;
      continue;
    }
    const label = segmentLabel(segment);
    if (label) {
      segment = label.rest;
      if (label.courtesy) parts.courtesy = true;
    }
    const forPublication = FOR_PUBLICATION.exec(segment);
    const forWhom = (forPublication?.[1] ?? '').trim();
    if (
      forPublication &&
      /^(?:the\s|\p{Lu}|\p{Lo})/iu.test(forPublication[2]!) &&
      (!forWhom ||
        looksLikePerson(forWhom) ||
        registry.lookup(forWhom) ||
        isPlaceholderName(forWhom))
    ) {
      reading.publication = forPublication[2]!;
      reading.strong = true;
      segment = (forPublication[1] ?? '').trim();
      if (!segment) continue;
    }
    const photoMarker = /^(.+?)\s+photo$/i.exec(segment);
    const markerEntry = photoMarker ? registry.lookup(photoMarker[1]!) : undefined;
    if (
      index === 0 &&
      photoMarker &&
      ((markerEntry && markerEntry.kind !== 'pool') || isAcronym(photoMarker[1]!))
    ) {
      parts.agencies.push(photoMarker[1]!);
      if (markerEntry) reading.known++;
      reading.strong = true;
      agencyFirst = true;
      continue;
    }
    if (photoMarker && markerEntry?.kind === 'pool') {
      // "Joint Press Corps Photo": a known pool as AP prints it.
      parts.pool = photoMarker[1]!;
      reading.known++;
      reading.strong = true;
      continue;
    }
    const filesMarker = /^(.+?)\s+files?$/i.exec(segment);
    if (filesMarker && registry.lookup(filesMarker[1]!)) {
      parts.agencies.push(filesMarker[1]!);
      parts.file = true;
      reading.known++;
      continue;
    }
    const named = agencyFirst || (by && index === 0);
    const entry = registry.lookup(segment);
    const personShape = looksLikePerson(segment);
    // "Pool photo by Smiley N. Pool": a person whose name ends in "Pool".
    const namedPerson = (named || /\s\p{Lu}\.\s/u.test(segment)) && personShape && !entry;
    if (POOL.test(segment) && !namedPerson) {
      if (parts.pool && parts.pool !== 'Pool') reading.guesses++;
      parts.pool = segment.replace(/\s+photo$/i, '');
      reading.strong = true;
      continue;
    }
    if (/^handout(?:\s+photo)?$/i.test(segment)) {
      parts.handout = true;
      reading.strong = true;
      continue;
    }
    if (/^staff(?:\s+photo(?:grapher)?)?$/i.test(segment)) {
      reading.staffMarker = true;
      reading.strong = true;
      continue;
    }
    if (/^files?(?:\s+photo)?$/i.test(segment)) {
      parts.file = true;
      continue;
    }
    if (entry && entry.kind !== 'pool') {
      parts.agencies.push(segment);
      reading.known++;
      if (index === 0 && segments.length > 1 && !by) agencyFirst = true;
      continue;
    }
    if (entry) {
      parts.pool = segment;
      reading.known++;
      continue;
    }
    const placeholder = isPlaceholderName(segment);
    const organisation = !placeholder && looksLikeOrganisation(segment);
    const personLike =
      personShape ||
      placeholder ||
      (!organisation && / (?:and|&|und|et|y) /i.test(segment) && splitPeople(segment).length > 1);
    // After "AP Photo/" or "Photo by", lower-case text is still a name ("ap photo/ahn young-joon").
    if (looksLikeProse(segment) && !parts.courtesy && !named) {
      reading.junk++;
    } else if (organisation || (!placeholder && namesKnownAcronym(segment, registry))) {
      parts.agencies.push(segment);
    } else if (isAcronym(segment) && !named && !placeholder) {
      // KCNA, ISNA, NASA: capitals of two to five letters name an organisation.
      parts.agencies.push(segment);
    } else if (
      personLike ||
      named ||
      (isUncasedScript(segment) &&
        !parts.courtesy &&
        (segments.length > 1 || looksLikeUncasedName(segment)))
    ) {
      const names = splitPeople(segment);
      parts.creators.push(...names);
      personSegments.push({ index, names });
      if (!personLike && !named) {
        reading.guesses++;
        reading.guessed.push(segment);
      }
    } else {
      // A single capitalised word: more often a small agency than a person.
      parts.agencies.push(segment);
      reading.guesses++;
      reading.guessed.push(segment);
    }
  }
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
    reading.guessed.push(lastPerson.names[0]!);
  }
  if (parts.agencies.length > 1 || parts.via.length > 0) dedupeAgencies(parts, registry);
  return reading;
}

/**
 * An agency named twice ("VCG/VCG"), or also named as the distributor ("REUTERS/…/Handout
 * via Reuters"), is one agency.
 */
function dedupeAgencies(parts: Reading['parts'], registry: AgencyRegistry): void {
  parts.agencies = parts.agencies.filter(
    (name, i) =>
      parts.agencies.findIndex((other) => registry.same(other, name)) === i &&
      !(
        parts.via.some((distributor) => registry.same(distributor, name)) &&
        (parts.creators.length > 0 || parts.agencies.length > 1)
      ),
  );
}

/**
 * "Jake Roth-USA TODAY Sports", "AFP-Yonhap": a known agency joined to a name or another
 * agency by a hyphen. Text known whole ("EPA-EFE", "ITAR-TASS") stays whole.
 */
function splitHyphenatedAgency(segment: string, registry: AgencyRegistry): string[] {
  if (!segment.includes('-') || registry.lookup(segment)) return [segment];
  const at = segment.indexOf('-');
  for (let i = at; i >= 0; i = segment.indexOf('-', i + 1)) {
    const left = segment.slice(0, i).trim();
    const right = segment.slice(i + 1).trim();
    if (
      left &&
      right &&
      registry.lookup(right) &&
      (registry.lookup(left) || looksLikePerson(left))
    ) {
      return [left, right];
    }
  }
  return [segment];
}

/** A Chinese, Japanese or Korean personal name: two to four characters ("李洋", "김동민"). */
function looksLikeUncasedName(segment: string): boolean {
  return /^[\p{Script=Han}\p{Script=Hangul}]{2,4}$/u.test(segment);
}

/** "Serwis Wideo PAP": a mixed-case name with a known agency's initials in it. */
function namesKnownAcronym(segment: string, registry: AgencyRegistry): boolean {
  if (!/\p{Lu}\p{Lu}/u.test(segment) || segment === segment.toUpperCase()) return false;
  return segment
    .split(/\s+/)
    .some((word) => isAcronym(word) && registry.lookup(word) !== undefined);
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
  bareText: string,
  registry: AgencyRegistry,
): CreditStyleId | 'unknown' {
  // The text as printed first ("Photo by …" is Getty's), then without its labels.
  const trimmed = styleText(text);
  const styles = candidateStyles(trimmed);
  const printed: string[] = [];
  const printedKey = (i: number) => {
    printed[i] ??= creditTextKey(formatCredit(credit, styles[i]!, { registry }));
    return printed[i]!;
  };
  const asPrinted = creditTextKey(trimmed);
  for (let i = 0; i < styles.length; i++) if (printedKey(i) === asPrinted) return styles[i]!;
  const bare = creditTextKey(bareText);
  if (bare === asPrinted) return 'unknown';
  for (let i = 0; i < styles.length; i++) if (printedKey(i) === bare) return styles[i]!;
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

/** Below this the parse is marked for a person to look at. */
export const SURE_CONFIDENCE = 0.6;

/** Why a parse is unsure, in one line for a person; "" when it is sure. */
function doubtOf(reading: Reading, credit: Credit, confidence: number): string {
  if (!hasCreditParts(credit)) return 'No person, agency or pool found.';
  if (reading.junk > 0) return 'Part of the text reads like a sentence, not a credit.';
  if (reading.guessed.length) {
    const list = reading.guessed.map((text) => `"${text}"`).join(', ');
    return `Read by shape only: ${list}.`;
  }
  if (confidence < SURE_CONFIDENCE) return 'Nothing in the text marks it as a credit.';
  return '';
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
    if (reading.publication) credit.publication = reading.publication;
    if (reading.illustration) credit.illustration = true;
    const plausible = hasCreditParts(credit) && reading.junk === 0;
    const style = plausible ? recogniseStyle(credit, raw, reading.bare, registry) : 'unknown';
    const confidence = confidenceOf(reading, credit, style !== 'unknown');
    const parsed: ParsedCredit = {
      ...credit,
      style: confidence >= 0.5 ? style : 'unknown',
      confidence,
    };
    const doubt = doubtOf(reading, credit, confidence);
    if (doubt) parsed.doubt = doubt;
    if (reading.labels.length) parsed.labels = reading.labels;
    return parsed;
  } catch {
    // Deliberately total: whatever went wrong, the caller gets the text back as unknown.
    return { ...makeCredit({ raw }), style: 'unknown', confidence: 0 };
  }
}
