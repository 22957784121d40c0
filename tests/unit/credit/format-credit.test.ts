import { describe, expect, it } from 'vitest';
import {
  CreditStyleError,
  CreditTemplateError,
  compileCreditTemplate,
  creditBlock,
  formatCredit,
  makeCredit,
  parseCredit,
} from '../../../src/shared/credit';

const kremlin = makeCredit({
  creators: ['Gavriil Grigorov'],
  agencies: ['Sputnik'],
  pool: 'Kremlin Pool',
  via: ['AP'],
});
const ahn = makeCredit({ creators: ['Ahn Young-joon'], agencies: ['AP'], staff: true });

describe('formatCredit', () => {
  it('prints every AP shape', () => {
    expect(formatCredit(ahn, 'ap')).toBe('AP Photo/Ahn Young-joon');
    expect(formatCredit({ ...ahn, file: true }, 'ap')).toBe('AP Photo/Ahn Young-joon, File');
    expect(formatCredit(kremlin, 'ap')).toBe(
      'Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP',
    );
    expect(formatCredit(makeCredit({ agencies: ['Yonhap'], via: ['AP'] }), 'ap')).toBe(
      'Yonhap via AP',
    );
    expect(formatCredit(makeCredit({ agencies: ['KCNA'], via: ['AP'], handout: true }), 'ap')).toBe(
      'Korean Central News Agency/Handout via AP',
    );
    expect(
      formatCredit(
        makeCredit({ creators: ['Nicole Tung'], agencies: ['NYT'], via: ['Associated Press'] }),
        'ap',
      ),
    ).toBe('Nicole Tung/The New York Times via AP');
  });

  it('prints the other house styles', () => {
    expect(formatCredit(kremlin, 'reuters')).toBe('Sputnik/Gavriil Grigorov/Kremlin Pool via AP');
    expect(formatCredit({ ...kremlin, via: ['Reuters'], pool: 'Pool' }, 'reuters')).toBe(
      'Sputnik/Gavriil Grigorov/Pool via REUTERS',
    );
    expect(
      formatCredit(
        makeCredit({ creators: ['JUNG YEON-JE'], agencies: ['AFP'], via: ['Getty Images'] }),
        'getty',
      ),
    ).toBe('Photo by JUNG YEON-JE/AFP via Getty Images');
    expect(formatCredit(ahn, 'afp')).toBe('AHN YOUNG-JOON / AP');
    expect(
      formatCredit(makeCredit({ creators: ['Jeon Heon-kyun'], agencies: ['EPA'] }), 'epa'),
    ).toBe('EPA-EFE/JEON HEON-KYUN');
    expect(formatCredit(ahn, 'newspaper')).toBe('Ahn Young-joon/AP');
    expect(formatCredit(ahn, 'comma')).toBe('Ahn Young-joon, AP');
  });

  it('refuses an unknown style with the list of styles', () => {
    expect(() => formatCredit(ahn, 'bbc' as 'ap')).toThrow(CreditStyleError);
    expect(() => formatCredit(ahn, 'bbc' as 'ap')).toThrow(
      /ap, reuters, getty, afp, epa, newspaper, comma/,
    );
  });
});

describe('credit templates', () => {
  const newspaper = {
    name: 'house',
    template: '{creators}[/{agencies}][/{pool}][ via {via}][{file}, File]',
  };

  it('prints values and drops groups whose values are missing', () => {
    expect(formatCredit(ahn, newspaper)).toBe('Ahn Young-joon/AP');
    expect(formatCredit({ ...kremlin, file: true }, newspaper)).toBe(
      'Gavriil Grigorov/Sputnik/Kremlin Pool via AP, File',
    );
    expect(
      formatCredit(kremlin, { name: 'x', template: 'Photo: {creator|upper}[ ({agency|lower})]' }),
    ).toBe('Photo: GAVRIIL GRIGOROV (sputnik)');
    expect(formatCredit(ahn, { name: 'x', template: '[[{handout}Handout/]{agencies}]' })).toBe(
      'AP',
    );
    expect(compileCreditTemplate('\\[{creators}\\]')(ahn)).toBe('[Ahn Young-joon]');
  });

  it.each([
    ['{creators}/{agency_name}', /Unknown placeholder "\{agency_name\}" at 12/],
    ['{creators|title}', /Unknown modifier "\|title"/],
    ['[{creators}', /Unclosed "\[" at 1/],
    ['{creators}]', /Unmatched "\]"/],
    ['{creators', /Unclosed "\{"/],
  ])('reports a fault in %j', (template, message) => {
    expect(() => compileCreditTemplate(template)).toThrow(CreditTemplateError);
    expect(() => compileCreditTemplate(template)).toThrow(message);
  });
});

describe('creditBlock', () => {
  it('groups people who share agency, pool and distributor, in order', () => {
    const credits = [
      parseCredit('Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP'),
      parseCredit('AP Photo/Ahn Young-joon'),
      parseCredit('Kristina Kormilitsyna, Sputnik, Kremlin Pool Photo via AP'),
      parseCredit('(Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP)'),
      parseCredit('Ahn Young-Joon/AP'),
    ];
    expect(creditBlock(credits, 'ap')).toBe(
      'Photos: Gavriil Grigorov and Kristina Kormilitsyna, Sputnik, Kremlin Pool Photo via AP; Ahn Young-joon/AP',
    );
    expect(creditBlock(credits, 'getty')).toBe(
      'Photos: Gavriil Grigorov and Kristina Kormilitsyna/Sputnik/Kremlin Pool via AP; Ahn Young-joon/AP',
    );
  });

  it('labels one photo "Photo:", keeps unreadable credits as written and prints nothing for none', () => {
    expect(creditBlock([parseCredit('REUTERS/Kim Hong-Ji')], 'reuters')).toBe(
      'Photo: REUTERS/Kim Hong-Ji',
    );
    expect(
      creditBlock(
        [
          parseCredit('REUTERS/Kim Hong-Ji'),
          parseCredit('(courtesy the family)'),
          parseCredit('(???)'),
        ],
        'ap',
        { label: '' },
      ),
    ).toBe('Kim Hong-Ji/Reuters; Courtesy of the family; ???');
    expect(creditBlock([], 'ap')).toBe('');
  });
});
