import { describe, expect, it } from 'vitest';
import { cutToUtf8Bytes } from '../../../src/main/metadata/utf8-cut';

describe('cutToUtf8Bytes', () => {
  it('keeps text within the limit as it is', () => {
    expect(cutToUtf8Bytes('AP', 32)).toBe('AP');
  });
  it('cuts at a character boundary, never inside a multi-byte character', () => {
    // "Пхеньян" is 14 bytes: 7 letters of 2 bytes each.
    expect(cutToUtf8Bytes('Пхеньян', 5)).toBe('Пх');
    expect(cutToUtf8Bytes('김정은', 7)).toBe('김정');
    expect(cutToUtf8Bytes('a😀b', 4)).toBe('a');
  });
  it('cuts a 57-byte credit to the 32 bytes IIM Credit allows', () => {
    const cut = cutToUtf8Bytes('Kristina Kormilitsyna, Sputnik, Kremlin Pool Photo via AP', 32);
    expect(Buffer.byteLength(cut)).toBe(32);
  });
});
