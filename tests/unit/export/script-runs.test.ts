import { describe, expect, it } from 'vitest';
import { fontCoverage } from '../../../src/main/export/font-coverage';
import { withoutUndrawableEmoji } from '../../../src/main/export/script-runs';
import { sheetFonts } from '../../../src/main/export/sheet-fonts';

/** A sheet whose fonts have Latin letters and 📷, and nothing newer. */
const oldFonts = (char: string) => char !== '🫠' && char !== '🥲' && char !== '🫶';

describe('withoutUndrawableEmoji', () => {
  it('leaves text without emoji as it is', () => {
    const text = 'Putin arrives in Pyongyang. Путин прибыл.';
    expect(withoutUndrawableEmoji(text, () => false)).toEqual({ text, dropped: [] });
  });

  it('takes out emoji no font draws, whole, without leaving doubled spaces', () => {
    expect(withoutUndrawableEmoji('Fans cheer 🫠 loudly 📷.', oldFonts)).toEqual({
      text: 'Fans cheer loudly 📷.',
      dropped: ['🫠'],
    });
    expect(withoutUndrawableEmoji('🫠 Fans smile 🥲.', oldFonts).text).toBe('Fans smile.');
    // The modifier has a glyph, the hands do not: the whole emoji goes.
    expect(withoutUndrawableEmoji('Thanks 🫶🏻 (AP Photo)', oldFonts)).toEqual({
      text: 'Thanks (AP Photo)',
      dropped: ['🫶🏻'],
    });
    expect(withoutUndrawableEmoji('Melting 🫠\nSecond line', oldFonts).text).toBe(
      'Melting\nSecond line',
    );
    expect(withoutUndrawableEmoji('Row 1️⃣ wins', () => false)).toEqual({
      text: 'Row 1 wins',
      dropped: ['1️⃣'],
    });
  });

  it('keeps drawable emoji but not the skin-tone swatches of a monochrome font', () => {
    expect(withoutUndrawableEmoji('Thumbs 👍🏽 up, flag 🇰🇷', () => true)).toEqual({
      text: 'Thumbs 👍 up, flag 🇰🇷',
      dropped: [],
    });
  });

  it('asks the fonts found here (Symbola, where installed, has 📷 but not the newer 🫠)', () => {
    const coverage = fontCoverage(sheetFonts());
    const { text, dropped } = withoutUndrawableEmoji('Camera 📷 and 🫠', coverage.canDraw);
    expect(dropped).toEqual(coverage.canDraw('🫠') ? [] : ['🫠']);
    if (sheetFonts().symbol?.path.includes('Symbola')) expect(text).toBe('Camera 📷 and');
  });
});
