import { describe, expect, it } from 'vitest';
import {
  applyBatchOperation,
  type BatchEditOperation,
  hasNestedRepetition,
  listItems,
  MAX_REGEX_INPUT,
  previewBatch,
  sameValue,
  uniqueItems,
  validateBatchOperation,
} from '../../../src/shared/editing/batch-edit';

const set = (value: string | string[], mode: 'fill-empty' | 'overwrite' = 'overwrite') =>
  ({ kind: 'set', value, mode }) as const;
const append = (
  value: string | string[],
  mode: 'fill-empty' | 'overwrite' = 'overwrite',
  separator?: string,
) => ({ kind: 'append', value, mode, ...(separator === undefined ? {} : { separator }) }) as const;
const prepend = (
  value: string | string[],
  mode: 'fill-empty' | 'overwrite' = 'overwrite',
  separator?: string,
) => ({ kind: 'prepend', value, mode, ...(separator === undefined ? {} : { separator }) }) as const;
const replace = (
  find: string,
  replacement: string,
  options: { regex?: boolean; caseSensitive?: boolean; wholeWord?: boolean } = {},
): BatchEditOperation => ({ kind: 'replace', find, replace: replacement, ...options });

describe('text fields', () => {
  it.each<[string, BatchEditOperation, string]>([
    // set
    ['old', set('new'), 'new'],
    ['', set('new'), 'new'],
    ['old', set(''), ''],
    ['old', set('new', 'fill-empty'), 'old'],
    ['', set('new', 'fill-empty'), 'new'],
    ['   ', set('new', 'fill-empty'), 'new'],
    ['old', set(['A', 'B']), 'A; B'],
    // append
    ['Caption.', append('Shared paragraph.'), 'Caption. Shared paragraph.'],
    ['', append('Shared paragraph.'), 'Shared paragraph.'],
    ['Caption. ', append('Shared.'), 'Caption. Shared.'],
    ['Caption.\n', append('Shared.'), 'Caption.\nShared.'],
    ['Caption. Shared.', append('Shared.'), 'Caption. Shared.'],
    ['Shared.', append('Shared.'), 'Shared.'],
    ['banana', append('a'), 'banana a'],
    ['Caption.', append('Shared.', 'overwrite', '\n\n'), 'Caption.\n\nShared.'],
    ['Caption.\n\nShared.', append('Shared.', 'overwrite', '\n\n'), 'Caption.\n\nShared.'],
    ['Seoul', append('South Korea', 'overwrite', ', '), 'Seoul, South Korea'],
    ['Caption.', append(''), 'Caption.'],
    ['Caption.', append('Shared.', 'fill-empty'), 'Caption.'],
    ['', append('Shared.', 'fill-empty'), 'Shared.'],
    // prepend
    ['speaks.', prepend('FILE -'), 'FILE - speaks.'],
    ['FILE - speaks.', prepend('FILE -'), 'FILE - speaks.'],
    [' speaks.', prepend('FILE -'), 'FILE - speaks.'],
    ['', prepend('FILE -'), 'FILE -'],
    ['speaks.', prepend('FILE - ', 'overwrite', ''), 'FILE - speaks.'],
    ['speaks.', prepend('FILE -', 'fill-empty'), 'speaks.'],
    // emoji
    ['🎉', append('🎊'), '🎉 🎊'],
  ])('%j with %j → %j', (current, op, expected) => {
    expect(applyBatchOperation(current, op)).toBe(expected);
  });
});

describe('find and replace in text', () => {
  it.each<[string, BatchEditOperation, string]>([
    ['Kim Jung Un speaks', replace('Jung', 'Jong'), 'Kim Jong Un speaks'],
    ['kim jung un', replace('Jung', 'Jong'), 'kim Jong un'],
    ['kim jung un', replace('Jung', 'Jong', { caseSensitive: true }), 'kim jung un'],
    ['a.b.c', replace('.', '-'), 'a-b-c'],
    ['cost $5', replace('$5', '$10'), 'cost $10'],
    ['cost 5', replace('5', '$1'), 'cost $1'],
    ['cat category cat', replace('cat', 'dog', { wholeWord: true }), 'dog category dog'],
    ['cat_x cat', replace('cat', 'dog', { wholeWord: true }), 'cat_x dog'],
    ['Ünter ün', replace('ün', 'X', { wholeWord: true }), 'Ünter X'],
    ['Ünter ün', replace('ün', 'X', { wholeWord: true, caseSensitive: true }), 'Ünter X'],
    ['Seoul, Seoul', replace('Seoul', 'Busan'), 'Busan, Busan'],
    ['no match here', replace('xyz', 'abc'), 'no match here'],
    ['', replace('x', 'y'), ''],
    // Regular expressions with groups.
    ['Smith, John', replace('(\\w+), (\\w+)', '$2 $1', { regex: true }), 'John Smith'],
    [
      '2024-06-19',
      replace('(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})', '$<d>.$<m>.$<y>', { regex: true }),
      '19.06.2024',
    ],
    ['a  b   c', replace(' {2,}', ' ', { regex: true }), 'a b c'],
    ['speaks', replace('^', 'FILE - ', { regex: true }), 'FILE - speaks'],
    ['A cat. A CAT.', replace('cat', '[$&]', { regex: true }), 'A [cat]. A [CAT].'],
    ['price $5', replace('\\$(\\d)', '$$$1', { regex: true }), 'price $5'],
    [
      'AP Photo/Ahn',
      replace('ap photo', 'AP Photo', { regex: true, wholeWord: true }),
      'AP Photo/Ahn',
    ],
    ['🎉🎉 party', replace('🎉+', '🎊', { regex: true }), '🎊 party'],
    ['a😀b', replace('a.b', 'X', { regex: true }), 'X'],
    ['x1 x22', replace('x\\d+', 'n', { regex: true, wholeWord: true }), 'n n'],
    ['ab\u0007cd', replace('\\x07', '', { regex: true }), 'abcd'],
    // An invalid pattern changes nothing.
    ['abc', replace('(', 'x', { regex: true }), 'abc'],
    ['aaaa', replace('(a+)+$', 'x', { regex: true }), 'aaaa'],
  ])('%j with %j → %j', (current, op, expected) => {
    expect(applyBatchOperation(current, op)).toBe(expected);
  });

  it('ignores the fill mode a replace is given', () => {
    const op = { ...replace('a', 'b'), mode: 'fill-empty' } as BatchEditOperation;
    expect(applyBatchOperation('a', op)).toBe('b');
  });
});

