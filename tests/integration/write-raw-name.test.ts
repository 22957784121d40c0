/**
 * Issue 14, part 7 (with issue 13): a photo whose file name is not valid UTF-8 (a Latin-1
 * byte such as 0xE9 from an old volume) is written like any other, through an ASCII-named
 * alias (write-alias.ts): the name keeps its bytes, nothing else is left in the folder, and
 * ExifTool reads the new caption from the file itself.
 */
import { linkSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { fsPath, nameOfBytes } from '../../src/main/metadata/raw-path';
import { getPhoto } from '../../src/main/services/library';
import { makeJpeg, wireTags } from '../helpers/make-photos';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('write-raw-name');

/** A JPEG made under a plain name, then given the name `nameBytes` inside `folderBytes`. */
async function photoNamed(folderBytes: Buffer, nameBytes: Buffer): Promise<string> {
  const plain = join(shoot.root, `plain-${Math.random().toString(36).slice(2)}.jpg`);
  await makeJpeg(shoot.exiftool, plain, {
    tags: {
      ...wireTags({ caption: 'Old caption.', credit: 'Agence Café' }),
      'IPTC:CopyrightNotice': '© 1998 Archive',
    },
  });
  await mkdir(folderBytes, { recursive: true });
  const target = Buffer.concat([folderBytes, Buffer.from('/'), nameBytes]);
  await rename(plain, target);
  return nameOfBytes(target);
}

/** ExifTool's reading of the file, through a hard link with a UTF-8 name. */
async function readThroughLink(path: string): Promise<Record<string, unknown>> {
  const link = join(shoot.root, `link-${Math.random().toString(36).slice(2)}.jpg`);
  linkSync(fsPath(path), link);
  try {
    return (await shoot.exiftool.read(link)) as unknown as Record<string, unknown>;
  } finally {
    await rm(link);
  }
}

async function editAndWrite(path: string, caption: string) {
  const folder = join(path, '..');
  await (await shoot.services.importer.start([folder])).done;
  const found = photosRepoOf(shoot.services.db).findByPath(path);
  expect(found, `imported ${path}`).toBeTruthy();
  const id = (found as { id: number }).id;
  shoot.services.editor.setFields([id], { caption });
  return shoot.services.writer.write({ ids: [id], allChanged: false, sidecar: false });
}

describe('writing a photo whose file name is not UTF-8', () => {
  it('writes the caption, keeps the name bytes and leaves nothing else behind', async () => {
    const folder = Buffer.from(join(shoot.root, 'latin1-name'));
    const name = Buffer.from('caf\xe9 \xe0 Paris.jpg', 'latin1');
    const path = await photoNamed(folder, name);
    const imageBefore = await readFile(fsPath(path));

    const summary = await editAndWrite(path, 'New caption, written.');
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(1);

    // The folder holds the one file, under exactly the bytes it had.
    const entries = readdirSync(folder, { encoding: 'buffer' });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.equals(name)).toBe(true);

    const tags = await readThroughLink(path);
    expect(tags['Caption-Abstract']).toBe('New caption, written.');
    expect(tags.Description).toBe('New caption, written.');
    expect(tags.CopyrightNotice).toBe('© 1998 Archive');
    expect(tags.Credit).toBe('Agence Café');
    expect((await readFile(fsPath(path))).equals(imageBefore)).toBe(false);

    // The catalog re-read the file under its real name: nothing left unwritten, state ok.
    const { id } = photosRepoOf(shoot.services.db).findByPath(path) as { id: number };
    expect(shoot.services.writer.overview().unwritten).toBe(0);
    const detail = getPhoto(shoot.services.db, id);
    expect(detail.record.caption).toBe('New caption, written.');
    expect(detail.fileState).toBe('ok');
  });

  it('writes a photo in a folder whose own name is not UTF-8', async () => {
    const folder = Buffer.concat([
      Buffer.from(`${shoot.root}/`),
      Buffer.from('Archiv M\xfcnchen', 'latin1'),
    ]);
    const name = Buffer.from('Stra\xdfe.jpg', 'latin1');
    const path = await photoNamed(folder, name);

    const summary = await editAndWrite(path, 'Written through a linked folder.');
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(1);

    const entries = readdirSync(folder, { encoding: 'buffer' });
    expect(entries.map((entry) => entry.toString('latin1'))).toEqual(['Straße.jpg']);
    const tags = await readThroughLink(path);
    expect(tags['Caption-Abstract']).toBe('Written through a linked folder.');
    expect(tags.CopyrightNotice).toBe('© 1998 Archive');
    // No folder link is left in the temporary folder.
    expect(readdirSync(tmpdir()).filter((entry) => entry.startsWith('cutline-alias-'))).toEqual([]);
  });
});
