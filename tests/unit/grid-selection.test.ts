import { describe, expect, it } from 'vitest';
import {
  extendTo,
  isSelected,
  NO_SELECTION,
  selectAll,
  selectionSize,
  selectOne,
  toggle,
} from '../../src/renderer/src/features/library/grid-selection';

describe('grid selection', () => {
  it('selects one, extends from the anchor either way, and keeps the anchor', () => {
    const one = selectOne(5);
    expect(selectionSize(one)).toBe(1);
    const down = extendTo(one, 9);
    expect(down).toEqual({ active: 9, anchor: 5, ranges: [[5, 9]] });
    const up = extendTo(down, 2);
    expect(up).toEqual({ active: 2, anchor: 5, ranges: [[2, 5]] });
    expect(extendTo(NO_SELECTION, 3)).toEqual({ active: 3, anchor: 3, ranges: [[3, 3]] });
  });

  it('toggles single photos in and out, merging and splitting ranges', () => {
    let selection = selectOne(1);
    selection = toggle(selection, 3);
    selection = toggle(selection, 2);
    expect(selection.ranges).toEqual([[1, 3]]);
    selection = toggle(selection, 2);
    expect(selection.ranges).toEqual([
      [1, 1],
      [3, 3],
    ]);
    expect(isSelected(selection, 2)).toBe(false);
    expect(isSelected(selection, 3)).toBe(true);
    selection = toggle(toggle(selection, 1), 3);
    expect(selection).toEqual({ active: -1, anchor: -1, ranges: [] });
  });

  it('selects all 50,000 photos of a search as one range', () => {
    const all = selectAll(50_000, 7);
    expect(selectionSize(all)).toBe(50_000);
    expect(all.active).toBe(7);
    expect(selectAll(0, 0)).toBe(NO_SELECTION);
  });
});
