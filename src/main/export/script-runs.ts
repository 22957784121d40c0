/**
 * Splits text into runs by the font that draws them (font-coverage.ts says which), and tells
 * CJK text (Han, Hangul, Kana, CJK punctuation and full-width forms) and right-to-left text
 * apart. PDF has no font fallback of its own, so the writer picks the font per run, and
 * leaves out the emoji no font has (withoutUndrawableEmoji).
 */

const CJK =
  /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u318F\u31A0-\u31FF\u3200-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\u{20000}-\u{3134F}]/u;
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
const LTR_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u052F]/gu;

/** A stretch of text set in one font. */
export interface ScriptRun<Font extends string> {
  text: string;
  font: Font;
}

/** True when the text has any character the CJK font must draw. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * The text cut into runs by the font that draws each character, in order. `fontOf` answers
 * null for a character that can join the run it is in (a space, a joiner), so runs stay few
 * and an emoji with its skin-tone modifier or variation selector stays whole.
 */
export function scriptRuns<Font extends string>(
  text: string,
  fontOf: (char: string) => Font | null,
  fallback: Font,
): ScriptRun<Font>[] {
  const runs: ScriptRun<Font>[] = [];
  for (const char of text) {
    const font = fontOf(char);
    const last = runs[runs.length - 1];
    if (last && (font === null || last.font === font)) last.text += char;
    else runs.push({ text: char, font: font ?? fallback });
  }
  return runs;
}

/** A character that makes a grapheme an emoji or a pictographic symbol (or a flag, a keycap). */
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Presentation}|\p{Regional_Indicator}|\u20E3/u;
/** Skin-tone modifiers: a monochrome font draws them as swatches beside the emoji. */
const SKIN_TONES = /[\u{1F3FB}-\u{1F3FF}]/gu;
const PUNCTUATION_AFTER = /^[.,;:!?)\]}»”’]/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Text made fit for fonts without colour emoji, and the emoji taken out of it. */
export interface DrawableText {
  text: string;
  /** Each emoji (a whole grapheme: with its modifiers, joiners, flags) that was left out. */
  dropped: string[];
}

/**
 * Takes out the emoji that no font of a sheet can draw, whole (a 🫶🏻 or a 👨‍👩‍👧, not the
 * part that happens to have a glyph), with the space that would be left doubled, instead
 * of leaving boxes that copy as nothing; and the skin-tone modifiers of emoji that are
 * drawn, which the monochrome fonts a PDF can embed show as a square beside the emoji.
 */
export function withoutUndrawableEmoji(
  text: string,
  canDraw: (char: string) => boolean,
): DrawableText {
  if (!EMOJI.test(text)) return { text, dropped: [] };
  let out = '';
  const dropped: string[] = [];
  let afterDrop = false;
  for (const { segment } of graphemes.segment(text)) {
    let kept = segment;
    if (EMOJI.test(segment)) {
      if (![...segment].every(canDraw)) {
        dropped.push(segment);
        // A keycap (1️⃣, #️⃣) keeps its digit or sign.
        const key = /^[0-9#*]/u.exec(segment)?.[0];
        if (key) out += key;
        afterDrop = !key;
        continue;
      }
      if ([...segment].length > 1) kept = segment.replace(SKIN_TONES, '');
    }
    if (afterDrop) {
      afterDrop = false;
      // "cheer 🫠 loudly" → "cheer loudly", "smiling 🥲." → "smiling.", "🫠 Fans" → "Fans".
      if (/^[ \t]+$/u.test(kept) && (out === '' || /\s$/u.test(out))) continue;
      if (PUNCTUATION_AFTER.test(kept) || /^[\r\n]/u.test(kept)) out = out.replace(/[ \t]+$/u, '');
    }
    out += kept;
  }
  if (afterDrop) out = out.replace(/[ \t]+$/u, '');
  return { text: out, dropped };
}

/** True when right-to-left letters (Arabic, Hebrew) outnumber left-to-right ones. */
export function isRightToLeft(text: string): boolean {
  const rtl = text.match(RTL_LETTER)?.length ?? 0;
  if (rtl === 0) return false;
  return rtl > (text.match(LTR_LETTER)?.length ?? 0);
}
