import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  enterHeavy,
  heavyGateMemory,
  heavyIf,
  releaseIfHeldBy,
} from '../../../src/main/metadata/heavy-read-gate';

describe('heavy-read gate', () => {
  it('lets one heavy task run at a time, and light ones at once', async () => {
    const events: string[] = [];
    let openFirst = () => {};
    let firstIn = () => {};
    const entered = new Promise<void>((resolve) => {
      firstIn = resolve;
    });
    const first = heavyIf(true, async () => {
      events.push('first in');
      firstIn();
      await new Promise<void>((resolve) => {
        openFirst = resolve;
      });
      events.push('first out');
    });
    await entered;
    const second = heavyIf(true, async () => {
      events.push('second in');
    });
    await heavyIf(false, async () => {
      events.push('light');
    });
    // Let the second task try the gate before the first lets go.
    await new Promise((resolve) => setTimeout(resolve, 20));
    openFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first in', 'light', 'first out', 'second in']);
  });

  it('is freed when the thread holding it dies', async () => {
    await enterHeavy(); // held by this thread, never let go
    releaseIfHeldBy(heavyGateMemory(), threadId);
    const leave = await enterHeavy();
    leave();
    leave(); // twice is harmless
  });
});
