/**
 * The third-party notices the installers carry (scripts/third-party-notices.mjs, written by
 * `npm run dist` and shipped as resources/third-party-notices.txt): made from this checkout's
 * real node_modules, every shipped package that is installed here is in them once, with its
 * version, its declared licence and its licence files' text; dev-only packages are not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aboutText, THIRD_PARTY_LINE } from '../../src/main/desktop/about-text';

const ROOT = join(import.meta.dirname, '..', '..');
const { thirdPartyNotices } = (await import(join(ROOT, 'scripts', 'third-party-notices.mjs'))) as {
  thirdPartyNotices(root: string): string;
};
const require = createRequire(import.meta.url);
const builderRequire = createRequire(require.resolve('app-builder-lib'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };

const notices = thirdPartyNotices(ROOT);
/** Each entry's heading line ("name version") and its licence line, in order. */
const headings = [...notices.matchAll(/^={78}\n(.+)\nLicence: (.+)$/gm)].map((m) => ({
  heading: m[1]!,
  licence: m[2]!,
}));

interface LockEntry {
  dev?: boolean;
  link?: boolean;
}
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const installed = (path: string) => existsSync(join(ROOT, path, 'package.json'));
const versionAt = (path: string) =>
  JSON.parse(readFileSync(join(ROOT, path, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };

describe('third-party notices', () => {
  it('lists every shipped package installed here once, and no dev-only one', () => {
    const shipped = Object.entries(lock.packages)
      .filter(([path, meta]) => path !== '' && !meta.dev && !meta.link && installed(path))
      .map(([path]) => versionAt(path));
    // Nested copies of one version are one entry.
    const expected = [...new Set(shipped.map((p) => `${p.name} ${p.version}`))].sort();
    expect(headings.map((h) => h.heading).sort()).toEqual(expected);
    expect(notices).toContain(`the following ${expected.length} packages`);
    // A dev-only package that is installed here (the test runner itself) is left out.
    const vitest = versionAt('node_modules/vitest');
    expect(lock.packages['node_modules/vitest']?.dev).toBe(true);
    expect(headings.map((h) => h.heading)).not.toContain(`vitest ${vitest.version}`);
  });

  it('carries the LGPL text of libheif-js and each package licence file as it is', () => {
    const heif = versionAt('node_modules/libheif-js');
    const at = notices.indexOf(`\nlibheif-js ${heif.version}\nLicence: LGPL-3.0\n`);
    expect(at).toBeGreaterThan(0);
    const entry = notices.slice(at, notices.indexOf(`\n${'='.repeat(78)}\n`, at + 1));
    expect(entry).toContain('GNU LESSER GENERAL PUBLIC LICENSE');
    const sharpLicence = readFileSync(join(ROOT, 'node_modules/sharp/LICENSE'), 'utf8').trimEnd();
    expect(notices).toContain(sharpLicence);
  });

  it('says where the source of each LGPL package is, and ships it as files that can be swapped', () => {
    const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      asarUnpack: string[];
    };
    const lgpl = headings.filter((h) => /LGPL/.test(h.licence) && !/\bOR\b/.test(h.licence));
    expect(lgpl.map((h) => h.heading.split(' ')[0])).toContain('libheif-js');
    for (const { heading } of lgpl) {
      const [name, version] = heading.split(' ') as [string, string];
      const { repository } = versionAt(`node_modules/${name}`) as { repository?: { url: string } };
      const at = notices.indexOf(`\n${heading}\n`);
      const entry = notices.slice(at, notices.indexOf(`\n${'='.repeat(78)}\n`, at + 1));
      const repo = repository?.url.replace(/^git\+/, '').replace(/\.git$/, '');
      expect(entry, name).toContain(`Source: ${repo}, version ${version}.`);
      // Unpacked from the app's archive: plain files people can replace.
      const unpacked = config.asarUnpack.some((glob) =>
        `node_modules/${name}/`.startsWith(glob.replace(/\*\*$/, '')),
      );
      expect(unpacked, `${name} in asarUnpack`).toBe(true);
    }
    // A dual licence taken as its permissive side gets no such line.
    const jszip = headings.find((h) => h.heading.startsWith('jszip '));
    if (jszip) {
      const at = notices.indexOf(`\n${jszip.heading}\n`);
      expect(notices.slice(at, at + 300)).not.toContain('Source:');
    }
  });

  it("gives a package without a licence file its README's licensing section", () => {
    // sharp's libvips build for this platform: no LICENSE, its licences listed in the README.
    const libvips = Object.keys(lock.packages).find(
      (path) => /node_modules\/@img\/sharp-libvips-[^/]+$/.test(path) && installed(path),
    );
    if (!libvips) {
      console.log('skipped: no libvips build of sharp installed for this platform');
      return;
    }
    const { name, version } = versionAt(libvips);
    const at = notices.indexOf(`\n${name} ${version}\n`);
    const entry = notices.slice(at, notices.indexOf(`\n${'='.repeat(78)}\n`, at + 1));
    expect(entry).toContain('--- README (its licensing section)');
    expect(entry).toMatch(/^## Licensing$/m);
    expect(entry).toMatch(/\| libvips +\| LGPL/);
  });

  it('is packed into the installers and named in the About box', () => {
    const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      extraResources: { from: string; to: string }[];
    };
    expect(config.extraResources).toContainEqual({
      from: 'build/third-party-notices.txt',
      to: 'third-party-notices.txt',
    });
    const dist = readFileSync(join(ROOT, 'scripts', 'dist.mjs'), 'utf8');
    expect(dist).toContain("join(root, 'build', 'third-party-notices.txt')");
    const about = aboutText({ cutline: '1.0.0', node: '20', catalog: '/tmp/c.sqlite' });
    expect(about.split('\n').at(-1)).toBe(THIRD_PARTY_LINE);
    expect(THIRD_PARTY_LINE).toContain('LGPL-3.0');
  });
});
