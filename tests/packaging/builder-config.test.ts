/**
 * The installer configuration, read with the YAML reader electron-builder itself uses:
 * the four platforms' targets and icons, native code and ExifTool unpacked from the asar,
 * Electron's better-sqlite3 where the shell looks for it, and the fuse hook in place.
 * (Packaging itself needs an Electron download; `npm run dist` does it where it can.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const builderRequire = createRequire(require.resolve('app-builder-lib'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  npmRebuild: boolean;
  afterPack: string;
  linux: { target: string[]; icon: string };
  win: { target: string; icon: string };
  mac: { target: string; icon: string };
}

const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('builds AppImage and deb, NSIS and dmg, each with its icon in resources/', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
    const png = readFileSync(join(ROOT, config.linux.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5);
    const icns = readFileSync(join(ROOT, config.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('unpacks native modules and the bundled ExifTool from the asar', () => {
    for (const needed of [
      'node_modules/better-sqlite3/**',
      'node_modules/sharp/**',
      'node_modules/@img/**',
      'node_modules/exiftool-vendored.pl/**',
      'node_modules/exiftool-vendored.exe/**',
    ]) {
      expect(config.asarUnpack).toContain(needed);
    }
  });

  it('ships better-sqlite3 for Electron where the shell loads it, and keeps the Node build', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toContainEqual({ from: 'build/native', to: 'native' });
    const shell = readFileSync(join(ROOT, 'src', 'main', 'shell', 'index.ts'), 'utf8');
    expect(shell).toContain("join(process.resourcesPath, 'native', name)");
    const dist = readFileSync(join(ROOT, 'scripts', 'dist.mjs'), 'utf8');
    expect(dist).toContain("join(root, 'build', 'native')");
  });

  it('packs the built app and the PDF fonts, and sets the fuses after packing', () => {
    expect(config.files).toContain('out/**');
    expect(config.files).toContain('resources/fonts/**');
    expect(config.afterPack).toBe('scripts/electron-fuses.cjs');
    expect(existsSync(join(ROOT, config.afterPack))).toBe(true);
  });
});
