/**
 * Property tests without extra dependencies: a seeded generator (mulberry32) makes the runs
 * repeatable; a failure prints the seed's case.
 */
import { describe, expect, it } from 'vitest';
import {
  CREDIT_STYLE_IDS,
  type Credit,
  composeCredit,
  creditBlock,
  formatCredit,
  isStaffShape,
  makeCredit,
  parseCredit,
  splitCaption,
} from '../../../src/shared/credit';
import { comparableParts } from './credit-table';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = [
  'Ahn Young-joon',
  'Gavriil Grigorov',
  'Kristina Kormilitsyna',
  'Duane A. Laverty',
  'Óscar Cañas',
  'Jae C. Hong',
  "Callaghan O'Hare",
  'Kim Hong-Ji',
  'Pascal Le Segretain',
  'Ludwig van Dyke',
  'JUNG YEON-JE',
];
const AGENCIES = [
  'AP',
  'Reuters',
  'AFP',
  'Getty Images',
  'EPA-EFE',
  'TASS',
  'Sputnik',
  'Yonhap',
  'Korean Central News Agency',
  'Korea News Service',
  'Xinhua',
  'dpa',
  'Anadolu',
  'The New York Times',
  'Bloomberg',
  'NurPhoto',
  'Shutterstock',
  'SIPA',
  'ZUMA Press',
  'Kyodo',
  'UPI',
  'EFE',
  'ANSA',
  'Europa Press',
  'Mugwum Press',
  'Ukrainian Presidential Press Service',
  'Maxar Technologies',
  'phcimages.com',
];
const POOLS = ['', '', '', 'Pool', 'Kremlin Pool', 'White House Pool'];
const DISTRIBUTORS = ['AP', 'Reuters', 'Getty Images', 'AFP'];
const NOISE = [
  ...'/\\,;()[]{}.-—–_:"\'“”«»!?@#&*+=|<>~`^%$ \t\n',
  ...'aZ9ÄßçŁøñ中文한국어日本語Ωжאבعربي',
  '\u0301',
  '\u200b',
  '\ud83d\udcf7',
  ' via ',
  'Photo by ',
  'AP Photo',
  'Pool',
  'Handout',
  'Courtesy of ',
  ', File',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function some<T>(
  random: () => number,
  items: readonly T[],
  max: number,
  avoid: readonly T[] = [],
): T[] {
  const count = Math.floor(random() * (max + 1));
  const chosen: T[] = [];
  for (let i = 0; i < count * 3 && chosen.length < count; i++) {
    const item = pick(random, items);
    if (!chosen.includes(item) && !avoid.includes(item)) chosen.push(item);
  }
  return chosen;
}

/** A random credit every style can print: consistent flags, no credit of a distributor alone. */
function randomCredit(random: () => number): Credit {
  for (;;) {
    const agencies = some(random, AGENCIES, 2);
    // "EPA-EFE/EFE" is the merged agency printed twice (issue 17): read back as one.
    if (agencies[0] === 'EPA-EFE' && agencies[1] === 'EFE') continue;
    const credit = makeCredit({
      creators: some(random, PEOPLE, 3),
      agencies,
      pool: pick(random, POOLS),
      via: some(random, DISTRIBUTORS, 2, agencies),
      file: random() < 0.3,
    });
    const flag = random();
    if (flag < 0.15) credit.handout = true;
    else if (flag < 0.25) credit.courtesy = true;
    if (credit.courtesy && credit.creators.length + credit.agencies.length === 0) continue;
    if (credit.creators.length + credit.agencies.length === 0 && !credit.pool && !credit.handout)
      continue;
    credit.staff = isStaffShape(credit);
    const staffOfNoAgency =
      credit.agencies.length === 0 && credit.via.length === 0 && !credit.pool && !credit.handout;
    if (staffOfNoAgency && !credit.courtesy && credit.creators.length > 0 && random() < 0.3) {
      credit.staff = true;
    }
    return credit;
  }
}

describe('properties', () => {
  it('never throws on random text, and keeps the text', () => {
    const random = mulberry32(20240619);
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let j = 0; j < length; j++) text += pick(random, NOISE);
      const parsed = parseCredit(text);
      expect(parsed.raw).toBe(text);
      expect(parsed.confidence).toBeGreaterThanOrEqual(0);
      expect(parsed.confidence).toBeLessThanOrEqual(1);
      for (const style of CREDIT_STYLE_IDS)
        expect(typeof formatCredit(parsed, style)).toBe('string');
      const split = splitCaption(text);
      expect(split.caption.length + split.credit.length).toBeLessThanOrEqual(text.length);
      composeCredit({ caption: text, creditLine: text, source: text, creators: [text] });
      creditBlock([parsed], 'ap');
    }
  });

  it('parses back the parts of random credits printed in every style', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 2000; i++) {
      const credit = randomCredit(random);
      for (const style of CREDIT_STYLE_IDS) {
        const printed = formatCredit(credit, style);
        expect({ style, printed, parts: comparableParts(parseCredit(printed)) }).toEqual({
          style,
          printed,
          parts: comparableParts(credit),
        });
      }
    }
  });

  it('splits any printed credit off the end of a caption', () => {
    const random = mulberry32(99);
    for (let i = 0; i < 500; i++) {
      const credit = randomCredit(random);
      if (credit.creators.length === 0 || credit.agencies.length + credit.via.length === 0)
        continue;
      const printed = formatCredit(credit, pick(random, CREDIT_STYLE_IDS));
      const caption = 'Kim Jong Un waves in Pyongyang, North Korea, on Wednesday, June 19, 2024.';
      expect(splitCaption(`${caption} (${printed})`)).toEqual({ caption, credit: printed });
    }
  });
});
