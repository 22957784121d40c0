import { describe, expect, it } from 'vitest';
import {
  cameraName,
  expandTemplateParts,
  expandTemplateText,
  formatTemplateDate,
  hasTemplateVariables,
  parseTemplateText,
  TEMPLATE_VARIABLE_FORMS,
  type TemplateContext,
  variablesUsed,
} from '../../../src/shared/editing/template-variables';
import { type CaptionFields, emptyCaptionFields } from '../../../src/shared/model';

function context(
  fields: Partial<CaptionFields> = {},
  more: Partial<Omit<TemplateContext, 'fields'>> = {},
): TemplateContext {
  return {
    fileName: 'IMG_0042.JPG',
    date: '2024-06-19T14:03:00+09:00',
    fields: { ...emptyCaptionFields(), ...fields },
    cameraMake: 'Canon',
    cameraModel: 'Canon EOS R5',
    seq: 7,
    ...more,
  };
}

const FULL = context({
  city: 'Pyongyang',
  country: 'North Korea',
  creators: ['Gavriil Grigorov', 'Second Person'],
  creditLine: 'Sputnik, Kremlin Pool Photo via AP',
  caption: 'Russian President Vladimir Putin speaks in Pyongyang. More text follows.',
});

function expand(text: string, ctx: TemplateContext = FULL): string {
  const result = expandTemplateText(text, ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result.text;
}

describe('parseTemplateText', () => {
  it('splits text and variables with their offsets', () => {
    const parsed = parseTemplateText('Photo by {creator} in {city}.');
    expect(parsed).toEqual({
      ok: true,
      parts: [
        { kind: 'text', text: 'Photo by ' },
        { kind: 'variable', name: 'creator', argument: null, start: 9, end: 18 },
        { kind: 'text', text: ' in ' },
        { kind: 'variable', name: 'city', argument: null, start: 22, end: 28 },
        { kind: 'text', text: '.' },
      ],
    });
  });

  it.each([
    ['', []],
    ['plain text', [{ kind: 'text', text: 'plain text' }]],
    ['{{city}}', [{ kind: 'text', text: '{city}' }]],
    ['a {{ b }} c', [{ kind: 'text', text: 'a { b } c' }]],
    ['{seq:3}', [{ kind: 'variable', name: 'seq', argument: '3', start: 0, end: 7 }]],
    ['{date:long}', [{ kind: 'variable', name: 'date', argument: 'long', start: 0, end: 11 }]],
    ['{ City }', [{ kind: 'variable', name: 'city', argument: null, start: 0, end: 8 }]],
    ['{FILENAME}', [{ kind: 'variable', name: 'filename', argument: null, start: 0, end: 10 }]],
    ['{Date:LONG}', [{ kind: 'variable', name: 'date', argument: 'long', start: 0, end: 11 }]],
    [
      '😀{city}',
      [
        { kind: 'text', text: '😀' },
        { kind: 'variable', name: 'city', argument: null, start: 2, end: 8 },
      ],
    ],
  ])('parses %j', (text, parts) => {
    expect(parseTemplateText(text)).toEqual({ ok: true, parts });
  });

  it.each([
    // [text, position, message contains, variable]
    ['Photo in {citty}.', 9, 'Unknown variable {citty} at character 10', '{citty}'],
    ['{}', 0, 'Unknown variable {} at character 1', '{}'],
    ['{byline}', 0, 'Unknown variable {byline}', '{byline}'],
    ['{city:3}', 0, '{city} at character 1 takes nothing after ":"', '{city:3}'],
    ['{seq:x}', 0, 'after "seq:" put a number of digits from 1 to 10', '{seq:x}'],
    ['{seq:0}', 0, 'after "seq:" put a number', '{seq:0}'],
    ['{seq:11}', 0, 'after "seq:" put a number', '{seq:11}'],
    ['{date:short}', 0, 'after "date:" put iso, long, ap or weekday', '{date:short}'],
    ['abc {city', 4, 'The "{" at character 5 is never closed', undefined],
    ['abc } def', 4, 'A "}" at character 5 closes no variable', undefined],
    ['{city {country}', 0, 'not closed before the next "{" at character 7', undefined],
    ['{city}}', 6, 'A "}" at character 7 closes no variable', undefined],
  ])('rejects %j', (text, position, message, variable) => {
    const parsed = parseTemplateText(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.position).toBe(position);
    expect(parsed.error.message).toContain(message);
    expect(parsed.error.variable).toBe(variable);
  });

  it('lists every known variable in the unknown-variable message', () => {
    const parsed = parseTemplateText('{nope}');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    for (const form of TEMPLATE_VARIABLE_FORMS) expect(parsed.error.message).toContain(form);
  });
});

describe('expandTemplateText', () => {
  it.each([
    ['{filename}', 'IMG_0042.JPG'],
    ['{filenamebase}', 'IMG_0042'],
    ['{date}', '2024-06-19'],
    ['{date:iso}', '2024-06-19'],
    ['{date:long}', 'Wednesday, June 19, 2024'],
    ['{date:ap}', 'June 19, 2024'],
    ['{date:weekday}', 'Wednesday'],
    ['{city}', 'Pyongyang'],
    ['{country}', 'North Korea'],
    ['{creator}', 'Gavriil Grigorov'],
    ['{credit}', 'Sputnik, Kremlin Pool Photo via AP'],
    ['{camera}', 'Canon EOS R5'],
    ['{seq}', '7'],
    ['{seq:1}', '7'],
    ['{seq:3}', '007'],
    ['{seq:10}', '0000000007'],
    ['{firstsentence}', 'Russian President Vladimir Putin speaks in Pyongyang.'],
    [
      'Photo by {creator} in {city}, {country}.',
      'Photo by Gavriil Grigorov in Pyongyang, North Korea.',
    ],
    ['{{literal}} {city}', '{literal} Pyongyang'],
    ['no variables at all', 'no variables at all'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(expand(text)).toBe(expected);
  });

  it('returns the parse error instead of throwing', () => {
    const result = expandTemplateText('{nope}', FULL);
    expect(result.ok).toBe(false);
  });

  it('reads the date as written, with no time-zone shift', () => {
    // 23:30 at -05:00 is already June 20 in UTC; the photo was still made on June 19.
    expect(expand('{date:long}', context({}, { date: '2024-06-19T23:30:00-05:00' }))).toBe(
      'Wednesday, June 19, 2024',
    );
  });

  it('falls back to the Date created field when the context has no date', () => {
    const ctx = context({ dateCreated: '2023-12-25' }, { date: null });
    expect(expand('{date:long}', ctx)).toBe('Monday, Dec. 25, 2023');
    expect(expand('{date}', context({}, { date: null }))).toBe('');
  });

  it('keeps the photo’s own first sentence in front of a shared paragraph, idempotently', () => {
    const template = '{firstsentence} Shared shoot paragraph about the summit.';
    const photo = context({ caption: 'Kim Jong Un greets U.S. envoys in Pyongyang. Old text.' });
    const once = expand(template, photo);
    expect(once).toBe(
      'Kim Jong Un greets U.S. envoys in Pyongyang. Shared shoot paragraph about the summit.',
    );
    const twice = expand(template, context({ caption: once }));
    expect(twice).toBe(once);
  });

  it('drops the gap when the photo has no caption yet', () => {
    expect(expand('{firstsentence} Shared paragraph.', context({ caption: '' }))).toBe(
      'Shared paragraph.',
    );
  });
});

describe('empty values and the text around them', () => {
  const none = context({}, { date: null, cameraMake: '', cameraModel: '', fileName: '' });
  it.each([
    ['{city}', ''],
    ['  {city}  ', ''],
    ['{city}, {country}', ''],
    ['in {city}, {country}.', 'in.'],
    ['Photo by {creator}.', 'Photo by.'],
    ['Photo by {creator} in Seoul.', 'Photo by in Seoul.'],
    ['Caption. ({credit})', 'Caption.'],
    ['Caption. ( {credit} )', 'Caption.'],
    ['Caption. [{credit}]', 'Caption.'],
    ['Caption. ({creator}/{credit})', 'Caption.'],
    ['A {city} B', 'A B'],
    ['A{city}B', 'AB'],
    ['{city} - {country}', ''],
    ['first line {city}\nsecond', 'first line\nsecond'],
    ['keep  my  double  spaces {city}', 'keep  my  double  spaces'],
  ])('%j → %j', (text, expected) => {
    expect(expand(text, none)).toBe(expected);
  });

  it.each([
    // [city, country, template, expected]
    ['Seoul', '', '{city}, {country}', 'Seoul'],
    ['', 'South Korea', '{city}, {country}', 'South Korea'],
    ['', 'South Korea', 'in {city}, {country}, on Wednesday', 'in South Korea, on Wednesday'],
    ['Seoul', '', 'in {city}, {country}, on Wednesday', 'in Seoul, on Wednesday'],
    ['Seoul', '', 'in {city}, {country} on Wednesday', 'in Seoul on Wednesday'],
    ['Seoul', '', 'in {city}, {country}.', 'in Seoul.'],
    ['', 'South Korea', '{city}; {country}', 'South Korea'],
    ['Seoul', '', '{city} - {country}', 'Seoul'],
    ['', 'South Korea', '{city} – {country}', 'South Korea'],
    ['Seoul', '', '{city}/{country}', 'Seoul'],
    ['Seoul', '', '{city}-{country}', 'Seoul-'],
    ['', '', '{city}, {country}, Asia', 'Asia'],
  ])('city %j, country %j: %j → %j', (city, country, template, expected) => {
    expect(expand(template, context({ city, country }))).toBe(expected);
  });

  it('uses the first creator that is not blank', () => {
    expect(expand('{creator}', context({ creators: ['  ', ' Ahn Young-joon '] }))).toBe(
      'Ahn Young-joon',
    );
    expect(expand('by {creator}', context({ creators: [] }))).toBe('by');
  });

  it('fills emoji and other scripts unchanged', () => {
    expect(expand('{city} 🎉', context({ city: '평양' }))).toBe('평양 🎉');
  });
});

describe('formatTemplateDate', () => {
  it.each([
    // AP: abbreviated with a day — Jan., Feb., Aug., Sept., Oct., Nov., Dec.
    ['2024-01-17', 'Wednesday, Jan. 17, 2024'],
    ['2024-02-29', 'Thursday, Feb. 29, 2024'],
    ['2024-03-01', 'Friday, March 1, 2024'],
    ['2024-04-01', 'Monday, April 1, 2024'],
    ['2024-05-01', 'Wednesday, May 1, 2024'],
    ['2024-06-19', 'Wednesday, June 19, 2024'],
    ['2024-07-04', 'Thursday, July 4, 2024'],
    ['2024-08-15', 'Thursday, Aug. 15, 2024'],
    ['2024-09-05', 'Thursday, Sept. 5, 2024'],
    ['2024-10-31', 'Thursday, Oct. 31, 2024'],
    ['2024-11-05', 'Tuesday, Nov. 5, 2024'],
    ['2024-12-25', 'Wednesday, Dec. 25, 2024'],
    ['2007-09-12T10:00:00', 'Wednesday, Sept. 12, 2007'],
    ['2015-01-27 08:00', 'Tuesday, Jan. 27, 2015'],
  ])('long %s → %s', (iso, expected) => {
    expect(formatTemplateDate(iso, 'long')).toBe(expected);
  });

  it.each([
    // [iso, iso form, ap form, weekday]
    ['2024-06', '2024-06', 'June 2024', ''],
    ['2024-09', '2024-09', 'September 2024', ''],
    ['2024', '2024', '2024', ''],
    ['2023-02-29', '', '', ''],
    ['2024-13-01', '', '', ''],
    ['2024-04-31', '', '', ''],
    ['not a date', '', '', ''],
    ['', '', '', ''],
    [null, '', '', ''],
    ['20240619', '', '', ''],
  ])('%j → iso %j, ap %j, weekday %j', (iso, isoForm, apForm, weekday) => {
    expect(formatTemplateDate(iso, 'iso')).toBe(isoForm);
    expect(formatTemplateDate(iso, 'ap')).toBe(apForm);
    expect(formatTemplateDate(iso, 'weekday')).toBe(weekday);
  });
});

describe('cameraName', () => {
  it.each([
    ['Canon', 'Canon EOS R5', 'Canon EOS R5'],
    ['Canon', 'EOS R5', 'Canon EOS R5'],
    ['NIKON CORPORATION', 'NIKON Z 9', 'NIKON Z 9'],
    ['SONY', 'ILCE-7M4', 'SONY ILCE-7M4'],
    ['FUJIFILM', 'X-T5', 'FUJIFILM X-T5'],
    ['Apple', 'iPhone 15 Pro', 'Apple iPhone 15 Pro'],
    ['OLYMPUS IMAGING CORP.', 'E-M1MarkII', 'OLYMPUS IMAGING CORP. E-M1MarkII'],
    ['OM Digital Solutions', 'OM-1', 'OM Digital Solutions OM-1'],
    ['Leica', 'LEICA Q2', 'LEICA Q2'],
    ['Canon\u0000\u0000', ' Canon EOS R3 \u0000', 'Canon EOS R3'],
    ['', 'EOS R5', 'EOS R5'],
    ['Canon', '', 'Canon'],
    ['', '', ''],
    ['Pentax', 'PentaxK-1', 'Pentax PentaxK-1'],
  ])('%j + %j → %j', (make, model, expected) => {
    expect(cameraName(make, model)).toBe(expected);
  });
});

describe('{seq}', () => {
  it.each([
    [1, '{seq:3}', '001'],
    [12, '{seq:3}', '012'],
    [1234, '{seq:3}', '1234'],
    [0, '{seq:2}', '00'],
    [-1, '{seq:3}', '-1'],
    [Number.NaN, 'n{seq}', 'n'],
    [2.7, '{seq}', '2'],
  ])('seq %d with %s → %s', (seq, template, expected) => {
    expect(expand(template, context({}, { seq }))).toBe(expected);
  });
});

describe('variablesUsed', () => {
  it.each([
    ['{city}', ['city']],
    ['{country}, {city}', ['city', 'country']],
    ['{creator}', ['creators']],
    ['{credit}', ['creditLine']],
    ['{firstsentence} Shared.', ['caption']],
    ['{date:long}', ['dateCreated']],
    ['{filename} {filenamebase} {camera} {seq:3}', []],
    ['{{city}}', []],
    ['plain', []],
    ['{city} {nope}', []],
    ['{firstsentence} in {city}, {city}', ['caption', 'city']],
  ])('%j → %j', (text, fields) => {
    expect(variablesUsed(text)).toEqual(fields);
  });

  it('says whether a text holds variables', () => {
    expect(hasTemplateVariables('in {city}')).toBe(true);
    expect(hasTemplateVariables('in {{city}}')).toBe(false);
    expect(hasTemplateVariables('in {city')).toBe(false);
  });
});

describe('big and odd inputs', () => {
  it('expands a 5,000-character template with many variables', () => {
    const template = 'In {city}, {country} ({seq:4}). '.repeat(170);
    expect(template.length).toBeGreaterThan(5000);
    const parsed = parseTemplateText(template);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const out = expandTemplateParts(parsed.parts, FULL);
    expect(out).toBe('In Pyongyang, North Korea (0007). '.repeat(170));
  });

  it('copies control characters of the literal text and caption as they are', () => {
    expect(expand('a\tb {city}', context({ city: 'X' }))).toBe('a\tb X');
    expect(expand('{firstsentence}', context({ caption: 'A\u0001B speaks. C.' }))).toBe(
      'A\u0001B speaks.',
    );
  });
});
