import { describe, expect, it } from 'vitest';
import {
  type CreditInputs,
  composeCredit,
  fieldsFromCredit,
  formatCredit,
  parseCredit,
} from '../../../src/shared/credit';
import { CREDIT_TABLE, comparableParts } from './credit-table';

describe('composeCredit', () => {
  it('builds the Kremlin pool credit from Creator, Credit and Source', () => {
    const { credit, usedFrom } = composeCredit({
      creators: ['Kristina Kormilitsyna'],
      creditLine: 'AP',
      source: 'Pool Sputnik Kremlin',
    });
    expect(formatCredit(credit, 'ap')).toBe(
      'Kristina Kormilitsyna, Sputnik, Kremlin Pool Photo via AP',
    );
    expect(formatCredit(credit, 'reuters')).toBe(
      'Sputnik/Kristina Kormilitsyna/Kremlin Pool via AP',
    );
    expect(usedFrom).toEqual(['creators', 'creditLine', 'source']);
  });

  it('prefers the signoff at the end of the caption', () => {
    const { credit, usedFrom } = composeCredit({
      creators: ['Kristina Kormilitsyna'],
      creditLine: 'AP',
      source: 'Pool Sputnik Kremlin',
      caption:
        'Putin drives Kim in Pyongyang. (Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP)',
    });
    expect(formatCredit(credit, 'ap')).toBe('Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP');
    expect(usedFrom).toEqual(['signoff']);
  });

  // The agency photos of fixtures/real/EXPECTED.tsv: Creator, Credit, Source and caption.
  it.each<[string, CreditInputs, string, string]>([
    [
      'exifr/Bush-dog.jpg',
      {
        creators: ['DUANE A. LAVERTY'],
        creditLine: 'AP',
        source: 'AP',
        caption: 'Bush quickly scooped up the dog who was not injured. (AP Photo/Duane A. Laverty)',
      },
      'AP Photo/Duane A. Laverty',
      'signoff',
    ],
    [
      'exifr/Bush-dog.jpg without its caption',
      { creators: ['DUANE A. LAVERTY'], creditLine: 'AP', source: 'AP' },
      'AP Photo/DUANE A. LAVERTY',
      'creators creditLine source',
    ],
    [
      'exiv2/exiv2-bug440.jpg without its caption',
      { creators: ['PAUL SANCYA'], creditLine: 'AP', source: 'AP' },
      'AP Photo/PAUL SANCYA',
      'creators creditLine source',
    ],
    [
      'exifr/RangeError_Offset_outside_bounds.jpg (Reuters, Source is a code)',
      { creators: ['Wolfgang Rattay'], creditLine: 'REUTERS', source: 'X00227' },
      'Wolfgang Rattay/Reuters',
      'creators creditLine',
    ],
    [
      'exifr/RangeError_Invalid_typed_array_length.jpg',
      {
        creators: ['Óscar Cañas'],
        creditLine: 'Óscar Cañas/EUROPA PRESS/dpa',
        source: 'EUROPA PRESS',
      },
      'Óscar Cañas/EUROPA PRESS/dpa',
      'creditLine',
    ],
    [
      'metadata-extractor/withXmp.jpg (AFP via Getty)',
      { creators: ['CHRISTOF STACHE'], creditLine: 'AFP/Getty Images', source: 'AFP' },
      'CHRISTOF STACHE/AFP/Getty Images',
      'creators creditLine source',
    ],
    [
      'exifr/iptc-agency-photographer-example.jpg',
      { creators: ['Julie Doe'], creditLine: 'Mugwum Press', source: 'Julie Doe / Mugwum Press' },
      'Julie Doe/Mugwum Press',
      'creators creditLine source',
    ],
    [
      'exiftool/GPS.jpg (Credit is the photographer)',
      { creators: ['Ian Britton'], creditLine: 'Ian Britton', source: 'FreeFoto.com' },
      'Ian Britton/FreeFoto.com',
      'creators source',
    ],
    [
      'frameright/exif.JPG',
      {
        creators: ['Daniel Chesterton'],
        creditLine: 'Daniel Chesterton/phcimages.com',
        source: 'phcimages.com',
        caption:
          'Wigan Athletic and Norwich City at DW Stadium in Wigan, England. (Photo by Daniel Chesterton/phcimages.com)',
      },
      'Daniel Chesterton/phcimages.com',
      'signoff',
    ],
  ])('composes %s', (_name, inputs, printed, used) => {
    const { credit, usedFrom } = composeCredit(inputs);
    // AP's own pictures are checked in AP style, the others in newspaper style.
    const style = printed.startsWith('AP Photo') ? 'ap' : 'newspaper';
    expect(formatCredit(credit, style)).toBe(printed);
    expect(usedFrom.join(' ')).toBe(used);
  });

  it('returns an empty credit for empty fields', () => {
    const { credit, usedFrom } = composeCredit({});
    expect(credit.creators).toEqual([]);
    expect(credit.agencies).toEqual([]);
    expect(usedFrom).toEqual([]);
  });
});

describe('fieldsFromCredit', () => {
  it('fills Creator, a short Credit Line and Source', () => {
    const credit = parseCredit('Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP');
    expect(fieldsFromCredit(credit, 'ap')).toEqual({
      creators: ['Gavriil Grigorov'],
      creditLine: 'AP',
      source: 'Sputnik/Kremlin Pool',
    });
    expect(fieldsFromCredit(parseCredit('REUTERS/Kim Hong-Ji'), 'reuters')).toEqual({
      creators: ['Kim Hong-Ji'],
      creditLine: 'REUTERS',
      source: 'REUTERS',
    });
    expect(fieldsFromCredit(parseCredit('JUNG YEON-JE/AFP via Getty Images'), 'getty')).toEqual({
      creators: ['JUNG YEON-JE'],
      creditLine: 'Getty Images',
      source: 'AFP',
    });
  });

  it('composes back to the same parts for the whole table (flags aside)', () => {
    for (const row of CREDIT_TABLE) {
      const parsed = parseCredit(row.text);
      if (parsed.file || parsed.handout || parsed.courtesy || parsed.via.length > 1) continue;
      if (parsed.agencies.length > 1 && parsed.via.length > 0) continue;
      const { credit } = composeCredit(fieldsFromCredit(parsed, 'ap'));
      const strip = (parts: ReturnType<typeof comparableParts>) => ({ ...parts, staff: false });
      expect({ row: row.text, parts: strip(comparableParts(credit)) }).toEqual({
        row: row.text,
        parts: strip(comparableParts(parsed)),
      });
    }
  });
});
