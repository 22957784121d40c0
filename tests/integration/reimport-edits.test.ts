import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { EditService } from '../../src/main/services/edits';
import { importPaths } from '../../src/main/services/import-photos';
import { getPhotoByPath } from '../../src/main/services/library';
import { createExifTool, makeJpeg, wireTags, writeTags } from '../helpers/make-photos';

let exiftool: ExifTool;
let root: string;

beforeAll(async () => {
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-reimport-'));
});

afterAll(async () => {
  await exiftool?.end();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('re-reading a file that has edits not yet written to it', () => {
  it('keeps the edits, takes the other fields from the file, and compares with the new file values', async () => {
    const path = await makeJpeg(exiftool, join(root, 'shoot', 'kim.jpg'), {
      tags: wireTags({
        caption: 'From the wire.',
        headline: 'Wire headline',
        creators: ['Jon Chol Jin'],
      }),
    });
    const db = openCatalog(':memory:');
    await importPaths(db, [join(root, 'shoot')]);
    const id = getPhotoByPath(db, path).id;
    const editor = new EditService(db);
    editor.setFields([id], { caption: 'Edited on the desk.', creators: ['Kim Won'] });

    // Someone changes the file in another program: caption, headline and creator.
    await writeTags(
      exiftool,
      path,
      wireTags({
        caption: 'Changed elsewhere.',
        headline: 'New wire headline',
        creators: ['Kim Won'],
      }),
    );
    const summary = await importPaths(db, [join(root, 'shoot')]);
    expect(summary.updated).toBe(1);

    const detail = getPhotoByPath(db, path);
    expect(detail.record.caption).toBe('Edited on the desk.');
    expect(detail.record.headline).toBe('New wire headline');
    expect(detail.record.creators).toEqual(['Kim Won']);
    // The caption's edit is still to write, now against what the file holds today; the file
    // agrees with the creator edit, which is therefore written.
    expect(detail.unwritten).toEqual({ caption: 'Changed elsewhere.' });
    db.close();
  });
});
