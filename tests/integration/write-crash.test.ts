/**
 * A write batch killed outright (kill -9 of a `cutline write` child process) leaves every
 * file readable and whole, and running `cutline write` again finishes the batch.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { imageDataDigest } from '../../src/main/metadata/image-data-digest';
import { readPhoto } from '../../src/main/metadata/read-photo';
import { startServices } from '../../src/main/services/cutline-services';
import { createExifTool, makeJpeg, wireTags } from '../helpers/make-photos';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
/** The CLI from source in one process (tsx as a loader), so kill -9 hits the writer itself. */
const CLI = ['--import', 'tsx', join(ROOT, 'src', 'cli', 'index.ts')];
const COUNT = 40;

let exiftool: ExifTool;
let root: string;
let db: string;
const files: string[] = [];
const digests = new Map<string, string | null>();

beforeAll(async () => {
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-write-crash-'));
  db = join(root, 'catalog.sqlite');
  for (let i = 0; i < COUNT; i++) {
    const path = join(root, 'shoot', `photo-${String(i).padStart(2, '0')}.jpg`);
    await makeJpeg(exiftool, path, {
      width: 2400,
      height: 1600,
      tags: wireTags({ caption: `Photo ${i}.`, creators: ['Jon Chol Jin'] }),
    });
    files.push(path);
    digests.set(path, await imageDataDigest(path, exiftool));
  }
  const services = startServices(db, { workers: 0 });
  await (await services.importer.start([join(root, 'shoot')])).done;
  const ids = (services.db.prepare('SELECT id FROM photos').all() as { id: number }[]).map(
    (row) => row.id,
  );
  services.editor.setFields(ids, { caption: 'Rewritten after the crash test — «ок».' });
  await services.close();
}, 300_000);

afterAll(async () => {
  await exiftool?.end();
  await rm(root, { recursive: true, force: true });
});

it('survives kill -9 mid-batch and finishes when run again', async () => {
  const mtimes = new Map<string, number>();
  for (const file of files) mtimes.set(file, (await stat(file)).mtimeMs);
  const child = spawn(process.execPath, [...CLI, 'write', '--all-changed', '--json', '--db', db], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // Kill it as soon as a few files are written: the batch is then surely mid-way.
  for (let waited = 0; waited < 60_000; waited += 20) {
    let changed = 0;
    for (const file of files) {
      const now = await stat(file).catch(() => null);
      if (now && now.mtimeMs !== mtimes.get(file)) changed++;
    }
    if (changed >= 3) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  await exited;

  // Every file is whole: readable, same picture, old caption or new, never anything else.
  let alreadyWritten = 0;
  for (const file of files) {
    const read = await readPhoto(file);
    expect(['Rewritten after the crash test — «ок».', `Photo ${files.indexOf(file)}.`]).toContain(
      read.fields.caption,
    );
    if (read.fields.caption.startsWith('Rewritten')) alreadyWritten++;
    expect(await imageDataDigest(file, exiftool)).toBe(digests.get(file));
  }
  expect(alreadyWritten).toBeGreaterThan(0);
  expect(alreadyWritten).toBeLessThan(COUNT);

  // Run again with nothing named: the interrupted batch resumes and completes.
  const { stdout } = await run(process.execPath, [...CLI, 'write', '--json', '--db', db], {
    cwd: ROOT,
  });
  const result = JSON.parse(stdout) as { written: number; conflicts: unknown[]; failed: unknown[] };
  expect(result.conflicts).toEqual([]);
  expect(result.failed).toEqual([]);
  expect(result.written).toBeGreaterThanOrEqual(COUNT - alreadyWritten);
  for (const file of files) {
    expect((await readPhoto(file)).fields.caption).toBe('Rewritten after the crash test — «ок».');
  }
  // Leftover temporary files of the killed run are gone once their photos are written.
  expect((await readdir(join(root, 'shoot'))).filter((n) => n.includes('cutline-write'))).toEqual(
    [],
  );
  const services = startServices(db, { workers: 0 });
  try {
    expect(services.writer.overview()).toMatchObject({ unwritten: 0, queued: 0, conflicts: 0 });
  } finally {
    await services.close();
  }
}, 180_000);
