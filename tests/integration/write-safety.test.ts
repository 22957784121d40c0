/**
 * Write-back with real files in the ways it goes wrong: a file edited elsewhere after the
 * import (a conflict, settled each way), a read-only file, a file gone, a folder that refuses
 * new files, and the settings that keep backups, permissions and modification times.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  copyFile,
  mkdir,
  readdir,
  readFile,
  rm,
  stat,
  statfs,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { searchLibrary } from '../../src/main/services/library';
import { makeJpeg, wireTags, writeTags } from '../helpers/make-photos';
import { setUpServicesShoot } from '../helpers/services-shoot';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'real');

const shoot = setUpServicesShoot('write-safety');

const md5 = async (path: string) =>
  createHash('md5')
    .update(await readFile(path))
    .digest('hex');

async function photo(name: string, caption = 'Kim Jong Un waves in Pyongyang.'): Promise<number> {
  const path = join(shoot.root, 'shoot', name);
  await makeJpeg(shoot.exiftool, path, {
    tags: wireTags({ caption, creators: ['Jon Chol Jin'], credit: 'AP' }),
  });
  return shoot.importOne(path);
}

const pathOf = (id: number) => new PhotosRepo(shoot.services.db).detail(id)?.record.path as string;
const detail = (id: number) => new PhotosRepo(shoot.services.db).detail(id);
/** The ids `is:changed` finds (the grid marks the same photos with ↻). */
const changedOnDisk = () =>
  searchLibrary(shoot.services.db, { query: 'is:changed', offset: 0, limit: 100 }).items.map(
    (p) => p.id,
  );

describe('conflicts', () => {
  it('does not write a file changed elsewhere; shows both values; "file" takes the file’s', async () => {
    const id = await photo('conflict-file.jpg');
    shoot.services.editor.setFields([id], { caption: 'Cutline’s caption.' });
    await writeTags(shoot.exiftool, pathOf(id), {
      'XMP:Description': 'Desk edit in Photo Mechanic.',
    });
    const before = await md5(pathOf(id));
    const summary = await shoot.services.writer.write({
      ids: [id],
      allChanged: false,
      sidecar: false,
    });
    expect(summary.written).toBe(0);
    expect(summary.conflicts).toHaveLength(1);
    expect(summary.conflicts[0]?.fields).toEqual({
      caption: { file: 'Desk edit in Photo Mechanic.', cutline: 'Cutline’s caption.' },
    });
    expect(await md5(pathOf(id))).toBe(before);
    expect(shoot.services.writer.overview().conflicts).toBe(1);
    expect(shoot.services.writer.conflicts()).toHaveLength(1);
    // Marked as changed on disk, not only as unwritten, and found by is:changed.
    expect(detail(id)?.fileState).toBe('changed');
    expect(changedOnDisk()).toEqual([id]);

    const outcome = await shoot.services.writer.resolve(id, 'file');
    expect(changedOnDisk()).toEqual([]);
    expect(outcome).toEqual({ written: false, queued: false });
    expect(detail(id)?.record.caption).toBe('Desk edit in Photo Mechanic.');
    expect(detail(id)?.unwritten ?? {}).toEqual({});
    expect(shoot.services.writer.overview().conflicts).toBe(0);
    // Taking the file's value is an edit like any other: undo brings Cutline's back.
    expect(shoot.services.editor.undo()?.changes).toBe(1);
    expect(detail(id)?.record.caption).toBe('Cutline’s caption.');
  });

  it('"mine" writes Cutline’s values over the file’s, keeping the file’s other changes', async () => {
    const id = await photo('conflict-mine.jpg');
    shoot.services.editor.setFields([id], { caption: 'Cutline’s caption.' });
    await writeTags(shoot.exiftool, pathOf(id), {
      'XMP:Description': 'Desk edit.',
      'XMP:City': 'Seoul',
      'IPTC:City': 'Seoul',
    });
    const summary = await shoot.services.writer.write({
      ids: [id],
      allChanged: false,
      sidecar: false,
    });
    expect(Object.keys(summary.conflicts[0]?.fields ?? {}).sort()).toEqual(['caption', 'city']);
    expect(changedOnDisk()).toEqual([id]);
    const outcome = await shoot.services.writer.resolve(id, { caption: 'mine', city: 'file' });
    expect(changedOnDisk()).toEqual([]);
    expect(outcome).toEqual({ written: true, queued: true });
    const tags = (await shoot.exiftool.read(pathOf(id))) as Record<string, unknown>;
    expect(tags.Description).toBe('Cutline’s caption.');
    expect(tags.City).toBe('Seoul');
    expect(detail(id)?.record.city).toBe('Seoul');
    expect(detail(id)?.unwritten ?? {}).toEqual({});
  });

  it('writes a file whose picture changed elsewhere but whose fields do not clash', async () => {
    const id = await photo('retouched.jpg');
    shoot.services.editor.setFields([id], { headline: 'Summit' });
    // Not a field Cutline keeps (the rating became one with the culling marks).
    await writeTags(shoot.exiftool, pathOf(id), { 'XMP-xmp:Nickname': 'retouched' });
    const summary = await shoot.services.writer.write({
      ids: [id],
      allChanged: false,
      sidecar: false,
    });
    expect(summary.written).toBe(1);
    expect(((await shoot.exiftool.read(pathOf(id))) as { Nickname?: string }).Nickname).toBe(
      'retouched',
    );
  });
});

