import { describe, expect, it } from 'vitest';
import { fieldsOverIimLimit, iimByteLength } from '../../src/shared/checks/iim-limits';
import { emptyCaptionFields, IIM_LIMITS } from '../../src/shared/model';

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

describe('fields over their IIM limit', () => {
  const encoder = new TextEncoder();
  const letters = ['a', 'é', '北', '🎉'];

  it('counts bytes, not letters, on both sides of every shortcut', () => {
    // Headline (a text) and keywords (a list): texts around a third of each one's limit and
    // around the limit itself, in letters of one, two, three and four bytes.
    for (const field of ['headline', 'keywords'] as const) {
      const limit = IIM_LIMITS[field]!;
      for (const letter of letters) {
        for (const count of [
          1,
          limit / 4,
          limit / 3 - 1,
          limit / 3,
          limit / 3 + 1,
          limit / 2,
          limit / 2 + 1,
          limit - 1,
          limit,
          limit + 1,
        ]) {
          const text = letter.repeat(Math.floor(count));
          const fields = emptyCaptionFields();
          if (field === 'keywords') fields.keywords = ['x', text];
          else fields.headline = text;
          const over = encoder.encode(text).length > limit;
          expect(fieldsOverIimLimit(fields), `${field}: ${count} × ${letter}`).toEqual(
            over ? [field] : [],
          );
        }
      }
    }
  });
});
