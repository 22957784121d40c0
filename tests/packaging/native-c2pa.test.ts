/**
 * The C2PA library (@contentauth/c2pa-node) loads a 65 MB native binary, dist/index.node, by
 * require() from beside its own JavaScript. The packaged app can only load it if the bundler
 * leaves the package in node_modules (electron.vite.config.ts) and electron-builder unpacks it
 * from the asar (electron-builder.yml): both configurations must say so, or Content
 * Credentials would fail in the installed app only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const PACKAGE = '@contentauth/c2pa-node';
const require = createRequire(import.meta.url);
const builderRequire = createRequire(require.resolve('app-builder-lib'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const minimatch = builderRequire('minimatch') as
  | { minimatch(path: string, glob: string, options?: object): boolean }
  | ((path: string, glob: string, options?: object) => boolean);
const matches = typeof minimatch === 'function' ? minimatch : minimatch.minimatch;

describe('the C2PA native binary in the packaged app', () => {
  it('is a runtime dependency whose binary sits in the package', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies[PACKAGE]).toBeTruthy();
    expect(existsSync(join(ROOT, 'node_modules', PACKAGE, 'dist', 'index.node'))).toBe(true);
  });

  it('is unpacked from the asar by electron-builder.yml', () => {
    const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      asar: boolean;
      asarUnpack: string[];
    };
    expect(config.asar).toBe(true);
    const binary = `node_modules/${PACKAGE}/dist/index.node`;
    expect(config.asarUnpack.some((glob) => matches(binary, glob, { dot: true }))).toBe(true);
  });

  it('is left external (not bundled) by electron.vite.config.ts', async () => {
    const { default: config } = (await import('../../electron.vite.config')) as {
      default: { main: { build: { externalizeDeps: { include?: string[]; exclude?: string[] } } } };
    };
    const externalize = config.main.build.externalizeDeps;
    expect(externalize.include).toContain(PACKAGE);
    expect(externalize.exclude ?? []).not.toContain(PACKAGE);
  });
});
