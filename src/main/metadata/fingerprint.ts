import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { FileIdentity } from './read-result';

/** How much of each end of the file goes into the fingerprint. */
const EDGE_BYTES = 64 * 1024;

/**
 * Identifies a file's content cheaply: SHA-1 over its size, its first 64 KiB and its last
 * 64 KiB (the whole file when it is smaller than both together). A large file is never read
 * whole: the ends catch metadata edits (the head) and appended or truncated data (the tail),
 * and the size catches most of the rest.
 */
export async function identifyFile(path: string): Promise<FileIdentity> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    const size = info.size;
    const hash = createHash('sha1');
    hash.update(`${size}\n`);
    if (size <= EDGE_BYTES * 2) {
      const all = Buffer.allocUnsafe(size);
      const { bytesRead } = await handle.read(all, 0, size, 0);
      hash.update(all.subarray(0, bytesRead));
    } else {
      const head = Buffer.allocUnsafe(EDGE_BYTES);
      const tail = Buffer.allocUnsafe(EDGE_BYTES);
      const first = await handle.read(head, 0, EDGE_BYTES, 0);
      const last = await handle.read(tail, 0, EDGE_BYTES, size - EDGE_BYTES);
      hash.update(head.subarray(0, first.bytesRead));
      hash.update(tail.subarray(0, last.bytesRead));
    }
    return { byteSize: size, mtimeMs: info.mtimeMs, fingerprint: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}
