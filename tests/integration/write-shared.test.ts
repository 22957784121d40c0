/**
 * Photos that get the same tags are written with one ExifTool command (safe-write.ts,
 * writeShared), yet each is checked, put in place and reported on its own: a file the
 * command could not write gets its own reason, the others are written, and a leftover
 * temporary file of a crash does not stop its photo.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WriteTags } from 'exiftool-vendored';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { exiftoolPool } from '../../src/main/metadata/exiftool-pool';
import { readPhoto } from '../../src/main/metadata/read-photo';
import {
  finishSharedWrite,
  type SafeWriteRequest,
  temporaryPathFor,
  writeShared,
} from '../../src/main/metadata/safe-write';
import { writerCount } from '../../src/main/services/write-service';
import { emptyCaptionFields } from '../../src/shared/model';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { setUpServicesShoot } from '../helpers/services-shoot';

const setup = setUpServicesShoot('write-shared');

afterEach(() => {
  vi.restoreAllMocks();
});

/** Makes and imports a shoot of wire photos, each with its own caption and city. */
async function shoot(folder: string, count: number): Promise<number[]> {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(setup.root, folder, `frame-${i}.jpg`);
    await makeJpeg(setup.exiftool, path, {
      tags: wireTags({
        caption: `Frame ${i} from the summit.`,
        city: i % 2 ? 'Pyongyang' : 'Seoul',
        keywords: ['summit', `frame ${i}`],
        credit: 'AP',
      }),
    });
    paths.push(path);
  }
  await (await setup.services.importer.start([join(setup.root, folder)])).done;
  const repo = photosRepoOf(setup.services.db);
  return paths.map((path) => (repo.findByPath(path) as { id: number }).id);
}

const md5 = async (path: string) =>
  createHash('md5')
    .update(await readFile(path))
    .digest('hex');
const pathOf = (id: number) => photosRepoOf(setup.services.db).detail(id)?.record.path as string;

/**
 * A batch of twice as many photos as a batch has writers: each writer's first turn then holds
 * two of them (a smaller batch is shared out one photo per writer).
 */
const sharingBatch = () => writerCount() * 2;

/** Counts the ExifTool commands a write sends (the pool's write calls, passed through). */
function countCommands(): { commands: () => number } {
  const write = vi.spyOn(exiftoolPool(), 'write');
  return { commands: () => write.mock.calls.length };
}

