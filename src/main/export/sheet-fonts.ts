/**
 * The fonts a PDF contact sheet embeds: DejaVu Sans shipped in resources/fonts (Latin,
 * Cyrillic, Greek, Arabic, Hebrew and the commonest emoji on every machine), and a CJK font
 * and a symbol font (the emoji DejaVu lacks: 📷, flags) found on the system at run time,
 * because they are large and desktops have them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A font file, and the face to take from it when it is a collection (.ttc). */
export interface FontFace {
  path: string;
  /** The PostScript name of the face inside a .ttc; absent for a single-face file. */
  face?: string;
}

export interface SheetFonts {
  regular: FontFace;
  bold: FontFace;
  /** Chinese, Japanese and Korean; null when the system has none. */
  cjk: FontFace | null;
  /** Emoji and symbols in outline (colour bitmap fonts cannot go into a PDF); null: none. */
  symbol: FontFace | null;
}

// Outline fonts with the emoji blocks, best first: Debian's fonts-symbola, Noto Emoji (the
// monochrome one), Windows' Segoe UI Symbol, macOS's Apple Symbols.
const SYMBOL_CANDIDATES: readonly FontFace[] = [
  { path: '/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf' },
  { path: '/usr/share/fonts/TTF/Symbola.ttf' },
  { path: '/usr/share/fonts/gdouros-symbola/Symbola.ttf' },
  { path: '/usr/share/fonts/truetype/noto/NotoEmoji-Regular.ttf' },
  { path: 'C:\\Windows\\Fonts\\seguisym.ttf' },
  { path: '/System/Library/Fonts/Apple Symbols.ttf' },
];

// Places CJK fonts are installed by Debian/Ubuntu/Fedora packages, Windows and macOS, best first.
const CJK_CANDIDATES: readonly FontFace[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  {
    path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    face: 'NotoSansCJKsc-Regular',
  },
  {
    path: '/usr/share/fonts/opentype/source-han-sans/SourceHanSans-Regular.ttc',
    face: 'SourceHanSans-Regular',
  },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/truetype/nanum/NanumGothic.ttf' },
  { path: 'C:\\Windows\\Fonts\\malgun.ttf' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', face: 'MicrosoftYaHei' },
  { path: '/System/Library/Fonts/AppleSDGothicNeo.ttc', face: 'AppleSDGothicNeo-Regular' },
  { path: '/System/Library/Fonts/Supplemental/Arial Unicode.ttf' },
  { path: '/Library/Fonts/Arial Unicode.ttf' },
];

/** resources/fonts beside the app: found by walking up from this module (src/ or out/). */
export function resourceFontsDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, 'DejaVuSans.ttf'))) return candidate;
    dir = dirname(dir);
  }
  return null;
}

/** A face named as `file` or `file.ttc#PostScriptName`. */
function parseFace(text: string): FontFace {
  const hash = text.lastIndexOf('#');
  return hash > 0 ? { path: text.slice(0, hash), face: text.slice(hash + 1) } : { path: text };
}

/** What fontconfig offers for Korean (which also covers Chinese in the usual CJK fonts). */
function fontconfigCjk(): FontFace | null {
  if (process.platform !== 'linux') return null;
  try {
    const out = execFileSync('fc-list', [':lang=ko', 'file', 'postscriptname'], {
      encoding: 'utf8',
      timeout: 3000,
    });
    for (const line of out.split('\n')) {
      const match = /^(.+?\.(?:ttf|otf|ttc)): :postscriptname=(\S+)/i.exec(line.trim());
      if (match?.[1] && match[2]) {
        return match[1].toLowerCase().endsWith('.ttc')
          ? { path: match[1], face: match[2] }
          : { path: match[1] };
      }
    }
  } catch {
    // No fontconfig: the fixed list above is all there is.
  }
  return null;
}

/** What fontconfig offers with the camera emoji (U+1F4F7), leaving out colour fonts. */
function fontconfigSymbol(): FontFace | null {
  if (process.platform !== 'linux') return null;
  try {
    const out = execFileSync('fc-list', [':charset=1f4f7', 'file'], {
      encoding: 'utf8',
      timeout: 3000,
    });
    const file = out
      .split('\n')
      .map((line) => line.replace(/:\s*$/, '').trim())
      .find((path) => /\.(ttf|otf)$/i.test(path) && !/color/i.test(path));
    return file ? { path: file } : null;
  } catch {
    return null;
  }
}

let cached: SheetFonts | undefined;

/** The fonts for PDF sheets; throws when the shipped fonts are missing (a broken install). */
export function sheetFonts(): SheetFonts {
  if (cached) return cached;
  const dir = resourceFontsDir();
  if (!dir) throw new Error('The fonts in resources/fonts are missing; reinstall Cutline.');
  const named = process.env.CUTLINE_CJK_FONT;
  const cjk =
    (named && existsSync(parseFace(named).path) ? parseFace(named) : null) ??
    CJK_CANDIDATES.find((candidate) => existsSync(candidate.path)) ??
    fontconfigCjk();
  cached = {
    regular: { path: join(dir, 'DejaVuSans.ttf') },
    bold: { path: join(dir, 'DejaVuSans-Bold.ttf') },
    cjk,
    symbol:
      (process.env.CUTLINE_SYMBOL_FONT && existsSync(process.env.CUTLINE_SYMBOL_FONT)
        ? { path: process.env.CUTLINE_SYMBOL_FONT }
        : null) ??
      SYMBOL_CANDIDATES.find((candidate) => existsSync(candidate.path)) ??
      fontconfigSymbol(),
  };
  return cached;
}
