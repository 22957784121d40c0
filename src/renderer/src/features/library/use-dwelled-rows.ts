/**
 * Which of the grid's rendered rows have stayed in view long enough to get their thumbnail
 * images. A fast scroll passes whole screens of rows per frame: giving each of their cells an
 * <img> sent dozens of thumbnail requests a frame (thousands in a few seconds at 50,000
 * photos), which queued the page requests behind them and kept the main thread busy with
 * their responses. A slow scroll keeps most rows in view from one sample to the next, so
 * they get their images while it goes on.
 */
import { useEffect, useRef, useState } from 'react';

/** Rows `first`..`last` (inclusive); empty when `last < first`. */
export interface RowRange {
  first: number;
  last: number;
}

/** The rows in both ranges (empty when they do not meet). */
function rowsInBoth(a: RowRange, b: RowRange): RowRange {
  return { first: Math.max(a.first, b.first), last: Math.min(a.last, b.last) };
}

/**
 * Samples the rendered rows every `dwellMs` while they move and answers the rows that were
 * in view at both ends of the latest sample (each cell keeps its image once shown).
 */
export function useDwelledRows(first: number, last: number, dwellMs: number): RowRange {
  const [dwelled, setDwelled] = useState<RowRange>({ first: 0, last: -1 });
  const current = useRef<RowRange>({ first, last });
  current.current = { first, last };
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    void first;
    void last;
    // One sample at a time: a move while it runs is seen when it ends.
    if (timer.current !== undefined) return;
    const sample = (from: RowRange) => {
      timer.current = window.setTimeout(() => {
        timer.current = undefined;
        const now = current.current;
        const both = rowsInBoth(from, now);
        setDwelled((shown) =>
          shown.first === both.first && shown.last === both.last ? shown : both,
        );
        // Still moving: sample again from here, so the rows where it stops get their images.
        if (now.first !== from.first || now.last !== from.last) sample(now);
      }, dwellMs);
    };
    sample(current.current);
  }, [first, last, dwellMs]);

  useEffect(
    () => () => {
      if (timer.current !== undefined) window.clearTimeout(timer.current);
      timer.current = undefined;
    },
    [],
  );
  return dwelled;
}
