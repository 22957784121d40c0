/**
 * Splits text into runs by the font that draws them (font-coverage.ts says which), and tells
 * CJK text (Han, Hangul, Kana, CJK punctuation and full-width forms) and right-to-left text
 * apart. PDF has no font fallback of its own, so the writer picks the font per run.
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

/** True when right-to-left letters (Arabic, Hebrew) outnumber left-to-right ones. */
export function isRightToLeft(text: string): boolean {
  const rtl = text.match(RTL_LETTER)?.length ?? 0;
  if (rtl === 0) return false;
  return rtl > (text.match(LTR_LETTER)?.length ?? 0);
}
