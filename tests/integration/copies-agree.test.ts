/**
 * "Make the copies of this field agree" (issue 13, part 1): a photo whose EXIF, IIM and XMP
 * copies of a field disagree keeps them so until someone asks; asking is an edit like any
 * other (one undo step in the history, the field marked unwritten though its value stays),
 * and the next write puts the catalog's (MWG) value into every copy.
 */
import { createHash } from 'node:crypto';
import { readFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { getPhoto, searchLibrary } from '../../src/main/services/library';
import type { Handlers } from '../../src/shared/contract';
import type { AgreeOutcome } from '../../src/shared/edits';
import { makeJpeg } from '../helpers/make-photos';
import { runCutline } from '../helpers/run-cutline';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('copies-agree');

let handlers: Handlers;

/** Caption in three copies that disagree (EXIF wins, as MWG reads), headline in two. */
const THREE_CAPTIONS = {
  'EXIF:ImageDescription': 'Kim Jong Un waves to the crowd in Pyongyang.',
  'IPTC:Caption-Abstract': 'Kim waves (old wire caption).',
  'XMP:Description': 'Kim Jong Un waves, desk rewrite.',
  'IPTC:Headline': 'Parade',
  'XMP:Headline': 'Military parade',
  'IPTC:City': 'Pyongyang',
  'XMP:City': 'Pyongyang',
  'IPTC:Credit': 'AP',
  'XMP:Credit': 'AP',
};

beforeAll(async () => {
  handlers = createHandlers(shoot.services);
}, 60_000);

const idOf = (path: string) =>
  (photosRepoOf(shoot.services.db).findByPath(path) as { id: number }).id;

async function agree(input: { ids: number[]; fields?: string[] }): Promise<AgreeOutcome> {
  const result = await dispatch(handlers, 'edits:agree', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AgreeOutcome;
}

const detail = (id: number) => getPhoto(shoot.services.db, id);
const matching = (query: string) =>
  searchLibrary(shoot.services.db, { query, offset: 0, limit: 100 }).items.map((item) => item.id);
const digest = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

/** Every copy of the caption and headline, as ExifTool reads the file. */
async function copies(path: string) {
  const tags = (await shoot.exiftool.read(path, [
    '-G1',
    '-EXIF:all',
    '-IPTC:all',
    '-XMP:all',
  ])) as Record<string, unknown>;
  return {
    exifCaption: tags['IFD0:ImageDescription'],
    iimCaption: tags['IPTC:Caption-Abstract'],
    xmpCaption: tags['XMP-dc:Description'],
    iimHeadline: tags['IPTC:Headline'],
    xmpHeadline: tags['XMP-photoshop:Headline'],
  };
}

describe('make the copies of a field agree', () => {
  let path: string;
  let id: number;
  let other: number;
  let calm: number;

  beforeAll(async () => {
    path = await makeJpeg(shoot.exiftool, join(shoot.root, 'shoot', 'kim.jpg'), {
      tags: THREE_CAPTIONS,
    });
    const otherPath = await makeJpeg(shoot.exiftool, join(shoot.root, 'shoot', 'seoul.jpg'), {
      tags: { 'IPTC:Headline': 'Seoul', 'XMP:Headline': 'Seoul at night' },
    });
    const calmPath = await makeJpeg(shoot.exiftool, join(shoot.root, 'shoot', 'calm.jpg'), {
      tags: { 'IPTC:Caption-Abstract': 'Calm.', 'XMP:Description': 'Calm.' },
    });
    await (await shoot.services.importer.start([join(shoot.root, 'shoot')])).done;
    id = idOf(path);
    other = idOf(otherPath);
    calm = idOf(calmPath);
  }, 60_000);

  it('finds the photos whose copies disagree, with the MWG value and each copy', async () => {
    expect(matching('is:disagree').sort()).toEqual([id, other].sort());
    const { record, origins, agreeing, unwritten } = detail(id);
    expect(record.caption).toBe('Kim Jong Un waves to the crowd in Pyongyang.');
    expect(origins.caption).toMatchObject({ from: 'exif', disagree: true });
    expect(origins.caption?.copies).toEqual({
      exif: 'Kim Jong Un waves to the crowd in Pyongyang.',
      iim: 'Kim waves (old wire caption).',
      xmp: 'Kim Jong Un waves, desk rewrite.',
    });
    expect(origins.headline?.disagree).toBe(true);
    expect(agreeing).toEqual([]);
    expect(unwritten).toEqual({});
  });

  it('"write all changed" leaves a photo alone whose copies disagree but that nobody edited', async () => {
    const before = await digest(path);
    const summary = await shoot.services.writer.write({
      ids: [],
      allChanged: true,
      sidecar: false,
    });
    expect(summary.written).toBe(0);
    expect(await digest(path)).toBe(before);
  });

  it('is an edit: one step in the history, the field unwritten with its value unchanged', async () => {
    const outcome = await agree({ ids: [id], fields: ['caption'] });
    expect(outcome).toMatchObject({
      photos: 1,
      photoIds: [id],
      changes: 1,
      total: 1,
      byField: { caption: 1 },
      label: 'Make copies agree: Caption',
    });
    expect(outcome.stepId).not.toBeNull();
    const after = detail(id);
    expect(after.record.caption).toBe('Kim Jong Un waves to the crowd in Pyongyang.');
    expect(after.agreeing).toEqual(['caption']);
    expect(after.unwritten).toEqual({ caption: 'Kim Jong Un waves to the crowd in Pyongyang.' });
    expect(matching('is:unwritten')).toEqual([id]);
    expect(shoot.services.writer.overview().unwritten).toBe(1);
    const [entry] = shoot.services.editor.history(id);
    expect(entry).toMatchObject({
      field: 'caption',
      kind: 'edit',
      agree: true,
      label: 'Make copies agree: Caption',
      oldValue: 'Kim Jong Un waves to the crowd in Pyongyang.',
      newValue: 'Kim Jong Un waves to the crowd in Pyongyang.',
    });
    expect(shoot.services.editor.undoState().undo).toBe('Make copies agree: Caption');
    // Asked again, there is nothing left to do and no new step.
    const again = await agree({ ids: [id], fields: ['caption'] });
    expect(again).toMatchObject({ photos: 0, changes: 0, stepId: null });
  });

  it('undo puts back the unwritten state the field had; redo marks it again', () => {
    const undone = shoot.services.editor.undo();
    expect(undone).toMatchObject({ label: 'Make copies agree: Caption', photos: 1 });
    expect(detail(id).agreeing).toEqual([]);
    expect(detail(id).unwritten).toEqual({});
    expect(shoot.services.writer.overview().unwritten).toBe(0);
    expect(shoot.services.editor.history(id)[0]).toMatchObject({ kind: 'undo', agree: true });

    const redone = shoot.services.editor.redo();
    expect(redone).toMatchObject({ label: 'Make copies agree: Caption', photos: 1 });
    expect(detail(id).agreeing).toEqual(['caption']);
    expect(detail(id).unwritten).toEqual({
      caption: 'Kim Jong Un waves to the crowd in Pyongyang.',
    });
    expect(shoot.services.editor.history(id)[0]).toMatchObject({ kind: 'redo', agree: true });
  });

  it('survives an edit of the field taken back to the file’s value', () => {
    shoot.services.editor.setFields([id], { caption: 'A caption typed over it.' });
    expect(detail(id).unwritten).toEqual({
      caption: 'Kim Jong Un waves to the crowd in Pyongyang.',
    });
    shoot.services.editor.undo();
    expect(detail(id).record.caption).toBe('Kim Jong Un waves to the crowd in Pyongyang.');
    expect(detail(id).agreeing).toEqual(['caption']);
    expect(detail(id).unwritten).toEqual({
      caption: 'Kim Jong Un waves to the crowd in Pyongyang.',
    });
  });

  it('survives a read of the file again while its copies still disagree', async () => {
    const later = new Date(Date.now() + 5_000);
    await utimes(path, later, later);
    await (await shoot.services.importer.start([path])).done;
    expect(detail(id).agreeing).toEqual(['caption']);
    expect(detail(id).unwritten).toEqual({
      caption: 'Kim Jong Un waves to the crowd in Pyongyang.',
    });
  });

  it('keeps an edit of its own unwritten when undone', () => {
    shoot.services.editor.setFields([other], { headline: 'Seoul by night' });
    const outcome = shoot.services.editor.makeCopiesAgree([other], ['headline']);
    expect(outcome.changes).toBe(1);
    expect(detail(other).agreeing).toEqual(['headline']);
    expect(detail(other).unwritten).toEqual({ headline: 'Seoul at night' });
    shoot.services.editor.undo();
    expect(detail(other).agreeing).toEqual([]);
    expect(detail(other).unwritten).toEqual({ headline: 'Seoul at night' });
    expect(detail(other).record.headline).toBe('Seoul by night');
    shoot.services.editor.undo();
    expect(detail(other).unwritten).toEqual({});
    expect(detail(other).record.headline).toBe('Seoul at night');
  });

  it('acts on a selection as one undo step: every field that disagrees, photos that agree left alone', async () => {
    const outcome = await agree({ ids: [id, other, calm] });
    expect(outcome).toMatchObject({
      photos: 2,
      changes: 2,
      total: 3,
      byField: { headline: 2 },
      label: 'Make copies agree',
    });
    expect(detail(id).agreeing.sort()).toEqual(['caption', 'headline']);
    expect(detail(other).agreeing).toEqual(['headline']);
    expect(detail(calm).agreeing).toEqual([]);
    expect(shoot.services.editor.undo()).toMatchObject({ label: 'Make copies agree', photos: 2 });
    expect(detail(id).agreeing).toEqual(['caption']);
    expect(detail(other).agreeing).toEqual([]);
    expect(detail(other).unwritten).toEqual({});
  });

  it('is refused plainly for a photo not in the catalog', async () => {
    const result = await dispatch(handlers, 'edits:agree', { ids: [999_999] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const bad = await dispatch(handlers, 'edits:agree', { ids: [id], fields: ['nonsense'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('the next write puts the catalog’s value into every copy, and leaves the copies of a field nobody asked about', async () => {
    const summary = await shoot.services.writer.write({
      ids: [],
      allChanged: true,
      sidecar: false,
    });
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(1);
    const now = await copies(path);
    expect(now.exifCaption).toBe('Kim Jong Un waves to the crowd in Pyongyang.');
    expect(now.iimCaption).toBe('Kim Jong Un waves to the crowd in Pyongyang.');
    expect(now.xmpCaption).toBe('Kim Jong Un waves to the crowd in Pyongyang.');
    // The headline's copies disagreed too, but nobody asked: they are left as they were.
    expect(now.iimHeadline).toBe('Parade');
    expect(now.xmpHeadline).toBe('Military parade');
    const after = detail(id);
    expect(after.origins.caption?.disagree).toBe(false);
    expect(after.origins.headline?.disagree).toBe(true);
    expect(matching('is:disagree')).toContain(id);
    expect(after.agreeing).toEqual([]);
    expect(after.unwritten).toEqual({});
    expect(shoot.services.writer.overview().unwritten).toBe(0);
  });
});

describe('cutline agree', () => {
  let db: string;
  let photo: string;

  const cutline = (...args: string[]) => runCutline([...args, '--db', db]);

  beforeAll(async () => {
    db = join(shoot.root, 'cli-catalog.sqlite');
    photo = await makeJpeg(shoot.exiftool, join(shoot.root, 'cli', 'kim.jpg'), {
      tags: THREE_CAPTIONS,
    });
    await cutline('import', photo);
  }, 60_000);

  it('marks the field, prints it, shows in history and is undone by undo', async () => {
    const done = await cutline('agree', photo, '--field', 'caption', '--json');
    expect(done.code).toBe(0);
    const json = JSON.parse(done.stdout);
    expect(json).toMatchObject({ photos: 1, changes: 1, byField: { caption: 1 }, failed: [] });
    const history = (await cutline('history', photo)).stdout;
    expect(history).toContain(
      'Caption: copies made to agree on "Kim Jong Un waves to the crowd in Pyongyang."',
    );
    expect((await cutline('undo')).stdout).toContain(
      'Undid "Make copies agree: Caption" (1 photo)',
    );
    const text = (await cutline('agree', photo)).stdout;
    expect(text).toContain('Copies to agree: Caption in 1 photo, Headline in 1 photo');
  });

  it('reports a file not in the catalog and goes on with the others, exiting 1', async () => {
    const missing = join(shoot.root, 'cli', 'nowhere.jpg');
    const failure = await cutline('agree', missing, photo, '--field', 'credit-line');
    expect(failure.code).toBe(1);
    expect(failure.stdout).toContain(`failed: ${missing}: not in the catalog (import it first)`);
    expect(failure.stdout).toContain('Nothing to do: no copies of these fields disagree.');
  });

  it('says plainly when a field name is wrong', async () => {
    const failure = await cutline('agree', photo, '--field', 'nonsense');
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('"nonsense" is not a caption field');
  });
});