describe('list fields', () => {
  it.each<[string[], BatchEditOperation, string[]]>([
    [['A'], set('B; C'), ['B', 'C']],
    [['A'], set(['B', ' C ', '']), ['B', 'C']],
    [['A'], set(''), []],
    [['A'], set('B\nC\r\nD'), ['B', 'C', 'D']],
    [['A'], set('Smith, John'), ['Smith, John']],
    [['A'], set('B; b; B '), ['B']],
    [['A'], set('B', 'fill-empty'), ['A']],
    [[], set('B', 'fill-empty'), ['B']],
    [['A', 'B'], append('C; A'), ['A', 'B', 'C']],
    [['A', 'B'], append('a; KIM  JONG UN'), ['A', 'B', 'KIM  JONG UN']],
    [['Kim Jong Un'], append('kim  jong un'), ['Kim Jong Un']],
    [['A'], append(['B', 'C']), ['A', 'B', 'C']],
    [['A'], append('B', 'fill-empty'), ['A']],
    [[], append('B', 'fill-empty'), ['B']],
    [['A', 'B'], prepend('C; B'), ['C', 'B', 'A']],
    [['A', 'B'], prepend('B'), ['B', 'A']],
    [['A', 'A'], append('B'), ['A', 'B']],
    [['José'], append('Jose\u0301'), ['José']],
    [['😀'], append('😀; 🎉'), ['😀', '🎉']],
    // find and replace per item
    [['Kim Jung Un', 'Jung'], replace('Jung', 'Jong'), ['Kim Jong Un', 'Jong']],
    [['AP', 'Reuters', 'AP Photo'], replace('AP', '', { wholeWord: true }), ['Reuters', 'Photo']],
    [['x', 'y'], replace('x', '  '), ['y']],
    [['Seoul', 'seoul'], replace('s', 'S', { caseSensitive: true }), ['Seoul']],
    [
      ['Smith, John', 'Doe, Jane'],
      replace('(\\w+), (\\w+)', '$2 $1', { regex: true }),
      ['John Smith', 'Jane Doe'],
    ],
    [[], replace('a', 'b'), []],
    [['a'], replace('(', 'b', { regex: true }), ['a']],
  ])('%j with %j → %j', (current, op, expected) => {
    expect(applyBatchOperation(current, op)).toEqual(expected);
  });

  it('never changes the list it was given', () => {
    const current = ['A', 'B'];
    applyBatchOperation(current, append('C'));
    applyBatchOperation(current, replace('A', ''));
    expect(current).toEqual(['A', 'B']);
  });

  it('splits and de-duplicates typed items', () => {
    expect(listItems(' a ;b\n\n;c ')).toEqual(['a', 'b', 'c']);
    expect(listItems(['a', ' ', 'b'])).toEqual(['a', 'b']);
    expect(uniqueItems(['Kim', 'KIM', 'kim ', 'Lee'])).toEqual(['Kim', 'Lee']);
  });
});

