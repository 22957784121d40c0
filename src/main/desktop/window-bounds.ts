/**
 * Where the window reopens: where it was left, unless that place is no longer on any screen
 * (a monitor unplugged, a laptop undocked), in which case it is moved onto the nearest
 * screen and shrunk to fit. Pure arithmetic on rectangles; the shell supplies the displays.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The window as it is remembered between runs. */
export interface WindowPlacement {
  bounds: Rect;
  maximized: boolean;
}

export const MIN_WINDOW = { width: 800, height: 560 };

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function distance(a: Rect, b: Rect): number {
  const dx = a.x + a.width / 2 - (b.x + b.width / 2);
  const dy = a.y + a.height / 2 - (b.y + b.height / 2);
  return Math.hypot(dx, dy);
}

/**
 * The bounds to open at: the saved ones when enough of the window (a 100×50 grip of its
 * title bar, say) shows on a screen's work area; otherwise moved and clamped into the work
 * area of the screen it overlaps most, or the nearest one. Null when nothing was saved.
 */
export function fitToDisplays(saved: Rect | null, workAreas: readonly Rect[]): Rect | null {
  if (!saved || workAreas.length === 0) return null;
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: 50 };
  const grip = Math.min(100 * 50, saved.width * 50);
  if (workAreas.some((area) => overlap(titleBar, area) >= grip)) return saved;
  const area = [...workAreas].sort(
    (a, b) => overlap(saved, b) - overlap(saved, a) || distance(saved, a) - distance(saved, b),
  )[0]!;
  const width = Math.max(Math.min(saved.width, area.width), Math.min(MIN_WINDOW.width, area.width));
  const height = Math.max(
    Math.min(saved.height, area.height),
    Math.min(MIN_WINDOW.height, area.height),
  );
  return {
    x: Math.min(Math.max(saved.x, area.x), area.x + area.width - width),
    y: Math.min(Math.max(saved.y, area.y), area.y + area.height - height),
    width,
    height,
  };
}
