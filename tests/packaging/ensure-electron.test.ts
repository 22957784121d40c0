/**
 * `npm start`, `npm run dev` and `npm run dist` first make sure Electron's binary is there
 * (scripts/ensure-electron.mjs): Electron 42 fetches it only when asked, and electron-vite
 * stops with "Electron uninstall" without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'ensure-electron.mjs');
const hasElectron = existsSync(join(ROOT, 'node_modules', 'electron', 'path.txt'));

function ensure(script: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [SCRIPT, script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

it('runs the electron package’s installer when path.txt is missing, and not once it is there', () => {
  // A stand-in electron package whose installer does what Electron's does: unpack the binary
  // into dist/ and name it in path.txt. It counts its runs.
  const dir = mkdtempSync(join(tmpdir(), 'cutline-electron-package-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '42.1.0' }));
  writeFileSync(
    join(dir, 'install.js'),
    `const fs = require('fs');
     fs.appendFileSync('runs', 'x');
     fs.mkdirSync('dist', { recursive: true });
     fs.writeFileSync('dist/version', 'v42.1.0');
     fs.writeFileSync('dist/electron', '');
     fs.writeFileSync('path.txt', 'electron');`,
  );
  const first = ensure('start', { CUTLINE_ELECTRON_PACKAGE_DIR: dir });
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  expect(readFileSync(join(dir, 'runs'), 'utf8')).toBe('x');
  expect(first.stdout).toMatch(/Fetching Electron 42\.1\.0's binary/);

  const second = ensure('start', { CUTLINE_ELECTRON_PACKAGE_DIR: dir });
  expect(second.status).toBe(0);
  expect(readFileSync(join(dir, 'runs'), 'utf8')).toBe('x');
});

it('says in one line what failed when the binary cannot be fetched, and exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cutline-electron-package-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '42.1.0' }));
  // The old version's binary is there: path.txt alone does not count as installed.
  writeFileSync(join(dir, 'dist', 'version'), 'v41.0.0');
  writeFileSync(join(dir, 'path.txt'), 'electron');
  writeFileSync(
    join(dir, 'install.js'),
    `console.error(new Error('getaddrinfo ENOTFOUND github.com').stack); process.exit(1);`,
  );
  const result = ensure('dev', { CUTLINE_ELECTRON_PACKAGE_DIR: dir });
  expect(result.status).toBe(1);
  expect(result.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(
      /^npm run dev: Electron 42\.1\.0's binary could not be fetched \(Error: getaddrinfo ENOTFOUND github\.com\)/,
    ),
  ]);
});

it.skipIf(hasElectron)(
  'with Electron’s real installer and no way to download, one line and exit 1',
  () => {
    const result = ensure('start', {
      // A port nothing listens on: the download is refused at once, wherever this runs.
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: mkdtempSync(join(tmpdir(), 'cutline-electron-cache-')),
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^npm start: Electron \d+\.\d+\.\d+'s binary could not be fetched \(/);
  },
);
