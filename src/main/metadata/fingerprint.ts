import { createHash } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { openRegularFileStat } from './open-regular-file';
import type { FileIdentity } from './read-result';

/** How much of each end of the file goes into the fingerprint. */
export const EDGE_BYTES = 16 * 1024;

/** A file's size and modification time with its first bytes and its last 16 KiB. */
export interface FileEnds {
  byteSize: number;
  mtimeMs: number;
  /** The first `headBytes` bytes (the whole file when it is shorter). */
  head: Buffer;
  /** The last 16 KiB when they lie past the head; empty otherwise. */
  tail: Buffer;
}

/**
 * Memory to read a file's ends into, kept by a caller that reads one file at a time (an
 * import worker): two fresh buffers for every file made work for the garbage collector and
 * the kernel that cost more than the reads. Views of it are valid until the next read.
 */
export class EndsBuffers {
  /**
   * How long the last read into this memory took, open to close (ms; 0 when it failed): an
   * import worker tells reads from the disk by it (read-ahead.ts).
   */
  lastReadMs = 0;
  private head = Buffer.allocUnsafeSlow(0);
  private readonly tail = Buffer.allocUnsafeSlow(EDGE_BYTES);

  headOf(bytes: number): Buffer {
    if (this.head.length < bytes) this.head = Buffer.allocUnsafeSlow(bytes);
    return this.head.subarray(0, bytes);
  }

  tailOf(): Buffer {
    return this.tail;
  }
}

/**
 * FileEnds made the one way that both a read and an import worker's warm-up make them, so
 * that V8 compiles the reading code for one object shape (warm-up.ts).
 */
export function fileEnds(byteSize: number, mtimeMs: number, head: Buffer, tail: Buffer): FileEnds {
  return { byteSize, mtimeMs, head, tail };
}

/**
 * Reads both ends of a file with one open. Synchronous on purpose: it runs in import workers,
 * where a blocking read of 320 KiB costs less than two trips through libuv's thread pool.
 * `into`: buffers to reuse (the answer's head and tail are then views of them).
 */
export function readFileEnds(path: string, headBytes: number, into?: EndsBuffers): FileEnds {
  const started = performance.now();
  if (into) into.lastReadMs = 0;
  const { fd, info } = openRegularFileStat(path);
  try {
    const size = info.size;
    const headLength = Math.min(headBytes, size);
    const head = into ? into.headOf(headLength) : Buffer.allocUnsafe(headLength);
    const headRead = readSync(fd, head, 0, head.length, 0);
    let tail: Buffer = Buffer.alloc(0);
    if (size > headBytes) {
      tail = into ? into.tailOf() : Buffer.allocUnsafe(EDGE_BYTES);
      const tailRead = readSync(fd, tail, 0, EDGE_BYTES, size - EDGE_BYTES);
      tail = tail.subarray(0, tailRead);
    }
    return fileEnds(size, info.mtimeMs, head.subarray(0, headRead), tail);
  } finally {
    closeSync(fd);
    if (into) into.lastReadMs = performance.now() - started;
  }
}

/**
 * Identifies a file's content cheaply: SHA-1 over its size, its first 16 KiB and its last
 * 16 KiB (the whole file when it is smaller than both together). A large file is never read
 * whole: the head holds the EXIF block with its capture time and camera serial, the tail a
 * stretch of entropy-coded image data unique to the picture, and the size catches most of
 * the rest. (Edits are caught by size and modification time first.)
 */
export function fingerprintOf(ends: FileEnds): string {
  const size = ends.byteSize;
  const hash = createHash('sha1');
  hash.update(`${size}\n`);
  if (size <= EDGE_BYTES * 2) {
    hash.update(ends.head.subarray(0, size));
  } else {
    hash.update(ends.head.subarray(0, EDGE_BYTES));
    hash.update(ends.tail.length > 0 ? ends.tail : ends.head.subarray(size - EDGE_BYTES, size));
  }
  return hash.digest('hex');
}

/** The identity of a file on disk (size, modification time, fingerprint). */
export async function identifyFile(path: string): Promise<FileIdentity> {
  const ends = readFileEnds(path, EDGE_BYTES * 2);
  return { byteSize: ends.byteSize, mtimeMs: ends.mtimeMs, fingerprint: fingerprintOf(ends) };
}