describe('photos that get the same tags', () => {
  it('share ExifTool commands, each file reading back its own fields', async () => {
    const ids = await shoot('credit', sharingBatch());
    setup.services.editor.setFields(ids, {
      creditLine: 'Kremlin Pool Photo via AP',
      source: 'Sputnik',
    });
    const counter = countCommands();
    const summary = await setup.services.writer.write({ ids, allChanged: false, sidecar: false });
    expect(summary).toMatchObject({ written: ids.length, failed: [], conflicts: [] });
    expect(counter.commands()).toBe(ids.length / 2);
    for (const [i, id] of ids.entries()) {
      const tags = (await setup.exiftool.read(pathOf(id), [
        '-G1',
        '-IPTC:all',
        '-XMP:all',
      ])) as Record<string, unknown>;
      expect(tags['XMP-photoshop:Credit']).toBe('Kremlin Pool Photo via AP');
      expect(tags['IPTC:Credit']).toBe('Kremlin Pool Photo via AP');
      expect(tags['IPTC:Source']).toBe('Sputnik');
      // Each file keeps what was its own.
      expect(tags['IPTC:Caption-Abstract']).toBe(`Frame ${i} from the summit.`);
      expect(tags['XMP-photoshop:City']).toBe(i % 2 ? 'Pyongyang' : 'Seoul');
      expect(tags['XMP-dc:Subject']).toEqual(['summit', `frame ${i}`]);
      expect(photosRepoOf(setup.services.db).detail(id)?.unwritten ?? {}).toEqual({});
    }
    expect(
      (await readdir(join(setup.root, 'credit'))).filter((name) => name.startsWith('.')),
    ).toEqual([]);
  });

  it('with their own captions, are written one command each', async () => {
    const ids = await shoot('captions', sharingBatch());
    for (const [i, id] of ids.entries()) {
      setup.services.editor.setFields([id], { caption: `New caption ${i}.` });
    }
    const counter = countCommands();
    const summary = await setup.services.writer.write({ ids, allChanged: false, sidecar: false });
    expect(summary.written).toBe(ids.length);
    expect(counter.commands()).toBe(ids.length);
    for (const [i, id] of ids.entries()) {
      const tags = (await setup.exiftool.read(pathOf(id), [
        '-G1',
        '-IPTC:Caption-Abstract',
      ])) as Record<string, unknown>;
      expect(tags['IPTC:Caption-Abstract']).toBe(`New caption ${i}.`);
    }
  });

  it('go on without the one the command could not write, which gets its own reason', async () => {
    const ids = await shoot('one-bad', sharingBatch());
    // A file cut off just after its start-of-scan marker: its metadata imports, but ExifTool
    // refuses to write it, and says so for the command as a whole.
    const bad = pathOf(ids[2] as number);
    const bytes = await readFile(bad);
    await writeFile(bad, bytes.subarray(0, bytes.indexOf(Buffer.from([0xff, 0xda])) + 4));
    await (await setup.services.importer.start([join(setup.root, 'one-bad')])).done;
    const badBefore = await md5(bad);
    setup.services.editor.setFields(ids, { creditLine: 'Yonhap via AP' });
    const counter = countCommands();
    const summary = await setup.services.writer.write({ ids, allChanged: false, sidecar: false });
    expect(summary.written).toBe(ids.length - 1);
    // ExifTool's own words for this file, from the command that wrote it alone.
    expect(summary.failed).toEqual([
      { path: bad, reason: expect.stringMatching(/^(Corrupted JPEG image|Format error in file)$/) },
    ]);
    // Its command, and the command that wrote it again alone.
    expect(counter.commands()).toBe(ids.length / 2 + 1);
    expect(await md5(bad)).toBe(badBefore);
    expect(
      Object.keys(photosRepoOf(setup.services.db).detail(ids[2] as number)?.unwritten ?? {}),
    ).toEqual(['creditLine']);
    for (const id of ids.filter((id) => id !== ids[2])) {
      const tags = (await setup.exiftool.read(pathOf(id), ['-G1', '-IPTC:Credit'])) as Record<
        string,
        unknown
      >;
      expect(tags['IPTC:Credit']).toBe('Yonhap via AP');
    }
    expect(
      (await readdir(join(setup.root, 'one-bad'))).filter((name) => name.startsWith('.')),
    ).toEqual([]);
  });

  it('include a photo whose temporary file a crash left behind', async () => {
    const ids = await shoot('leftover', sharingBatch());
    const crashed = pathOf(ids[1] as number);
    await writeFile(temporaryPathFor(crashed), 'half a file from before a power cut');
    setup.services.editor.setFields(ids, { headline: 'Summit ends' });
    const counter = countCommands();
    const summary = await setup.services.writer.write({ ids, allChanged: false, sidecar: false });
    expect(summary).toMatchObject({ written: ids.length, failed: [] });
    expect(counter.commands()).toBe(ids.length / 2);
    expect(existsSync(temporaryPathFor(crashed))).toBe(false);
    const tags = (await setup.exiftool.read(crashed, ['-G1', '-IPTC:Headline'])) as Record<
      string,
      unknown
    >;
    expect(tags['IPTC:Headline']).toBe('Summit ends');
  });
});

describe('writeShared', () => {
  it('writes the files still there when one is gone, and finishing that one says why', async () => {
    const here = await makeJpeg(setup.exiftool, join(setup.root, 'direct', 'here.jpg'), {
      tags: { 'XMP-dc:Description': 'Before.' },
    });
    const gone = join(setup.root, 'direct', 'gone.jpg');
    const before = await readPhoto(here, { sidecarPath: null });
    const request = (path: string): SafeWriteRequest => ({
      imagePath: path,
      targetPath: path,
      sidecar: false,
      tags: { 'XMP-dc:Description': 'Shared.' } as WriteTags,
      writesIim: false,
      expected: { ...emptyCaptionFields(), caption: 'Shared.' },
      edited: ['caption'],
      before,
      keepModificationTime: false,
      keepBackup: false,
    });
    const shared = await writeShared(exiftoolPool(), [request(gone), request(here)]);
    expect(existsSync(temporaryPathFor(here))).toBe(true);
    await expect(finishSharedWrite(exiftoolPool(), request(gone), shared)).rejects.toMatchObject({
      code: 'ENOENT',
    });
    const written = await finishSharedWrite(exiftoolPool(), request(here), shared);
    expect(written.read.fields.caption).toBe('Shared.');
    expect(existsSync(temporaryPathFor(here))).toBe(false);
  });
});
