import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadPool } from '../../src/main/services/read-pool';

/**
 * A read worker that dies fails only the request it died on. It answers requests in order, so
 * that is the oldest unanswered one, but only once every answer it sent has arrived: its
 * 'error' event can reach this thread before them. The crash is injected
 * (tests/helpers/crashing-import-worker.mjs: the real worker, made to die on a file named
 * "crash-here"), as no real file crashes a worker here; the HEICs are real iPhone photos from
 * the shared fixtures, skipped with a message when absent.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const IPHONE = join(ROOT, '../shared/fixtures/real/exifr/heic-iphone7.heic');
const present = existsSync(IPHONE);

let root: string;
let poison: string;
let before: string | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-pool-crash-'));
  poison = join(root, 'photo-crash-here.heic');
  if (present) await copyFile(IPHONE, poison);
  before = process.env.CUTLINE_IMPORT_WORKER;
  process.env.CUTLINE_IMPORT_WORKER = join(ROOT, 'tests/helpers/crashing-import-worker.mjs');
});

afterAll(async () => {
  if (before === undefined) delete process.env.CUTLINE_IMPORT_WORKER;
  else process.env.CUTLINE_IMPORT_WORKER = before;
  await rm(root, { recursive: true, force: true });
});

describe('a read worker that crashes', () => {
  it.skipIf(!present)(
    'fails the HEIC it died on, not the one it answered just before; the next goes to its replacement',
    async () => {
      const job = (path: string) => ({ path, orientation: 1, width: 4032, height: 3024 });
      // Asked at once, before the worker has loaded: it answers the first, dies on the second.
      // Blaming the oldest unanswered at 'error' failed the good first photo in 4 of 5 such
      // rounds (this file failed 2 of 3 runs of 3 rounds); at 'exit' every answer the worker
      // sent has been delivered. Not a timing bound: a round either blames the right photo or not.
      for (let round = 0; round < 5; round++) {
        const pool = createReadPool(1);
        try {
          const results = await Promise.all(
            [IPHONE, poison, IPHONE].map((path) => pool.thumbnail(job(path))),
          );
          expect(results.map((result) => (result.ok ? 'made' : result.reason))).toEqual([
            'made',
            'the reader crashed on this file: simulated crash in a decoder (crash-here)',
            'made',
          ]);
        } finally {
          await pool.close();
        }
      }
    },
    120_000,
  );

  it.skipIf(present)('real HEIC fixture (skipped: absent)', () => {
    console.warn(`skipped the read-pool crash test: ${IPHONE} is not present`);
  });
});
