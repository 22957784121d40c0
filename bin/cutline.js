#!/usr/bin/env node
// The `cutline` command. It runs the bundle that `npm run build` makes.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('cutline: not built yet; run "npm run build" in the Cutline folder first.\n');
  process.exit(1);
}
await import(cli);
