import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileEnds } from '../../../src/main/metadata/fingerprint';
import { HEAD_BYTES } from '../../../src/main/metadata/read-photo';
import { ReadAhead } from '../../../src/main/workers/read-ahead';
import { makeFifo } from '../../helpers/make-bad-input';

/**
 * The page cache is looked at with util-linux's `fincore` and emptied for one file with GNU
 * dd's `iflag=nocache` (POSIX_FADV_DONTNEED): the files really leave memory and come back.
 */
let root: string;
/** Why the page-cache case cannot run here (null: it can). */
let noCacheControl: string | null = null;

const queued = (paths: readonly string[]) => paths.map((path) => ({ path }));

/** Bytes of the file in the page cache. */
function resident(path: string): number {
  const out = execFileSync('fincore', ['--bytes', '--noheadings', '--output', 'RES', path]);
  return Number(out.toString().trim());
}

function evict(path: string): void {
  execFileSync('dd', [`if=${path}`, 'iflag=nocache', 'count=0', 'status=none']);
}

/** A file of `bytes` random bytes, written to the disk and then dropped from the cache. */
async function coldFile(path: string, bytes: number): Promise<void> {
  const handle = await open(path, 'w');
  try {
    const chunk = Buffer.alloc(bytes);
    for (let i = 0; i < bytes; i++) chunk[i] = (i * 31 + (i >> 9)) & 255;
    await handle.write(chunk);
    await handle.sync();
  } finally {
    await handle.close();
  }
  evict(path);
}

/** `count` files of `bytes` in a new folder under the test's root, none in the page cache. */
async function coldFiles(folder: string, count: number, bytes: number): Promise<string[]> {
  const dir = join(root, folder);
  await mkdir(dir);
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `photo-${String(i).padStart(2, '0')}.jpg`);
    await coldFile(path, bytes);
    paths.push(path);
  }
  return paths;
}

/**
 * A ReadAhead told of files read with a block count the test keeps: a file from the disk
 * takes 0.5 ms and adds blocks, one from the cache 0.04 ms and adds none, unless said.
 */
