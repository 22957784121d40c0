import { describe, expect, it } from 'vitest';
import { namesDayOrDate } from '../../../src/shared/editing/ap-dates';
import { firstSentenceGaps } from '../../../src/shared/editing/ap-structure';
import {
  ALT_TEXT_MAX,
  applyCaptionFix,
  type CaptionCheckOptions,
  type CaptionWarning,
  type CaptionWarningId,
  checkCaption,
} from '../../../src/shared/editing/caption-checks';
import {
  curlQuotes,
  iimCut,
  unbalancedBrackets,
  unbalancedQuotes,
  visibleLength,
} from '../../../src/shared/editing/text-marks';
import { type CaptionFields, emptyCaptionFields } from '../../../src/shared/model';

const GOOD_CAPTION =
  'North Korean leader Kim Jong Un speaks during a meeting in Pyongyang, North Korea, Wednesday, June 19, 2024. Officials said the talks would continue.';

/** A photo with nothing to warn about. */
function good(overrides: Partial<CaptionFields> = {}): CaptionFields {
  return {
    ...emptyCaptionFields(),
    caption: GOOD_CAPTION,
    creators: ['Ahn Young-joon'],
    creditLine: 'AP',
    city: 'Pyongyang',
    country: 'North Korea',
    altText: 'Kim Jong Un at a lectern in front of flags.',
    ...overrides,
  };
}

function ids(fields: CaptionFields, options: CaptionCheckOptions = {}): string[] {
  return checkCaption(fields, options).map((w) => `${w.id}:${w.field}`);
}

function find(
  fields: CaptionFields,
  id: CaptionWarningId,
  options: CaptionCheckOptions = {},
): CaptionWarning {
  const warning = checkCaption(fields, options).find((w) => w.id === id);
  if (!warning) throw new Error(`no ${id} warning`);
  return warning;
}

describe('checkCaption', () => {
  it('has nothing to say about a good AP caption', () => {
    expect(checkCaption(good())).toEqual([]);
  });

  it('reports an empty record once per problem, in a stable order', () => {
    expect(ids(emptyCaptionFields())).toEqual([
      'no-caption:caption',
      'no-credit:creditLine',
      'no-alt-text:altText',
    ]);
  });

  it('gives every warning a message and a known severity', () => {
    const messy = good({
      caption: 'kim  "waved ( at\u0007 fans. (AP Photo/Ahn Young-joon)',
      creditLine: '',
      altText: 'x'.repeat(300),
      city: 'C'.repeat(40),
      keywords: ['k'.repeat(70)],
    });
    const warnings = checkCaption(messy, { curlyQuotes: true });
    expect(warnings.length).toBeGreaterThan(8);
    for (const warning of warnings) {
      expect(warning.message.length).toBeGreaterThan(10);
      expect(['warning', 'info']).toContain(warning.severity);
    }
  });
});

describe('no-credit', () => {
  it.each<[Partial<CaptionFields>, boolean]>([
    [{ creditLine: '', creators: [] }, true],
    [{ creditLine: '  ', creators: ['', ' '] }, true],
    [{ creditLine: 'AP', creators: [] }, false],
    [{ creditLine: '', creators: ['Ahn Young-joon'] }, false],
    [{ creditLine: '', creators: [], caption: `${GOOD_CAPTION} (AP Photo/Ahn Young-joon)` }, false],
    [{ creditLine: '', creators: [], caption: `${GOOD_CAPTION} REUTERS/Kim Hong-Ji` }, false],
    [{ creditLine: '', creators: [], caption: `${GOOD_CAPTION} (left)` }, true],
    [{ creditLine: '', creators: [], caption: '' }, true],
  ])('%j → %s', (overrides, expected) => {
    expect(ids(good(overrides)).includes('no-credit:creditLine')).toBe(expected);
  });
});

