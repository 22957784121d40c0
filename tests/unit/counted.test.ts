import { describe, expect, it } from 'vitest';
import { counted, digitsGrouped } from '../../src/shared/counted';

describe('counts in messages', () => {
  it('groups thousands exactly as en-US toLocaleString does', () => {
    const samples = [0, 1, 7, 12, 999, 1000, 1001, 12_345, 999_999, 1_000_000, 123_456_789];
    for (let n = 1; n < Number.MAX_SAFE_INTEGER / 7; n = n * 7 + 3) samples.push(n, -n);
    samples.push(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, -0);
    for (const n of samples) expect(digitsGrouped(n), String(n)).toBe(n.toLocaleString('en-US'));
  });

  it('leaves what is not a whole number to ICU', () => {
    for (const n of [1.5, 1234.5678, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      expect(digitsGrouped(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  it('says the noun in the singular for one only', () => {
    expect(counted(1, 'photo')).toBe('1 photo');
    expect(counted(0, 'photo')).toBe('0 photos');
    expect(counted(2_400, 'copy', 'copies')).toBe('2,400 copies');
  });
});
