import { describe, expect, it } from 'vitest';
import { isEmptyQuery, parseSearchQuery } from '../../src/shared/search-query';

describe('parseSearchQuery', () => {
  it('reads bare words as prefix terms in any field', () => {
    expect(parseSearchQuery('Pyongyang parade').terms).toEqual([
      { field: null, text: 'Pyongyang', phrase: false },
      { field: null, text: 'parade', phrase: false },
    ]);
  });

  it('reads quoted text as one exact phrase', () => {
    expect(parseSearchQuery('"Kim Jong Un"').terms).toEqual([
      { field: null, text: 'Kim Jong Un', phrase: true },
    ]);
  });

  it('scopes a word or a phrase to a field, whatever the alias', () => {
    const parsed = parseSearchQuery('creator:grigorov city:"New York" byline:ahn Credit:AP');
    expect(parsed.terms).toEqual([
      { field: 'creators', text: 'grigorov', phrase: false },
      { field: 'city', text: 'New York', phrase: true },
      { field: 'creators', text: 'ahn', phrase: false },
      { field: 'creditLine', text: 'AP', phrase: false },
    ]);
  });

  it('splits words as the index does, so hyphens and slashes find what is stored', () => {
    expect(parseSearchQuery('creator:Young-joon').terms.map((t) => t.text)).toEqual([
      'Young',
      'joon',
    ]);
  });

  it('reads field:empty as an emptiness test', () => {
    const parsed = parseSearchQuery('credit:empty keywords:empty');
    expect(parsed.emptyFields).toEqual(['creditLine', 'keywords']);
    expect(parsed.terms).toEqual([]);
  });

  it('reads the built-in problem filters and explains an unknown one', () => {
    const parsed = parseSearchQuery('is:no-credit is:disagree is:bogus');
    expect(parsed.filters).toEqual(['no-credit', 'disagree']);
    expect(parsed.notes[0]).toMatch(/Unknown filter "is:bogus"/);
  });

  it('searches an unknown field as words and says so', () => {
    const parsed = parseSearchQuery('flavour:red');
    expect(parsed.terms.map((t) => t.text)).toEqual(['flavour', 'red']);
    expect(parsed.notes[0]).toMatch(/Unknown field "flavour"/);
  });

  it('reads culling filters: rating comparisons, labels by colour or name, is:tagged', () => {
    const parsed = parseSearchQuery(
      'rating:>=3 rating:<5 rating:2 stars:>0 label:Red colour:purple label:none label:"To Do" is:tagged',
    );
    expect(parsed.ratings).toEqual([
      { op: '>=', value: 3 },
      { op: '<', value: 5 },
      { op: '=', value: 2 },
      { op: '>', value: 0 },
    ]);
    expect(parsed.labels).toEqual([
      { colour: 'red' },
      { colour: 'purple' },
      { none: true },
      { name: 'To Do' },
    ]);
    expect(parsed.filters).toEqual(['tagged']);
    expect(parsed.terms).toEqual([]);
    expect(parsed.notes).toEqual([]);
    expect(isEmptyQuery(parseSearchQuery('rating:>=1'))).toBe(false);
  });

  it('says so when a rating is not one', () => {
    for (const odd of ['rating:7', 'rating:>=x', 'rating:=>3']) {
      const parsed = parseSearchQuery(odd);
      expect(parsed.ratings).toEqual([]);
      expect(parsed.notes[0]).toMatch(/is not a rating/);
    }
  });

  it('never throws on odd input', () => {
    for (const odd of ['"', '"""', ':', 'a:', '::"x', '*', 'NEAR(', '\u0000', '   ']) {
      expect(() => parseSearchQuery(odd)).not.toThrow();
    }
    expect(isEmptyQuery(parseSearchQuery('   '))).toBe(true);
  });
});
