import { describe, expect, it } from 'vitest';
import { iimByteLength } from '../../src/shared/checks/iim-limits';

describe('IIM byte length', () => {
  it('equals the UTF-8 encoding length for every kind of text, without encoding it', () => {
    const encoder = new TextEncoder();
    const samples = ['', 'AP', 'Séoul', '서울 Кремль 北京 القاهرة', '🎉👍🏽', '\ud800', 'a\udc00b'];
    // Seeded random strings over the whole BMP and beyond, lone surrogates included.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 500; n++) {
      let text = '';
      for (let i = 0; i < 20; i++) text += String.fromCharCode(Math.floor(random() * 0x10000));
      samples.push(text);
    }
    for (const text of samples) expect(iimByteLength(text)).toBe(encoder.encode(text).length);
  });
});
