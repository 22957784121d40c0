import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices } from '../../src/main/services/cutline-services';
import { CAPTION_FIELDS, type PhotoRecord } from '../../src/shared/model';
import { createExifTool, makeBrokenFiles, makeJpeg, wireTags } from '../helpers/make-photos';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'cutline.js');

let exiftool: ExifTool;
let root: string;
let db: string;
let photo: string;

/** Runs `node bin/cutline.js …` as a user would, after `npm run build`. */
async function cutline(...args: string[]) {
  return run(process.execPath, [CLI, ...args, '--db', db], { cwd: ROOT });
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
    await run(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT });
  }
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-cli-'));
  db = join(root, 'catalog.sqlite');
  photo = await makeJpeg(exiftool, join(root, 'shoot', 'kim.jpg'), {
    tags: wireTags({
      caption: 'Kim Jong Un waves in Pyongyang.',
      creators: ['Jon Chol Jin'],
      credit: 'AP',
      keywords: ['North Korea', 'politics'],
    }),
  });
  await makeJpeg(exiftool, join(root, 'shoot', 'seoul.jpg'), {
    tags: wireTags({ caption: 'Seoul at night.', credit: 'Yonhap via AP' }),
  });
  await makeBrokenFiles(join(root, 'shoot', 'bad'), photo);
}, 120_000);

afterAll(async () => {
  await exiftool?.end();
  await rm(root, { recursive: true, force: true });
});

