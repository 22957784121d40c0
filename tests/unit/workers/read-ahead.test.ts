import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** A ReadAhead whose worker found its last reads slow. */
function readingAhead(diskReadMs = 0.2): ReadAhead {
  const ahead = new ReadAhead(diskReadMs);
  for (const name of ['a', 'b', 'c']) ahead.noteRead(join(root, name), 1);
  return ahead;
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
  it('starts only once three of the last five reads were slow, so one slow read is not enough', () => {
    const ahead = new ReadAhead(0.2);
    const files = queued(['x']);
    // From the cache, with an odd slow read among them (a page fault, a busy core).
    for (const ms of [0.04, 0.03, 0.9, 0.05, 0.04, 0.6, 0.05, 0.04, 0.7, 0.03]) {
      ahead.noteRead('f', ms, 0);
      expect(ahead.ahead(files)).toBe(false);
    }
    expect(ahead.pending).toBe(0);
    ahead.noteRead('f', 0.5, 0);
    expect(ahead.reading).toBe(false);
    ahead.noteRead('f', 0.4, 0);
    // 0.7, 0.5, 0.4 among the last five.
    expect(ahead.reading).toBe(true);
  });

  it('keeps reading ahead while the worker keeps reading, and stops after it was idle', () => {
    const ahead = new ReadAhead(0.2);
    for (const at of [0, 1, 2]) ahead.noteRead('f', 0.5, at);
    // Once the reads ahead fill the cache, the worker's reads are fast: that must not stop them.
    for (let at = 3; at < 50; at++) ahead.noteRead('f', 0.04, at);
    expect(ahead.reading).toBe(true);
    // A second import, a minute later, may find its files in the cache.
    ahead.noteRead('f', 0.04, 60_000);
    expect(ahead.reading).toBe(false);
  });

  it('brings the two ends of the next sixteen queued files into the page cache, and no more', async (context) => {
    if (noCacheControl) context.skip();
    const dir = join(root, 'cold');
    await mkdir(dir);
    const paths: string[] = [];
    for (let i = 0; i < 20; i++) {
      const path = join(dir, `photo-${String(i).padStart(2, '0')}.jpg`);
      await coldFile(path, 1_000_000);
      paths.push(path);
    }
    expect(paths.map(resident)).toEqual(paths.map(() => 0));
    const ahead = readingAhead();
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

  it('passes over what is not a readable regular file, leaving the worker to say what is wrong', async () => {
    const fifo = join(root, 'pipe.jpg');
    makeFifo(fifo);
    const folder = join(root, 'folder.jpg');
    await mkdir(folder);
    const ahead = readingAhead();
    // Opening a FIFO for reading would wait for a writer, forever: it must not.
    ahead.ahead(queued([fifo, folder, join(root, 'gone.jpg')]));
    expect(ahead.pending).toBe(3);
    await ahead.settled();
    expect(ahead.pending).toBe(0);
  });
});
