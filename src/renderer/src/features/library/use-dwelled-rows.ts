/**
 * Which of the grid's rendered rows have stayed in view long enough to get their thumbnail
 * images. A fast scroll passes whole screens of rows per frame: giving each of their cells an
 * <img> sent dozens of thumbnail requests a frame (thousands in a few seconds at 50,000
 * photos), which queued the page requests behind them and kept the main thread busy with
 * their responses. A slow scroll keeps most rows in view from one sample to the next, so
 * they get their images while it goes on. After a jump (the rows at the end of a sample are
 * none of those at its start: a screen or more passed), rows must stay a while longer: a
 * scroll a screen at a time keeps going, and on a busy machine its wheel events arrive
 * ≈100 ms apart, so the plain wait loaded every screen it passed.
 */
import { useEffect, useRef, useState } from 'react';
import { afterRest } from './after-rest';

/** Rows `first`..`last` (inclusive); empty when `last < first`. */
export interface RowRange {
  first: number;
  last: number;
}

/** The rows in both ranges (empty when they do not meet). */
function rowsInBoth(a: RowRange, b: RowRange): RowRange {
  return { first: Math.max(a.first, b.first), last: Math.min(a.last, b.last) };
}

/** How many times `dwellMs` rows must stay after a jump. */
const AFTER_JUMP = 2;

/**
 * Samples the rendered rows every `dwellMs` (after a jump, `AFTER_JUMP` times that) while
 * they move and answers the rows that were in view at both ends of the latest sample (each
 * cell keeps its image once shown).
 */
export function useDwelledRows(first: number, last: number, dwellMs: number): RowRange {
  const [dwelled, setDwelled] = useState<RowRange>({ first: 0, last: -1 });
  const current = useRef<RowRange>({ first, last });
  current.current = { first, last };
  /** Cancels the running sample (undefined: none runs). */
  const cancel = useRef<(() => void) | undefined>(undefined);

  useEffect(() => {
    void first;
    void last;
    // One sample at a time: a move while it runs is seen when it ends.
    if (cancel.current !== undefined) return;
    const sample = (from: RowRange, wait: number) => {
      // Compared in an animation frame after the wait, so wheel events queued behind a long
      // task have moved the range first (after-rest.ts).
      cancel.current = afterRest(wait, () => {
        cancel.current = undefined;
        const now = current.current;
        const both = rowsInBoth(from, now);
        setDwelled((shown) =>
          shown.first === both.first && shown.last === both.last ? shown : both,
        );
        // Still moving: sample again from here, so the rows where it stops get their images.
        if (now.first !== from.first || now.last !== from.last)
          sample(now, both.first > both.last ? dwellMs * AFTER_JUMP : dwellMs);
      });
    };
    sample(current.current, dwellMs);
  }, [first, last, dwellMs]);

  useEffect(
    () => () => {
      cancel.current?.();
      cancel.current = undefined;
    },
    [],
  );
  return dwelled;
}
