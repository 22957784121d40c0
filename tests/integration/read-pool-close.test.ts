import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A pool closed as it starts, the way `cutline import` closes it when the catalog cannot be
 * opened (a read-only disk): the worker's first messages (LOADED, WARMED_UP) are still waiting
 * on this thread when close() asks it to end. Handled after that, they used to let go of the
 * thread, so the process ran out of things to wait for with close() unsettled and ended
 * without finishing (the command said "an internal wait was never answered", 1 time in 3).
 * Run in a child process of its own, since what is checked is how that process ends.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cutline-pool-close-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('closing a read pool as it starts', () => {
  it('settles, and the process ends only after it has, every time', async () => {
    const script = join(dir, 'close-at-start.mts');
    const pool = pathToFileURL(join(ROOT, 'src/main/services/read-pool.ts')).href;
    await writeFile(
      script,
      `import { createReadPool } from ${JSON.stringify(pool)};
const pool = createReadPool(1, { warmUp: false });
void pool.warmUp();
// Blocks this thread while the worker loads and posts its first messages: they wait here,
// and are handled only after close() has begun.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2500);
await pool.close();
process.stdout.write('closed\\n');
`,
    );
    for (let round = 0; round < 3; round++) {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { cwd: ROOT });
      expect(stdout, `round ${round + 1}`).toBe('closed\n');
    }
  }, 60_000);
});
