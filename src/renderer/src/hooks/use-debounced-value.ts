/** A value that follows its input after a quiet period. */
import { useEffect, useRef, useState } from 'react';

/**
 * Returns `value` once it has stopped changing for `delayMs`. With `leading`, a change that
 * comes after such a quiet period is returned at once (a pasted query, a filter chip, the
 * first key typed), and only the changes that follow it within `delayMs` wait for a pause.
 */
export function useDebouncedValue<T>(value: T, delayMs: number, leading = false): T {
  const [debounced, setDebounced] = useState(value);
  const lastChange = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    const now = performance.now();
    const quiet = now - lastChange.current >= delayMs;
    lastChange.current = now;
    if (leading && quiet) {
      setDebounced(value);
      return;
    }
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs, leading]);
  return debounced;
}
