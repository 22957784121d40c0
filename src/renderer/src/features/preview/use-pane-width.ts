/**
 * The preview pane's share of the space left of the details panel, dragged with its splitter
 * (or moved with the arrow keys on it) and remembered in localStorage.
 */
import { useCallback, useState } from 'react';

const STORAGE_KEY = 'cutline.previewShare';
const DEFAULT_SHARE = 0.5;
const MIN_SHARE = 0.2;
const MAX_SHARE = 0.8;

function clamp(share: number): number {
  return Math.min(MAX_SHARE, Math.max(MIN_SHARE, share));
}

function stored(): number {
  try {
    const value = Number(window.localStorage.getItem(STORAGE_KEY));
    return value > 0 ? clamp(value) : DEFAULT_SHARE;
  } catch {
    return DEFAULT_SHARE;
  }
}

/** The pane's share (0.2–0.8) and a setter that clamps and remembers it. */
export function usePaneShare(): [number, (share: number) => void] {
  const [share, setShare] = useState(stored);
  const update = useCallback((next: number) => {
    const value = clamp(next);
    setShare(value);
    try {
      window.localStorage.setItem(STORAGE_KEY, String(value));
    } catch {
      // a full or disabled storage only means the width is not remembered
    }
  }, []);
  return [share, update];
}
