#!/usr/bin/env node
// `npm run dist [-- --linux|--win|--mac …]`: builds the installers with electron-builder
// (electron-builder.yml). First checks what packaging needs and cannot fetch later: an
// Electron binary for this platform and better-sqlite3 built for Electron's ABI. When one is
// missing it says so in one line and exits 1, instead of a stack trace from deep inside.
// Builds for the platform it runs on (the native modules are this platform's).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronInstalled, ensureElectron } from './ensure-electron.mjs';
import { thirdPartyNotices } from './third-party-notices.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronDir = dirname(require.resolve('electron/package.json'));
const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const zip = `electron-v${version}-${process.platform}-${process.arch}.zip`;

function stop(reason) {
  console.error(`npm run dist: ${reason}`);
  process.exit(1);
}

function run(command, args) {
  try {
    execFileSync(command, args, { cwd: root, stdio: 'inherit' });
  } catch (error) {
    stop(`${[command, ...args].join(' ')} failed (exit ${error.status ?? '?'}); see above.`);
  }
}

// electron-builder unpacks Electron from its download cache (or fetches it from GitHub).
const cacheDir =
  process.env.electron_config_cache ??
  (process.platform === 'darwin'
    ? join(homedir(), 'Library', 'Caches', 'electron')
    : process.platform === 'win32'
      ? join(process.env.LOCALAPPDATA ?? homedir(), 'electron', 'Cache')
      : join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron'));
let installed = electronInstalled(electronDir);
if (!installed && !existsSync(join(cacheDir, zip))) {
  // Electron's own installer fetches it into node_modules/electron/dist (as `npm start` does).
  const failure = ensureElectron(electronDir);
  if (failure) {
    stop(
      `no Electron ${version} binary for ${process.platform}-${process.arch} on this machine (neither node_modules/electron/dist nor ${join(cacheDir, zip)}): ${failure}`,
    );
  }
  installed = true;
}

const binding = join(
  root,
  'node_modules',
  '.cutline',
  `electron-${version}`,
  'better_sqlite3.node',
);
if (!existsSync(binding))
  run(process.execPath, [join(root, 'scripts', 'prepare-electron-sqlite.mjs')]);
if (!existsSync(binding)) {
  stop(
    `better-sqlite3 for Electron ${version} could not be fetched into ${binding}; without it the app cannot open its catalog.`,
  );
}

run(process.execPath, [
  join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
  'build',
]);
const staged = join(root, 'build', 'native');
rmSync(staged, { recursive: true, force: true });
mkdirSync(join(staged, `electron-${version}`), { recursive: true });
cpSync(binding, join(staged, `electron-${version}`, 'better_sqlite3.node'));
// The packages this platform's installer ships, with their licences (Help ▸ Third-Party Notices).
writeFileSync(join(root, 'build', 'third-party-notices.txt'), thirdPartyNotices(root));
run(process.execPath, [
  join(root, 'node_modules', 'electron-builder', 'cli.js'),
  '--config',
  'electron-builder.yml',
  ...(installed ? [`-c.electronDist=${join(electronDir, 'dist')}`] : []),
  ...process.argv.slice(2),
]);
