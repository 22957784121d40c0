/**
 * Splits the credit a caption ends with from the caption: `… June 19, 2024. (AP
 * Photo/Ahn Young-joon)`, `… ceremony. REUTERS/Kim Hong-Ji`, `… 20 April 2016. epa/Harish
 * Tyagi`, `… 签名留念。李洋 摄`, `… 한라산 / 김호천 기자`. A caption that merely ends in a
 * remark — `(left)`, `(pictured in 2019)`, `(File photo)`, `(Kim Jong Un)` — is left whole: a
 * parenthesis is split off only when the parser is fairly sure it is a credit, and an
 * unbracketed signoff only when it also carries a credit's marks ("/", "via", a label, an
 * agency). A date sentence before the signoff ("December 2024.") stays in the caption, and
 * an editor's note after it ("SEARCH "GLOBAL POY" FOR THIS STORY.") stays with the caption,
 * marked as `note`.
 */
import { hasCreditParts } from './credit';
import { isUncasedScript } from './credit-names';
import { collapseSpaces, openingParenthesis } from './credit-text';
import { type AgencyRegistry, defaultAgencyRegistry } from './known-agencies';
import { parseCredit } from './parse-credit';

/** A caption and the credit that ended it ("" when there was none). */
export interface SplitCaption {
  caption: string;
  credit: string;
  /** An editor's note that followed the credit; it stays at the end of `caption`. */
  note?: string;
}

/** How sure the parser must be before text is taken out of a caption. */
export const SPLIT_CONFIDENCE = 0.5;
/** Longer tails are sentences, not signoffs. */
const MAX_SIGNOFF = 160;
const LABEL = /^(?:photos?|photo credit|credit|foto|pictures?)\s*:\s*/i;

/** Notes agencies append after the signoff, in capitals. */
const EDITOR_NOTE =
  /\s(?:SEARCH\s+["“][^"”]+["”]\s+FOR\b|TPX IMAGES OF\b|ATTENTION EDITORS\b|THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY|EDITORIAL USE ONLY\b|NO RESALES\b|NO ARCHIVES\b|REUTERS IS UNABLE TO INDEPENDENTLY VERIFY)/;

/** Where a signoff may start: after a sentence, a line, or a " / " (Korean and Polish pages). */
const BOUNDARY = /[.!?"”。！？]\s*(?:\/\s*)?|\n\s*|\s\/\s|\s#\s/g;

/** A label or © that starts a credit wherever it stands. */
const LABEL_START =
  /(?:^|[^\p{L}])([©ⓒ]|(?:Photograph(?:er)?|Photos?|Pictures?|Image credit|Photo credit|Credit|Foto|Фото)\s*:)/gu;

/** Words a credit may have in lower case; any other lower-case word means a sentence. */
const CREDIT_WORDS = new Set(['via', 'for', 'by', 'of', 'the', 'and', 'de', 'van', 'von', 'photo']);

/** Marks that an unbracketed tail is a signoff and not the end of a sentence. */
const SIGNOFF_MARK =
  /[/\\|—–]|\svia\s|\s-\s|\p{Ll}-\p{Lu}|\p{Lu}-\p{Lu}|\sphoto$|\sfor\s\p{Lu}|^special to\s/iu;

function hasSentenceWords(text: string, registry: AgencyRegistry): boolean {
  return text
    .split(/[\s/,;]+/)
    .some(
      (word) => /^\p{Ll}{3,}$/u.test(word) && !CREDIT_WORDS.has(word) && !registry.lookup(word),
    );
}

function isCredit(text: string, registry: AgencyRegistry, bracketed: boolean): boolean {
  const parsed = parseCredit(text, registry);
  if (!hasCreditParts(parsed) || parsed.confidence < SPLIT_CONFIDENCE) return false;
  if (bracketed) return true;
  // Unbracketed, a tail must look like a signoff, not the end of a sentence naming "Reuters".
  if (hasSentenceWords(text.replace(/^[^:：]{1,24}[:：]/, ''), registry)) return false;
  if (isUncasedScript(text)) return text.length <= 40 && !/[。！？，,]/.test(text);
  return (
    SIGNOFF_MARK.test(text) ||
    (parsed.labels?.length ?? 0) > 0 ||
    registry.lookup(text) !== undefined
  );
}

/** "新华社发(高建中 摄)": the agency before a bracketed Chinese byline belongs to the credit. */
const HAN_DISTRIBUTED = /[\p{Script=Han}]{2,8}(?:发|發)\s*[(（][^()（）]*(?:摄|攝)[)）]$/u;

function splitBody(whole: string, registry: AgencyRegistry): SplitCaption | null {
  const han = HAN_DISTRIBUTED.exec(whole);
  if (han && isCredit(han[0], registry, true)) {
    return { caption: whole.slice(0, han.index).trim(), credit: han[0] };
  }
  const open = whole.endsWith(']') ? whole.lastIndexOf('[') : openingParenthesis(whole);
  if (open >= 0) {
    const inside = collapseSpaces(whole.slice(open + 1, -1));
    if (open > 0 && !inside.includes('[') && isCredit(inside, registry, true)) {
      return { caption: whole.slice(0, open).trim(), credit: inside.replace(LABEL, '') };
    }
    return null;
  }
  // Try each sentence end from the last: "… Laverty" is not a credit, "REUTERS/Duane A. Laverty" is.
  const starts: number[] = [];
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(whole); match; match = BOUNDARY.exec(whole)) {
    starts.push(match.index + match[0].length);
  }
  // A credit may also start with no sentence end before it: "…December 25© Valery
  // Matytsin/TASS", "…in Pretoria Photograph: Muhammed Muheisen/AP".
  LABEL_START.lastIndex = 0;
  for (let match = LABEL_START.exec(whole); match; match = LABEL_START.exec(whole)) {
    starts.push(match.index + match[0].length - match[1]!.length);
  }
  starts.sort((a, b) => a - b);
  let best = -1;
  for (const start of starts.reverse()) {
    if (start >= whole.length) continue;
    const tail = whole.slice(start);
    if (tail.length > MAX_SIGNOFF) break;
    // Once a credit is found, a longer tail wins only when what it adds reads as part of a
    // name ("REUTERS/Duane A." before "Laverty"), never as a sentence of the caption or a
    // date ("December 2024.").
    if (best >= 0) {
      const added = whole.slice(start, best);
      if (!/\p{L}/u.test(added)) continue;
      if (hasSentenceWords(added, registry) || /\d/.test(added) || /^\s*[(（]/.test(added)) break;
    }
    if (isCredit(collapseSpaces(tail), registry, false)) best = start;
  }
  if (best < 0) return null;
  return {
    caption: whole
      .slice(0, best)
      .replace(/\s*[/#]\s*$/, '')
      .trim(),
    credit: collapseSpaces(whole.slice(best))
      .replace(/^[/|]\s*/, '')
      .replace(LABEL, ''),
  };
}

/** The caption and its trailing credit; never throws. */
export function splitCaption(
  text: string,
  registry: AgencyRegistry = defaultAgencyRegistry,
): SplitCaption {
  const whole = (text ?? '').trim();
  const keep: SplitCaption = { caption: whole, credit: '' };
  if (!whole) return keep;
  const note = EDITOR_NOTE.exec(whole);
  if (note) {
    const split = splitBody(whole.slice(0, note.index).trim(), registry);
    const noteText = whole.slice(note.index).trim();
    if (split)
      return { caption: `${split.caption} ${noteText}`, credit: split.credit, note: noteText };
  }
  return splitBody(whole, registry) ?? keep;
}