describe('cutline CLI', () => {
  it('import --json prints the summary, then re-import finds everything unchanged', async () => {
    const first = JSON.parse((await cutline('import', join(root, 'shoot'), '--json')).stdout);
    expect(Object.keys(first).sort()).toEqual([
      'damaged',
      'failed',
      'found',
      'imported',
      'skipped',
      'unchanged',
      'updated',
    ]);
    // Two photos, and the truncated JPEG whose caption still reads.
    expect(first.imported).toBe(3);
    expect(first.failed).toHaveLength(3);
    expect(first.found).toBe(
      first.imported + first.updated + first.unchanged + first.failed.length + first.skipped.length,
    );
    // The truncated JPEG is imported with what could be read, and named as cut short.
    expect(first.damaged).toEqual([
      { path: join(root, 'shoot', 'bad', 'truncated.jpg'), reason: expect.any(String) },
    ]);
    for (const failure of first.failed)
      expect(Object.keys(failure).sort()).toEqual(['path', 'reason']);
    const second = JSON.parse((await cutline('import', join(root, 'shoot'), '--json')).stdout);
    expect(second).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });
  });

  it('show --json prints one record keyed exactly as METADATA.md names the fields', async () => {
    const record = JSON.parse((await cutline('show', photo, '--json')).stdout) as PhotoRecord;
    const technical = [
      'path',
      'fileName',
      'format',
      'byteSize',
      'width',
      'height',
      'orientation',
      'cameraMake',
      'cameraModel',
      'lens',
      'gpsLatitude',
      'gpsLongitude',
      'warnings',
    ];
    expect(Object.keys(record).sort()).toEqual([...technical, ...CAPTION_FIELDS].sort());
    expect(record.path).toBe(photo);
    expect(record.caption).toBe('Kim Jong Un waves in Pyongyang.');
    expect(record.keywords).toEqual(['North Korea', 'politics']);
    expect(record.headline).toBe('');
    expect(record.personsShown).toEqual([]);
  });

  it('list --search --json prints the matching records', async () => {
    const list = JSON.parse((await cutline('list', '--search', 'creator:jon', '--json')).stdout);
    expect(list.map((r: PhotoRecord) => r.fileName)).toEqual(['kim.jpg']);
    const all = JSON.parse((await cutline('list', '--search', 'is:no-credit', '--json')).stdout);
    expect(all.map((r: PhotoRecord) => r.fileName)).toEqual(['truncated.jpg']);
  });

  it('credits prints the credit block of a search, in the house style or another', async () => {
    const ap = await cutline('credits', '--search', 'Pyongyang');
    expect(ap.stdout.trim()).toBe('Photo: Jon Chol Jin/AP');
    const block = JSON.parse((await cutline('credits', '--style', 'reuters', '--json')).stdout);
    expect(block).toMatchObject({ style: 'reuters', photoCount: 3, uncredited: 1 });
    expect(block.text).toContain('Jon Chol Jin');
    await expect(cutline('credits', '--style', 'bbc')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown credit style "bbc"; use one of ap, reuters/),
    });
  });

  it('settings set changes the house style the credit block is printed in', async () => {
    await cutline('settings', 'set', 'houseStyle', 'reuters');
    const settings = JSON.parse((await cutline('settings', '--json')).stdout);
    expect(settings.houseStyle).toBe('reuters');
    const reuters = await cutline('credits', '--search', 'Pyongyang');
    // Reuters prints the agency first, as in REUTERS/Kim Hong-Ji.
    expect(reuters.stdout.trim()).toBe('Photo: AP/Jon Chol Jin');
    await expect(cutline('settings', 'set', 'houseStyle', 'bbc')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Unknown credit style "bbc"/),
    });
    await cutline('settings', 'set', 'houseStyle', 'ap');
  });

  it('set changes fields in the catalog; history lists the change; undo takes it back', async () => {
    const set = JSON.parse(
      (
        await cutline(
          'set',
          photo,
          '--caption',
          'Kim Jong Un waves to the crowd in Pyongyang.',
          '--creators',
          'Jon Chol Jin',
          '--creators',
          'Kim Won Jin',
          '--credit-line',
          'AP',
          '--json',
        )
      ).stdout,
    );
    expect(set).toMatchObject({ photos: 1, changes: 2 });
    const record = JSON.parse((await cutline('show', photo, '--json')).stdout) as PhotoRecord;
    expect(record.caption).toBe('Kim Jong Un waves to the crowd in Pyongyang.');
    expect(record.creators).toEqual(['Jon Chol Jin', 'Kim Won Jin']);
    const history = JSON.parse((await cutline('history', photo, '--json')).stdout);
    expect(history.map((entry: { field: string }) => entry.field).sort()).toEqual([
      'caption',
      'creators',
    ]);
    expect(history.find((e: { field: string }) => e.field === 'caption').oldValue).toBe(
      'Kim Jong Un waves in Pyongyang.',
    );
    expect((await cutline('undo')).stdout).toMatch(
      /Undid "Caption, Credit line, Creator" \(1 photo\)/,
    );
    const undone = JSON.parse((await cutline('show', photo, '--json')).stdout) as PhotoRecord;
    expect(undone.caption).toBe('Kim Jong Un waves in Pyongyang.');
    await expect(cutline('set', photo)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Give at least one field/),
    });
  });

  it('apply-template fills a photo from a saved template, with its variables', async () => {
    const services = startServices(db, { workers: 0 });
    services.templates.save('Shoot', { headline: '{city} parade', jobId: '{filenamebase}' });
    await services.close();
    const applied = JSON.parse((await cutline('apply-template', 'Shoot', photo, '--json')).stdout);
    expect(applied).toMatchObject({ photos: 1, label: 'Template Shoot' });
    const record = JSON.parse((await cutline('show', photo, '--json')).stdout) as PhotoRecord;
    expect(record.jobId).toBe('kim');
    await expect(cutline('apply-template', 'Nope', photo)).rejects.toMatchObject({
      stderr: expect.stringMatching(/no template called "Nope"/),
    });
  });

  it('import-sheet --dry-run shows what a caption sheet would change; without it, applies it', async () => {
    const sheet = join(root, 'captions from the stringer.csv');
    await writeFile(
      sheet,
      [
        'File name,Caption,Credit line',
        'seoul.jpg,"Commuters cross a bridge in Seoul, South Korea, at night.",Yonhap via AP',
        'missing.jpg,A photo nobody imported.,AP',
      ].join('\r\n'),
    );
    const caption = async () =>
      (
        JSON.parse(
          (await cutline('show', join(root, 'shoot', 'seoul.jpg'), '--json')).stdout,
        ) as PhotoRecord
      ).caption;

    const plan = JSON.parse((await cutline('import-sheet', sheet, '--dry-run', '--json')).stdout);
    expect(plan).toMatchObject({
      rows: 2,
      matchedRows: 1,
      photos: 1,
      changeCount: 1,
      applied: null,
    });
    expect(plan.changes).toEqual([
      expect.objectContaining({
        fileName: 'seoul.jpg',
        field: 'caption',
        before: 'Seoul at night.',
        after: 'Commuters cross a bridge in Seoul, South Korea, at night.',
      }),
    ]);
    expect(plan.unmatched).toEqual([{ row: 3, fileName: 'missing.jpg' }]);
    expect(await caption()).toBe('Seoul at night.');

    const applied = await cutline('import-sheet', sheet);
    expect(applied.stdout).toMatch(/1 of 2 rows matched; changed 1 value in 1 photo\n/);
    expect(applied.stderr).toMatch(/row 3: no photo named missing\.jpg/);
    expect(await caption()).toBe('Commuters cross a bridge in Seoul, South Korea, at night.');
    // One undo step takes the whole sheet back.
    await cutline('undo');
    expect(await caption()).toBe('Seoul at night.');

    // Applied with --json: the one undo step, the rows that matched nothing, and the change
    // in the photo's history under the sheet's name.
    const outcome = JSON.parse((await cutline('import-sheet', sheet, '--json')).stdout);
    expect(outcome).toMatchObject({
      matchedRows: 1,
      changeCount: 1,
      unmatched: [{ row: 3, fileName: 'missing.jpg' }],
      applied: {
        photos: 1,
        changes: 1,
        label: 'Caption sheet captions from the stringer.csv',
        stepId: expect.any(Number),
      },
    });
    expect(await caption()).toBe('Commuters cross a bridge in Seoul, South Korea, at night.');
    const history = JSON.parse(
      (await cutline('history', join(root, 'shoot', 'seoul.jpg'), '--json')).stdout,
    );
    expect(history[0]).toMatchObject({
      field: 'caption',
      oldValue: 'Seoul at night.',
      newValue: 'Commuters cross a bridge in Seoul, South Korea, at night.',
      label: 'Caption sheet captions from the stringer.csv',
    });
  });

  it('export and credits take the photos an import run found: --last-import, --import-run N', async () => {
    const later = await makeJpeg(exiftool, join(root, 'later', 'hanoi.jpg'), {
      tags: wireTags({
        caption: 'Hanoi welcomes the delegation.',
        creators: ['Nguyen Van Vinh'],
        credit: 'AP',
      }),
    });
    const imported = await cutline('import', later);
    const run = Number(/\(import run (\d+)\)/.exec(imported.stdout)?.[1]);
    expect(run).toBeGreaterThan(1);

    const sheet = join(root, 'last-import.txt');
    const last = await cutline('export', '--format', 'txt', '--out', sheet, '--last-import');
    expect(last.stdout).toMatch(/last-import\.txt: 1 photo, \d+ bytes/);
    const text = await readFile(sheet, 'utf8');
    expect(text).toContain('Hanoi welcomes the delegation.');
    expect(text).not.toContain('Pyongyang');
    // The first import found the shoot's three photos; later ones under other folders are not its.
    const first = JSON.parse(
      (
        await cutline(
          'export',
          '--format',
          'csv',
          '--out',
          join(root, 'first.csv'),
          '--import-run',
          '1',
          '--json',
        )
      ).stdout,
    );
    expect(first.photoCount).toBe(3);
    expect((await cutline('credits', '--import-run', String(run))).stdout.trim()).toBe(
      'Photo: Nguyen Van Vinh/AP',
    );

    await expect(
      cutline('export', '--format', 'txt', '--out', sheet, '--import-run', '99', '--force'),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/There is no import run 99\./) });
    await expect(
      cutline('export', '--format', 'txt', '--out', sheet, '--import-run', 'last'),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/"--import-run last" is not an import run/),
    });
    await expect(cutline('credits', '--import-run', '1', '--last-import')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/not both/),
    });
  });

  it('says plainly what is wrong with bad arguments', async () => {
    await expect(cutline('import')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Name at least one folder/),
    });
    await expect(cutline('show', join(root, 'nope.jpg'))).rejects.toMatchObject({
      stderr: expect.stringMatching(/not in the catalog/),
    });
    await expect(cutline('frobnicate')).rejects.toMatchObject({
      stderr: expect.stringMatching(/unknown command/),
    });
  });

  it("sizes libuv's thread pool before it starts, so that thumbnails render on every core", async () => {
    // Told at exit, by a script loaded before the command: the pool size the command set, and
    // the threads the process has then (Linux), against a process told the size beforehand.
    const probe = join(root, 'pool-probe.cjs');
    await writeFile(
      probe,
      `process.on('exit', () => {
        let threads = null;
        try { threads = require('node:fs').readdirSync('/proc/self/task').length; } catch {}
        process.stderr.write('\\nPOOL ' + JSON.stringify({ size: process.env.UV_THREADPOOL_SIZE, threads }) + '\\n');
      });`,
    );
    const pool = async (env: NodeJS.ProcessEnv) => {
      const { stderr } = await run(process.execPath, ['-r', probe, CLI, 'list', '--db', db], {
        cwd: ROOT,
        env,
      });
      return JSON.parse(/POOL (.*)/.exec(stderr)?.[1] ?? 'null') as {
        size?: string;
        threads: number | null;
      };
    };
    const { UV_THREADPOOL_SIZE: _unset, ...plain } = process.env;
    const expected = String(Math.max(4, availableParallelism() + 2));
    const sized = await pool(plain);
    expect(sized.size).toBe(expected);
    // As many threads as a process whose pool was sized before Node started.
    const told = await pool({ ...plain, UV_THREADPOOL_SIZE: expected });
    expect(sized.threads).toBe(told.threads);
    // A size the user set is kept.
    expect((await pool({ ...plain, UV_THREADPOOL_SIZE: '7' })).size).toBe('7');
  });
});
