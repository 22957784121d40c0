/**
 * The editor's autosave queue saves one value of a field at a time. A save asked for while
 * another of the same field is under way (the pause after typing, then leaving the field)
 * waits for it: on a catalog another program holds locked, each save waits 16 s, and a second
 * one queued behind the first kept the window saying "Saving…" for twice that. The catalog is
 * stood in for by a save function the test answers by hand, to hold a save under way.
 */
import { describe, expect, it } from 'vitest';
import { AutosaveQueue } from '../../../src/renderer/src/features/editor/autosave-queue';
import type { FieldValue } from '../../../src/shared/model';
import type { Result } from '../../../src/shared/result';

/** A save function whose calls stay under way until the test answers them. */
function heldSaves() {
  const calls: { value: FieldValue; answer: (result: Result<unknown>) => void }[] = [];
  const save = (_photo: number, _field: string, value: FieldValue) =>
    new Promise<Result<unknown>>((answer) => calls.push({ value, answer }));
  return { calls, save };
}

const ok: Result<unknown> = { ok: true, value: null };
const busy: Result<unknown> = { ok: false, error: { code: 'busy', message: 'catalog is locked' } };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the autosave queue', () => {
  it('leaves a field whose save is under way without sending a second one', async () => {
    const { calls, save } = heldSaves();
    const queue = new AutosaveQueue(save as never, null, 0);
    queue.set(1, 'caption', 'First words.');
    await tick(); // the pause after typing has passed: its save is under way
    expect(calls).toHaveLength(1);
    const flushed = queue.flush(); // the field is left
    await tick();
    expect(calls).toHaveLength(1);
    expect(queue.status()).toMatchObject({ saving: true, pending: 1 });
    calls[0]!.answer(ok);
    await flushed;
    expect(calls).toHaveLength(1);
    expect(queue.status()).toEqual({ pending: 0, saving: false, error: null });
  });

  it('saves a newer value typed while the first was under way, once it is answered', async () => {
    const { calls, save } = heldSaves();
    const queue = new AutosaveQueue(save as never, null, 0);
    queue.set(1, 'caption', 'First words.');
    await tick();
    queue.set(1, 'caption', 'First words, and more.');
    const flushed = queue.flush();
    await tick();
    expect(calls).toHaveLength(1);
    calls[0]!.answer(ok);
    await tick();
    expect(calls.map((call) => call.value)).toEqual(['First words.', 'First words, and more.']);
    calls[1]!.answer(ok);
    await flushed;
    expect(queue.status()).toEqual({ pending: 0, saving: false, error: null });
  });

  it('says at once that a save failed, keeps the text, and does not resend it meanwhile', async () => {
    const { calls, save } = heldSaves();
    const queue = new AutosaveQueue(save as never, null, 0);
    queue.set(1, 'caption', 'Written while locked.');
    await tick();
    const flushed = queue.flush();
    calls[0]!.answer(busy);
    await flushed;
    // Answered by the failure, not by a second save sent behind the first.
    expect(calls).toHaveLength(1);
    expect(queue.status().error).toMatch(/^Not saved yet \(catalog is locked\)/);
    expect(queue.status()).toMatchObject({ pending: 1, saving: false });
    expect(queue.pending(1, 'caption')).toBe('Written while locked.');
  });
});
