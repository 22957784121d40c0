import { describe, expect, it } from 'vitest';
import { countNoun, countOf } from '../../src/shared/plural';

describe('countOf / countNoun', () => {
  it('says one and many as English does', () => {
    expect(countNoun(1, 'value')).toBe('1 value');
    expect(countNoun(0, 'photo')).toBe('0 photos');
    expect(countNoun(2, 'change')).toBe('2 changes');
    expect(countNoun(5000, 'photo')).toBe('5,000 photos');
  });

  it("takes a language's own plural rules", () => {
    const forms = { one: 'zdjęcie', few: 'zdjęcia', many: 'zdjęć', other: 'zdjęcia' };
    expect(countOf(1, forms, 'pl')).toBe('1 zdjęcie');
    expect(countOf(3, forms, 'pl')).toBe('3 zdjęcia');
    expect(countOf(5, forms, 'pl')).toBe('5 zdjęć');
    expect(countOf(22, forms, 'pl')).toBe('22 zdjęcia');
  });
});