describe('no-date', () => {
  it.each([
    ['Kim speaks in Pyongyang on Wednesday.', false],
    ['Kim speaks in Pyongyang, June 19, 2024.', false],
    ['Kim speaks in Pyongyang, Sept. 5.', false],
    ['Kim speaks in Pyongyang, Sept 5.', false],
    ['Kim speaks in Pyongyang on 19 June 2024.', false],
    ['In this June 2019 photo, Kim speaks.', false],
    ['Kim speaks in Pyongyang on 2024-06-19.', false],
    ['Kim speaks in Pyongyang.', true],
    ['Kim speaks in Pyongyang in May.', true],
    ['Kim may speak in Pyongyang.', true],
    ['Kim speaks on wednesday.', true],
    ['Kim speaks in Pyongyang. (AP Photo/Ahn Young-joon, Wednesday)', true],
    ['Crowds gather at Mayday Stadium.', true],
  ])('%j → warns %s', (caption, warns) => {
    expect(ids(good({ caption })).includes('no-date:caption')).toBe(warns);
  });

  it('can be turned off with AP style', () => {
    expect(ids(good({ caption: 'Kim speaks.' }), { apStyle: false })).toEqual([]);
  });

  it.each([
    ['Wednesday', true],
    ['Jan. 5', true],
    ['Dec 24', true],
    ['5 December', true],
    ['August 2023', true],
    ['Mayday 12', false],
    ['March on', false],
    ['Sunday’s game', true],
    ['SUNDAY', false],
    ['', false],
  ])('namesDayOrDate(%j) → %s', (text, expected) => {
    expect(namesDayOrDate(text)).toBe(expected);
  });
});

describe('credit-in-caption', () => {
  it('offers to move a signoff into an empty Credit line', () => {
    const fields = good({
      caption: `${GOOD_CAPTION} (AP Photo/Ahn Young-joon)`,
      creditLine: '',
    });
    const warning = find(fields, 'credit-in-caption');
    expect(warning.severity).toBe('warning');
    expect(warning.message).toContain('AP Photo/Ahn Young-joon');
    expect(warning.fix).toEqual({
      kind: 'move-credit',
      label: 'Move it to the Credit line',
      caption: GOOD_CAPTION,
      credit: 'AP Photo/Ahn Young-joon',
    });
    const fixed = applyCaptionFix(fields, warning.fix!);
    expect(fixed.caption).toBe(GOOD_CAPTION);
    expect(fixed.creditLine).toBe('AP Photo/Ahn Young-joon');
    expect(checkCaption(fixed).map((w) => w.id)).not.toContain('credit-in-caption');
  });

  it.each([
    [`${GOOD_CAPTION} REUTERS/Kim Hong-Ji`, 'REUTERS/Kim Hong-Ji'],
    [
      `${GOOD_CAPTION} (Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP)`,
      'Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP',
    ],
    [
      `${GOOD_CAPTION} (Photo by Chris Pizzello/Invision/AP, File)`,
      'Photo by Chris Pizzello/Invision/AP, File',
    ],
  ])('finds the credit in %j', (caption, credit) => {
    const warning = find(good({ caption, creditLine: '' }), 'credit-in-caption');
    expect(warning.fix).toMatchObject({ kind: 'move-credit', credit, caption: GOOD_CAPTION });
  });

  it.each([
    `${GOOD_CAPTION} (left)`,
    `${GOOD_CAPTION} (Kim Jong Un)`,
    'A caption naming Reuters in a sentence on Wednesday in Seoul.',
  ])('leaves a caption that merely ends in a remark: %j', (caption) => {
    expect(ids(good({ caption, creditLine: '' }))).not.toContain('credit-in-caption:caption');
  });

  it('says nothing of a wire signoff when the Credit line is filled, unless asked', () => {
    const fields = good({ caption: `${GOOD_CAPTION} (AP Photo/Ahn Young-joon)`, creditLine: 'AP' });
    expect(ids(fields)).not.toContain('credit-in-caption:caption');
    const warning = find(fields, 'credit-in-caption', { flagCaptionSignoff: true });
    expect(warning.severity).toBe('info');
    expect(warning.fix?.label).toBe('Remove it from the caption (the Credit line stays as it is)');
    const fixed = applyCaptionFix(fields, warning.fix!);
    expect(fixed.creditLine).toBe('AP');
    expect(fixed.caption).toBe(GOOD_CAPTION);
  });

  it('labels the fix as a removal when both hold the same credit', () => {
    const fields = good({
      caption: `${GOOD_CAPTION} (AP Photo/Ahn Young-joon)`,
      creditLine: 'AP Photo/Ahn Young-joon',
    });
    expect(find(fields, 'credit-in-caption', { flagCaptionSignoff: true }).fix?.label).toBe(
      'Remove it from the caption',
    );
  });
});

