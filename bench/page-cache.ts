/**
 * Takes a folder's photos out of the page cache, so that the next program to read them reads
 * from the disk: a folder as it is the first time after the computer started, or copied in
 * long ago. GNU dd's `iflag=nocache` (posix_fadvise POSIX_FADV_DONTNEED) drops one file;
 * util-linux's `fincore` checks that it left. Only the photos leave: Node, Cutline's code and
 * ExifTool stay in memory, as on a computer where the program has run before.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Files handed to one shell, which runs dd for each. */
const FILES_PER_SHELL = 500;

/** Drops the folder's files from the page cache; the answer says why it could not (null: done). */
export function evictFolder(folder: string): string | null {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  try {
    for (let from = 0; from < files.length; from += FILES_PER_SHELL) {
      execFileSync('sh', [
        '-c',
        'for f; do dd if="$f" iflag=nocache count=0 status=none || exit 1; done',
        'evict',
        ...files.slice(from, from + FILES_PER_SHELL),
      ]);
    }
    const left = files.slice(0, 20).filter((file) => residentBytes(file) > 0);
    if (left.length > 0) return `${left.length} of 20 files stayed in memory (tmpfs?)`;
    return null;
  } catch (error) {
    return `dd or fincore failed: ${String(error).split('\n')[0]}`;
  }
}

function residentBytes(file: string): number {
  const out = execFileSync('fincore', ['--bytes', '--noheadings', '--output', 'RES', file]);
  return Number(out.toString().trim());
}