describe('per-file errors', () => {
  it('reports each failure plainly, keeps the edit unwritten, and writes the rest', async () => {
    const readOnly = await photo('read-only.jpg');
    const gone = await photo('gone.jpg');
    const good = await photo('good.jpg');
    const ids = [readOnly, gone, good];
    shoot.services.editor.setFields(ids, { caption: 'New caption.' });
    await chmod(pathOf(readOnly), 0o444);
    await rm(pathOf(gone));
    const summary = await shoot.services.writer.write({ ids, allChanged: false, sidecar: false });
    const reasons = Object.fromEntries(summary.failed.map((f) => [f.path, f.reason]));
    expect(reasons[pathOf(readOnly)]).toBe('the file is read-only');
    expect(reasons[pathOf(gone)]).toBe('file or folder not found');
    expect(summary.written).toBe(1);
    expect(detail(good)?.unwritten ?? {}).toEqual({});
    expect(Object.keys(detail(readOnly)?.unwritten ?? {})).toEqual(['caption']);
    expect(detail(gone)?.fileState).toBe('missing');
    await chmod(pathOf(readOnly), 0o644);
  });

  it('says so when the folder lets nobody create a file in it (an immutable folder, as root)', async (context) => {
    const folder = join(shoot.root, 'locked');
    const id = await photo('../locked/locked.jpg');
    shoot.services.editor.setFields([id], { caption: 'Locked.' });
    try {
      execFileSync('chattr', ['+i', folder], { stdio: 'ignore' });
    } catch {
      context.skip('chattr +i is not available here, so a folder cannot be locked against root');
    }
    try {
      const summary = await shoot.services.writer.write({
        ids: [id],
        allChanged: false,
        sidecar: false,
      });
      expect(summary.failed[0]?.reason).toMatch(/permission denied/);
      expect(Object.keys(detail(id)?.unwritten ?? {})).toEqual(['caption']);
    } finally {
      execFileSync('chattr', ['-i', folder]);
    }
    expect((await readdir(folder)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('says "disk full" when there is no room for the new file beside the old', async (context) => {
    const disk = join(shoot.root, 'small-disk');
    await mkdir(disk, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk], { stdio: 'ignore' });
    } catch {
      context.skip('mounting a small tmpfs needs privileges this machine does not give');
    }
    try {
      const path = join(disk, 'full.jpg');
      await makeJpeg(shoot.exiftool, path, { width: 1800, height: 1200, exifThumbnail: false });
      // Fill the disk until there is room for half the photo again, not for a second copy.
      const free = await statfs(disk);
      const room = free.bavail * free.bsize - (await stat(path)).size / 2;
      await writeFile(join(disk, '.filler'), Buffer.alloc(Math.max(0, Math.floor(room))));
      const id = await shoot.importOne(path);
      shoot.services.editor.setFields([id], { caption: 'No room.' });
      const before = await md5(path);
      const summary = await shoot.services.writer.write({
        ids: [id],
        allChanged: false,
        sidecar: false,
      });
      expect(summary.failed).toEqual([{ path, reason: 'disk full' }]);
      expect(await md5(path)).toBe(before);
      expect(Object.keys(detail(id)?.unwritten ?? {})).toEqual(['caption']);
      expect((await readdir(disk)).sort()).toEqual(['.filler', 'full.jpg']);
    } finally {
      // Lazy: a reader may still hold the file open for a moment.
      execFileSync('umount', ['-l', disk], { stdio: 'ignore' });
    }
  });

  it('refuses, untouched, a file ExifTool cannot write', async (context) => {
    const fixture = join(FIXTURES, 'exiv2', 'table.jpg');
    if (!existsSync(fixture)) context.skip(`no fixture ${fixture}`);
    const path = join(shoot.root, 'shoot', 'table.jpg');
    await copyFile(fixture, path);
    await chmod(path, 0o644);
    const id = await shoot.importOne(path);
    shoot.services.editor.setFields([id], { caption: 'Cannot go in.' });
    const before = await md5(path);
    const summary = await shoot.services.writer.write({
      ids: [id],
      allChanged: false,
      sidecar: false,
    });
    expect(summary.written).toBe(0);
    expect(summary.failed[0]?.reason).toBe('Corrupted JPEG image');
    expect(await md5(path)).toBe(before);
  });
});

describe('what a write keeps', () => {
  it('keeps permissions, leaves no litter, and (as settings) a backup and the modification time', async () => {
    const id = await photo('kept.jpg');
    const path = pathOf(id);
    await chmod(path, 0o640);
    shoot.services.editor.setFields([id], { caption: 'Kept.' });
    await shoot.services.writer.write({ ids: [id], allChanged: false, sidecar: false });
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect(existsSync(`${path}_original`)).toBe(false);
    expect(
      (await readdir(join(shoot.root, 'shoot'))).filter((n) => n.includes('cutline-write')),
    ).toEqual([]);

    shoot.services.editor.setFields([id], { caption: 'Kept again.' });
    const before = await md5(path);
    const mtimeBefore = (await stat(path)).mtimeMs;
    const { updateSettings } = await import('../../src/main/services/settings');
    updateSettings(shoot.services.db, { keepBackups: true, keepModificationTime: true });
    try {
      await shoot.services.writer.write({ ids: [id], allChanged: false, sidecar: false });
      expect(await md5(`${path}_original`)).toBe(before);
      expect(Math.abs((await stat(path)).mtimeMs - mtimeBefore)).toBeLessThan(1);
      expect(detail(id)?.record.caption).toBe('Kept again.');
    } finally {
      updateSettings(shoot.services.db, { keepBackups: false, keepModificationTime: false });
    }
  });
});

describe('a batch', () => {
  it('reports progress and stops when cancelled, the rest staying unwritten and not queued', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push(await photo(`batch-${i}.jpg`));
    shoot.services.editor.setFields(ids, { caption: 'Batch caption.' });
    const progress: number[] = [];
    const unsubscribe = shoot.services.events.subscribe((event, payload) => {
      if (event !== 'write:progress') return;
      const p = payload as { done: number; total: number; rate: number };
      progress.push(p.done);
      expect(p.total).toBe(12);
      if (p.done >= 1) shoot.services.writer.cancel();
    });
    try {
      const summary = await shoot.services.writer.write({ ids, allChanged: false, sidecar: false });
      expect(summary.cancelled).toBe(true);
      expect(summary.written).toBeGreaterThan(0);
      expect(summary.written).toBeLessThan(12);
    } finally {
      unsubscribe();
    }
    expect(progress.length).toBeGreaterThan(0);
    expect(shoot.services.writer.overview().queued).toBe(0);
    const left = ids.filter((id) => Object.keys(detail(id)?.unwritten ?? {}).length > 0);
    expect(left.length).toBeGreaterThan(0);
    const rest = await shoot.services.writer.write({ ids: [], allChanged: true, sidecar: false });
    expect(rest.written).toBeGreaterThanOrEqual(left.length);
  });

  it('with --sidecar, writes an XMP sidecar beside a JPEG and leaves the JPEG as it was', async () => {
    const id = await photo('sidecar.jpg');
    const path = pathOf(id);
    const before = await md5(path);
    shoot.services.editor.setFields([id], { headline: 'Only in the sidecar' });
    const summary = await shoot.services.writer.write({
      ids: [id],
      allChanged: false,
      sidecar: true,
    });
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(1);
    expect(await md5(path)).toBe(before);
    const sidecar = join(shoot.root, 'shoot', 'sidecar.xmp');
    const tags = (await shoot.exiftool.read(sidecar)) as {
      Headline?: string;
      Description?: string;
    };
    expect(tags.Headline).toBe('Only in the sidecar');
    expect(tags.Description).toBe('Kim Jong Un waves in Pyongyang.');
  });
});
