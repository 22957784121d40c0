/**
 * A process that salvages a damaged catalog and stops dead when it reaches one table
 * (`salvage-child.ts CATALOG TABLE`): it says so on stdout and waits there to be killed, so
 * a test can kill -9 it in the middle of a salvage.
 */
import { writeSync } from 'node:fs';
import { openCheckedCatalog } from '../../src/main/services/catalog-health';

const [file, stopAt] = process.argv.slice(2);
if (!file || !stopAt) throw new Error('usage: salvage-child.ts CATALOG TABLE');
openCheckedCatalog(file, {
  onSalvageTable: (table) => {
    if (table !== stopAt) return;
    writeSync(1, `salvaging ${table}\n`);
    // Blocks the thread (no event loop turn) until the test kills the process.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
