import { describe, expect, it } from 'vitest';
import {
  firstSentence,
  firstSentenceEnd,
  splitFirstSentence,
} from '../../../src/shared/editing/first-sentence';

describe('firstSentence', () => {
  it.each([
    // [caption, first sentence]
    ['Kim Jong Un speaks. Soldiers cheer.', 'Kim Jong Un speaks.'],
    ['One sentence only', 'One sentence only'],
    ['One sentence only.', 'One sentence only.'],
    ['', ''],
    ['   ', ''],
    ['  Leading spaces. Then more.', 'Leading spaces.'],
    ['Is it? Yes.', 'Is it?'],
    ['Wow! Crowds cheer.', 'Wow!'],
    // Abbreviations that do not end a sentence.
    ['U.S. President Joe Biden speaks. Next.', 'U.S. President Joe Biden speaks.'],
    [
      'Officials in the U.N. Security Council vote. Next.',
      'Officials in the U.N. Security Council vote.',
    ],
    ['Gov. Gavin Newsom speaks in Sacramento. Next.', 'Gov. Gavin Newsom speaks in Sacramento.'],
    ['Sen. Jane Doe and Rep. John Roe talk. Next.', 'Sen. Jane Doe and Rep. John Roe talk.'],
    ['Lt. Gen. Kim inspects troops. Next.', 'Lt. Gen. Kim inspects troops.'],
    ['A man walks on Wednesday, Jan. 17, 2024. Next.', 'A man walks on Wednesday, Jan. 17, 2024.'],
    [
      'Crowds gather Thursday, Sept. 5, 2024, in Seoul. Next.',
      'Crowds gather Thursday, Sept. 5, 2024, in Seoul.',
    ],
    ['Dec. 24 is busy. Next.', 'Dec. 24 is busy.'],
    ['Pilgrims walk in St. Petersburg. Next.', 'Pilgrims walk in St. Petersburg.'],
    ['Hikers climb Mt. Fuji. Next.', 'Hikers climb Mt. Fuji.'],
    ['Photographer J. Smith waits. Next.', 'Photographer J. Smith waits.'],
    ['Martin Luther King Jr. Day is marked. Next.', 'Martin Luther King Jr. Day is marked.'],
    ['Dr. Kim and Mrs. Lee smile. Next.', 'Dr. Kim and Mrs. Lee smile.'],
    ['Microsoft Corp. CEO speaks. Next.', 'Microsoft Corp. CEO speaks.'],
    [
      'Trains leave at 10 a.m. Tuesday in Seoul. Next.',
      'Trains leave at 10 a.m. Tuesday in Seoul.',
    ],
    [
      'Protesters march in Washington, D.C. Next sentence.',
      'Protesters march in Washington, D.C. Next sentence.',
    ],
    ['No. 10 Downing Street is seen. Next.', 'No. 10 Downing Street is seen.'],
    // Decimal numbers.
    ['The index falls 3.5 percent. Next.', 'The index falls 3.5 percent.'],
    ['Prices rise 1.25. Traders react.', 'Prices rise 1.25.'],
    // Real ends.
    ['A girl waves in 2024. The crowd cheers.', 'A girl waves in 2024.'],
    ['Rescuers search in Tallahassee, Fla. Police said.', 'Rescuers search in Tallahassee, Fla.'],
    ['He says "no." Then leaves.', 'He says "no."'],
    ['He says “no.” Then leaves.', 'He says “no.”'],
    ['A man waits (left). A woman walks.', 'A man waits (left).'],
    ['Kim speaks. (AP Photo/Ahn Young-joon)', 'Kim speaks.'],
    ['Kim speaks. "Quote follows."', 'Kim speaks.'],
    ['Kim speaks. 2024 was busy.', 'Kim speaks.'],
    // Not an end: lower case follows.
    ['He said "go!" and left. Next.', 'He said "go!" and left.'],
    ['The sign reads e.g. this one. Next.', 'The sign reads e.g. this one.'],
    // Ellipsis.
    ['He waits... The crowd leaves.', 'He waits...'],
    // Other scripts and emoji.
    ['김정은 위원장이 연설하고 있다. 두 번째 문장.', '김정은 위원장이 연설하고 있다.'],
    ['金正恩が演説する。次の文。', '金正恩が演説する。'],
    ['Fans cheer 🎉. Players bow.', 'Fans cheer 🎉.'],
    ['🎉 Fans cheer. Players bow.', '🎉 Fans cheer.'],
    // Paragraphs.
    ['First paragraph without stop\n\nSecond paragraph.', 'First paragraph without stop'],
    ['First line\r\n\r\nSecond.', 'First line'],
    ['A hard-wrapped\nsentence goes on. Next.', 'A hard-wrapped\nsentence goes on.'],
  ])('%j → %j', (caption, expected) => {
    expect(firstSentence(caption)).toBe(expected);
  });

  it('splits off the rest, trimmed', () => {
    expect(splitFirstSentence('  Kim speaks.   Soldiers cheer. More. ')).toEqual({
      first: 'Kim speaks.',
      rest: 'Soldiers cheer. More.',
    });
    expect(splitFirstSentence('Only one')).toEqual({ first: 'Only one', rest: '' });
  });

  it('gives the end offset, past closing quotes', () => {
    expect(firstSentenceEnd('He says "no." Then')).toBe(13);
    expect(firstSentenceEnd('abc')).toBe(3);
    expect(firstSentenceEnd('abc  ')).toBe(3);
  });

  it('handles a 5,000-character caption quickly and exactly', () => {
    const sentence = 'U.S. troops march past Gov. Smith in St. Louis on Jan. 5, 2024 at 3.5 km/h';
    const long = `${`${sentence}, `.repeat(70)}end. Second sentence.`;
    expect(long.length).toBeGreaterThan(5000);
    const started = performance.now();
    expect(firstSentence(long)).toBe(long.slice(0, long.indexOf('end.') + 4));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('keeps control characters inside the sentence', () => {
    expect(firstSentence('A\u0007B speaks. Next.')).toBe('A\u0007B speaks.');
  });
});
