import { describe, expect, it } from 'vitest';
import { cullingChange } from '../../src/renderer/src/features/culling/culling-keys';
import {
  DEFAULT_LABEL_NAMES,
  labelColour,
  normaliseRating,
  normaliseTagged,
} from '../../src/shared/culling';
import { CULLING_SHORTCUTS, SHORTCUTS } from '../../src/shared/shortcuts';

const names = DEFAULT_LABEL_NAMES;

describe('culling keys', () => {
  it('T toggles the tag from the photo in focus', () => {
    expect(cullingChange('t', { label: '', tagged: false }, names)).toEqual({ tagged: 'True' });
    expect(cullingChange('T', { label: '', tagged: true }, names)).toEqual({ tagged: '' });
  });

  it('1–5 rate, 0 clears the rating and nothing else', () => {
    expect(cullingChange('3', null, names)).toEqual({ rating: '3' });
    expect(cullingChange('5', null, names)).toEqual({ rating: '5' });
    expect(cullingChange('0', { label: 'Red', tagged: true }, names)).toEqual({ rating: '' });
  });

  it('6–9 set the labels of settings; the same key again clears it', () => {
    expect(cullingChange('6', { label: '', tagged: false }, names)).toEqual({ label: 'Red' });
    expect(cullingChange('9', { label: 'Red', tagged: false }, names)).toEqual({ label: 'Blue' });
    expect(cullingChange('7', { label: 'yellow', tagged: false }, names)).toEqual({ label: '' });
    expect(cullingChange('6', null, ['Select', 'Second', 'Approved', 'Review'])).toEqual({
      label: 'Select',
    });
  });

  it('other keys are no culling keys', () => {
    for (const key of ['a', 'x', ' ', 'Enter', '-', 'F1']) {
      expect(cullingChange(key, null, names)).toBeNull();
    }
  });
});

describe('culling keys in the help and the menu', () => {
  it('lists T, 1–5, 0 and 6–9 among the shortcuts, each one a key the culling handler runs', () => {
    expect(CULLING_SHORTCUTS.map((shortcut) => shortcut.keys)).toEqual([
      'T',
      '1',
      '2',
      '3',
      '4',
      '5',
      '0',
      '6',
      '7',
      '8',
      '9',
    ]);
    for (const shortcut of CULLING_SHORTCUTS) {
      expect(SHORTCUTS).toContain(shortcut);
      // The menu sends the id; the window runs the key it names: each must change something.
      expect(cullingChange(shortcut.keys, { label: '', tagged: false }, names)).not.toBeNull();
    }
    expect(cullingChange(CULLING_SHORTCUTS.at(-1)!.keys, null, names)).toEqual({ label: 'Blue' });
  });
});

describe('culling values', () => {
  it('keep ratings 1–5 and a reject, and nothing else', () => {
    expect(['0', '', '3', ' 5 ', '-1', '6', '2.5', 'x'].map(normaliseRating)).toEqual([
      '',
      '',
      '3',
      '5',
      '-1',
      '',
      '',
      '',
    ]);
  });

  it('read the tag from True, Yes or 1', () => {
    expect(['True', 'true', 'Yes', '1', 'False', 'No', '0', ''].map(normaliseTagged)).toEqual([
      'True',
      'True',
      'True',
      'True',
      '',
      '',
      '',
      '',
    ]);
  });

  it("give other tools' label names their colour", () => {
    expect(['Red', 'select', 'Winner', 'To Do', 'Trash', 'Urgent'].map(labelColour)).toEqual([
      'red',
      'red',
      'red',
      'purple',
      'purple',
      null,
    ]);
  });
});
