/**
 * The folder browser's rules (src/main/services/folder-listing.ts) on real folders made
 * here: only folders inside the allowed roots after links and `..` are resolved, never the
 * system's pseudo-folders, folder names and counts only, capped work on a huge folder, and
 * one message for a folder that is refused, missing or unreadable. Then the same through the
 * contract (`folders:list`): the places (home, recent imports), the Electron refusal and the
 * input checks.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api';
import { fsPath } from '../../src/main/metadata/raw-path';
import { type CutlineServices, startServices } from '../../src/main/services/cutline-services';
import { FOLDER_REFUSED, LISTING_LIMITS, listFolder } from '../../src/main/services/folder-listing';
import type { FolderListing } from '../../src/shared/folder-listing';
import { renderJpeg } from '../helpers/make-photos';

const run = promisify(execFile);
const PROJECT = join(import.meta.dirname, '..', '..');

let root: string;
/** The allowed root: a home folder. */
let home: string;
/** A folder beside it, outside the roots. */
let outside: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-folder-listing-'));
  home = join(root, 'home');
  outside = join(root, 'outside');
  await mkdir(join(home, 'Pictures', '2024-05-01 parade'), { recursive: true });
  await mkdir(join(home, 'Pictures', 'empty'));
  await mkdir(join(home, '.cache', 'thumbnails'), { recursive: true });
  await mkdir(join(outside, 'secrets'), { recursive: true });
  await writeFile(join(outside, 'secrets', 'IMG_9.jpg'), 'x');
  await renderJpeg(join(home, 'Pictures', '2024-05-01 parade', 'IMG_0001.jpg'));
  await renderJpeg(join(home, 'Pictures', '2024-05-01 parade', 'IMG_0002.JPG'));
  await writeFile(join(home, 'Pictures', '2024-05-01 parade', 'notes.txt'), 'not a photo');
  await mkdir(join(home, 'Pictures', '2024-05-01 parade', 'selects'));
  await writeFile(join(home, 'Pictures', 'loose.jpg'), 'x');
  // Links: one out of the root, one to a folder inside it, one to /proc, one broken.
  await symlink(outside, join(home, 'Pictures', 'escape'));
  await symlink(join(home, 'Pictures', '2024-05-01 parade'), join(home, 'Pictures', 'parade-link'));
  await symlink('/proc', join(home, 'Pictures', 'proc-link'));
  await symlink(join(root, 'gone'), join(home, 'Pictures', 'broken'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The refusal a listing throws, or null when it answered. */
async function refusalOf(path: string, roots: string[] = [home]) {
  try {
    await listFolder(path, roots);
    return null;
  } catch (error) {
    return error as { code: string; message: string };
  }
}

const REFUSED = { code: 'forbidden', message: FOLDER_REFUSED };

describe('listing a folder inside the roots', () => {
  it('lists its sub-folders by name with their counts, and counts its photos', async () => {
    const listing = await listFolder(join(home, 'Pictures'), [home]);
    expect(listing.path).toBe(join(home, 'Pictures'));
    expect(listing.parent).toBe(home);
    expect(listing.photos).toBe(1);
    expect(listing.truncated).toBe(false);
    expect(listing.entries.map((entry) => entry.name)).toEqual([
      '2024-05-01 parade',
      'empty',
      'parade-link',
    ]);
    expect(listing.entries[0]).toEqual({
      name: '2024-05-01 parade',
      path: join(home, 'Pictures', '2024-05-01 parade'),
      photos: 2,
      folders: 1,
      countsCapped: false,
      readable: true,
    });
    expect(listing.entries[1]).toMatchObject({ photos: 0, folders: 0 });
    // A link to a folder inside the roots is a folder like the others, counted through it.
    expect(listing.entries[2]).toMatchObject({ photos: 2, folders: 1 });
    // Folder names only: no file's name crosses (and nothing of the outside folder).
    const text = JSON.stringify(listing);
    for (const name of ['IMG_0001', 'notes.txt', 'loose.jpg', 'secrets', 'IMG_9']) {
      expect(text).not.toContain(name);
    }
  });

  it('leaves hidden folders out', async () => {
    const listing = await listFolder(home, [home]);
    expect(listing.entries.map((entry) => entry.name)).toEqual(['Pictures']);
    // The root itself has no parent to go up to.
    expect(listing.parent).toBeNull();
  });

  it('resolves `..` and links before it answers, and shows the real path', async () => {
    const listing = await listFolder(join(home, 'Pictures', 'empty', '..', 'parade-link'), [home]);
    expect(listing.path).toBe(join(home, 'Pictures', '2024-05-01 parade'));
    expect(listing.entries.map((entry) => entry.name)).toEqual(['selects']);
  });

  it('lists a folder whose name is not UTF-8, and opens it by the name it gave', async () => {
    const bytes = Buffer.concat([Buffer.from(`${home}/Pictures/raw-`), Buffer.of(0xe9)]);
    await mkdir(bytes);
    try {
      const listing = await listFolder(join(home, 'Pictures'), [home]);
      const raw = listing.entries.find((entry) => entry.name.startsWith('raw-'));
      expect(raw).toBeDefined();
      expect(fsPath(raw?.path ?? '')).toEqual(bytes);
      const inside = await listFolder(raw?.path ?? '', [home]);
      expect(inside.path).toBe(raw?.path);
    } finally {
      await rm(bytes, { recursive: true });
    }
  });
});

describe('refused: one message whatever the reason', () => {
  it('refuses a link that leads out of the root, and does not list it', async () => {
    expect(await refusalOf(join(home, 'Pictures', 'escape'))).toMatchObject(REFUSED);
    expect(await refusalOf(join(home, 'Pictures', 'escape', 'secrets'))).toMatchObject(REFUSED);
    const listing = await listFolder(join(home, 'Pictures'), [home]);
    expect(listing.entries.map((entry) => entry.name)).not.toContain('escape');
  });

  it('refuses `..` that climbs out of the root', async () => {
    expect(await refusalOf(join(home, '..', 'outside'))).toMatchObject(REFUSED);
    expect(await refusalOf(`${home}/Pictures/../../outside/secrets`)).toMatchObject(REFUSED);
    expect(await refusalOf(join(home, '..'))).toMatchObject(REFUSED);
  });

  it('never walks into /proc, /sys or /dev, even by a link or a root of "/"', async () => {
    expect(await refusalOf(join(home, 'Pictures', 'proc-link'))).toMatchObject(REFUSED);
    expect(await refusalOf('/proc/self', ['/'])).toMatchObject(REFUSED);
    expect(await refusalOf('/proc/self', ['/proc'])).toMatchObject(REFUSED);
    expect(await refusalOf('/sys', ['/sys'])).toMatchObject(REFUSED);
    expect(await refusalOf('/dev', ['/'])).toMatchObject(REFUSED);
    // A root of "/" would open the whole disk: it is no root at all.
    expect(await refusalOf('/etc', ['/'])).toMatchObject(REFUSED);
    const listing = await listFolder(join(home, 'Pictures'), [home]);
    expect(listing.entries.map((entry) => entry.name)).not.toContain('proc-link');
  });

  it('answers a missing folder, a file, a relative path and a NUL as it answers a refusal', async () => {
    expect(await refusalOf(join(home, 'nowhere'))).toMatchObject(REFUSED);
    expect(await refusalOf(join(outside, 'nowhere'))).toMatchObject(REFUSED);
    expect(await refusalOf(join(home, 'Pictures', 'loose.jpg'))).toMatchObject(REFUSED);
    expect(await refusalOf(join(home, 'Pictures', 'broken'))).toMatchObject(REFUSED);
    expect(await refusalOf('Pictures')).toMatchObject(REFUSED);
    expect(await refusalOf(`${home}/Pictures\0/etc`)).toMatchObject(REFUSED);
    // The broken link is not listed either.
    const listing = await listFolder(join(home, 'Pictures'), [home]);
    expect(listing.entries.map((entry) => entry.name)).not.toContain('broken');
  });

  it('refuses an unreadable folder, and lists it dimmed in its parent', async () => {
    const locked = join(home, 'locked');
    await mkdir(join(locked, 'inside'), { recursive: true });
    await chmod(locked, 0o000);
    try {
      if (process.getuid?.() !== 0) {
        expect(await refusalOf(locked)).toMatchObject(REFUSED);
        const listing = await listFolder(home, [home]);
        expect(listing.entries.find((entry) => entry.name === 'locked')).toMatchObject({
          readable: false,
          photos: null,
          folders: null,
        });
        return;
      }
      // Permissions do not bind root: the same check runs as "nobody" in a child process.
      await chmod(root, 0o755);
      const script = `(async () => {
        const { listFolder } = await import(${JSON.stringify(join(PROJECT, 'src/main/services/folder-listing.ts'))});
        const refused = await listFolder(${JSON.stringify(locked)}, [${JSON.stringify(home)}]).then(
          () => null, (error) => ({ code: error.code, message: error.message }));
        const parent = await listFolder(${JSON.stringify(home)}, [${JSON.stringify(home)}]);
        console.log(JSON.stringify({ refused, locked: parent.entries.find((e) => e.name === 'locked') }));
      })();`;
      const { stdout } = await run(join(PROJECT, 'node_modules', '.bin', 'tsx'), ['-e', script], {
        uid: 65534,
        gid: 65534,
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: root },
      });
      const seen = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
      expect(seen.refused).toEqual(REFUSED);
      expect(seen.locked).toMatchObject({ readable: false, photos: null, folders: null });
    } finally {
      await chmod(locked, 0o755);
    }
  });
});

describe('a huge folder answers at once, capped', () => {
  it('returns at most the folder cap of sub-folders and says it is truncated', async () => {
    const huge = join(home, 'huge');
    const count = LISTING_LIMITS.folders + 20;
    await Promise.all(
      Array.from({ length: count }, (_, i) => mkdir(join(huge, `f${i}`), { recursive: true })),
    );
    const listing = await listFolder(huge, [home]);
    expect(listing.entries).toHaveLength(LISTING_LIMITS.folders);
    expect(listing.truncated).toBe(true);
    // Sorted by name with numbers as numbers.
    expect(listing.entries.slice(0, 3).map((entry) => entry.name)).toEqual(['f0', 'f1', 'f2']);
  });

  it('stops reading and counting at the caps', async () => {
    const flat = join(home, 'many-files');
    const card = join(home, 'one-card', 'DCIM');
    await mkdir(flat, { recursive: true });
    await mkdir(card, { recursive: true });
    const photos = 300;
    await Promise.all(
      Array.from({ length: photos }, (_, i) => [
        writeFile(join(flat, `IMG_${i}.jpg`), ''),
        writeFile(join(card, `IMG_${i}.jpg`), ''),
      ]).flat(),
    );
    const limits = { entriesRead: 100, folders: 10, countPerFolder: 50, countBudget: 1000 };
    // The folder shown: no more than its cap of entries read, and it says there is more.
    const capped = await listFolder(flat, [home], limits);
    expect(capped).toMatchObject({ photos: 100, truncated: true });
    // A sub-folder's count stops at the per-folder cap and says so.
    const parent = await listFolder(join(home, 'one-card'), [home], limits);
    expect(parent.entries[0]).toMatchObject({ name: 'DCIM', photos: 50, countsCapped: true });
    // Under the caps, the counts are exact.
    expect(await listFolder(flat, [home])).toMatchObject({ photos, truncated: false });
    const exact = await listFolder(join(home, 'one-card'), [home]);
    expect(exact.entries[0]).toMatchObject({ photos, countsCapped: false });
    // Past the count budget, counts are unknown (null), never guessed.
    const broke = await listFolder(join(home, 'huge'), [home], {
      ...LISTING_LIMITS,
      countBudget: 0,
    });
    expect(broke.entries[0]).toMatchObject({ photos: null, folders: null, readable: true });
  });
});

describe('folders:list through the contract', () => {
  let services: CutlineServices;
  let savedHome: string | undefined;

  beforeAll(async () => {
    savedHome = process.env.HOME;
    // os.homedir() reads HOME: the contract's home is the test's.
    process.env.HOME = home;
    services = startServices(join(root, 'catalog.sqlite'), { workers: 0 });
    await renderJpeg(join(outside, 'imported', 'IMG_1.jpg'));
    await (await services.importer.start([join(outside, 'imported')])).done;
  });

  afterAll(async () => {
    process.env.HOME = savedHome;
    await services.close();
  });

  const list = async (input: unknown) =>
    dispatch(createHandlers(services), 'folders:list', input) as Promise<
      { ok: true; value: FolderListing } | { ok: false; error: { code: string; message: string } }
    >;

  it('offers home and the recent import folders as places, with counts', async () => {
    const result = await list({});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.path).toBeNull();
    expect(result.value.places).toEqual([
      { path: home, label: 'Home', kind: 'home' },
      { path: join(outside, 'imported'), label: 'imported', kind: 'recent' },
    ]);
    expect(result.value.entries.map((entry) => [entry.name, entry.photos])).toEqual([
      ['Home', 0],
      ['imported', 1],
    ]);
  });

  it('offers no place for an import of a single file, nor opens its folder', async () => {
    const single = join(outside, 'single', 'IMG_2.jpg');
    await renderJpeg(single);
    await (await services.importer.start([single])).done;
    const result = await list({});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.places.map((place) => place.path)).not.toContain(single);
    // The file's folder was not chosen: it stays outside the roots.
    expect(await list({ path: join(outside, 'single') })).toEqual({ ok: false, error: REFUSED });
  });

  it('lists an imported folder outside home, but not its neighbours', async () => {
    const inside = await list({ path: join(outside, 'imported') });
    expect(inside).toMatchObject({ ok: true, value: { photos: 1, parent: null } });
    expect(await list({ path: join(outside, 'secrets') })).toEqual({ ok: false, error: REFUSED });
    expect(await list({ path: join(outside, 'imported', '..') })).toEqual({
      ok: false,
      error: REFUSED,
    });
  });

  it('checks its input: a path too long is invalid, an empty one too', async () => {
    expect(await list({ path: `/${'a'.repeat(5000)}` })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await list({ path: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('is not offered where the system folder picker is (Electron)', async () => {
    const electron = createHandlers(services, { pickFolders: async () => [] });
    const result = await dispatch(electron, 'folders:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
