/**
 * Issue 17, class by class, both directions: what the parser reads from each kind of real
 * credit, and what each house style prints from it. The examples are the issue's own.
 */
import { describe, expect, it } from 'vitest';
import { houseCredit } from '../../../src/renderer/src/features/credits/house-credit';
import {
  AGENCY_LIST,
  composeCredit,
  createAgencyRegistry,
  defaultAgencyRegistry,
  formatCredit,
  knownAgencies,
  makeCredit,
  parseCredit,
  readAgencyList,
  SURE_CONFIDENCE,
  splitCaption,
} from '../../../src/shared/credit';

const parts = (text: string) => {
  const { creators, agencies, pool, via, file, handout, courtesy, publication, illustration } =
    parseCredit(text);
  return { creators, agencies, pool, via, file, handout, courtesy, publication, illustration };
};

describe('labels and decorations', () => {
  it.each([
    ['© Valery Matytsin/TASS', ['Valery Matytsin'], ['TASS'], ['©']],
    ['Photographer: Simon Dawson/Bloomberg', ['Simon Dawson'], ['Bloomberg'], ['Photographer:']],
    [
      'Mandatory Credit: Photo by Jose Breton/NurPhoto/Shutterstock (16507315bs)',
      ['Jose Breton'],
      ['NurPhoto', 'Shutterstock'],
      ['(16507315bs)', 'Mandatory Credit:', 'Photo by'],
    ],
    [
      'Photo credit should read DMITRY SEREBRYAKOV/AFP via Getty Images',
      ['DMITRY SEREBRYAKOV'],
      ['AFP'],
      ['Photo credit should read'],
    ],
    ['Fot. Anna Kaczmarz / Dziennik Polski', ['Anna Kaczmarz'], ['Dziennik Polski'], ['Fot.']],
    ['Foto: Vyacheslav Prokofyev/DPA', ['Vyacheslav Prokofyev'], ['DPA'], ['Foto:']],
    ['Photo : Jean Dupont/AFP', ['Jean Dupont'], ['AFP'], ['Photo :']],
    [
      'автор фото Кузьмин Валентин/Фотохроника ТАСС',
      ['Кузьмин Валентин'],
      ['Фотохроника ТАСС'],
      ['автор фото'],
    ],
    ['Фото: Михаил Метцель/ТАСС.', ['Михаил Метцель'], ['ТАСС'], ['Фото:']],
  ])('reads "%s" without its labels, and keeps them', (text, creators, agencies, labels) => {
    const parsed = parseCredit(text);
    expect({ creators: parsed.creators, agencies: parsed.agencies }).toEqual({
      creators,
      agencies,
    });
    expect(parsed.labels).toEqual(labels);
    expect(parsed.raw).toBe(text);
    for (const style of ['ap', 'reuters', 'afp'] as const) {
      expect(formatCredit(parsed, style)).not.toMatch(
        /©|Mandatory|Photographer:|16507315|Фото|Fot\./,
      );
    }
  });

  it('flags a photo illustration and prints it as one', () => {
    const parsed = parseCredit('Photo illustration by Jane Doe/The Washington Post');
    expect(parts(parsed.raw)).toMatchObject({
      creators: ['Jane Doe'],
      agencies: ['The Washington Post'],
      illustration: true,
    });
    const printed = formatCredit(parsed, 'ap');
    expect(printed).toBe('Illustration: Jane Doe/The Washington Post');
    expect(parseCredit(printed).illustration).toBe(true);
  });
});

describe('"for <publication>" and "Special to"', () => {
  it('reads the person and the publication, and prints them in each style', () => {
    const parsed = parseCredit('Karsten Moran for The New York Times');
    expect(parts(parsed.raw)).toMatchObject({
      creators: ['Karsten Moran'],
      agencies: [],
      publication: 'The New York Times',
    });
    expect(formatCredit(parsed, 'ap')).toBe('Karsten Moran for The New York Times');
    expect(formatCredit(parsed, 'reuters')).toBe('Karsten Moran for The New York Times');
    expect(formatCredit(parsed, 'afp')).toBe('KARSTEN MORAN FOR THE NEW YORK TIMES');
    expect(parseCredit('Jane Doe, Special to The Washington Post')).toMatchObject({
      creators: ['Jane Doe'],
      publication: 'The Washington Post',
    });
    const printed = formatCredit(
      makeCredit({
        creators: ['Al Bello'],
        agencies: ['Getty Images'],
        publication: 'Fashion Week',
      }),
      'getty',
    );
    expect(printed).toBe('Photo by Al Bello for Fashion Week/Getty Images');
    expect(parts(printed)).toMatchObject({ creators: ['Al Bello'], publication: 'Fashion Week' });
  });
});

