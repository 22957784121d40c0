/**
 * How often an import tells the app that the library changed (each time, the app reloads
 * what it shows): the first change at once, then after 0.1, 0.2, 0.4 and 0.8 s, then at most
 * once a second, and a change in between is told at the end of the wait. Timers and the clock
 * are vitest's, so the test is exact whatever the machine's load.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttledLibraryChange } from '../../src/main/services/import-service';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the library-change announcements of an import', () => {
  it('come at once, then after waits growing from 0.1 s to 1 s, for changes every 10 ms', () => {
    const told: number[] = [];
    const start = performance.now();
    const changed = throttledLibraryChange(() => told.push(performance.now() - start));
    for (let t = 0; t < 4_000; t += 10) {
      changed.now();
      vi.advanceTimersByTime(10);
    }
    changed.cancel();
    expect(told.slice(0, 7)).toEqual([0, 100, 300, 700, 1_500, 2_500, 3_500]);
  });

  it('tells a change that came during a wait at its end, and nothing when none came', () => {
    const told: number[] = [];
    const start = performance.now();
    const changed = throttledLibraryChange(() => told.push(performance.now() - start));
    changed.now();
    vi.advanceTimersByTime(30);
    changed.now();
    vi.advanceTimersByTime(5_000);
    expect(told).toEqual([0, 100]);
  });

  it('is silent once cancelled', () => {
    const told: number[] = [];
    const changed = throttledLibraryChange(() => told.push(performance.now()));
    changed.now();
    changed.now();
    changed.cancel();
    vi.advanceTimersByTime(5_000);
    expect(told).toHaveLength(1);
  });
});
