import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { fsPath, hasRawBytes } from './raw-path';
import { readHeadOf } from './read-file-part';

const NOT_REGULAR = 'not a regular file (a pipe, socket or device)';

/**
 * Opens a photo file for reading, and only if it is a regular file: a FIFO named IMG_1.jpg
 * would block open(2) until a writer came (forever), and a link to /dev/zero would read
 * without end. O_NONBLOCK makes the open of a FIFO return at once (it changes nothing for a
 * regular file); what is not a regular file is closed again and refused. The folder scan
 * leaves such entries out already: this covers a file swapped between the scan and the read.
 */
export function openRegularFile(path: string): number {
  return openRegularFileStat(path).fd;
}

/**
 * openRegularFile, with the file's stats from the fstat that checked it: a reader that needs
 * its size and time asks once (an import read every file's twice).
 */
export function openRegularFileStat(path: string): { fd: number; info: Stats } {
  const fd = openSync(fsPath(path), constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new Error(NOT_REGULAR);
    return { fd, info };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * The first `bytes` of the file at `path` (fewer when it is shorter), read without blocking
 * the thread, and only if it is a regular file (as openRegularFile).
 */
export async function readRegularFileHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(fsPath(path), constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(NOT_REGULAR);
    return await readHeadOf(handle, Math.min(bytes, info.size));
  } finally {
    await handle.close();
  }
}

/**
 * Runs `use` with a string path that names the file for libraries that take only strings
 * (sharp, exifr, ExifTool in its own process): the path itself, or, for a name with raw
 * bytes, the file opened here and named by its descriptor under /proc (Linux, the only
 * system whose names can be bytes that are not UTF-8).
 */
export async function withStringPath<T>(
  path: string,
  use: (path: string) => Promise<T>,
): Promise<T> {
  if (!hasRawBytes(path)) return use(path);
  const fd = openRegularFile(path);
  try {
    return await use(`/proc/${process.pid}/fd/${fd}`);
  } finally {
    closeSync(fd);
  }
}
