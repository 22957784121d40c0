import { describe, expect, it } from 'vitest';
import {
  CREDIT_STYLE_IDS,
  creditTextKey,
  defaultAgencyRegistry,
  formatCredit,
  parseCredit,
} from '../../../src/shared/credit';
import { CREDIT_TABLE, type CreditRow, comparableParts } from './credit-table';

const FLAGS = ['file', 'handout', 'courtesy', 'staff'] as const;

function expectedParts(row: CreditRow) {
  const flags = (row.flags ?? '').split(' ').filter(Boolean);
  return {
    creators: row.creators,
    agencies: row.agencies,
    pool: row.pool ?? '',
    via: row.via ?? [],
    ...Object.fromEntries(FLAGS.map((flag) => [flag, flags.includes(flag)])),
  };
}

describe('the credit table', () => {
  it('has at least 60 real-world credit lines', () => {
    expect(CREDIT_TABLE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CREDIT_TABLE)('reads $text into its parts', (row) => {
    const parsed = parseCredit(row.text);
    const { style, confidence, raw, labels: _labels, doubt: _doubt, ...parts } = parsed;
    expect(parts).toEqual(expectedParts(row));
    expect(style).toBe(row.style);
    expect(raw).toBe(row.text);
    expect(confidence).toBeGreaterThanOrEqual(row.style === 'unknown' ? 0.5 : 0.8);
  });

  it.each(CREDIT_TABLE)('gives back $text when formatted in the style recognised', (row) => {
    const parsed = parseCredit(row.text);
    if (parsed.style === 'unknown') return;
    expect(creditTextKey(formatCredit(parsed, parsed.style))).toBe(creditTextKey(row.text));
  });

  it.each(CREDIT_TABLE)('keeps the parts of $text through every style', (row) => {
    const parsed = parseCredit(row.text);
    for (const style of CREDIT_STYLE_IDS) {
      const printed = formatCredit(parsed, style);
      const again = parseCredit(printed);
      expect({ style, printed, parts: comparableParts(again) }).toEqual({
        style,
        printed,
        parts: comparableParts(parsed),
      });
      // Printed again in the same style, the converted credit does not change.
      expect(creditTextKey(formatCredit(again, style))).toBe(creditTextKey(printed));
    }
  });
});

describe('parseCredit', () => {
  it('reads any letter case and either separator', () => {
    for (const text of [
      'ap photo/ahn young-joon',
      'AP PHOTO\\AHN YOUNG-JOON',
      'Ap Photo / Ahn Young-joon',
    ]) {
      const parsed = parseCredit(text);
      expect(parsed.creators.map((n) => n.toLowerCase())).toEqual(['ahn young-joon']);
      expect(defaultAgencyRegistry.canonical(parsed.agencies[0] ?? '')).toBe('AP');
      expect(parsed.confidence).toBeGreaterThanOrEqual(0.5);
    }
    const getty = parseCredit('photo by sergei bobylev/tass via getty images');
    expect([getty.creators, getty.agencies, getty.via]).toEqual([
      ['sergei bobylev'],
      ['tass'],
      ['getty images'],
    ]);
  });

  it('keeps names as written', () => {
    expect(parseCredit('JUNG YEON-JE/AFP via Getty Images').creators).toEqual(['JUNG YEON-JE']);
    expect(parseCredit('Óscar Cañas/EUROPA PRESS/dpa').agencies).toEqual(['EUROPA PRESS', 'dpa']);
  });

  it('reads several people', () => {
    const parsed = parseCredit(
      'Gavriil Grigorov and Kristina Kormilitsyna, Sputnik, Kremlin Pool Photo via AP',
    );
    expect(parsed.creators).toEqual(['Gavriil Grigorov', 'Kristina Kormilitsyna']);
    expect(parsed.style).toBe('ap');
    expect(parseCredit('AP Photo/Ahn Young-joon, Lee Jin-man and Evan Vucci').creators).toEqual([
      'Ahn Young-joon',
      'Lee Jin-man',
      'Evan Vucci',
    ]);
  });

  it('strips a "Photo:" label and a final full stop', () => {
    const parsed = parseCredit('Photo: Óscar Cañas/EUROPA PRESS/dpa.');
    expect(parsed.creators).toEqual(['Óscar Cañas']);
    expect(parsed.style).toBe('newspaper');
  });

  it('uses the extra agencies a caller registers', async () => {
    const { createAgencyRegistry } = await import('../../../src/shared/credit');
    const registry = createAgencyRegistry([{ name: 'Cutline Daily', spellings: ['CD'] }]);
    const parsed = parseCredit('Jane Smith/CD', registry);
    expect(parsed.agencies).toEqual(['CD']);
    expect(registry.canonical('cd')).toBe('Cutline Daily');
    expect(registry.same('AP Photo', 'Associated Press')).toBe(true);
  });

  it.each([
    '',
    '   ',
    '(left)',
    '(pictured in 2019)',
    'the president waves to the crowd',
    '(((',
    ')/\\,;',
    'via via via',
    '12345',
  ])('calls %j no credit, with low confidence', (text) => {
    const parsed = parseCredit(text);
    expect(parsed.style).toBe('unknown');
    expect(parsed.confidence).toBeLessThan(0.5);
    expect(parsed.raw).toBe(text);
  });

  it('never throws, even on values that are not strings', () => {
    expect(parseCredit(undefined as unknown as string).style).toBe('unknown');
    expect(parseCredit(42 as unknown as string).confidence).toBe(0);
  });
});