describe('agencies as data', () => {
  it('lists several hundred organisations, each kind, with scripts and style spellings', () => {
    expect(knownAgencies().length).toBeGreaterThanOrEqual(350);
    const kinds = new Set(knownAgencies().map((entry) => entry.kind ?? 'agency'));
    expect([...kinds].sort()).toEqual(['agency', 'handout', 'pool', 'publication', 'stock']);
    expect(defaultAgencyRegistry.lookup('新华社')?.name).toBe('Xinhua');
    expect(defaultAgencyRegistry.lookup('연합뉴스')?.name).toBe('Yonhap');
    expect(defaultAgencyRegistry.lookup('共同通信')?.name).toBe('Kyodo');
    expect(defaultAgencyRegistry.lookup('ТАСС')?.name).toBe('TASS');
    expect(defaultAgencyRegistry.lookup('РИА Новости')?.name).toBe('Sputnik');
    expect(defaultAgencyRegistry.lookup('Rex Features')?.former).toContain('Rex Features');
    // The list is the data: a line read gives the entry.
    expect(readAgencyList('Mugwum Press | Mugwum | Old Mugwum | 蟒 | ap=MUGWUM | stock')).toEqual([
      {
        name: 'Mugwum Press',
        spellings: ['Mugwum', 'Old Mugwum', '蟒'],
        former: ['Old Mugwum'],
        scripts: ['蟒'],
        styles: { ap: 'MUGWUM' },
        kind: 'stock',
      },
    ]);
    expect(AGENCY_LIST).toContain('| pool');
  });

  it("joins the settings' custom agencies to the list", () => {
    const registry = createAgencyRegistry([{ name: 'Frobnitz Bildagentur', spellings: ['FBA'] }]);
    expect(parseCredit('Jane Doe/FBA', registry)).toMatchObject({
      creators: ['Jane Doe'],
      agencies: ['FBA'],
    });
    expect(formatCredit(parseCredit('Jane Doe/FBA', registry), 'ap', { registry })).toBe(
      'Jane Doe/Frobnitz Bildagentur',
    );
  });

  it.each([
    ['AFP PHOTO/ARASH KHAMOOSHI/ISNA', ['ARASH KHAMOOSHI'], ['AFP', 'ISNA']],
    ['NBCU Photo Bank/Jane Doe', ['Jane Doe'], ['NBCU Photo Bank']],
    ['Jane Doe/Alamy Stock Photo', ['Jane Doe'], ['Alamy Stock Photo']],
    ['(DHA Photo)', [], ['DHA']],
    ['(AA Photo)', [], ['AA']],
    ['Jane Doe/Sportsphoto Ltd.', ['Jane Doe'], ['Sportsphoto Ltd']],
    ['Jane Doe/Mugwum Pictures', ['Jane Doe'], ['Mugwum Pictures']],
    [
      'Jane Doe/Ministry of Culture Press Service',
      ['Jane Doe'],
      ['Ministry of Culture Press Service'],
    ],
    ['Jane Doe/QWZ', ['Jane Doe'], ['QWZ']],
  ])('reads the organisation in "%s" as one, not a person', (text, creators, agencies) => {
    expect(parts(text)).toMatchObject({ creators, agencies });
  });

  it('reads a renamed agency once and prints it once', () => {
    const epa = parseCredit('Photo by Rehan Khan/EPA/EFE');
    expect(epa.agencies).toEqual(['EPA/EFE']);
    expect(formatCredit(epa, 'ap')).toBe('Rehan Khan/EPA-EFE');
    expect(formatCredit(epa, 'epa')).toBe('EPA-EFE/REHAN KHAN');
    const rex = parseCredit('(Photo by Larry Marano/Rex Features/Shutterstock)');
    expect(rex.agencies).toEqual(['Rex Features/Shutterstock']);
    expect(formatCredit(rex, 'ap')).toBe('Larry Marano/Shutterstock');
  });
});

describe('non-Latin credits', () => {
  it.each([
    ['新华社记者 陈思汗 摄', ['陈思汗'], ['新华社'], 'Xinhua'],
    ['新华社发(高建中 摄)', ['高建中'], ['新华社'], 'Xinhua'],
    ['연합뉴스 김호천 기자', ['김호천'], ['연합뉴스'], 'Yonhap'],
    ['사진=연합뉴스', [], ['연합뉴스'], 'Yonhap'],
    ['(共同)', [], ['共同'], 'Kyodo'],
    ['Кузьмин Валентин/ТАСС', ['Кузьмин Валентин'], ['ТАСС'], 'TASS'],
    ['Алексей Дружинин/РИА Новости', ['Алексей Дружинин'], ['РИА Новости'], 'Sputnik'],
    ['تصوير: محمد سالم/رويترز', ['محمد سالم'], ['رويترز'], 'REUTERS'],
  ])(
    'reads "%s", keeps the names as written and spells the agency per style',
    (text, creators, agencies, reutersName) => {
      const parsed = parseCredit(text);
      expect({ creators: parsed.creators, agencies: parsed.agencies }).toEqual({
        creators,
        agencies,
      });
      expect(parsed.confidence).toBeGreaterThanOrEqual(SURE_CONFIDENCE);
      const reuters = formatCredit(parsed, 'reuters');
      expect(reuters).toContain(reutersName);
      for (const name of creators) expect(reuters).toContain(name);
    },
  );

  it("spells North Korea's agency as each style does", () => {
    const kcna = parseCredit('조선중앙통신/Handout via REUTERS');
    expect(formatCredit(kcna, 'reuters')).toBe('KCNA/Handout via REUTERS');
    expect(formatCredit(kcna, 'ap')).toBe('Korean Central News Agency/Handout via Reuters');
    expect(formatCredit(kcna, 'afp')).toBe('HANDOUT / KCNA VIA REUTERS');
    expect(formatCredit(kcna, 'newspaper')).toBe('조선중앙통신/Handout via Reuters');
  });
});

