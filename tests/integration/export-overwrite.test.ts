/**
 * Exports never overwrite what they must not (issue 14, part 2), through the contract as the
 * app and the bridge call it and through the CLI: never an imported photo, a sidecar, a file
 * that reads as a photo, the catalog or its -wal/-shm, the app's own files; any other
 * existing file only when the person confirmed (`overwrite`, `--force`).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api';
import { protectAppFolder } from '../../src/main/security/write-protection';
import { defaultDataFolder } from '../../src/main/services/catalog-location';
import type { Handlers } from '../../src/shared/contract';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { setUpServicesShoot } from '../helpers/services-shoot';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

const shoot = setUpServicesShoot('export-overwrite');

let handlers: Handlers;
let photo: string;
let sidecar: string;
let appDir: string;
const before = new Map<string, Buffer>();

// biome-ignore lint/suspicious/noExplicitAny: the test reads answers of every shape.
const call = (name: string, input: unknown): Promise<any> => dispatch(handlers, name, input);
const sheet = (out: string, overwrite?: boolean) =>
  call('export:sheet', { format: 'txt', out, ...(overwrite === undefined ? {} : { overwrite }) });
const credits = (out: string, overwrite?: boolean) =>
  call('credits:save', { out, ...(overwrite === undefined ? {} : { overwrite }) });

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    await run(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT });
  }
  photo = join(shoot.root, 'shoot', 'a.jpg');
  await makeJpeg(shoot.exiftool, photo, {
    tags: wireTags({ caption: 'Fireworks over Pyongyang.', credit: 'KCNA via AP' }),
  });
  // A RAW-style sidecar the import finds beside the photo, and an original not yet imported.
  sidecar = join(shoot.root, 'shoot', 'a.xmp');
  await writeFile(sidecar, '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta/>');
  await copyFile(photo, join(shoot.root, 'original-renamed.txt'));
  appDir = join(shoot.root, 'served-renderer');
  await mkdir(appDir);
  await writeFile(join(appDir, 'index.html'), '<!doctype html><title>Cutline</title>');
  protectAppFolder(appDir);
  handlers = createHandlers(shoot.services);
  await (await shoot.services.importer.start([join(shoot.root, 'shoot')])).done;
  for (const file of [photo, sidecar, join(shoot.root, 'original-renamed.txt')]) {
    before.set(file, await readFile(file));
  }
}, 120_000);

describe('what an export never writes, confirmed or not', () => {
  it('refuses an imported photo, its sidecar and a file that reads as a photo', async () => {
    await symlink(photo, join(shoot.root, 'link-to-photo.txt'));
    const cases: [string, RegExp][] = [
      [photo, /photo in the catalog/],
      [sidecar, /photo in the catalog, or its sidecar/],
      [join(shoot.root, 'original-renamed.txt'), /it is a photo/],
      [join(shoot.root, 'link-to-photo.txt'), /photo in the catalog/],
      [join(shoot.root, 'shoot', 'new-name.jpg'), /never written as a photo or a sidecar/],
    ];
    for (const [out, reason] of cases) {
      for (const overwrite of [undefined, true]) {
        for (const answer of [await sheet(out, overwrite), await credits(out, overwrite)]) {
          expect(answer, out).toMatchObject({
            ok: false,
            error: { code: 'forbidden', message: expect.stringMatching(reason) },
          });
        }
      }
    }
    for (const [file, bytes] of before) expect(await readFile(file), file).toEqual(bytes);
  });

  it('refuses the open catalog, its -wal and -shm, and the app’s own files', async () => {
    const catalog = shoot.services.db.name;
    // The app's data folder (logs, window state), here under a test's own config home.
    const config = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = join(shoot.root, 'config');
    await mkdir(join(shoot.root, 'config', 'Cutline'), { recursive: true });
    const state = join(defaultDataFolder(), 'desktop-state.json');
    await writeFile(state, '{}');
    const targets = [
      state,
      catalog,
      `${catalog}-wal`,
      `${catalog}-shm`,
      join(appDir, 'index.html'),
      join(appDir, 'new.txt'),
      join(ROOT, 'package.json'),
    ];
    for (const out of targets) {
      expect(await sheet(out, true), out).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await credits(out, true), out).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    if (config === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = config;
    expect(await readFile(state, 'utf8')).toBe('{}');
    // Another catalog (a copy set aside, a backup) and a sidecar under another name: what they
    // hold decides.
    await shoot.services.db.backup(join(shoot.root, 'catalog-backup.bin'));
    await writeFile(join(shoot.root, 'sidecar-copy.txt'), await readFile(sidecar));
    // A write-ahead log by its header (what the open catalog's -wal starts with).
    await writeFile(
      join(shoot.root, 'old-wal'),
      Buffer.from([0x37, 0x7f, 0x06, 0x82, 0, 0x2d, 0xe2, 0x18]),
    );
    for (const [name, reason] of [
      ['catalog-backup.bin', /an SQLite database/],
      ['old-wal', /an SQLite write-ahead log/],
      ['sidecar-copy.txt', /an XMP sidecar/],
    ] as const) {
      expect(await sheet(join(shoot.root, name), true)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(reason) },
      });
    }
    // The catalog is still the catalog.
    expect((await call('photos:search', { query: 'pyongyang' })).value.total).toBe(1);
    expect(await readFile(join(appDir, 'index.html'), 'utf8')).toContain('<title>Cutline');
  });
});

describe('an existing file is replaced only when the person confirmed', () => {
  it('asks first (code "exists"), and replaces it when confirmed', async () => {
    const bashrc = join(shoot.root, 'home', '.bashrc');
    await mkdir(join(shoot.root, 'home'));
    await writeFile(bashrc, 'alias ll="ls -l"\n');
    for (const answer of [await sheet(bashrc), await sheet(bashrc, false), await credits(bashrc)]) {
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'exists', message: expect.stringContaining(`${bashrc} already exists`) },
      });
    }
    expect(await readFile(bashrc, 'utf8')).toBe('alias ll="ls -l"\n');
    expect(await sheet(bashrc, true)).toMatchObject({ ok: true, value: { path: bashrc } });
    expect(await readFile(bashrc, 'utf8')).toContain('Fireworks over Pyongyang.');
    const block = (await call('credits:block', {})).value.text;
    expect(block).toMatch(/^Photo: .*AP$/);
    expect(await credits(bashrc, true)).toMatchObject({ ok: true, value: { path: bashrc } });
    expect(await readFile(bashrc, 'utf8')).toBe(`${block}\n`);
  });

  it('writes a new file without asking', async () => {
    const out = join(shoot.root, 'fresh.txt');
    expect(await sheet(out)).toMatchObject({ ok: true, value: { path: out } });
  });
});

describe('the CLI', () => {
  const cutline = (...args: string[]) =>
    run(
      process.execPath,
      [join(ROOT, 'bin', 'cutline.js'), ...args, '--db', shoot.services.db.name],
      {
        cwd: ROOT,
      },
    );

  it('replaces an existing file only with --force, and never a photo', async () => {
    const out = join(shoot.root, 'cli-sheet.txt');
    await writeFile(out, 'keep me\n');
    await expect(cutline('export', '--format', 'txt', '--out', out)).rejects.toMatchObject({
      stderr: expect.stringMatching(/already exists.*--force/),
    });
    await expect(cutline('credits', '--out', out)).rejects.toMatchObject({
      stderr: expect.stringMatching(/already exists/),
    });
    expect(await readFile(out, 'utf8')).toBe('keep me\n');
    await cutline('export', '--format', 'txt', '--out', out, '--force');
    expect(await readFile(out, 'utf8')).toContain('Fireworks over Pyongyang.');
    expect((await cutline('credits', '--out', out, '--force')).stdout.trim()).toBe(out);
    expect(await readFile(out, 'utf8')).toBe(`${(await call('credits:block', {})).value.text}\n`);
    await expect(
      cutline('export', '--format', 'txt', '--out', photo, '--force'),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/photo in the catalog/) });
    expect(await readFile(photo)).toEqual(before.get(photo));
  });
});
