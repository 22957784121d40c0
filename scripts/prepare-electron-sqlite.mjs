#!/usr/bin/env node
// The app's main process needs better-sqlite3 built for Electron's ABI, while tests and the
// CLI use the copy built for Node. Both cannot live in node_modules/better-sqlite3, so this
// fetches better-sqlite3's own prebuilt Electron binary into node_modules/.cutline/, where
// the Electron shell loads it through `nativeBinding`. Best effort: without network it says
// so and exits 0 (the browser bridge and the CLI need none of this).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronVersion = JSON.parse(
  readFileSync(require.resolve('electron/package.json'), 'utf8'),
).version;
const target = join(
  root,
  'node_modules',
  '.cutline',
  `electron-${electronVersion}`,
  'better_sqlite3.node',
);

if (existsSync(target)) process.exit(0);

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'cutline-sqlite-electron-'));
try {
  cpSync(join(source, 'package.json'), join(work, 'package.json'));
  execFileSync(
    process.execPath,
    [
      require.resolve('prebuild-install/bin.js'),
      '--runtime',
      'electron',
      '--target',
      electronVersion,
    ],
    { cwd: work, stdio: 'inherit' },
  );
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  console.log(`better-sqlite3 for Electron ${electronVersion} is in ${target}`);
} catch {
  console.warn(
    `Could not fetch better-sqlite3 for Electron ${electronVersion} (no network?). ` +
      'The Electron app will not open its catalog until it can; the CLI and ' +
      '"node bin/cutline.js serve" work without it.',
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
