import { describe, expect, it } from 'vitest';
import {
  type CodeReplacementEntry,
  codeDelimiterProblem,
  codeDictionary,
  expandCodeBeforeCaret,
  expandCodes,
  formatCodeReplacementFile,
  lookUpCode,
  parseCodeReplacementFile,
} from '../../../src/shared/editing/code-replacements';

const FILE = [
  '// Korea desk codes',
  'kju\tKim Jong Un\tNorth Korean leader Kim Jong Un\tKim',
  'syl\tSuk Yeol Yoon',
  'pya\tPyongyang, North Korea',
  'KJU\tKIM JONG UN',
  'f16\tF-16 fighter jet',
  'f\tfirst column of f\tsecond column of f',
  'em\t🎉 party',
  'gap\tone\t\tthree',
  'ü\tÜberraschung',
  '',
].join('\n');

const DICT = parseCodeReplacementFile(FILE).dictionary;

describe('parseCodeReplacementFile', () => {
  it('reads codes and their columns in file order', () => {
    const parsed = parseCodeReplacementFile(FILE);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((entry) => entry.code)).toEqual([
      'kju',
      'syl',
      'pya',
      'KJU',
      'f16',
      'f',
      'em',
      'gap',
      'ü',
    ]);
    expect(parsed.dictionary.get('kju')).toEqual([
      'Kim Jong Un',
      'North Korean leader Kim Jong Un',
      'Kim',
    ]);
    expect(parsed.dictionary.get('gap')).toEqual(['one', '', 'three']);
  });

  it.each([
    ['LF', 'a\tA\nb\tB\n'],
    ['CRLF', 'a\tA\r\nb\tB\r\n'],
    ['CR', 'a\tA\rb\tB\r'],
    ['BOM', '\uFEFFa\tA\nb\tB'],
    ['BOM + CRLF', '\uFEFFa\tA\r\nb\tB'],
    ['blank lines', '\n\na\tA\n   \n\t\nb\tB\n\n'],
    ['comments', '// header\na\tA\n  // indented comment\nb\tB\n//last'],
    ['spaces around', ' a \t A \nb\tB   \t\t'],
  ])('accepts %s', (_name, text) => {
    const parsed = parseCodeReplacementFile(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toEqual([
      { code: 'a', replacements: ['A'] },
      { code: 'b', replacements: ['B'] },
    ]);
  });

  it.each([
    // [text, line, message contains]
    ['a\tA\nno tab here\n', 2, 'no tab'],
    ['\tNo code', 1, 'the code is empty'],
    ['a b\tA', 1, 'has a space in it'],
    ['a\t', 1, 'has no replacement'],
    ['a\t \t ', 1, 'has no replacement'],
    ['a\tA\r\n// c\r\na\tB', 3, 'already defined on line 1'],
  ])('reports %j at line %d', (text, line, message) => {
    const parsed = parseCodeReplacementFile(text);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.line).toBe(line);
    expect(parsed.problems[0]!.message).toContain(message);
    expect(parsed.problems[0]!.message).toContain(`Line ${line}`);
  });

  it('keeps the good lines around the bad ones and the first of two definitions', () => {
    const parsed = parseCodeReplacementFile('a\tA\nbad\nb\tB\na\tA2\n\tX');
    expect(parsed.entries).toEqual([
      { code: 'a', replacements: ['A'] },
      { code: 'b', replacements: ['B'] },
    ]);
    expect(parsed.problems.map((problem) => problem.line)).toEqual([2, 4, 5]);
    expect(parsed.dictionary.get('a')).toEqual(['A']);
  });

  it('reads an empty file and a file of comments as no entries', () => {
    expect(parseCodeReplacementFile('')).toEqual({
      entries: [],
      dictionary: new Map(),
      problems: [],
    });
    expect(parseCodeReplacementFile('// only\n//comments').entries).toEqual([]);
  });

  it('reads 10,000 lines quickly', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `c${i}\tName ${i}\tTitle ${i}`);
    const started = performance.now();
    const parsed = parseCodeReplacementFile(lines.join('\r\n'));
    expect(parsed.entries).toHaveLength(10_000);
    expect(parsed.dictionary.get('c9999')).toEqual(['Name 9999', 'Title 9999']);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('formatCodeReplacementFile', () => {
  it('round-trips what it reads', () => {
    const parsed = parseCodeReplacementFile(FILE);
    const text = formatCodeReplacementFile(parsed.entries);
    expect(parseCodeReplacementFile(text).entries).toEqual(parsed.entries);
    expect(text.startsWith('kju\tKim Jong Un\tNorth Korean leader Kim Jong Un\tKim\n')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
  });

  it.each<[CodeReplacementEntry[], string]>([
    [[], ''],
    [[{ code: 'a', replacements: ['A'] }], 'a\tA\n'],
    [[{ code: 'a', replacements: ['A', 'B'] }], 'a\tA\tB\n'],
    [[{ code: 'a', replacements: ['line\none\ttab'] }], 'a\tline one tab\n'],
  ])('writes %j', (entries, text) => {
    expect(formatCodeReplacementFile(entries)).toBe(text);
  });

  it('builds a dictionary from entries, first definition winning', () => {
    const dictionary = codeDictionary([
      { code: 'a', replacements: ['A'] },
      { code: 'a', replacements: ['B'] },
    ]);
    expect(dictionary.get('a')).toEqual(['A']);
  });
});

describe('lookUpCode', () => {
  it.each([
    ['kju', 'Kim Jong Un'],
    ['kju1', 'Kim Jong Un'],
    ['kju2', 'North Korean leader Kim Jong Un'],
    ['kju3', 'Kim'],
    ['kju4', null],
    ['kju0', null],
    ['KJU', 'KIM JONG UN'],
    ['Kju', null],
    ['KJU2', null],
    // A code ending in a digit wins over the number rule.
    ['f16', 'F-16 fighter jet'],
    ['f162', null], // f16 exists and has no 2nd column
    ['f2', 'second column of f'],
    ['f1', 'first column of f'],
    ['gap2', null], // an empty column is no replacement
    ['gap3', 'three'],
    ['nope', null],
    ['nope2', null],
    ['2', null],
    ['em', '🎉 party'],
    ['ü', 'Überraschung'],
  ])('%j → %j', (code, expected) => {
    expect(lookUpCode(code, DICT)).toBe(expected);
  });
});

describe('expandCodes', () => {
  it.each([
    // [text, expected text, expanded, unknown]
    ['=kju= speaks', 'Kim Jong Un speaks', 1, []],
    [
      '=kju2= speaks in =pya=.',
      'North Korean leader Kim Jong Un speaks in Pyongyang, North Korea.',
      2,
      [],
    ],
    ['=KJU= and =kju=', 'KIM JONG UN and Kim Jong Un', 2, []],
    ['(=kju=)', '(Kim Jong Un)', 1, []],
    ['=kju=’s visit', 'Kim Jong Un’s visit', 1, []],
    ['=kju==syl=', 'Kim Jong UnSuk Yeol Yoon', 2, []],
    ['=nope= and =kju=', '=nope= and Kim Jong Un', 1, ['nope']],
    ['=nope= =nope= =zz=', '=nope= =nope= =zz=', 0, ['nope', 'zz']],
    ['=kju9=', '=kju9=', 0, ['kju9']],
    ['=em= time', '🎉 party time', 1, []],
    ['=ü=', 'Überraschung', 1, []],
    // Ordinary "=" is left alone.
    ['a = b', 'a = b', 0, []],
    ['x==y', 'x==y', 0, []],
    ['a=b=c', 'a=b=c', 0, []],
    ['E=mc2', 'E=mc2', 0, []],
    ['a == b == c', 'a == b == c', 0, []],
    ['=kju', '=kju', 0, []],
    ['kju=', 'kju=', 0, []],
    ['= kju =', '= kju =', 0, []],
    ['', '', 0, []],
  ])('%j → %j', (text, expected, expanded, unknown) => {
    expect(expandCodes(text, DICT)).toEqual({ text: expected, expanded, unknown });
  });

  it('does not expand codes inside a replacement again', () => {
    const dictionary = new Map([
      ['a', ['=b=']],
      ['b', ['B']],
    ]);
    expect(expandCodes('=a=', dictionary).text).toBe('=b=');
  });

  it.each(['#', '\\', '.', '$', '^', '-', ']', '[', '|', '§', '😀'])(
    'works with %j as the delimiter',
    (d) => {
      const text = `Photo of ${d}kju${d} and ${d}kju2${d}; a ${d} b, ${d}${d}`;
      expect(expandCodes(text, DICT, d)).toEqual({
        text: `Photo of Kim Jong Un and North Korean leader Kim Jong Un; a ${d} b, ${d}${d}`,
        expanded: 2,
        unknown: [],
      });
    },
  );

  it('leaves =code= alone when another delimiter is set', () => {
    expect(expandCodes('=kju= #kju#', DICT, '#').text).toBe('=kju= Kim Jong Un');
  });

  it.each(['', '==', 'a', '1', ' ', 'ab'])('refuses %j as a delimiter', (d) => {
    expect(codeDelimiterProblem(d)).not.toBeNull();
    expect(() => expandCodes('x', DICT, d)).toThrow(RangeError);
  });

  it('accepts one symbol, emoji included', () => {
    expect(codeDelimiterProblem('=')).toBeNull();
    expect(codeDelimiterProblem('😀')).toBeNull();
  });

  it('expands codes all through a 5,000-character caption', () => {
    const caption = 'On Wednesday =kju= met =syl= in =pya=. '.repeat(130);
    expect(caption.length).toBeGreaterThan(5000);
    const result = expandCodes(caption, DICT);
    expect(result.expanded).toBe(390);
    expect(result.text).not.toContain('=');
    expect(
      result.text.startsWith(
        'On Wednesday Kim Jong Un met Suk Yeol Yoon in Pyongyang, North Korea.',
      ),
    ).toBe(true);
  });

  it('treats control characters as part of nothing', () => {
    expect(expandCodes('=kju=\u0007=kju=', DICT).text).toBe('Kim Jong Un\u0007Kim Jong Un');
    expect(expandCodes('=k\u0007ju=', DICT)).toEqual({
      text: '=k\u0007ju=',
      expanded: 0,
      unknown: ['k\u0007ju'],
    });
  });
});

describe('expandCodeBeforeCaret', () => {
  it.each([
    // [text, caret, expected text or null, expected caret]
    ['=kju=', 5, 'Kim Jong Un', 11],
    ['Photo of =kju=', 14, 'Photo of Kim Jong Un', 20],
    ['=kju= and =pya=', 15, '=kju= and Pyongyang, North Korea', 32],
    ['Photo of =kju= speaks', 14, 'Photo of Kim Jong Un speaks', 20],
    ['=kju2=', 6, 'North Korean leader Kim Jong Un', 31],
    ['(=kju=', 6, '(Kim Jong Un', 12],
    ['=em=', 4, '🎉 party', 8],
    ['😀 =kju=', 8, '😀 Kim Jong Un', 14],
    // Nothing to do.
    ['=kju', 4, null, 0],
    ['=kju=', 4, null, 0],
    ['=nope=', 6, null, 0],
    ['a =', 3, null, 0],
    ['a = b =', 7, null, 0],
    ['x==', 3, null, 0],
    ['x==y=', 5, null, 0],
    ['a=kju=', 6, null, 0],
    ['=k ju=', 6, null, 0],
    ['==', 2, null, 0],
    ['=', 1, null, 0],
    ['', 0, null, 0],
    ['=kju=', 9, null, 0],
    ['=kju=', 0, null, 0],
  ])('%j with the caret at %d', (text, caret, expected, expectedCaret) => {
    const result = expandCodeBeforeCaret(text, caret, DICT);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toEqual({ text: expected, caret: expectedCaret, code: expect.any(String) });
  });

  it('names the code it expanded', () => {
    expect(expandCodeBeforeCaret('=kju2=', 6, DICT)?.code).toBe('kju2');
  });

  it('works with another delimiter and ignores "="', () => {
    expect(expandCodeBeforeCaret('a #kju#', 7, DICT, '#')).toEqual({
      text: 'a Kim Jong Un',
      caret: 13,
      code: 'kju',
    });
    expect(expandCodeBeforeCaret('a =kju=', 7, DICT, '#')).toBeNull();
  });

  it('types a whole caption char by char and expands each code once closed', () => {
    const typed = 'On Wednesday =kju= met =syl=, a = b.';
    let text = '';
    let caret = 0;
    for (const ch of typed) {
      text = text.slice(0, caret) + ch + text.slice(caret);
      caret += ch.length;
      const expanded = expandCodeBeforeCaret(text, caret, DICT);
      if (expanded) ({ text, caret } = expanded);
    }
    expect(text).toBe('On Wednesday Kim Jong Un met Suk Yeol Yoon, a = b.');
    expect(caret).toBe(text.length);
  });
});
