#!/usr/bin/env node
// The `cutline` command. It runs the bundle that `npm run build` makes.
//
// CommonJS on purpose (bin/package.json): libuv's thread pool, which reads files and runs
// sharp's thumbnail renders, takes its size from UV_THREADPOOL_SIZE when it is first used,
// and an ES module entry is itself read through that pool before its first line runs. Four
// threads, the default, would hold thumbnail rendering to four cores on a larger machine
// (thumbnail-renderer.ts renders one picture more than there are cores).
const { existsSync } = require('node:fs');
const { availableParallelism } = require('node:os');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

process.env.UV_THREADPOOL_SIZE ??= String(Math.max(4, availableParallelism() + 2));

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('cutline: not built yet; run "npm run build" in the Cutline folder first.\n');
  process.exit(1);
}
import(pathToFileURL(cli).href).catch((error) => {
  process.stderr.write(`cutline: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