describe('separators and organisations', () => {
  it.each([
    ['Photo by Johannes Eisele | AFP | Getty Images', ['Johannes Eisele'], ['AFP', 'Getty Images']],
    ['Mohammad Ismail—Reuters', ['Mohammad Ismail'], ['Reuters']],
    ['Jake Roth-USA TODAY Sports', ['Jake Roth'], ['USA TODAY Sports']],
    ['AFP - HANDOUT', [], ['AFP']],
    ['Pool photo by Smiley N. Pool', ['Smiley N. Pool'], []],
    [
      'Courtesy U.S. Customs and Border Protection/Handout via REUTERS',
      [],
      ['U.S. Customs and Border Protection'],
    ],
  ])('reads "%s"', (text, creators, agencies) => {
    expect(parts(text)).toMatchObject({ creators, agencies });
  });
});

describe('caption split', () => {
  it.each([
    ['Brides near Bhopal, India, 20 April 2016. epa/Harish Tyagi', 'epa/Harish Tyagi'],
    [
      'Palin greets riders in Arlington, VA, USA on 29 May, 2011. EPA/ERIK S. LESSER',
      'EPA/ERIK S. LESSER',
    ],
    ['A baptism in a creek behind the church. EFE/Jim Lo Scalzo', 'EFE/Jim Lo Scalzo'],
    [
      'Fans cheer at the final. Picture by Jane Doe/Mugwum Press',
      'Picture by Jane Doe/Mugwum Press',
    ],
    ['Kim Jong Un inspects the plant. December 2024. REUTERS/KCNA', 'REUTERS/KCNA'],
    ['菜农搭乘吉首15路公交车。新华社记者 陈思汗 摄', '新华社记者 陈思汗 摄'],
    ['눈 내린 한라산 / 김호천 기자', '김호천 기자'],
    [
      'A train crosses the bridge to Crimea, December 25© Valery Matytsin/TASS',
      '© Valery Matytsin/TASS',
    ],
    [
      'The hearse passes mourners in Pretoria Photograph: Muhammed Muheisen/AP',
      'Photograph: Muhammed Muheisen/AP',
    ],
    ['A new table in the Peace House. [JOINT PRESS CORPS]', 'JOINT PRESS CORPS'],
  ])('splits the signoff off "%s"', (caption, credit) => {
    expect(splitCaption(caption).credit).toBe(credit);
  });

  it("keeps an editor's note with the caption, marked", () => {
    const split = splitCaption(
      'A rainbow over Santiago, Chile October 24, 2019. REUTERS/Ivan Alvarado/File Photo SEARCH "GLOBAL POY" FOR THIS STORY. TPX IMAGES OF THE DAY.',
    );
    expect(split).toEqual({
      caption:
        'A rainbow over Santiago, Chile October 24, 2019. SEARCH "GLOBAL POY" FOR THIS STORY. TPX IMAGES OF THE DAY.',
      credit: 'REUTERS/Ivan Alvarado/File Photo',
      note: 'SEARCH "GLOBAL POY" FOR THIS STORY. TPX IMAGES OF THE DAY.',
    });
  });

  it('never takes a sentence naming an agency for a credit', () => {
    expect(splitCaption('The photographer works for Reuters.').credit).toBe('');
    expect(splitCaption('Crowds gather in Seoul. The banner reads AFP out.').credit).toBe('');
  });
});

describe('confidence that means something', () => {
  it('says why it is unsure, and is sure of a marked credit', () => {
    const guessed = parseCredit('Jane Doe/Frobnitz');
    expect(guessed.doubt).toBe('Read by shape only: "Frobnitz".');
    expect(parseCredit('REUTERS/Kim Hong-Ji').doubt).toBeUndefined();
    const prose = parseCredit('pictured in 2019');
    expect(prose.doubt).toBeDefined();
    expect(prose.confidence).toBeLessThan(SURE_CONFIDENCE);
  });

  it('carries the doubt to the composed credit and to what the editor shows', () => {
    const fields = { caption: 'Fans cheer at the final. Jane Doe/Frobnitz' };
    expect(composeCredit(fields).doubt).toBe('Read by shape only: "Frobnitz".');
    const shown = houseCredit(fields, { houseStyle: 'ap', customAgencies: [], creditStyles: [] });
    expect(shown).toMatchObject({
      text: 'Jane Doe/Frobnitz',
      doubt: 'Read by shape only: "Frobnitz".',
    });
    const sure = houseCredit(
      { caption: 'Kim waves. REUTERS/Kim Hong-Ji' },
      { houseStyle: 'ap', customAgencies: [], creditStyles: [] },
    );
    expect(sure.doubt).toBeNull();
  });
});
