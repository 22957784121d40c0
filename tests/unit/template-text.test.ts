import { describe, expect, it } from 'vitest';
import { emptyCaptionFields } from '../../src/shared/model';
import {
  apLongDate,
  expandTemplateText,
  fieldsUsedBy,
  firstSentence,
  parseTemplateText,
  type TemplateContext,
  templateTextProblem,
} from '../../src/shared/template-text';

function context(overrides: Partial<TemplateContext> = {}, fields = {}): TemplateContext {
  return {
    fileName: 'KOR-parade-007.jpg',
    date: '2024-06-19T10:15:00+09:00',
    fields: {
      ...emptyCaptionFields(),
      city: 'Pyongyang',
      country: 'North Korea',
      creators: ['Gavriil Grigorov', 'Kristina Kormilitsyna'],
      creditLine: 'AP',
      caption: 'Kim Jong Un waves. Putin arrived on Wednesday.',
      ...fields,
    },
    cameraMake: 'Canon',
    cameraModel: 'Canon EOS R3',
    seq: 7,
    ...overrides,
  };
}

describe('template variables', () => {
  const cases: [string, string][] = [
    ['{filename}', 'KOR-parade-007.jpg'],
    ['{filenamebase}', 'KOR-parade-007'],
    ['{date}', '2024-06-19'],
    ['{date:long}', 'Wednesday, June 19, 2024'],
    ['{city}, {country}', 'Pyongyang, North Korea'],
    ['Photo: {creator}/{credit}', 'Photo: Gavriil Grigorov/AP'],
    ['{camera}', 'Canon EOS R3'],
    ['#{seq} #{seq:3}', '#7 #007'],
    ['{firstsentence} More.', 'Kim Jong Un waves. More.'],
    ['{{literal}} braces', '{literal} braces'],
    ['{CITY}', 'Pyongyang'],
  ];
  for (const [text, expected] of cases) {
    it(`${text} → ${expected}`, () => expect(expandTemplateText(text, context())).toBe(expected));
  }

  it('leaves no stray comma or double space where a value is missing', () => {
    const noCity = context({}, { city: '' });
    expect(expandTemplateText('People gather in {city}, {country}, on {date:long}.', noCity)).toBe(
      'People gather in North Korea, on Wednesday, June 19, 2024.',
    );
    expect(expandTemplateText('{city}, {country}', context({ date: null }, { city: '' }))).toBe(
      'North Korea',
    );
    expect(expandTemplateText('On {date:long}.', context({ date: null }))).toBe('On.');
  });

  it('names the make once: "NIKON CORPORATION" + "NIKON Z 9", and a model without the make', () => {
    expect(
      expandTemplateText(
        '{camera}',
        context({ cameraMake: 'NIKON CORPORATION', cameraModel: 'NIKON Z 9' }),
      ),
    ).toBe('NIKON Z 9');
    expect(
      expandTemplateText('{camera}', context({ cameraMake: 'SONY', cameraModel: 'ILCE-1' })),
    ).toBe('SONY ILCE-1');
  });

  it('refuses an unknown variable or a stray brace with its position and the known variables', () => {
    expect(templateTextProblem('In {town}')).toMatch(
      /Unknown variable \{town\} at position 4;.*\{city\}/,
    );
    expect(templateTextProblem('In {city')).toMatch(/never closed/);
    expect(templateTextProblem('In city}')).toMatch(/closes nothing/);
    expect(templateTextProblem('{date:short}')).toMatch(/not a form of \{date\}/);
    expect(templateTextProblem('{seq:3} {date:long}')).toBeNull();
    expect(() => parseTemplateText('{nope}')).toThrow();
  });

  it('tells which fields a text follows, for live values', () => {
    expect(fieldsUsedBy('{firstsentence} in {city}, {country}. {filename}').sort()).toEqual([
      'caption',
      'city',
      'country',
    ]);
    expect(fieldsUsedBy('no variables')).toEqual([]);
    expect(fieldsUsedBy('{broken')).toEqual([]);
  });
});

describe('AP dates', () => {
  const dates: [string, string][] = [
    ['2024-06-19', 'Wednesday, June 19, 2024'],
    ['2024-09-05', 'Thursday, Sept. 5, 2024'],
    ['2025-01-01', 'Wednesday, Jan. 1, 2025'],
    ['2024-03-10', 'Sunday, March 10, 2024'],
    ['2023-12-31T23:59:59-05:00', 'Sunday, Dec. 31, 2023'],
    ['2024-02-29', 'Thursday, Feb. 29, 2024'],
  ];
  for (const [iso, expected] of dates) {
    it(`${iso} → ${expected}`, () => expect(apLongDate(iso)).toBe(expected));
  }
  it('gives nothing for a missing or malformed date', () => {
    expect(apLongDate(null)).toBe('');
    expect(apLongDate('June 2024')).toBe('');
    expect(apLongDate('2024-13-01')).toBe('');
  });
});

describe('first sentence', () => {
  const cases: [string, string][] = [
    ['Kim waves. Putin arrives.', 'Kim waves.'],
    ['U.S. troops arrive in Seoul. More later.', 'U.S. troops arrive in Seoul.'],
    ['Gov. Kim Dong-yeon speaks. Later.', 'Gov. Kim Dong-yeon speaks.'],
    ['The parade on Jan. 5 drew crowds. Then rain.', 'The parade on Jan. 5 drew crowds.'],
    ['J. Smith waves to 2.5 million people. Then.', 'J. Smith waves to 2.5 million people.'],
    ['He said "Stop." Then left.', 'He said "Stop."'],
    ['Is it over? Yes.', 'Is it over?'],
    ['One sentence only', 'One sentence only'],
    ['', ''],
    ['🎉 Fans cheer. 🎉 Again.', '🎉 Fans cheer. 🎉 Again.'],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => expect(firstSentence(text)).toBe(expected));
  }
});
