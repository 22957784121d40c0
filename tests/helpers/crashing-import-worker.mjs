// The real import worker (src/main/workers/import-worker.ts, through tsx), except that it dies
// the way a crash in a native decoder takes a worker down (an uncaught error) when it comes to
// a request for a file whose name holds "crash-here": once every request sent before that one
// has been answered, so the pool sees what a real crash on that file would show it. No real
// file crashes libheif-js here (a damaged HEIC only fails to decode), so the tests of the
// pool's crash handling inject it. Named to the pool by CUTLINE_IMPORT_WORKER.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const CRASH_MARK = 'crash-here';
/** Requests handed to the real worker and not yet answered. */
const unanswered = new Set();
let crashAt = null;

function crashWhenItsTurnComes() {
  if (crashAt === null || [...unanswered].some((id) => id < crashAt)) return;
  setImmediate(() => {
    throw new Error(`simulated crash in a decoder (${CRASH_MARK})`);
  });
  crashAt = null;
}

const answer = parentPort.postMessage.bind(parentPort);
parentPort.postMessage = (message, transfer) => {
  if (message && typeof message === 'object' && 'id' in message) {
    unanswered.delete(message.id);
    crashWhenItsTurnComes();
  }
  return answer(message, transfer);
};
register();
await import(new URL('../../src/main/workers/import-worker.ts', import.meta.url).href);

// Listens after the real worker does: a port delivers the messages that came before any
// listener to the first one attached, which must be the worker's. Its module attaches it
// without awaiting anything, so no message comes between the two.
parentPort.on('message', (message) => {
  if (!message || typeof message !== 'object' || !('id' in message)) return;
  if (String(message.path).includes(CRASH_MARK)) {
    crashAt = message.id;
    crashWhenItsTurnComes();
  } else unanswered.add(message.id);
});
