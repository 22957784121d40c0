import { describe, expect, it } from 'vitest';
import { fitToDisplays, MIN_WINDOW } from '../../../src/main/desktop/window-bounds';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 875 };
const MONITOR = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('fitToDisplays', () => {
  it('keeps a window that is on a screen where it was', () => {
    const saved = { x: 1600, y: 100, width: 1800, height: 1100 };
    expect(fitToDisplays(saved, [LAPTOP, MONITOR])).toEqual(saved);
  });

  it('keeps a window that reaches off the screen edge but keeps its title bar in view', () => {
    const saved = { x: 1200, y: 40, width: 1000, height: 700 };
    expect(fitToDisplays(saved, [LAPTOP])).toEqual(saved);
  });

  it('brings back a window left on a monitor that was unplugged, shrunk to fit', () => {
    const saved = { x: 1600, y: 100, width: 1800, height: 1100 };
    const fitted = fitToDisplays(saved, [LAPTOP])!;
    expect(fitted.width).toBeLessThanOrEqual(LAPTOP.width);
    expect(fitted.height).toBeLessThanOrEqual(LAPTOP.height);
    expect(fitted.x).toBeGreaterThanOrEqual(0);
    expect(fitted.x + fitted.width).toBeLessThanOrEqual(LAPTOP.width);
    expect(fitted.y + fitted.height).toBeLessThanOrEqual(LAPTOP.height);
  });

  it('pulls a window whose title bar is above the screen back down', () => {
    const fitted = fitToDisplays({ x: 100, y: -600, width: 1000, height: 700 }, [LAPTOP])!;
    expect(fitted.y).toBe(0);
    expect(fitted.x).toBe(100);
  });

  it('gives a moved window at least the minimum size, but never more than the screen', () => {
    const fitted = fitToDisplays({ x: 5000, y: 5000, width: 300, height: 200 }, [LAPTOP])!;
    expect(fitted).toMatchObject({ width: MIN_WINDOW.width, height: MIN_WINDOW.height });
    const tiny = { x: 0, y: 0, width: 640, height: 480 };
    const onTiny = fitToDisplays({ x: 5000, y: 5000, width: 1800, height: 1100 }, [tiny])!;
    expect(onTiny).toEqual({ x: 0, y: 0, width: 640, height: 480 });
    expect(MIN_WINDOW.width).toBeGreaterThan(640);
  });

  it('has nothing to say without saved bounds or screens', () => {
    expect(fitToDisplays(null, [LAPTOP])).toBeNull();
    expect(fitToDisplays({ x: 0, y: 0, width: 900, height: 600 }, [])).toBeNull();
  });
});
