/**
 * Splits the credit a caption ends with from the caption: `… June 19, 2024. (AP
 * Photo/Ahn Young-joon)` and `… ceremony. REUTERS/Kim Hong-Ji`. A caption that merely ends
 * in a remark — `(left)`, `(pictured in 2019)`, `(File photo)`, `(Kim Jong Un)` — is left
 * whole: a parenthesis is split off only when the parser is fairly sure it is a credit, and
 * an unbracketed signoff only when it also carries a credit's marks ("/", "via", "Photo by").
 */
import { hasCreditParts } from './credit';
import { collapseSpaces, openingParenthesis } from './credit-text';
import { type AgencyRegistry, defaultAgencyRegistry } from './known-agencies';
import { parseCredit } from './parse-credit';

/** A caption and the credit that ended it ("" when there was none). */
export interface SplitCaption {
  caption: string;
  credit: string;
}

/** How sure the parser must be before text is taken out of a caption. */
export const SPLIT_CONFIDENCE = 0.5;
/** Longer tails are sentences, not signoffs. */
const MAX_SIGNOFF = 160;
const LABEL = /^(?:photos?|photo credit|credit|foto|pictures?)\s*:\s*/i;

function isCredit(text: string, registry: AgencyRegistry, bracketed: boolean): boolean {
  const parsed = parseCredit(text, registry);
  if (!hasCreditParts(parsed) || parsed.confidence < SPLIT_CONFIDENCE) return false;
  if (bracketed) return true;
  // Unbracketed, a tail must look like a signoff, not the end of a sentence naming "Reuters".
  return parsed.style !== 'unknown' && /[/\\]|\svia\s|^photo\s+by\s|^\w+\s*:/i.test(text);
}

/** The caption and its trailing credit; never throws. */
export function splitCaption(
  text: string,
  registry: AgencyRegistry = defaultAgencyRegistry,
): SplitCaption {
  const whole = (text ?? '').trim();
  const keep: SplitCaption = { caption: whole, credit: '' };
  if (!whole) return keep;
  const open = openingParenthesis(whole);
  if (open >= 0) {
    const inside = collapseSpaces(whole.slice(open + 1, -1));
    if (open > 0 && isCredit(inside, registry, true)) {
      return { caption: whole.slice(0, open).trim(), credit: inside.replace(LABEL, '') };
    }
    return keep;
  }
  // Try each sentence end from the last: "… Laverty" is not a credit, "REUTERS/Duane A. Laverty" is.
  const starts: number[] = [];
  const boundary = /[.!?"”]\s+|\n\s*/g;
  for (let match = boundary.exec(whole); match; match = boundary.exec(whole)) {
    starts.push(match.index + match[0].length);
  }
  let best = -1;
  for (const start of starts.reverse()) {
    const tail = whole.slice(start);
    if (tail.length > MAX_SIGNOFF) break;
    // Once a credit is found, a longer tail wins only when what it adds reads as part of a
    // name ("REUTERS/Duane A." before "Laverty"), never as a sentence of the caption: a
    // sentence has lowercase words.
    if (best >= 0 && /(?:^|\s)\p{Ll}{3,}/u.test(whole.slice(start, best))) break;
    if (isCredit(collapseSpaces(tail), registry, false)) best = start;
  }
  if (best < 0) return keep;
  return {
    caption: whole.slice(0, best).trim(),
    credit: collapseSpaces(whole.slice(best)).replace(LABEL, ''),
  };
}
