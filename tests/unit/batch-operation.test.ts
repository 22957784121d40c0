import { describe, expect, it } from 'vitest';
import { applyBatchOperation, findPattern } from '../../src/shared/batch-operation';
import type { BatchOperation, FillMode } from '../../src/shared/edits';
import type { FieldValue } from '../../src/shared/model';

const replace = (
  find: string,
  replaceWith: string,
  options: Partial<{ regex: boolean; caseSensitive: boolean; wholeWord: boolean }> = {},
): Extract<BatchOperation, { kind: 'replace' }> => ({
  kind: 'replace',
  find,
  replace: replaceWith,
  regex: false,
  caseSensitive: false,
  wholeWord: false,
  ...options,
});

function run(current: FieldValue, operation: BatchOperation, mode: FillMode = 'overwrite') {
  const pattern = operation.kind === 'replace' ? findPattern(operation) : null;
  if (typeof pattern === 'string') throw new Error(pattern);
  return applyBatchOperation(current, operation, mode, pattern);
}

describe('batch operations on text fields', () => {
  const cases: [string, FieldValue, BatchOperation, FillMode, FieldValue][] = [
    ['set overwrites', 'Old', { kind: 'set', value: 'New' }, 'overwrite', 'New'],
    ['set fills an empty field', '', { kind: 'set', value: 'AP' }, 'fill-empty', 'AP'],
    [
      'set leaves a filled field when filling empties',
      'Reuters',
      { kind: 'set', value: 'AP' },
      'fill-empty',
      'Reuters',
    ],
    [
      'append adds after a space',
      'Kim waves.',
      { kind: 'append', value: 'File photo.', separator: ' ' },
      'overwrite',
      'Kim waves. File photo.',
    ],
    [
      'append to empty has no separator',
      '',
      { kind: 'append', value: 'File photo.', separator: ' ' },
      'overwrite',
      'File photo.',
    ],
    [
      'prepend puts the text first',
      'waves.',
      { kind: 'prepend', value: 'Kim', separator: ' ' },
      'overwrite',
      'Kim waves.',
    ],
    [
      'plain replace ignores case by default',
      'pyongyang, PYONGYANG',
      replace('Pyongyang', 'Pyongyang'),
      'overwrite',
      'Pyongyang, Pyongyang',
    ],
    ['plain replace keeps $ literal', 'cost 5', replace('5', '$1'), 'overwrite', 'cost $1'],
    [
      'plain replace escapes regex characters',
      'a.b a-b',
      replace('a.b', 'X'),
      'overwrite',
      'X a-b',
    ],
    [
      'regex replace with groups',
      'June 19, 2024',
      replace('(\\w+) (\\d+), (\\d+)', '$2 $1 $3', { regex: true }),
      'overwrite',
      '19 June 2024',
    ],
    [
      'match case',
      'AP ap',
      replace('AP', 'Reuters', { caseSensitive: true }),
      'overwrite',
      'Reuters ap',
    ],
    [
      'whole words only',
      'AP APP',
      replace('AP', 'Reuters', { wholeWord: true }),
      'overwrite',
      'Reuters APP',
    ],
    [
      'whole words with accents',
      'Séoul Séouls',
      replace('Séoul', 'Seoul', { wholeWord: true }),
      'overwrite',
      'Seoul Séouls',
    ],
    [
      'replace applies even when filling empties',
      'AP Photo',
      replace('AP Photo', 'AP'),
      'fill-empty',
      'AP',
    ],
    ['emoji survive', '🎉 Kim 🎉', replace('Kim', 'Lee'), 'overwrite', '🎉 Lee 🎉'],
  ];
  for (const [name, current, operation, mode, expected] of cases) {
    it(name, () => expect(run(current, operation, mode)).toEqual(expected));
  }
});

describe('batch operations on list fields', () => {
  it('set replaces the list from names separated by ";"', () => {
    expect(run(['A'], { kind: 'set', value: 'Kim Won; Lee Jin-man ;' })).toEqual([
      'Kim Won',
      'Lee Jin-man',
    ]);
  });
  it('append and prepend add only names not there yet', () => {
    expect(run(['A', 'B'], { kind: 'append', value: 'B; C', separator: ' ' })).toEqual([
      'A',
      'B',
      'C',
    ]);
    expect(run(['A', 'B'], { kind: 'prepend', value: 'C; A', separator: ' ' })).toEqual([
      'C',
      'A',
      'B',
    ]);
  });
  it('find and replace works per name, dropping emptied and repeated names', () => {
    expect(
      run(['Ahn Young-Joon', 'Ahn Young-joon', 'Staff'], replace('^staff$', '', { regex: true })),
    ).toEqual(['Ahn Young-Joon', 'Ahn Young-joon']);
    expect(
      run(
        ['Ahn Young-Joon', 'Ahn Young-joon'],
        replace('Young-Joon', 'Young-joon', { caseSensitive: true }),
      ),
    ).toEqual(['Ahn Young-joon']);
  });
  it('fill-empty leaves a list with names', () => {
    expect(run(['A'], { kind: 'set', value: 'B' }, 'fill-empty')).toEqual(['A']);
    expect(run([], { kind: 'set', value: 'B' }, 'fill-empty')).toEqual(['B']);
  });
});

describe('find patterns', () => {
  it('explains a regular expression that cannot be used, never throws', () => {
    const problem = findPattern(replace('(unclosed', '', { regex: true }));
    expect(typeof problem).toBe('string');
    expect(problem).toMatch(/cannot be used/);
  });
  it('refuses a pattern that repeats a repetition, and takes ordinary groups', () => {
    for (const risky of ['(a+)+$', '(\\w*)*x', '(x+x+)+y', '(a|b+){2,}']) {
      expect(findPattern(replace(risky, '', { regex: true }))).toMatch(/repeats a repetition/);
    }
    for (const fine of ['(\\w+) (\\d+)', '(Mon|Tues)day', 'a+b*', '(AP)+']) {
      expect(findPattern(replace(fine, '', { regex: true }))).toBeInstanceOf(RegExp);
    }
    // Plain text is escaped first, so its brackets and pluses are harmless.
    expect(findPattern(replace('(a+)+', ''))).toBeInstanceOf(RegExp);
  });

  it('leaves huge captions alone rather than risk a runaway pattern', () => {
    const huge = 'a'.repeat(300_000);
    expect(run(huge, replace('a', 'b'))).toBe(huge);
  });
});
