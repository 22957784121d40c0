import { constants } from 'node:buffer';
import { readSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { fsPath } from './raw-path';
import { METADATA_READ_LIMIT } from './read-limits';

/** The first `bytes` of a file (fewer when the file is shorter). */
export async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(fsPath(path), 'r');
  try {
    return await readHeadOf(handle, bytes);
  } finally {
    await handle.close();
  }
}

/** The first `bytes` of an open file (fewer when the file is shorter). */
export function readHeadOf(handle: FileHandle, bytes: number): Promise<Buffer> {
  return readPartOf(handle, 0, bytes);
}

/** Up to `bytes` bytes of an open file from `offset` (fewer at its end). */
export async function readPartOf(
  handle: FileHandle,
  offset: number,
  bytes: number,
): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(Math.max(0, bytes));
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
  return buffer.subarray(0, bytesRead);
}

/**
 * `readPartOf` for a file descriptor, synchronously: for the readers that walk a file's
 * structure a few bytes at a time, where a trip through libuv's pool per read costs more.
 */
export function readPartSync(fd: number, offset: number, bytes: number): Buffer {
  const buffer = Buffer.allocUnsafe(Math.max(0, bytes));
  return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, offset));
}

/**
 * A file too large to read whole, as a buffer of its full size holding only its first and
 * last METADATA_READ_LIMIT / 2 bytes (where Photoshop and cameras put their directories and
 * metadata); the gap reads as zeros. Buffer.alloc takes zeroed pages from the system, which
 * take no memory until written, so the gap costs nothing.
 */
export async function readEnds(path: string, size: number): Promise<Buffer> {
  const half = METADATA_READ_LIMIT / 2;
  const handle = await open(fsPath(path), 'r');
  try {
    // Past the largest Buffer (4 GB), offsets from the end cannot be kept: the first half only.
    if (size > constants.MAX_LENGTH) return await readHeadOf(handle, half);
    const buffer = Buffer.alloc(size);
    await handle.read(buffer, 0, half, 0);
    await handle.read(buffer, size - half, half, size - half);
    return buffer;
  } finally {
    await handle.close();
  }
}
