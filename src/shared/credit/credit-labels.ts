/**
 * What surrounds a credit without being part of it: labels ("Photo:", "Mandatory Credit:",
 * "©", "Фото:", "Fot.", "사진="), agency order numbers ("(16507315bs)"), restriction notes
 * ("(PHOTO NOT FOR SALE)"), e-mail addresses, brackets and trailing full stops. Reading them
 * off returns the bare credit, what was read off (so the original can be shown) and what
 * the labels say about the credit (an illustration, a pool, lent by its owner).
 */
import { collapseSpaces } from './credit-text';

/** The bare credit and what was read off it. */
export interface Undressed {
  text: string;
  labels: string[];
  illustration: boolean;
  courtesy: boolean;
  /** "Pool photo by …". */
  pool: boolean;
  /** "Staff photo by …". */
  staff: boolean;
  /** A label that names the people next ("Photo by", "автор фото", "Photographer:"). */
  byPeople: boolean;
}

interface Label {
  pattern: RegExp;
  illustration?: boolean;
  courtesy?: boolean;
  pool?: boolean;
  staff?: boolean;
  byPeople?: boolean;
}

// Longest first where one label starts another ("Photo credit should read" before "Photo").
const LEADING: readonly Label[] = [
  { pattern: /^(?:©|ⓒ|\(c\)|copyright\b)\s*/i },
  { pattern: /^mandatory\s+credit\s*[:.]?\s*/i },
  { pattern: /^(?:credit\s+image|image\s+credit|photo\s+credit|picture\s+credit)s?\s*[:.]\s*/i },
  { pattern: /^photo\s+credit\s+should\s+read\s*:?\s*/i, byPeople: true },
  { pattern: /^(?:credit|source|quelle|fuente)\s*:\s*/i },
  { pattern: /^(?:photo\s+)?illustration\s+by\s*:?\s*/i, illustration: true, byPeople: true },
  { pattern: /^(?:photo\s+)?illustration\s*:\s*/i, illustration: true },
  { pattern: /^pool\s+photo(?:graph)?s?\s+by\s*:?\s*/i, pool: true, byPeople: true },
  { pattern: /^staff\s+photo(?:graph)?s?\s+by\s*:?\s*/i, staff: true, byPeople: true },
  { pattern: /^photo\s+courtesy\s+(?:of\s+)?/i, courtesy: true },
  {
    pattern:
      /^(?:photos?|photographs?|pictures?|images?|fotos?)(?:\s+and\s+(?:caption|text|words))?\s+(?:shot\s+)?by\s*:?\s*/i,
    byPeople: true,
  },
  { pattern: /^photograph(?:er|y)?\s*:\s*/i, byPeople: true },
  { pattern: /^(?:photos?|pictures?|images?|foto|fotos|fotograf[ií]a)\s*:\s*/i },
  { pattern: /^fot\.\s*/i, byPeople: true },
  // Russian and Ukrainian: "Фото:", "автор фото", "фотограф".
  { pattern: /^(?:автор\s+фото|фотограф|фото)(?=[\s:—–-]|$)\s*[:—–-]?\s*/i, byPeople: true },
  // Korean 사진=, Japanese 写真:, Chinese 图/圖/图片来源/图源/摄影.
  { pattern: /^(?:사진|写真|写真提供|图片来源|圖片來源|图源|圖源|图|圖|摄影|攝影)\s*[=:：/]\s*/u },
  // Arabic and Persian: "صورة:", "تصوير", "عکس:".
  { pattern: /^(?:صورة|تصوير|عکس|عكس)\s*[:：]?\s*/u, byPeople: true },
];

/** Notes that travel with a credit but are not part of it. */
const NOTE =
  /\((?:photo\s+)?not\s+for\s+sale\)|\((?:for\s+)?editorial\s+use\s+only\)|\(no\s+(?:sales|archives|resales)\)|\(restricted[^)]*\)/gi;

/** An agency's order number after the credit: "(16507315bs)". */
const ORDER_NUMBER = /\s*\(\s*\d{4,}[a-z]{0,4}\s*\)\s*$/i;

const EMAIL = /\s*\S+@\S+\.\S+$/;

const BRACKETS: Readonly<Record<string, string>> = {
  '(': ')',
  '[': ']',
  '（': '）',
  '【': '】',
};

/** The text without one pair of brackets around all of it, or null. */
function unwrap(text: string): string | null {
  const close = BRACKETS[text[0] ?? ''];
  if (!close || !text.endsWith(close)) return null;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === text[0]) depth++;
    else if (text[i] === close && --depth === 0 && i < text.length - 1) return null;
  }
  return text.slice(1, -1).trim();
}

/**
 * "(Pool photo) (Yonhap)" is one credit in two brackets: the parts, joined by "/". Null when
 * the text is not a run of bracketed groups.
 */
function bracketRun(text: string): string | null {
  const groups = text.match(/\([^()]*\)/g);
  if (
    !groups ||
    groups.length < 2 ||
    groups.join('').replace(/\s/g, '') !== text.replace(/\s/g, '')
  ) {
    return null;
  }
  return groups.map((group) => group.slice(1, -1).trim()).join('/');
}

/** Reads labels, brackets, notes and order numbers off a credit. Never throws. */
export function undressCredit(input: string): Undressed {
  const found: Undressed = {
    text: '',
    labels: [],
    illustration: false,
    courtesy: false,
    pool: false,
    staff: false,
    byPeople: false,
  };
  let s = collapseSpaces(input);
  for (let round = 0; round < 6; round++) {
    const before = s;
    const order = s.endsWith(')') ? ORDER_NUMBER.exec(s) : null;
    if (order) {
      found.labels.push(order[0].trim());
      s = s.slice(0, order.index).trim();
    }
    if (s.includes('(')) {
      const noted = s.replace(NOTE, (note) => {
        found.labels.push(note);
        return '';
      });
      if (noted !== s) s = collapseSpaces(noted);
    }
    const email = s.includes('@') ? EMAIL.exec(s) : null;
    if (email && email.index > 0) {
      found.labels.push(email[0].trim());
      s = s.slice(0, email.index).trim();
    }
    s = s.replace(/^(?:[/|]\s*|[•·–—-]\s+)/, '').replace(/[\s.;:/|]+$/, '');
    s = unwrap(s) ?? bracketRun(s) ?? s;
    for (const label of LEADING) {
      const match = label.pattern.exec(s);
      if (!match || match[0].length === s.length) continue;
      found.labels.push(match[0].trim());
      s = s.slice(match[0].length).trim();
      if (label.illustration) found.illustration = true;
      if (label.courtesy) found.courtesy = true;
      if (label.pool) found.pool = true;
      if (label.staff) found.staff = true;
      if (label.byPeople) found.byPeople = true;
      break;
    }
    if (s === before) break;
  }
  found.text = s;
  return found;
}

/** A label at the start of one segment ("фотограф Алексей Межуев", "Courtesy Everett"). */
export function segmentLabel(segment: string): { rest: string; courtesy: boolean } | null {
  const courtesy = /^courtesy(?:\s+of)?\s+/i.exec(segment);
  if (courtesy) return { rest: segment.slice(courtesy[0].length), courtesy: true };
  const photographer = /^(?:фотограф|photographer|photo|фото|fot\.)(?=[\s:])\s*:?\s+/i.exec(
    segment,
  );
  if (photographer && photographer[0].length < segment.length) {
    return { rest: segment.slice(photographer[0].length), courtesy: false };
  }
  return null;
}
