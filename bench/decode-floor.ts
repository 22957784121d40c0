/**
 * The least time any program can take to render a thumbnail of every photo in a folder on this
 * computer: libjpeg-turbo's own `djpeg -scale 1/8` decoding each JPEG, as many at once as
 * there are cores, its picture thrown away. At an eighth of its size a JPEG's picture is its
 * DC coefficients, but every coefficient's Huffman code must still be read to find the next:
 * this is the work no thumbnail renderer (sharp's shrink-on-load included) can skip. Printed
 * beside the stripped corpus's figures, it says how far the whole command is from the floor,
 * and whether the floor itself is under ExifTool's time on this machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

export interface DecodeFloor {
  seconds: number;
  files: number;
  /** How many djpeg ran at once (one per core). */
  lanes: number;
}

/**
 * Decodes every .jpg under `folder` with djpeg at 1/8 scale, one lane per core; null with the
 * reason when djpeg is not installed (Debian: libjpeg-turbo-progs). Each file is its own djpeg
 * process, so the figure includes starting it (about 1 ms of 13 on the bench's photos).
 */
export async function decodeFloor(folder: string): Promise<DecodeFloor | string> {
  if (spawnSync('djpeg', ['-version']).error) {
    return 'djpeg not found (Debian package libjpeg-turbo-progs)';
  }
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.jpg'))
    .map((entry) => join(entry.parentPath, entry.name));
  const lanes = availableParallelism();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]!;
      await decodeOne(file);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: lanes }, lane));
  return { seconds: (performance.now() - start) / 1000, files: files.length, lanes };
}

function decodeOne(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('djpeg', ['-scale', '1/8', '-outfile', '/dev/null', file], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`djpeg failed on ${file} (exit ${code}): ${stderr.trim()}`));
    });
  });
}
