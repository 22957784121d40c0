#!/usr/bin/env node
// The third-party notices the installers carry (`npm run dist` writes them to
// build/third-party-notices.txt; the app opens them from Help ▸ Third-party Notices): every
// package the app ships (package-lock.json's entries that are not dev-only) that is installed
// here, with its version, its declared licence and the text of its licence files. The licences
// ask for it: MIT, BSD and ISC for their copyright and permission notices in every copy, and
// LGPL-3.0 §4 (libheif-js, sharp's libvips) for a notice that the library is used, with the
// GPL and LGPL texts. Built on the packaging machine, so it lists that platform's packages.
// `node scripts/third-party-notices.mjs OUT` writes it to OUT.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Files in a package's folder that hold its licence or notices. */
const LICENCE_FILE = /^(licen[cs]e|copying|notice)([-._].*)?$/i;

/**
 * The notices for the packages installed under `root`/node_modules that the app ships, sorted
 * by name then version. Each entry: a rule, the name and version, the declared licence, then
 * each licence file's text, or without one its README's licensing section (or a line saying
 * it has neither).
 */
export function thirdPartyNotices(root) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const entries = [];
  for (const [path, meta] of Object.entries(lock.packages ?? {})) {
    if (path === '' || meta.dev || meta.link) continue;
    const folder = join(root, path);
    if (!existsSync(join(folder, 'package.json'))) continue; // another platform's optional package
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const name = manifest.name ?? path.slice(path.lastIndexOf('node_modules/') + 13);
    const licence = declaredLicence(manifest) ?? meta.license ?? 'not declared';
    // Files only: a package may keep a folder named "licenses" beside its code.
    const files = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && LICENCE_FILE.test(entry.name))
      .map((entry) => entry.name)
      .sort();
    const version = manifest.version ?? meta.version ?? '?';
    // Nested copies of one version (isarray 1.0.0 five times) are one entry.
    if (entries.some((e) => e.name === name && e.version === version)) continue;
    // LGPL only (not a choice like jszip's "MIT OR GPL-3.0-or-later", taken as MIT): §4 asks
    // that people can get the source of the version shipped and swap in another build.
    const source = /LGPL/.test(licence) && !/\bOR\b/.test(licence) ? sourceOf(manifest) : null;
    entries.push({ name, version, licence, folder, files, source });
  }
  entries.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  const parts = [
    'Cutline: third-party notices',
    '',
    `Cutline includes the following ${entries.length} packages. Each is used under its own`,
    'licence, whose text follows its name where the package carries one.',
  ];
  for (const entry of entries) {
    parts.push('', '='.repeat(78), `${entry.name} ${entry.version}`, `Licence: ${entry.licence}`);
    if (entry.source) {
      parts.push(
        `Source: ${entry.source}, version ${entry.version}. Cutline ships it unchanged, as`,
        'separate files beside the app that can be replaced with another build of it.',
      );
    }
    if (entry.files.length === 0) {
      // sharp's libvips builds state theirs (LGPL-3.0, and the libraries inside) in the README.
      const section = readmeLicensing(entry.folder);
      parts.push('', section ? `--- README (its licensing section)\n\n${section}` : NO_FILE);
    }
    for (const file of entry.files) {
      parts.push('', `--- ${file}`, '', readFileSync(join(entry.folder, file), 'utf8').trimEnd());
    }
  }
  return `${parts.join('\n')}\n`;
}

const NO_FILE = '(The package carries no licence file.)';

/**
 * The licensing section of a package's README (from a heading that starts "Licen…" to the next
 * heading as high or higher), or null.
 */
function readmeLicensing(folder) {
  const readme = readdirSync(folder).find((file) => /^readme(\.md|\.markdown|\.txt)?$/i.test(file));
  if (!readme) return null;
  const lines = readFileSync(join(folder, readme), 'utf8').split('\n');
  const start = lines.findIndex((line) => /^#{1,6}\s*licen[cs]/i.test(line));
  if (start < 0) return null;
  const level = lines[start].match(/^#+/)[0].length;
  let end = start + 1;
  while (
    end < lines.length &&
    !(/^#+\s/.test(lines[end]) && lines[end].match(/^#+/)[0].length <= level)
  ) {
    end++;
  }
  return lines.slice(start, end).join('\n').trimEnd();
}

/**
 * Where a package's source is published, from its package.json (`repository`, else
 * `homepage`), as a web address: what a (L)GPL package's entry points people to for the
 * Corresponding Source of the version shipped. null: the package says nowhere.
 */
function sourceOf(manifest) {
  const repository =
    typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const address = repository ?? manifest.homepage;
  if (typeof address !== 'string') return null;
  return address
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/^github:/, 'https://github.com/')
    .replace(/\.git$/, '');
}

/** The licence a package.json declares: `license`, or the old `licenses` list. */
function declaredLicence(manifest) {
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license?.type) return manifest.license.type;
  if (Array.isArray(manifest.licenses)) {
    return manifest.licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ');
  }
  return null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node scripts/third-party-notices.mjs OUT');
    process.exit(2);
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  writeFileSync(out, thirdPartyNotices(root));
}