describe('ap-structure', () => {
  it.each([
    // [caption, fields, missing]
    [GOOD_CAPTION, {}, []],
    ['Soldiers march in Pyongyang on Wednesday.', { city: '' }, []],
    ['Fans cheer at Wembley Stadium, Saturday, May 4, 2024.', { city: '' }, []],
    ['Rescuers search the rubble near the Kremlin on Monday.', { city: '' }, []],
    ['Kim is seen during a rally, Wednesday, June 19, 2024, Pyongyang.', {}, []],
    ['Kim spoke in Pyongyang on Wednesday.', {}, ['present-tense verb']],
    ['Kim spoke to soldiers in Pyongyang on Wednesday.', {}, ['present-tense verb']],
    ['Kim inspects soldiers in Pyongyang.', {}, ['day or date']],
    ['Kim inspects soldiers on Wednesday.', {}, ['place']],
    ['Kim inspects soldiers in June.', { city: '' }, ['day or date', 'place']],
    [
      'A view of the city. Taken in Pyongyang on Wednesday.',
      {},
      ['day or date', 'place', 'present-tense verb'],
    ],
    [
      '김정은 위원장이 연설하고 있다.',
      { city: '' },
      ['day or date', 'place', 'present-tense verb'],
    ],
    ['Kim speaks 🎉 in 평양 on Wednesday.', { city: '평양' }, []],
  ])('%j lacks %j', (caption, fields, missing) => {
    expect(firstSentenceGaps(caption, good(fields))).toEqual(missing);
    const warning = checkCaption(good({ caption, ...fields })).find((w) => w.id === 'ap-structure');
    if (missing.length === 0) expect(warning).toBeUndefined();
    else {
      expect(warning?.details).toEqual(missing);
      expect(warning?.severity).toBe('info');
      for (const gap of missing) expect(warning?.message).toContain(gap);
    }
  });

  it('checks the caption without its signoff', () => {
    const caption = 'Kim speaks in Pyongyang. (AP Photo/Ahn Young-joon, Wednesday)';
    expect(find(good({ caption }), 'ap-structure').details).toEqual(['day or date']);
  });
});

