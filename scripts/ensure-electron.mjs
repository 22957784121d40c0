#!/usr/bin/env node
// Makes sure Electron's binary is installed before `npm start`, `npm run dev` or `npm run
// dist` need it. Electron 42 no longer downloads it at `npm install`: its `install-electron`
// script does, or the first `require('electron')` from Node, but electron-vite reads
// node_modules/electron/path.txt directly and stops with "Error: Electron uninstall".
// So this runs Electron's own installer when path.txt or the binary is missing, and when the
// download fails says so in one line (not a stack trace) and exits 1.
//
//   node scripts/ensure-electron.mjs [start|dev|dist]   (the npm script that needs it)
//
// CUTLINE_ELECTRON_PACKAGE_DIR names another electron package folder (the tests' stand-in).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The electron package folder this project uses. */
export function electronPackageDir() {
  return (
    process.env.CUTLINE_ELECTRON_PACKAGE_DIR ??
    dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'))
  );
}

/** True when path.txt names a binary that exists, of the package's version. */
export function electronInstalled(dir) {
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  try {
    const binary = readFileSync(join(dir, 'path.txt'), 'utf8');
    const installed = readFileSync(join(dir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
    return installed === version && existsSync(join(dir, 'dist', binary));
  } catch {
    return false;
  }
}

/**
 * Runs Electron's installer when the binary is missing. Returns null when the binary is
 * there (already or now), else one line saying what failed.
 */
export function ensureElectron(dir = electronPackageDir()) {
  if (electronInstalled(dir)) return null;
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  process.stdout.write(
    `Fetching Electron ${version}'s binary (once; it is not part of npm install)…\n`,
  );
  const run = spawnSync(process.execPath, [join(dir, 'install.js')], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (run.status === 0 && electronInstalled(dir)) return null;
  // The installer prints a stack; its first line that is not a frame says what went wrong.
  const cause =
    (run.stderr ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !line.startsWith('at ')) ??
    (run.error ? String(run.error.message) : `the installer exited with ${run.status}`);
  return `Electron ${version}'s binary could not be fetched (${cause}); it is downloaded from github.com once (or from $ELECTRON_MIRROR): connect to the internet and try again.`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const failure = ensureElectron();
  if (failure) {
    const script = process.argv[2] ?? 'start';
    process.stderr.write(`${script === 'start' ? 'npm start' : `npm run ${script}`}: ${failure}\n`);
    process.exit(1);
  }
}
