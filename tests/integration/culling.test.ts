/**
 * Culling marks (issue 16) through the file: the rating (XMP-xmp:Rating), the colour label
 * (XMP-xmp:Label) and Photo Mechanic's tag (XMP-photomech:Tagged) are read at import, also
 * from Photo Mechanic's own forms, edited and undone like any field, searched with rating:,
 * label: and is:tagged, written back and read back by ExifTool; a caption-only write leaves
 * them, and MicrosoftPhoto:RatingPercent, as they were.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { searchLibrary } from '../../src/main/services/library';
import { makeJpeg } from '../helpers/make-photos';
import { runCutline } from '../helpers/run-cutline';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('culling');

function marks(id: number) {
  const record = photosRepoOf(shoot.services.db).detail(id)?.record;
  return { rating: record?.rating, label: record?.label, tagged: record?.tagged };
}

async function fileMarks(path: string): Promise<Record<string, unknown>> {
  const tags = (await shoot.exiftool.read(path, ['-G1', '-XMP:all'])) as Record<string, unknown>;
  return {
    rating: tags['XMP-xmp:Rating'],
    label: tags['XMP-xmp:Label'],
    tagged: tags['XMP-photomech:Tagged'],
    ratingPercent: tags['XMP-microsoft:RatingPercent'],
    caption: tags['XMP-dc:Description'],
  };
}

const names = (query: string) =>
  searchLibrary(shoot.services.db, { query, offset: 0, limit: 100 }).items.map((p) => p.fileName);

describe('culling marks', () => {
  it('are read at import from XMP, and from Photo Mechanic forms where XMP-xmp has none', async () => {
    const lightroom = await makeJpeg(shoot.exiftool, join(shoot.root, 'lr.jpg'), {
      tags: {
        'XMP-xmp:Rating': 4,
        'XMP-xmp:Label': 'Green',
        'XMP-dc:Description': 'Goal.',
        'EXIF:DateTimeOriginal': '2024:06:19 10:00:00',
      },
    });
    const mechanic = await makeJpeg(shoot.exiftool, join(shoot.root, 'pm.jpg'), {
      tags: {
        'XMP-photomech:Tagged': 'Yes',
        'XMP-photomech:ColorClass': 1,
        'EXIF:DateTimeOriginal': '2024:06:18 09:00:00',
      },
    });
    const prefsOnly = await makeJpeg(shoot.exiftool, join(shoot.root, 'prefs.jpg'), {
      tags: { 'XMP-photomech:Prefs': '1:3:2:000017' },
    });
    const bridge = await makeJpeg(shoot.exiftool, join(shoot.root, 'bridge.jpg'), {
      tags: { 'XMP-xmp:Label': 'Select', 'XMP-xmp:Rating': 0 },
    });
    const lr = await shoot.importOne(lightroom);
    const pm = await shoot.importOne(mechanic);
    const prefs = await shoot.importOne(prefsOnly);
    const br = await shoot.importOne(bridge);
    expect(marks(lr)).toEqual({ rating: '4', label: 'Green', tagged: '' });
    expect(marks(pm)).toEqual({ rating: '', label: 'Winner', tagged: 'True' });
    // Prefs gives the tag and the rating; the colour class is taken from ColorClass alone, which
    // a write of a label clears (Prefs would bring it back).
    expect(marks(prefs)).toEqual({ rating: '2', label: '', tagged: 'True' });
    expect(marks(br)).toEqual({ rating: '', label: 'Select', tagged: '' });

    expect(names('is:tagged').sort()).toEqual(['pm.jpg', 'prefs.jpg']);
    expect(names('rating:>=2').sort()).toEqual(['lr.jpg', 'prefs.jpg']);
    expect(names('rating:<2').sort()).toEqual(['bridge.jpg', 'pm.jpg']);
    expect(names('rating:4')).toEqual(['lr.jpg']);
    const lrSummary = searchLibrary(shoot.services.db, { query: 'rating:4', offset: 0, limit: 1 });
    // Bridge's "Select" and Photo Mechanic's "Winner" are red.
    expect(names('label:red').sort()).toEqual(['bridge.jpg', 'pm.jpg']);
    expect(names('label:green')).toEqual(['lr.jpg']);
    expect(names('rating:2 is:tagged')).toEqual(['prefs.jpg']);
    expect(names('label:none')).toEqual(['prefs.jpg']);
    // Sorted by rating (highest first; the path orders equal ratings), by name, by capture time.
    expect(names('sort:rating')).toEqual(['lr.jpg', 'prefs.jpg', 'bridge.jpg', 'pm.jpg']);
    expect(names('sort:name label:red')).toEqual(['bridge.jpg', 'pm.jpg']);
    expect(names('sort:date')).toEqual(['pm.jpg', 'lr.jpg', 'bridge.jpg', 'prefs.jpg']);
    expect(lrSummary.items[0]).toMatchObject({ rating: '4', label: 'Green', tagged: false });
  });

  it('are set over a selection as one undo step, in the history, and undone', async () => {
    const a = await shoot.importOne(await makeJpeg(shoot.exiftool, join(shoot.root, 'set-a.jpg')));
    const b = await shoot.importOne(await makeJpeg(shoot.exiftool, join(shoot.root, 'set-b.jpg')));
    const outcome = shoot.services.editor.setFields([a, b], { rating: '3', tagged: 'True' });
    expect(outcome).toMatchObject({ photos: 2, changes: 4 });
    expect(marks(a)).toEqual({ rating: '3', label: '', tagged: 'True' });
    expect(shoot.services.editor.history(a).map((e) => [e.field, e.oldValue, e.newValue])).toEqual(
      expect.arrayContaining([
        ['rating', '', '3'],
        ['tagged', '', 'True'],
      ]),
    );
    shoot.services.editor.setFields([b], { label: 'Red' });
    shoot.services.editor.undo();
    expect(marks(b).label).toBe('');
    shoot.services.editor.undo();
    expect(marks(a)).toEqual({ rating: '', label: '', tagged: '' });
    expect(marks(b)).toEqual({ rating: '', label: '', tagged: '' });
    shoot.services.editor.redo();
    expect(marks(b)).toEqual({ rating: '3', label: '', tagged: 'True' });
    // 0 is no rating.
    shoot.services.editor.setFields([b], { rating: '0' });
    expect(marks(b).rating).toBe('');
  });

  it('are written as XMP-xmp:Rating, XMP-xmp:Label and XMP-photomech:Tagged, and cleared', async () => {
    const path = await makeJpeg(shoot.exiftool, join(shoot.root, 'write.jpg'), {
      tags: { 'XMP-dc:Description': 'Crowd.', 'XMP-photomech:ColorClass': 5 },
    });
    const id = await shoot.importOne(path);
    shoot.services.editor.setFields([id], { rating: '5', label: 'Blue', tagged: 'True' });
    let summary = await shoot.services.writer.write({
      ids: [id],
      allChanged: false,
      sidecar: false,
    });
    expect(summary.failed).toEqual([]);
    expect(await fileMarks(path)).toMatchObject({
      rating: 5,
      label: 'Blue',
      tagged: 'Yes',
      caption: 'Crowd.',
    });
    shoot.services.editor.setFields([id], { rating: '', label: '', tagged: '' });
    summary = await shoot.services.writer.write({ ids: [id], allChanged: false, sidecar: false });
    expect(summary.failed).toEqual([]);
    // Cleared: no rating (XMP's 0), not tagged (False), no label and no colour class left.
    expect(await fileMarks(path)).toMatchObject({ rating: 0, label: undefined, tagged: 'No' });
    await (await shoot.services.importer.start([path])).done;
    expect(marks(id)).toEqual({ rating: '', label: '', tagged: '' });
  });

  it('are left as they were, with RatingPercent, by a write of the caption alone', async () => {
    const path = await makeJpeg(shoot.exiftool, join(shoot.root, 'caption-only.jpg'), {
      tags: {
        'XMP-dc:Description': 'Before.',
        'XMP-xmp:Rating': 2,
        'XMP-microsoft:RatingPercent': 25,
        'XMP-xmp:Label': 'Yellow',
        'XMP-photomech:Tagged': 'Yes',
      },
    });
    const id = await shoot.importOne(path);
    shoot.services.editor.setFields([id], { caption: 'After.' });
    const summary = await shoot.services.writer.write({
      ids: [id],
      allChanged: false,
      sidecar: false,
    });
    expect(summary.failed).toEqual([]);
    expect(await fileMarks(path)).toEqual({
      rating: 2,
      label: 'Yellow',
      tagged: 'Yes',
      ratingPercent: 25,
      caption: 'After.',
    });
    // A rating edit brings Windows' RatingPercent along, where the file has one …
    shoot.services.editor.setFields([id], { rating: '4' });
    expect(
      (await shoot.services.writer.write({ ids: [id], allChanged: false, sidecar: false })).failed,
    ).toEqual([]);
    expect(await fileMarks(path)).toMatchObject({ rating: 4, ratingPercent: 75 });
    // … and gives none to a file without one.
    const other = await shoot.importOne(
      await makeJpeg(shoot.exiftool, join(shoot.root, 'no-percent.jpg')),
    );
    shoot.services.editor.setFields([other], { rating: '4' });
    expect(
      (await shoot.services.writer.write({ ids: [other], allChanged: false, sidecar: false }))
        .failed,
    ).toEqual([]);
    expect(await fileMarks(join(shoot.root, 'no-percent.jpg'))).toMatchObject({
      rating: 4,
      ratingPercent: undefined,
    });
  });

  it('refuse a rating out of range with a plain message', async () => {
    const { fieldChangesSchema } = await import('../../src/shared/edits');
    const result = fieldChangesSchema.safeParse({ rating: '7' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/0 to 5/);
  });

  it('are set from the command line: cutline set FILE --rating 3 --label Red --tagged', async () => {
    const path = await makeJpeg(shoot.exiftool, join(shoot.root, 'cli.jpg'));
    const db = join(shoot.root, 'cli.sqlite');
    expect((await runCutline(['import', path, '--db', db])).code).toBe(0);
    const set = await runCutline([
      'set',
      path,
      '--rating',
      '3',
      '--label',
      'Red',
      '--tagged',
      '--db',
      db,
    ]);
    expect(set.stderr).toBe('');
    const shown = JSON.parse((await runCutline(['show', path, '--json', '--db', db])).stdout);
    expect(shown).toMatchObject({ rating: '3', label: 'Red', tagged: 'True' });
    await runCutline(['set', path, '--untagged', '--rating', '0', '--db', db]);
    const after = JSON.parse((await runCutline(['show', path, '--json', '--db', db])).stdout);
    expect(after).toMatchObject({ rating: '', label: 'Red', tagged: '' });
    const bad = await runCutline(['set', path, '--rating', '9', '--db', db]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/0 to 5/);
  });

  it('are columns of a caption sheet export', async () => {
    const id = await shoot.importOne(
      await makeJpeg(shoot.exiftool, join(shoot.root, 'export.jpg'), {
        tags: { 'XMP-xmp:Rating': 3, 'XMP-xmp:Label': 'Red', 'XMP-photomech:Tagged': 'Yes' },
      }),
    );
    const out = join(shoot.root, 'sheet.csv');
    const result = await dispatch(createHandlers(shoot.services), 'export:sheet', {
      ids: [id],
      format: 'csv',
      out,
      columns: ['fileName', 'rating', 'label', 'tagged'],
    });
    expect(result.ok).toBe(true);
    const lines = (await readFile(out, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines).toEqual(['File name,Rating,Colour label,Tagged', 'export.jpg,3,Red,True']);
  });
});
