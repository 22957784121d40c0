import { fileEnds } from '../metadata/fingerprint';
import { importFile, readLoadedImport } from '../services/read-job';
import { WARM_UP_PHOTO_BASE64 } from './warm-up-photo';

/**
 * How many times a new worker reads the warm-up photo. V8 compiles a function with its
 * optimising tier only after it has run many times: without this, the first few hundred
 * photos of the first import ran at about half speed (2,000 photos: 1.05–1.11 s against
 * 0.86–0.92 s with a worker that had read 300 photos first). After 300 rounds the EXIF
 * parser's hottest functions were still compiled during the import (≈0.1 s of a background
 * thread's time per 2,000 photos); 1,500 rounds take ≈0.15 s more of the worker's own time at
 * start (≈0.65 s with loading it), while the user is still choosing a folder.
 */
const ROUNDS = 1_500;

/**
 * Longest the warm-up reads before it looks at the worker's messages again. By time, not by
 * rounds: the first rounds run cold (several ms each), and 8 rounds of them kept the first
 * files of `cutline import` waiting 30–140 ms.
 */
const YIELD_AFTER_MS = 2;

/**
 * Reads a small wire photo held in memory (EXIF, thumbnail, IIM, XMP: the same code paths a
 * real import takes) until the reading code is compiled, so that the first import after
 * start runs at full speed; stops as soon as `hasWork()` says files are waiting. Touches no
 * file: the whole photo is in the head handed over, so nothing is opened. Never fails: a
 * warm-up that goes wrong only costs speed.
 */
export async function warmUpReader(hasWork: () => boolean, rounds = ROUNDS): Promise<void> {
  const photo = Buffer.from(WARM_UP_PHOTO_BASE64, 'base64');
  // Claimed to be a megabyte with its tail read, as a camera JPEG is: the code paths (and the
  // shapes V8 compiles for) are those of a real file whose metadata fits in its head. Size and
  // time are doubles read from a Float64Array, as Node's fs.Stats gives them: plain integers
  // made V8 compile the code for small integers and compile it all again on the first file.
  const [byteSize = 0, mtimeMs = 0] = new Float64Array([1_000_000, Date.now() + 0.25]);
  const tail = Buffer.alloc(16 * 1024);
  const ends = fileEnds(byteSize, mtimeMs, photo.subarray(0), tail.subarray(0));
  const file = importFile('warm-up.jpg', null, mtimeMs, null);
  // Real work comes first: an import that starts with the worker (the CLI) stops the warm-up.
  // A read of the photo in memory settles in microtasks only, so the loop must give way to the
  // event loop now and then, or the first files' messages would wait for all the rounds (the
  // whole command of a 600-photo import spent a second here before it read a file).
  let yielded = Number.NEGATIVE_INFINITY;
  for (let round = 0; round < rounds && !hasWork(); round++) {
    if (performance.now() - yielded >= YIELD_AFTER_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      yielded = performance.now();
      if (hasWork()) return;
    }
    const result = await readLoadedImport(file, ends);
    if (!result.ok) return;
  }
}
