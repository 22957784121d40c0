import { describe, expect, it } from 'vitest';
import { type CheckId, checkCaption, curlQuotes } from '../../src/shared/checks/caption-checks';
import { type CaptionFields, emptyCaptionFields } from '../../src/shared/model';

const GOOD =
  'North Korean leader Kim Jong Un waves to the crowd in Pyongyang, North Korea, Wednesday, June 19, 2024.';

function fields(overrides: Partial<CaptionFields> = {}): CaptionFields {
  return {
    ...emptyCaptionFields(),
    caption: GOOD,
    creditLine: 'AP',
    creators: ['Jon Chol Jin'],
    city: 'Pyongyang',
    altText: 'A man in a dark suit waves from a balcony.',
    ...overrides,
  };
}

const ids = (f: CaptionFields, curly = false): CheckId[] =>
  checkCaption(f, { curlyQuotes: curly }).map((w) => w.id);

describe('caption checks', () => {
  it('a well-formed AP caption with credit and alt text has nothing to say', () => {
    expect(checkCaption(fields())).toEqual([]);
  });

  it('no credit anywhere; a signoff in the caption counts as a credit', () => {
    expect(ids(fields({ creditLine: '', creators: [] }))).toContain('no-credit');
    const signed = fields({
      creditLine: '',
      creators: [],
      caption: `${GOOD} (AP Photo/Jon Chol Jin)`,
    });
    expect(ids(signed)).not.toContain('no-credit');
  });

  it('offers to move a credit typed into the caption to the credit line', () => {
    const warning = checkCaption(
      fields({ creditLine: '', caption: `${GOOD} (AP Photo/Ahn Young-joon)` }),
    ).find((w) => w.id === 'credit-in-caption');
    expect(warning?.fix?.changes).toEqual({ caption: GOOD, creditLine: 'AP Photo/Ahn Young-joon' });
    // A wire signoff beside a filled Credit line is as agencies send it: flagged only on request.
    const wire = fields({ caption: `${GOOD} (AP Photo/Ahn Young-joon)` });
    expect(ids(wire)).not.toContain('credit-in-caption');
    expect(checkCaption(wire, { flagCaptionSignoff: true }).map((w) => w.id)).toContain(
      'credit-in-caption',
    );
    // A caption that ends in a remark in parentheses is left alone.
    expect(ids(fields({ caption: `${GOOD} (The parade was postponed twice.)` }))).not.toContain(
      'credit-in-caption',
    );
  });

  it('asks for the day or date', () => {
    expect(ids(fields({ caption: 'Kim Jong Un waves in Pyongyang.' }))).toContain('no-date');
    for (const dated of ['on Monday.', 'on Sept. 5.', 'on 2024-06-19.', 'on June 19.']) {
      expect(ids(fields({ caption: `Kim waves in Pyongyang ${dated}` }))).not.toContain('no-date');
    }
  });

  it('double spaces, with a fix', () => {
    const warning = checkCaption(fields({ caption: GOOD.replace('waves to', 'waves  to') })).find(
      (w) => w.id === 'double-space',
    );
    expect(warning?.fix?.changes.caption).toBe(GOOD);
  });

  it('straight quotes only where the house curls them, with a fix', () => {
    const quoted = fields({ caption: `${GOOD} He said "we will win" and 'more'.` });
    expect(ids(quoted)).not.toContain('straight-quotes');
    const warning = checkCaption(quoted, { curlyQuotes: true }).find(
      (w) => w.id === 'straight-quotes',
    );
    expect(warning?.fix?.changes.caption).toContain('“we will win” and ‘more’.');
    expect(curlQuotes(`It's "fine"`)).toBe('It’s “fine”');
  });

  it('unbalanced parentheses and quotes', () => {
    expect(ids(fields({ caption: `${GOOD} (left` }))).toContain('unbalanced');
    expect(ids(fields({ caption: `${GOOD} left)` }))).toContain('unbalanced');
    expect(ids(fields({ caption: `${GOOD} He said “yes.` }))).toContain('unbalanced');
    expect(ids(fields({ caption: `${GOOD} He said "yes.` }))).toContain('unbalanced');
  });

  it('a value over its IIM limit is cut in IIM only', () => {
    const warning = checkCaption(fields({ headline: 'é'.repeat(200) })).find(
      (w) => w.id === 'over-iim-limit',
    );
    expect(warning).toMatchObject({ field: 'headline' });
    expect(warning?.message).toContain('400 bytes; IIM holds 256');
    expect(ids(fields({ creators: ['Jon Chol Jin', 'x'.repeat(40)] }))).toContain('over-iim-limit');
  });

  it('alt text missing or too long', () => {
    expect(ids(fields({ altText: '' }))).toContain('alt-text-missing');
    expect(ids(fields({ altText: 'a'.repeat(251) }))).toContain('alt-text-long');
    expect(ids(fields({ altText: 'a'.repeat(250) }))).not.toContain('alt-text-long');
  });

  it('AP structure: where, when and the present tense in the first sentence', () => {
    const past = checkCaption(
      fields({
        caption: 'Kim Jong Un waved to the crowd in Pyongyang on Wednesday, June 19, 2024.',
      }),
    ).find((w) => w.id === 'ap-structure');
    expect(past?.message).toContain('the present tense');
    const nowhere = checkCaption(fields({ city: '', caption: 'Kim waves on Monday. More.' })).find(
      (w) => w.id === 'ap-structure',
    );
    expect(nowhere?.message).toContain('where');
  });

  it('takes odd input without throwing: emoji, 5,000 characters, control characters, empty', () => {
    for (const caption of ['', '🎉'.repeat(100), 'x '.repeat(2500), 'a\u0000b\u0007c']) {
      expect(() => checkCaption(fields({ caption }))).not.toThrow();
    }
    expect(() => checkCaption(emptyCaptionFields())).not.toThrow();
  });

  it('speaks the house style: Reuters examples and name once the house style is Reuters', () => {
    const undated = fields({ caption: 'Kim Jong Un waved to the crowd.' });
    const ap = checkCaption(undated);
    expect(ap.find((w) => w.id === 'no-date')?.message).toBe(
      'The caption names no day or date (AP: "Wednesday, June 19, 2024").',
    );
    expect(ap.find((w) => w.id === 'ap-structure')?.message).toMatch(/^AP captions open/);

    const reuters = checkCaption(undated, { houseStyle: 'reuters' });
    const messages = reuters.map((w) => w.message).join('\n');
    expect(messages).not.toContain('AP');
    expect(messages).not.toContain('Wednesday');
    expect(reuters.find((w) => w.id === 'no-date')?.message).toBe(
      'The caption names no day or date (Reuters: "June 19, 2024").',
    );
    expect(reuters.find((w) => w.id === 'ap-structure')?.message).toMatch(/^Reuters captions open/);

    const own = checkCaption(undated, { houseStyle: 'Desk style' });
    expect(own.map((w) => w.message).join('\n')).not.toMatch(/\bAP\b|Reuters/);
    expect(own.find((w) => w.id === 'no-date')?.message).toBe(
      'The caption names no day or date (e.g. "June 19, 2024").',
    );
  });
});
