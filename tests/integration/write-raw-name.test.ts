/**
 * Issue 14, part 7 (with issue 13): a photo whose file name is not valid UTF-8 (a Latin-1
 * byte such as 0xE9 from an old volume) is written like any other, through an ASCII-named
 * alias (write-alias.ts): the name keeps its bytes, nothing else is left in the folder, and
 * ExifTool reads the new caption from the file itself.
 */
import { linkSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photosRepoOf } from '../../src/main/catalog/photos-repo';
import { fsPath, nameOfBytes } from '../../src/main/metadata/raw-path';
import { type CutlineServices, startServices } from '../../src/main/services/cutline-services';
import { getPhoto } from '../../src/main/services/library';
import { createExifTool, makeJpeg, wireTags } from '../helpers/make-photos';

let exiftool: ExifTool;
let root: string;
let services: CutlineServices;

beforeAll(async () => {
  exiftool = createExifTool();
  root = await mkdtemp(join(tmpdir(), 'cutline-write-raw-name-'));
  services = startServices(join(root, 'catalog.sqlite'), { workers: 0 });
});

afterAll(async () => {
  await services?.close();
  await exiftool?.end();
  if (root) await rm(root, { recursive: true, force: true });
});

/** A JPEG made under a plain name, then given the name `nameBytes` inside `folderBytes`. */
async function photoNamed(folderBytes: Buffer, nameBytes: Buffer): Promise<string> {
  const plain = join(root, `plain-${Math.random().toString(36).slice(2)}.jpg`);
  await makeJpeg(exiftool, plain, {
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
  const link = join(root, `link-${Math.random().toString(36).slice(2)}.jpg`);
  linkSync(fsPath(path), link);
  try {
    return (await exiftool.read(link)) as unknown as Record<string, unknown>;
  } finally {
    await rm(link);
  }
}

async function editAndWrite(path: string, caption: string) {
  const folder = join(path, '..');
  await (await services.importer.start([folder])).done;
  const found = photosRepoOf(services.db).findByPath(path);
  expect(found, `imported ${path}`).toBeTruthy();
  const id = (found as { id: number }).id;
  services.editor.setFields([id], { caption });
  return services.writer.write({ ids: [id], allChanged: false, sidecar: false });
}

describe('writing a photo whose file name is not UTF-8', () => {
  it('writes the caption, keeps the name bytes and leaves nothing else behind', async () => {
    const folder = Buffer.from(join(root, 'latin1-name'));
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
    const { id } = photosRepoOf(services.db).findByPath(path) as { id: number };
    expect(services.writer.overview().unwritten).toBe(0);
    const detail = getPhoto(services.db, id);
    expect(detail.record.caption).toBe('New caption, written.');
    expect(detail.fileState).toBe('ok');
  });

  it('writes a photo in a folder whose own name is not UTF-8', async () => {
    const folder = Buffer.concat([
      Buffer.from(`${root}/`),
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
