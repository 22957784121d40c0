/**
 * Which photos of the grid are selected, by their place in the current search: a click
 * selects one, Shift extends from the anchor, Ctrl/Cmd adds or removes one, Ctrl+A takes all.
 * Places, not ids, because the grid is virtual: a selection of 50,000 photos is a range,
 * and the ids are asked for only when something is done with them.
 */

/** A selection; `ranges` are inclusive, sorted and disjoint. */
export interface GridSelection {
  /** The photo the editor shows and the keys move from (-1: none). */
  active: number;
  /** Where Shift-selection extends from. */
  anchor: number;
  ranges: readonly (readonly [number, number])[];
}

export const NO_SELECTION: GridSelection = { active: -1, anchor: -1, ranges: [] };

export function selectOne(index: number): GridSelection {
  return { active: index, anchor: index, ranges: index < 0 ? [] : [[index, index]] };
}

/** Shift+click / Shift+arrow: everything between the anchor and `index`. */
export function extendTo(selection: GridSelection, index: number): GridSelection {
  const anchor = selection.anchor < 0 ? index : selection.anchor;
  return {
    active: index,
    anchor,
    ranges: [[Math.min(anchor, index), Math.max(anchor, index)]],
  };
}

function normalise(ranges: (readonly [number, number])[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Ctrl/Cmd+click: adds or removes one photo. */
export function toggle(selection: GridSelection, index: number): GridSelection {
  if (!isSelected(selection, index)) {
    return {
      active: index,
      anchor: index,
      ranges: normalise([...selection.ranges, [index, index]]),
    };
  }
  const ranges: [number, number][] = [];
  for (const [start, end] of selection.ranges) {
    if (index < start || index > end) ranges.push([start, end]);
    else {
      if (start < index) ranges.push([start, index - 1]);
      if (index < end) ranges.push([index + 1, end]);
    }
  }
  const active = ranges.length > 0 ? (ranges[ranges.length - 1]?.[1] ?? -1) : -1;
  return { active, anchor: active, ranges };
}

export function selectAll(count: number, active: number): GridSelection {
  if (count === 0) return NO_SELECTION;
  const keep = active >= 0 && active < count ? active : 0;
  return { active: keep, anchor: keep, ranges: [[0, count - 1]] };
}

export function isSelected(selection: GridSelection, index: number): boolean {
  return selection.ranges.some(([start, end]) => index >= start && index <= end);
}

export function selectionSize(selection: GridSelection): number {
  return selection.ranges.reduce((sum, [start, end]) => sum + end - start + 1, 0);
}
