/**
 * Issue 16 part 5: a path that does not exist fails at once with the path and why, instead of
 * seconds of "Scanning 0" before an empty summary; in the service (app, bridge) and the CLI.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listRuns } from '../../src/main/catalog/import-runs-repo';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { EventBus } from '../../src/main/services/event-bus';
import { ImportService } from '../../src/main/services/import-service';
import { createExifTool, makeJpeg } from '../helpers/make-photos';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
let exiftool: ExifTool;
let root: string;

beforeAll(async () => {
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-missing-'));
  await makeJpeg(exiftool, join(root, 'shoot', 'a.jpg'), {});
});

afterAll(async () => {
  await exiftool.end();
  await rm(root, { recursive: true, force: true });
});

it('refuses an import of nothing but missing paths before any run, naming them', async () => {
  const db = openCatalog(join(root, 'service.sqlite'));
  const events = new EventBus();
  const progress: unknown[] = [];
  events.subscribe((event, payload) => {
    if (event === 'import:progress') progress.push(payload);
  });
  const importer = new ImportService(db, events, 0);
  const missing = join(root, 'no-such-folder');
  await expect(importer.start([missing])).rejects.toMatchObject({
    code: 'not-found',
    message: `Nothing to import: ${missing}: file or folder not found.`,
  });
  expect(progress).toEqual([]);
  expect(listRuns(db)).toEqual([]);

  // One missing path among good ones is reported as failed, and the rest is imported.
  const { done } = await importer.start([missing, join(root, 'shoot')]);
  const summary = await done;
  expect(summary.imported).toBe(1);
  expect(summary.failed).toEqual([{ path: missing, reason: 'file or folder not found' }]);
  await importer.close();
  db.close();
});

it('cutline import of a missing folder exits non-zero with that message', async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    await run(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT });
  }
  const missing = join(root, 'gone');
  const result = await run(
    process.execPath,
    [join(ROOT, 'bin', 'cutline.js'), 'import', missing, '--db', join(root, 'cli.sqlite')],
    { cwd: ROOT },
  ).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => error,
  );
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain(`Nothing to import: ${missing}: file or folder not found.`);
});
