/**
 * Runs a callback once the grid's scroll has rested: `ms` later, and then in the next
 * animation frame. The frame matters on a busy main thread: a timer can fire after a long
 * task with the scroll's next wheel events still queued, so "nothing moved for 80 ms" would
 * be the page's own stall, not the scroll resting (on a loaded machine a fast scroll then
 * loaded thumbnails and pages for most screens it passed, and their responses slowed it
 * further). Input and scroll events are handled at the start of a frame, before its
 * animation-frame callbacks, so a range that moved meanwhile has re-rendered, and its
 * effect's clean-up has cancelled this, by the time the callback would run.
 */

/** Schedules `run`; the returned function cancels it (an effect's clean-up). */
export function afterRest(ms: number, run: () => void): () => void {
  let frame: number | undefined;
  const timer = window.setTimeout(() => {
    frame = window.requestAnimationFrame(() => {
      frame = undefined;
      run();
    });
  }, ms);
  return () => {
    window.clearTimeout(timer);
    if (frame !== undefined) window.cancelAnimationFrame(frame);
  };
}
