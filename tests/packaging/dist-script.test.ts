/**
 * `npm run dist` on a machine without an Electron binary (this one) stops with one plain
 * line saying what is missing and where it looked, and exit code 1 — not a stack trace
 * from electron-builder's download.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const hasElectron = existsSync(join(ROOT, 'node_modules', 'electron', 'dist'));

it.skipIf(hasElectron)('says in one line that the Electron binary is missing', () => {
  const emptyCache = mkdtempSync(join(tmpdir(), 'cutline-electron-cache-'));
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'dist.mjs')], {
    cwd: ROOT,
    env: { ...process.env, electron_config_cache: emptyCache },
    encoding: 'utf8',
  });
  expect(result.status).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^npm run dist: no Electron \d+\.\d+\.\d+ binary for \w+-\w+/);
  expect(lines[0]).toContain(emptyCache);
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