function counted() {
  let blocks = 0;
  let asked = 0;
  const ahead = new ReadAhead({
    blocksRead: () => {
      asked++;
      return blocks;
    },
  });
  const read = (fromDisk: boolean, at = 0, ms = fromDisk ? 0.5 : 0.04) => {
    if (fromDisk) blocks += 128;
    ahead.noteRead('photo.jpg', ms, at);
  };
  return { ahead, read, asked: () => asked, addBlocks: () => (blocks += 8) };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-read-ahead-'));
  try {
    await coldFile(join(root, 'probe.bin'), 200_000);
    if (resident(join(root, 'probe.bin')) > 0) {
      noCacheControl = `${tmpdir()} keeps files in memory (tmpfs?): nothing to read ahead into`;
    }
  } catch (error) {
    noCacheControl = `fincore or dd cannot look at the page cache here: ${String(error)}`;
  }
  if (noCacheControl) console.warn(`read-ahead page-cache case skipped: ${noCacheControl}`);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('reading ahead for an import worker', () => {
  it('starts only once three of the last five files were read from the disk', () => {
    const { ahead, read } = counted();
    const files = queued(['x']);
    // From the cache, with an odd file from the disk among them (its sidecar, a catalog page).
    for (const fromDisk of [false, false, true, false, false, true, false, false, true, false]) {
      read(fromDisk);
      expect(ahead.ahead(files, 0)).toBe(false);
    }
    expect(ahead.pending).toBe(0);
    read(true);
    expect(ahead.reading).toBe(false);
    read(true);
    // The 9th, 11th and 12th of the last five.
    expect(ahead.reading).toBe(true);
  });

  it('counts a slow read only when the kernel read blocks meanwhile, and asks it only then', () => {
    const { ahead, read, asked, addBlocks } = counted();
    const before = asked();
    // From the cache: fast, and the kernel is not asked (a getrusage call costs ≈30 µs).
    for (let i = 0; i < 20; i++) read(false);
    expect(asked()).toBe(before);
    // Slow reads on a busy core, nothing read from a device: not from the disk.
    for (let i = 0; i < 5; i++) read(false, 0, 0.8);
    expect(ahead.reading).toBe(false);
    // Another thread read from the disk, but the worker's reads were fast: not its files.
    for (let i = 0; i < 5; i++) {
      addBlocks();
      read(false);
    }
    expect(ahead.reading).toBe(false);
    for (let i = 0; i < 3; i++) read(true);
    expect(ahead.reading).toBe(true);
  });

  it('tells a file share, whose reads the kernel counts as no blocks, by five slow reads in a row', () => {
    const { ahead, read, asked } = counted();
    // Over sshfs a file's two ends took 2.6 ms, and the block count did not move.
    for (let i = 0; i < 4; i++) read(false, 0, 2.6);
    // A read from the cache between them: not a share after all, or not only.
    read(false, 0, 0.04);
    for (let i = 0; i < 4; i++) read(false, 0, 2.6);
    expect(ahead.reading).toBe(false);
    read(false, 0, 2.6);
    expect(ahead.reading).toBe(true);
    expect(asked()).toBeGreaterThan(0);
  });

  it('keeps reading ahead while the worker keeps reading, and stops after it was idle', () => {
    const { ahead, read } = counted();
    for (const at of [0, 1, 2]) read(true, at);
    // Once the reads ahead fill the cache, the worker's reads are fast: that must not stop them.
    for (let at = 3; at < 50; at++) read(false, at);
    expect(ahead.reading).toBe(true);
    // A second import, a minute later, may find its files in the cache.
    read(false, 60_000);
    expect(ahead.reading).toBe(false);
  });

  it('tells files read from the disk from files in the page cache by what the kernel counted, not by time', async (context) => {
    if (noCacheControl) context.skip();
    const paths = await coldFiles('counted', 5, 300_000);
    // Each read told as slow (1 ms), whatever it took: the kernel's count alone decides.
    const readAll = () => {
      const ahead = new ReadAhead();
      for (const path of paths) {
        readFileEnds(path, HEAD_BYTES);
        ahead.noteRead(path, 1);
      }
      return ahead.reading;
    };
    expect(readAll()).toBe(true);
    // Now in the cache: these reads do not start reading ahead.
    expect(readAll()).toBe(false);
  });

  it('brings the two ends of the next sixteen queued files into the page cache, and no more', async (context) => {
    if (noCacheControl) context.skip();
    const paths = await coldFiles('cold', 20, 1_000_000);
    expect(paths.map(resident)).toEqual(paths.map(() => 0));
    const ahead = new ReadAhead({ always: true });
    expect(ahead.ahead(queued(paths))).toBe(true);
    expect(ahead.pending).toBe(16);
    // Asked again before they end: nothing is read twice.
    ahead.ahead(queued(paths));
    expect(ahead.pending).toBe(16);
    await ahead.settled();
    for (const path of paths.slice(0, 16)) {
      // At least the 64 KiB head and 16 KiB tail the worker reads (the kernel may add more).
      expect(resident(path)).toBeGreaterThanOrEqual(80 * 1024);
    }
    expect(paths.slice(16).map(resident)).toEqual([0, 0, 0, 0]);
    // The worker has read the first ones: the next call reads the rest ahead.
    for (const path of paths.slice(0, 4)) ahead.noteRead(path, 0.04);
    ahead.ahead(queued(paths.slice(4)));
    await ahead.settled();
    for (const path of paths.slice(16)) expect(resident(path)).toBeGreaterThan(0);
  });

  it('hands the worker the very ends it would have read, and reads each file once', async () => {
    const dir = join(root, 'kept');
    await mkdir(dir);
    // Shorter than the head, longer than the head but not by a tail's length, and a photo's size.
    const sizes = [5_000, HEAD_BYTES + 7_000, 1_000_000];
    const paths: string[] = [];
    for (const [i, size] of sizes.entries()) {
      const path = join(dir, `photo-${i}.jpg`);
      const bytes = Buffer.alloc(size);
      for (let b = 0; b < size; b++) bytes[b] = (b * 7 + i) & 255;
      await writeFile(path, bytes);
      paths.push(path);
    }
    const ahead = new ReadAhead({ always: true });
    ahead.ahead(queued(paths));
    // Asked again while the reads are under way: nothing is read twice.
    ahead.ahead(queued(paths));
    expect(ahead.pending).toBe(3);
    for (const path of paths) {
      const early = await ahead.take(path);
      expect(early).not.toBeNull();
      const own = readFileEnds(path, HEAD_BYTES);
      expect(early?.ends.byteSize).toBe(own.byteSize);
      expect(early?.ends.mtimeMs).toBe(own.mtimeMs);
      expect(early?.ends.head.equals(own.head)).toBe(true);
      expect(early?.ends.tail.equals(own.tail)).toBe(true);
      expect(early?.ends.tail.length).toBe(own.tail.length);
      if (early) ahead.recycle(early);
      // Taken once: the next request for it reads the file itself.
      expect(ahead.take(path)).toBeNull();
    }
    // A thumbnail to render is not read ahead, nor a file never queued.
    ahead.ahead([{ path: paths[0]!, kind: 'thumbnail' }]);
    expect(ahead.pending).toBe(0);
    expect(ahead.take(join(dir, 'never-queued.jpg'))).toBeNull();
  });

  it('passes over what is not a readable regular file, leaving the worker to say what is wrong', async () => {
    const fifo = join(root, 'pipe.jpg');
    makeFifo(fifo);
    const folder = join(root, 'folder.jpg');
    await mkdir(folder);
    const ahead = new ReadAhead({ always: true });
    // Opening a FIFO for reading would wait for a writer, forever: it must not.
    const paths = [fifo, folder, join(root, 'gone.jpg')];
    ahead.ahead(queued(paths));
    expect(ahead.pending).toBe(3);
    await ahead.settled();
    expect(ahead.pending).toBe(0);
    // Nothing to hand over: the worker's own read meets the problem and says what it is.
    for (const path of paths) expect(await ahead.take(path)).toBeNull();
  });
});
