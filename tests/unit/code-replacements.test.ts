import { describe, expect, it } from 'vitest';
import {
  codeDictionary,
  expandCodeBeforeCaret,
  expandCodes,
  formatCodeReplacementFile,
  lookupCode,
  parseCodeReplacementFile,
} from '../../src/shared/code-replacements';

// A list as a Photo Mechanic user exports it: BOM, CRLF, comments, several columns.
const PM_FILE =
  '\uFEFF// North Korea desk\r\n' +
  'kju\tKim Jong Un\tNorth Korean leader Kim Jong Un\r\n' +
  'pyo\tPyongyang, North Korea\r\n' +
  '\r\n' +
  '  // indented comment\r\n' +
  'ap2\tAP Photo\r\n' +
  'KJU\tKIM JONG UN\r\n' +
  'broken line without tab\r\n' +
  'two words\tnot a code\r\n' +
  '\tno code\r\n' +
  'pyo\tPyongyang\r\n';

describe('Photo Mechanic code-replacement files', () => {
  it('reads codes and columns, skips comments, reports bad lines with their numbers', () => {
    const { entries, problems } = parseCodeReplacementFile(PM_FILE);
    expect(entries).toEqual([
      { code: 'kju', replacements: ['Kim Jong Un', 'North Korean leader Kim Jong Un'] },
      { code: 'pyo', replacements: ['Pyongyang'] },
      { code: 'ap2', replacements: ['AP Photo'] },
      { code: 'KJU', replacements: ['KIM JONG UN'] },
    ]);
    expect(problems).toEqual([
      { line: 8, message: 'the code "broken line without tab" has a space in it' },
      { line: 9, message: 'the code "two words" has a space in it' },
      { line: 10, message: 'no code before the first tab' },
      { line: 11, message: '"pyo" again; this line wins' },
    ]);
  });

  it('writes a file that reads back to the same entries', () => {
    const { entries } = parseCodeReplacementFile(PM_FILE);
    const again = parseCodeReplacementFile(formatCodeReplacementFile(entries));
    expect(again.entries).toEqual(entries);
    expect(again.problems).toEqual([]);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\t\t\t', '//', '\uFEFF', 'a\tb\tc\td\te', '🎉\t🎊']) {
      expect(() => parseCodeReplacementFile(text)).not.toThrow();
    }
  });
});

describe('expanding codes', () => {
  const dictionary = codeDictionary(parseCodeReplacementFile(PM_FILE).entries);

  it('looks codes up case-sensitively, with a number picking a column', () => {
    expect(lookupCode(dictionary, 'kju')).toBe('Kim Jong Un');
    expect(lookupCode(dictionary, 'KJU')).toBe('KIM JONG UN');
    expect(lookupCode(dictionary, 'Kju')).toBeNull();
    expect(lookupCode(dictionary, 'kju2')).toBe('North Korean leader Kim Jong Un');
    expect(lookupCode(dictionary, 'kju1')).toBe('Kim Jong Un');
    expect(lookupCode(dictionary, 'kju3')).toBeNull();
    // A code that ends in a digit is itself, not column 2 of "ap".
    expect(lookupCode(dictionary, 'ap2')).toBe('AP Photo');
  });

  it('expands the code the last keystroke closed, and moves the caret after it', () => {
    const typed = 'Leader =kju=';
    expect(expandCodeBeforeCaret(typed, typed.length, dictionary, '=')).toEqual({
      text: 'Leader Kim Jong Un',
      caret: 'Leader Kim Jong Un'.length,
    });
    const middle = 'In =pyo= today';
    expect(expandCodeBeforeCaret(middle, 8, dictionary, '=')).toEqual({
      text: 'In Pyongyang today',
      caret: 'In Pyongyang'.length,
    });
  });

  it('leaves ordinary text with the delimiter alone', () => {
    for (const text of ['a = b =', 'x==', 'E=mc2=', '=unknown=', '=']) {
      expect(expandCodeBeforeCaret(text, text.length, dictionary, '=')).toBeNull();
    }
    expect(expandCodeBeforeCaret('=kju= and more', 10, dictionary, '=')).toBeNull();
  });

  it('uses another delimiter when the desk chose one', () => {
    expect(expandCodeBeforeCaret('In #pyo#', 8, dictionary, '#')?.text).toBe('In Pyongyang');
    expect(expandCodeBeforeCaret('In =pyo=', 8, dictionary, '#')).toBeNull();
  });

  it('expands every code of a pasted text and lists the unknown ones', () => {
    expect(expandCodes('=kju= visits =pyo= with =nobody=.', dictionary, '=')).toEqual({
      text: 'Kim Jong Un visits Pyongyang with =nobody=.',
      expanded: 2,
      unknown: ['nobody'],
    });
  });
});
