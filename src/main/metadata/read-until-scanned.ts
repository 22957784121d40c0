import { readFile } from 'node:fs/promises';
import { type ContainerKind, scanContainer } from './container-kind';
import type { ContainerScan } from './container-scan';
import { enterHeavy, HEAVY_READ_BYTES } from './heavy-read-gate';
import { fsPath } from './raw-path';
import { readEnds, readHead } from './read-file-part';
import { METADATA_READ_LIMIT, sizeName } from './read-limits';

/** The heavy-read gate, once a read has taken it (heavy-read-gate.ts). */
export interface HeavyGate {
  leave: (() => void) | null;
}

/** The bytes of a file that were read, and what walking its container found in them. */
export interface ScannedBytes {
  buf: Buffer;
  scan: ContainerScan;
}

/**
 * Walks the container in `head`, reading more of the file while its metadata runs past what
 * was read: 4× more at a time rather than the whole file at once (a 50 MB TIFF or RAW rarely
 * needs more than its first megabytes), and past METADATA_READ_LIMIT only the file's two ends,
 * with a warning. Takes the heavy-read `gate` for megabytes of metadata, leaving it to the
 * caller to give back once the whole read is done.
 */
export async function readUntilScanned(
  path: string,
  kind: ContainerKind,
  head: Buffer,
  size: number,
  gate: HeavyGate,
  warnings: string[],
): Promise<ScannedBytes> {
  let buf = head;
  let complete = buf.length >= size;
  let scan = scanContainer(kind, buf, complete, size);
  // A TIFF value past the head says how far to read; read that much at least.
  for (let more = buf.length * 4; scan.needMore && !complete; more *= 4) {
    more = Math.max(more, scan.needBytes ?? 0);
    // Megabytes of metadata: one such file at a time across the workers, until it is read.
    if (more > HEAVY_READ_BYTES) gate.leave ??= await enterHeavy();
    if (more > METADATA_READ_LIMIT && size > METADATA_READ_LIMIT) {
      buf = await readEnds(path, size);
      complete = true;
      warnings.push(
        `metadata runs past the first ${sizeName(METADATA_READ_LIMIT / 2)} of a ${sizeName(size)} file: only its first and last ${sizeName(METADATA_READ_LIMIT / 2)} were read (limit ${sizeName(METADATA_READ_LIMIT)})`,
      );
    } else {
      buf = more >= size ? await readFile(fsPath(path)) : await readHead(path, more);
      complete = buf.length >= size;
    }
    scan = scanContainer(kind, buf, complete, size);
  }
  return { buf, scan };
}