describe('text style', () => {
  it('reports double spaces with positions and a fix', () => {
    const caption = 'Kim  speaks in Pyongyang on Wednesday.   More.';
    const warning = find(good({ caption }), 'double-spaces');
    expect(warning.field).toBe('caption');
    expect(warning.positions).toEqual([3, 38]);
    expect(warning.message).toContain('2 double spaces');
    expect(warning.fix).toEqual({
      kind: 'set-text',
      label: 'Make them single spaces',
      field: 'caption',
      value: 'Kim speaks in Pyongyang on Wednesday. More.',
    });
  });

  it.each([
    ['headline', 'Two  spaces'],
    ['city', 'New  York'],
    ['instructions', 'Mandatory  credit'],
  ] as const)('checks double spaces in %s too', (field, value) => {
    expect(ids(good({ [field]: value }))).toContain(`double-spaces:${field}`);
  });

  it('does not count line breaks or single spaces', () => {
    expect(ids(good({ caption: `${GOOD_CAPTION}\n\nSecond paragraph.` }))).toEqual([]);
  });

  it('reports straight quotes only when the house uses curly ones', () => {
    const caption = 'Kim says "hello" in Pyongyang on Wednesday. It\'s warm.';
    expect(ids(good({ caption }))).toEqual([]);
    const warning = find(good({ caption }), 'straight-quotes', { curlyQuotes: true });
    expect(warning.positions).toEqual([9, 15, 46]);
    expect(warning.fix).toMatchObject({
      kind: 'set-text',
      value: 'Kim says “hello” in Pyongyang on Wednesday. It’s warm.',
    });
  });

  it.each([
    ['"Hello," he said.', '“Hello,” he said.'],
    ["'Hello,' he said.", '‘Hello,’ he said.'],
    ["don't", 'don’t'],
    ["the '90s", 'the ’90s'],
    ['("quoted")', '(“quoted”)'],
    ['a "b" c "d"', 'a “b” c “d”'],
    ['He said: "\'Go,\' she said."', 'He said: “‘Go,’ she said.”'],
    ['😀"x"', '😀”x”'],
    ['', ''],
  ])('curlQuotes(%j) → %j', (text, expected) => {
    expect(curlQuotes(text)).toBe(expected);
  });

  it.each([
    ['“a” and “b”', []],
    ['"a" and "b"', []],
    ['“a and b', [0]],
    ['a” and b', [1]],
    ['"a and b', [0]],
    ['"a" "b', [4]],
    ['«a» «b', [4]],
    ['“a «b” c»', [0, 5]],
    ['It’s Kim’s', []],
    ['', []],
  ])('unbalancedQuotes(%j) → %j', (text, expected) => {
    expect(unbalancedQuotes(text)).toEqual(expected);
  });

  it.each([
    ['(a) [b] {c}', []],
    ['(a (b) c)', []],
    ['(a', [0]],
    ['a)', [1]],
    ['(a]', [0, 2]],
    ['([)]', [0, 2]],
    ['x (left) y (AP Photo', [11]],
    ['', []],
  ])('unbalancedBrackets(%j) → %j', (text, expected) => {
    expect(unbalancedBrackets(text)).toEqual(expected);
  });

  it('reports unbalanced quotes and parentheses in the prose fields only', () => {
    const fields = good({ headline: 'Kim (left', title: '"Quote', city: 'Seoul (' });
    expect(ids(fields)).toEqual(['unbalanced-parentheses:headline', 'unbalanced-quotes:title']);
    expect(find(fields, 'unbalanced-parentheses').positions).toEqual([4]);
  });

  it('reports control characters and offers to remove them, keeping line breaks and tabs', () => {
    const caption = `${GOOD_CAPTION}\u0000\tTab\nLine\u001b\u0085.`;
    const warning = find(good({ caption }), 'control-characters');
    expect(warning.positions).toEqual([
      GOOD_CAPTION.length,
      caption.length - 3,
      caption.length - 2,
    ]);
    expect(warning.message).toContain('3 invisible control characters');
    expect(warning.fix).toMatchObject({ value: `${GOOD_CAPTION}\tTab\nLine.` });
    expect(ids(good({ creditLine: 'A\u0007P' }))).toContain('control-characters:creditLine');
  });
});

