/** Where each navigation key moves the selection in a grid of `columns` columns. */

/** The index the key moves to, or null when the key is not a grid key. */
export function nextIndex(
  key: string,
  current: number,
  columns: number,
  count: number,
  rowsPerPage: number,
): number | null {
  if (count === 0) return null;
  const from = current < 0 ? -1 : current;
  let to: number;
  switch (key) {
    case 'ArrowRight':
      to = from + 1;
      break;
    case 'ArrowLeft':
      to = from < 0 ? 0 : from - 1;
      break;
    case 'ArrowDown':
      to = from < 0 ? 0 : from + columns;
      break;
    case 'ArrowUp':
      to = from < 0 ? 0 : from - columns;
      break;
    case 'PageDown':
      to = Math.max(from, 0) + columns * rowsPerPage;
      break;
    case 'PageUp':
      to = Math.max(from, 0) - columns * rowsPerPage;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = count - 1;
      break;
    default:
      return null;
  }
  if (to >= count) return key === 'ArrowDown' || key === 'PageDown' ? count - 1 : from;
  return Math.max(0, to);
}
