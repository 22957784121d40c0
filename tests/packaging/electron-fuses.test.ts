/**
 * The afterPack hook really flips the fuses: run on a file laid out like Electron's binary
 * (the fuse sentinel followed by a wire of fuses all '1'), then read back with
 * @electron/fuses' own reader. (The real binary cannot be downloaded here.)
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const hook = require('../../scripts/electron-fuses.cjs') as ((
  context: unknown,
) => Promise<void>) & {
  CUTLINE_FUSES: Record<string, unknown>;
};
const { SENTINEL, FuseState } = require('@electron/fuses/dist/constants') as {
  SENTINEL: string;
  FuseState: { ENABLE: number; DISABLE: number };
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cutline-fuses-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Bytes around a fuse wire (version 1, then its length) of `count` fuses, all enabled. */
function fakeElectron(count: number): Buffer {
  return Buffer.concat([
    Buffer.alloc(4096, 0x90),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, count]),
    Buffer.alloc(count, 0x31),
    Buffer.alloc(4096, 0x90),
  ]);
}

describe('the afterPack fuse hook', () => {
  it('turns off RunAsNode, --inspect and NODE_OPTIONS and keeps the app in its asar', async () => {
    const appOutDir = join(dir, 'linux-unpacked');
    await mkdir(appOutDir, { recursive: true });
    const executable = join(appOutDir, 'cutline-app');
    await writeFile(executable, fakeElectron(8));
    await hook({
      appOutDir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { executableName: 'cutline-app', appInfo: { productFilename: 'Cutline' } },
    });
    const wire = await getCurrentFuseWire(executable);
    const state = (fuse: FuseV1Options) => Number(wire[fuse]);
    const off = (fuse: FuseV1Options) =>
      expect(state(fuse), FuseV1Options[fuse]).toBe(FuseState.DISABLE);
    const on = (fuse: FuseV1Options) =>
      expect(state(fuse), FuseV1Options[fuse]).toBe(FuseState.ENABLE);
    off(FuseV1Options.RunAsNode);
    off(FuseV1Options.EnableNodeCliInspectArguments);
    off(FuseV1Options.EnableNodeOptionsEnvironmentVariable);
    off(FuseV1Options.GrantFileProtocolExtraPrivileges);
    on(FuseV1Options.OnlyLoadAppFromAsar);
    on(FuseV1Options.EnableCookieEncryption);
  });

  it('names the executable electron-builder packs on each platform', () => {
    const { packedExecutable } = hook as unknown as {
      packedExecutable: (context: unknown) => string;
    };
    const packager = { executableName: 'cutline-app', appInfo: { productFilename: 'Cutline' } };
    expect(packedExecutable({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(
      '/o/cutline-app',
    );
    expect(packedExecutable({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(
      '/o/Cutline.exe',
    );
    expect(packedExecutable({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(
      '/o/Cutline.app',
    );
  });
});
