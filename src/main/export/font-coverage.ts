/**
 * Which of a sheet's fonts draws each character. PDF has no font fallback of its own: the
 * writer must switch fonts itself wherever the main font has no glyph, or the reader sees
 * boxes. Asks each font's own character map (fontkit, which pdfkit embeds fonts with), so
 * no list of ranges goes stale as fonts gain glyphs.
 */
import * as fontkit from 'fontkit';
import type { FontFace, SheetFonts } from './sheet-fonts';

/** The font a run of text is set in: pdfkit's registered names (pdf-contact-sheet.ts). */
export type SheetFontKey = 'main' | 'cjk' | 'symbol';

export interface FontCoverage {
  /**
   * The font that draws the character (`main` also when none does: it shows a box), or null
   * for a character that can stay in whatever run it follows: spaces and ASCII punctuation,
   * which every font has, and joiners and variation selectors, which draw nothing.
   */
  fontFor(char: string): SheetFontKey | null;
  /** False when no font of the sheet has the character. */
  canDraw(char: string): boolean;
}

const NEUTRAL = /^[\s.,;:!?()"'-]$/;
/** Zero-width spaces and joiners, variation selectors (emoji or text style), tag characters. */
function isInvisible(char: string): boolean {
  const c = char.codePointAt(0) ?? 0;
  return (
    (c >= 0x200b && c <= 0x200f) ||
    c === 0x2060 ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    (c >= 0xe0020 && c <= 0xe007f)
  );
}

type GlyphMap = { hasGlyphForCodePoint(codePoint: number): boolean };

function open(face: FontFace | null): GlyphMap | null {
  if (!face) return null;
  try {
    const font = fontkit.openSync(face.path, face.face) as unknown as GlyphMap;
    return typeof font.hasGlyphForCodePoint === 'function' ? font : null;
  } catch {
    // A font that cannot be read is a font the sheet does without.
    return null;
  }
}

/** Coverage per set of fonts: reading a 17 MB CJK collection's tables once is enough. */
const known = new WeakMap<SheetFonts, FontCoverage>();

export function fontCoverage(fonts: SheetFonts): FontCoverage {
  let coverage = known.get(fonts);
  if (!coverage) {
    coverage = readCoverage(fonts);
    known.set(fonts, coverage);
  }
  return coverage;
}

function readCoverage(fonts: SheetFonts): FontCoverage {
  const main = open(fonts.regular);
  const cjk = open(fonts.cjk);
  const symbol = open(fonts.symbol);
  const cache = new Map<string, SheetFontKey | null>();
  const find = (char: string): SheetFontKey | null => {
    let key = cache.get(char);
    if (key !== undefined) return key;
    const codePoint = char.codePointAt(0) ?? 0;
    if (main?.hasGlyphForCodePoint(codePoint)) {
      key = 'main';
    } else if (cjk?.hasGlyphForCodePoint(codePoint)) {
      key = 'cjk';
    } else if (symbol?.hasGlyphForCodePoint(codePoint)) {
      key = 'symbol';
    } else {
      key = null;
    }
    cache.set(char, key);
    return key;
  };
  return {
    fontFor: (char) => (NEUTRAL.test(char) || isInvisible(char) ? null : (find(char) ?? 'main')),
    canDraw: (char) =>
      isInvisible(char) || (char.codePointAt(0) ?? 0) < 0x20 || find(char) !== null,
  };
}
