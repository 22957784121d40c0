/**
 * Migration 0011 (photos.damage): a photo read before it that the reader had already found
 * cut short (its warnings say so) is marked damaged on upgrade, and found by is:truncated;
 * the others are not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { searchPhotos } from '../../src/main/catalog/search-repo';
import { parseSearchQuery } from '../../src/shared/search-query';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

it('0011 marks photos whose warnings already said they were cut short', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cutline-damage-'));
  folders.push(folder);
  const file = join(folder, 'catalog.sqlite');
  const old = openCatalog(file, { targetVersion: 10 });
  const insert = old.prepare(
    `INSERT INTO photos (path, file_name, format, byte_size, mtime_ms, fingerprint, warnings,
     imported_at, updated_at) VALUES (?, ?, 'JPEG', 1, 1, ?, ?, 'x', 'x') RETURNING id`,
  );
  const cut = 'truncated or corrupt JPEG: the file ends before its image data';
  const rows: [string, string[]][] = [
    ['cut.jpg', ['no thumbnail could be made', cut]],
    ['odd.jpg', ['IIM and XMP disagree on caption']],
    ['fine.jpg', []],
  ];
  for (const [name, warnings] of rows) {
    const { id } = insert.get(`/p/${name}`, name, name, JSON.stringify(warnings)) as {
      id: number;
    };
    old.prepare('INSERT INTO captions (photo_id) VALUES (?)').run(id);
  }
  old.close();

  const db = openCatalog(file);
  const damage = db.prepare('SELECT file_name AS name, damage FROM photos ORDER BY path').all();
  expect(damage).toEqual([
    { name: 'cut.jpg', damage: cut },
    { name: 'fine.jpg', damage: null },
    { name: 'odd.jpg', damage: null },
  ]);
  const found = searchPhotos(db, parseSearchQuery('is:truncated'), 0, 10);
  expect(found.items.map((p) => [p.fileName, p.damage])).toEqual([['cut.jpg', cut]]);
  db.close();
});