describe('over-iim-limit', () => {
  it.each([
    // [field, value, over?]
    ['creditLine', 'x'.repeat(32), false],
    ['creditLine', 'x'.repeat(33), true],
    ['creditLine', 'Kristina Kormilitsyna, Sputnik, Kremlin Pool Photo via AP', true],
    ['creditLine', 'é'.repeat(16), false], // 32 bytes
    ['creditLine', 'é'.repeat(17), true], // 34 bytes in 17 characters
    ['city', '평양'.repeat(5), false], // 30 bytes
    ['city', '평양'.repeat(6), true], // 36 bytes in 12 characters
    ['countryCode', 'PRK', false],
    ['countryCode', 'PRKX', true],
    ['caption', `${GOOD_CAPTION} ${'y'.repeat(2000)}`, true],
    ['headline', '😀'.repeat(64), false], // 256 bytes
    ['headline', '😀'.repeat(65), true],
    ['event', 'x'.repeat(5000), false], // no IIM dataset
  ] as const)('%s of %j → %s', (field, value, over) => {
    expect(ids(good({ [field]: value })).includes(`over-iim-limit:${field}`)).toBe(over);
  });

  it('says how long, where IIM cuts and that XMP keeps it whole', () => {
    const credit = 'Kristina Kormilitsyna, Sputnik, Kremlin Pool Photo via AP';
    const warning = find(good({ creditLine: credit }), 'over-iim-limit');
    expect(warning.field).toBe('creditLine');
    expect(warning.message).toContain('57 bytes');
    expect(warning.message).toContain('IIM holds 32');
    expect(warning.message).toContain('Kristina Kormilitsyna, Sputnik,');
    expect(warning.message).toMatch(/cut.*XMP copy keeps it whole/);
    expect(warning.positions).toEqual([32]);
  });

  it('checks each item of a list', () => {
    const long = 'k'.repeat(65);
    const warning = find(good({ keywords: ['short', long, 'x'.repeat(64)] }), 'over-iim-limit');
    expect(warning.field).toBe('keywords');
    expect(warning.details).toEqual([long]);
    expect(warning.message).toContain('65 bytes');
    expect(ids(good({ creators: ['A'.repeat(33), 'B'.repeat(40)] }))).toContain(
      'over-iim-limit:creators',
    );
    expect(
      find(good({ creators: ['A'.repeat(33), 'B'.repeat(40)] }), 'over-iim-limit').details,
    ).toHaveLength(2);
  });

  it.each([
    ['abc', 2, 'ab'],
    ['abc', 3, 'abc'],
    ['éé', 3, 'é'],
    ['😀😀', 5, '😀'],
    ['😀', 3, ''],
    ['', 5, ''],
  ])('iimCut(%j, %d) → %j (never half a character)', (value, limit, expected) => {
    expect(iimCut(value, limit)).toBe(expected);
  });
});

describe('alt text', () => {
  it.each([
    ['', ['no-alt-text']],
    ['   ', ['no-alt-text']],
    ['x'.repeat(ALT_TEXT_MAX), []],
    ['x'.repeat(ALT_TEXT_MAX + 1), ['alt-text-too-long']],
    ['👍🏽'.repeat(ALT_TEXT_MAX), []],
    ['👍🏽'.repeat(ALT_TEXT_MAX + 1), ['alt-text-too-long']],
  ])('%j → %j', (altText, expected) => {
    const found = checkCaption(good({ altText }))
      .filter((w) => w.field === 'altText')
      .map((w) => w.id);
    expect(found).toEqual(expected);
  });

  it('does not ask for alt text when the desk does not require it', () => {
    expect(ids(good({ altText: '' }), { requireAltText: false })).toEqual([]);
  });

  it('says how long the alt text is', () => {
    expect(find(good({ altText: 'a'.repeat(300) }), 'alt-text-too-long').message).toContain(
      '300 characters',
    );
  });

  it.each([
    ['abc', 3],
    ['👍🏽', 1],
    ['e\u0301', 1],
    ['👨‍👩‍👧', 1],
    ['', 0],
  ])('visibleLength(%j) → %d', (text, expected) => {
    expect(visibleLength(text)).toBe(expected);
  });
});

describe('big and odd captions', () => {
  it('checks a 5,000-character caption quickly', () => {
    const caption = `${GOOD_CAPTION} ${'Officials said the talks would continue.  '.repeat(120)}`;
    expect(caption.length).toBeGreaterThan(5000);
    const started = performance.now();
    const warnings = checkCaption(good({ caption }), { curlyQuotes: true });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(warnings.map((w) => w.id)).toEqual(['double-spaces', 'over-iim-limit']);
    expect(warnings[0]!.positions).toHaveLength(120);
  });

  it('accepts emoji captions', () => {
    const caption = 'Fans 🎉 cheer in Pyongyang on Wednesday 🇰🇵.';
    expect(ids(good({ caption }))).toEqual([]);
  });
});
