/**
 * Small text measurements behind the caption checks: quotes made curly, quotes and brackets
 * without a partner, the length a reader sees, and where an IIM copy is cut.
 */
import { iimByteLength } from '../checks/iim-limits';

/** Straight quotes made curly: "a 'b' c" → “a ‘b’ c”, don't → don’t, '90s → ’90s. */
export function curlQuotes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const before = i === 0 ? '' : out[out.length - 1]!;
    const opensAfter = before === '' || /[\s([{\u2014\u2013/“‘-]/.test(before);
    if (ch === '"') out += opensAfter ? '“' : '”';
    else if (ch === "'") {
      if (/[\p{L}\p{N}]/u.test(before)) out += '’';
      else if (/\d/.test(text[i + 1] ?? '')) out += '’';
      else out += opensAfter ? '‘' : '’';
    } else out += ch;
  }
  return out;
}

/** Offsets of quotation marks never closed (or closing nothing): “ ” « » and straight ". */
export function unbalancedQuotes(text: string): number[] {
  const bad: number[] = [];
  const open: { at: number; close: string }[] = [];
  let straight: number | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') straight = straight === null ? i : null;
    else if (ch === '“' || ch === '«') open.push({ at: i, close: ch === '“' ? '”' : '»' });
    else if (ch === '”' || ch === '»') {
      const last = open[open.length - 1];
      if (last && last.close === ch) open.pop();
      else bad.push(i);
    }
  }
  if (straight !== null) bad.push(straight);
  for (const unclosed of open) bad.push(unclosed.at);
  return bad.sort((a, b) => a - b);
}

/** Offsets of brackets never closed or closing nothing: ( ) [ ] { }. */
export function unbalancedBrackets(text: string): number[] {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const bad: number[] = [];
  const open: { at: number; ch: string }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[' || ch === '{') open.push({ at: i, ch });
    else if (ch in pairs) {
      const last = open[open.length - 1];
      if (last && last.ch === pairs[ch]) open.pop();
      else bad.push(i);
    }
  }
  for (const unclosed of open) bad.push(unclosed.at);
  return bad.sort((a, b) => a - b);
}

/** Characters as a reader counts them: "👍🏽" and "é" written as e + accent are one each. */
export function visibleLength(text: string): number {
  let n = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) n++;
  return n;
}

/** The longest start of `value` that fits in `limit` UTF-8 bytes, never cutting a character. */
export function iimCut(value: string, limit: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of value) {
    const size = iimByteLength(ch);
    if (bytes + size > limit) break;
    bytes += size;
    end += ch.length;
  }
  return value.slice(0, end);
}