describe('validateBatchOperation', () => {
  it.each<[BatchEditOperation, string | null]>([
    [set('x'), null],
    [append('x'), null],
    [prepend('', 'fill-empty'), null],
    [replace('x', 'y'), null],
    [replace('(\\d+)-(\\d+)', '$2-$1', { regex: true }), null],
    [replace('(a+)?b', 'x', { regex: true }), null],
    [replace('(?:ab)+', 'x', { regex: true }), null],
    [replace('(', 'x'), null],
    [replace('', 'x'), 'Type what to find.'],
    [replace('(', 'x', { regex: true }), 'That regular expression cannot be used'],
    [replace('[a-', 'x', { regex: true }), 'That regular expression cannot be used'],
    [replace('a{2,1}', 'x', { regex: true }), 'That regular expression cannot be used'],
    [replace('\\-', 'x', { regex: true }), 'That regular expression cannot be used'],
    [replace('(a+)+', 'x', { regex: true }), 'repeats a group that itself repeats'],
    [replace('x'.repeat(10_001), 'y'), 'too long'],
    [
      { kind: 'set', value: 'x', mode: 'sometimes' } as unknown as BatchEditOperation,
      'fill only empty fields or to overwrite',
    ],
    [{ kind: 'delete' } as unknown as BatchEditOperation, 'Unknown batch operation.'],
    [null as unknown as BatchEditOperation, 'Unknown batch operation.'],
  ])('%j → %j', (op, message) => {
    const result = validateBatchOperation(op);
    if (message === null) expect(result).toBeNull();
    else expect(result).toContain(message);
  });

  it('never throws for junk and leaves the value alone', () => {
    const junk = [
      null,
      undefined,
      {},
      { kind: 'replace' },
      { kind: 'set' },
    ] as unknown as BatchEditOperation[];
    for (const op of junk) {
      expect(() => validateBatchOperation(op)).not.toThrow();
      expect(applyBatchOperation('x', op)).toBe('x');
    }
  });
});

describe('hasNestedRepetition', () => {
  it.each([
    ['(a+)+', true],
    ['(a*)*', true],
    ['(a+)*b', true],
    ['(\\w+\\s?)+$', true],
    ['(\\w*\\s?){2,}', true],
    ['(?:a+)+', true],
    ['((a+))+', true],
    ['((a+)b)+', true],
    ['(a+){2}', true],
    ['(a+)+?', true],
    ['(?<n>\\d+)*', true],
    ['(a+)', false],
    ['(a+)?', false],
    ['(ab)+', false],
    ['(a{2})+', false],
    ['(a?)+', false],
    ['a+b+c*', false],
    ['[(a+)]+', false],
    ['\\(a+\\)+', false],
    ['(\\d+)-(\\d+)', false],
    ['a{2,}', false],
    ['(a){1}', false],
    ['x{', false],
    ['', false],
  ])('%j → %s', (pattern, expected) => {
    expect(hasNestedRepetition(pattern)).toBe(expected);
  });
});

describe('big inputs', () => {
  const caption = `${'Kim Jong Un inspects troops in Pyongyang on Wednesday. '.repeat(100)}`;

  it('replaces in a 5,000-character caption', () => {
    expect(caption.length).toBeGreaterThan(5000);
    const out = applyBatchOperation(
      caption,
      replace('Kim Jong Un', 'KJU', { wholeWord: true }),
    ) as string;
    expect(out.match(/KJU/g)).toHaveLength(100);
    expect(out).not.toContain('Kim Jong Un');
  });

  it('refuses a runaway pattern before it runs on a long caption', () => {
    const started = performance.now();
    const op = replace('(\\w+\\s?)+!', 'x', { regex: true });
    expect(validateBatchOperation(op)).not.toBeNull();
    expect(applyBatchOperation(caption, op)).toBe(caption);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('leaves values over the regex input limit alone, but not for plain text', () => {
    const huge = 'a'.repeat(MAX_REGEX_INPUT + 1);
    expect(applyBatchOperation(huge, replace('a', 'b', { regex: true }))).toBe(huge);
    expect(applyBatchOperation(huge, replace('a', 'b'))).toBe('b'.repeat(MAX_REGEX_INPUT + 1));
  });
});

describe('previewBatch', () => {
  it('counts the values that change and shows samples', () => {
    const values = ['Kim Jung Un', 'Other', 'Kim Jung Un again', '', 'Jung'];
    const preview = previewBatch(values, replace('Jung', 'Jong'), 2);
    expect(preview).toEqual({
      total: 5,
      changed: 3,
      error: null,
      samples: [
        { index: 0, before: 'Kim Jung Un', after: 'Kim Jong Un' },
        { index: 2, before: 'Kim Jung Un again', after: 'Kim Jong Un again' },
      ],
    });
  });

  it.each<[(string | string[])[], BatchEditOperation, number]>([
    [['', 'a', ''], set('x', 'fill-empty'), 2],
    [['', 'a', 'x'], set('x'), 2],
    [[['A'], [], ['B', 'A']], append('A'), 1],
    [[['A'], ['a']], append('A'), 0],
    [[['A', 'A']], append('A'), 1],
    [['Shared.', 'x Shared.', 'x'], append('Shared.'), 1],
    [[], set('x'), 0],
  ])('%j with %j changes %d', (values, op, changed) => {
    expect(previewBatch(values, op).changed).toBe(changed);
  });

  it('reports an invalid operation and changes nothing', () => {
    const preview = previewBatch(['a', 'b'], replace('(', 'x', { regex: true }));
    expect(preview.changed).toBe(0);
    expect(preview.total).toBe(2);
    expect(preview.error).toContain('cannot be used');
  });

  it('compares values item by item', () => {
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue('a', ['a'])).toBe(false);
    expect(sameValue('', '')).toBe(true);
  });
});
