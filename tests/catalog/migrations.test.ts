import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../src/main/catalog/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../src/main/catalog/migrations';
import { openCatalog } from '../../src/main/catalog/open-catalog';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { searchPhotos } from '../../src/main/catalog/search-repo';
import { EditService } from '../../src/main/services/edits';
import { parseSearchQuery } from '../../src/shared/search-query';
import { photoWrite } from '../helpers/photo-write';

const folders: string[] = [];
function catalogFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'cutline-migrate-'));
  folders.push(folder);
  return join(folder, 'catalog.sqlite');
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('catalog migrations', () => {
  it('are numbered in increasing order, starting at 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('create a fresh catalog at the latest version, in WAL mode', () => {
    const db = openCatalog(catalogFile());
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  // Every earlier version upgrades to the latest with its data intact.
  for (let from = 0; from < LATEST_VERSION; from++) {
    it(`upgrade a catalog at version ${from} to ${LATEST_VERSION}, keeping its photos`, () => {
      const file = catalogFile();
      const old = openCatalog(file, { targetVersion: from });
      expect(schemaVersion(old)).toBe(from);
      if (from >= 1) {
        // Written with the SQL of version 1, as a catalog of that age holds it.
        old
          .prepare(
            `INSERT INTO photos (id, path, file_name, format, byte_size, mtime_ms, fingerprint,
             imported_at, updated_at) VALUES (7, '/p/a.jpg', 'a.jpg', 'JPEG', 10, 1, 'f', 'x', 'x')`,
          )
          .run();
        old
          .prepare(
            `INSERT INTO captions (photo_id, caption, creators) VALUES (7, 'Parade in Pyongyang', '["Ahn Young-joon"]')`,
          )
          .run();
      }
      old.close();

      const db = openCatalog(file);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      if (from >= 1) {
        const found = searchPhotos(db, parseSearchQuery('pyongyang creator:ahn'), 0, 10);
        expect(found.items.map((p) => p.path)).toEqual(['/p/a.jpg']);
      }
      db.close();
    });
  }

  it('0017 and 0018 give photos from before them empty rights fields and structures, then edited and searched', () => {
    const file = catalogFile();
    const old = openCatalog(file, { targetVersion: 16 });
    // Written with the SQL of version 16, which had no rights columns.
    old
      .prepare(
        `INSERT INTO photos (path, file_name, format, byte_size, mtime_ms, fingerprint,
         imported_at, updated_at) VALUES ('/shoot/r.jpg', 'r.jpg', 'JPEG', 1, 1, 'f', 'x', 'x')`,
      )
      .run();
    old.prepare(`INSERT INTO captions (photo_id, caption) VALUES (1, 'Before rights.')`).run();
    old.close();
    const db = openCatalog(file);
    const id = (
      db.prepare(`SELECT id FROM photos WHERE path = '/shoot/r.jpg'`).get() as { id: number }
    ).id;
    const record = new PhotosRepo(db).detail(id)?.record;
    expect(record).toMatchObject({ copyrightOwners: [], modelReleaseStatus: '', creatorCity: '' });
    expect(record?.locationsShown).toEqual([]);
    new EditService(db).setFields([id], {
      copyrightOwners: ['Agence'],
      modelReleaseStatus: 'None',
    });
    expect(new PhotosRepo(db).detail(id)?.record.modelReleaseStatus).toBe(
      'http://ns.useplus.org/ldf/vocab/MR-NON',
    );
    const found = searchPhotos(db, parseSearchQuery('copyrightowner:agence release:none'), 0, 10);
    expect(found.items.map((p) => p.path)).toEqual(['/shoot/r.jpg']);
    db.close();
  });

  it('0021 moves the structures 0018 read into caption fields, edited and searched like them', () => {
    const file = catalogFile();
    const old = openCatalog(file, { targetVersion: 18 });
    // Written with the SQL of version 18: the structures read-only, as JSON in photos.
    old
      .prepare(
        `INSERT INTO photos (path, file_name, format, byte_size, mtime_ms, fingerprint,
         imported_at, updated_at, iptc_structures) VALUES ('/shoot/s.jpg', 's.jpg', 'JPEG', 1, 1,
         'f', 'x', 'x', ?)`,
      )
      .run(
        JSON.stringify({
          locationsShown: [{ Sublocation: 'Louvre', City: 'Paris' }, { City: 'Lyon' }],
          personsInImage: [{ PersonName: 'Jo Doe' }],
          organisations: [{ Name: 'UN' }],
          organisationCodes: [{ Code: 'org:un' }],
          artworks: [],
          locationsCreated: [],
        }),
      );
    old.prepare(`INSERT INTO captions (photo_id, caption) VALUES (1, 'Before.')`).run();
    old.close();
    const db = openCatalog(file);
    const record = new PhotosRepo(db).detail(1)?.record;
    // Members in name order, as a fresh read keeps them.
    expect(record?.locationsShown).toEqual([
      '{"City":"Paris","Sublocation":"Louvre"}',
      '{"City":"Lyon"}',
    ]);
    expect(record?.personsInImage).toEqual(['{"PersonName":"Jo Doe"}']);
    expect(record).toMatchObject({
      organisationNames: ['UN'],
      organisationCodes: ['org:un'],
      artworks: [],
      products: [],
    });
    new EditService(db).setFields([1], { locationsShown: ['{"City":"Lyon"}'] });
    const found = (query: string) =>
      searchPhotos(db, parseSearchQuery(query), 0, 10).items.map((p) => p.path);
    expect(found('locationshown:lyon')).toEqual(['/shoot/s.jpg']);
    expect(found('locationshown:louvre')).toEqual([]);
    expect(found('org:un')).toEqual(['/shoot/s.jpg']);
    db.close();
  });

  it('0024 makes Licensors whole from their flattened lists and Contributors structures', () => {
    const file = catalogFile();
    const old = openCatalog(file, { targetVersion: 23 });
    const photo = old.prepare(
      `INSERT INTO photos (path, file_name, format, byte_size, mtime_ms, fingerprint,
       imported_at, updated_at) VALUES (?, ?, 'JPEG', 1, 1, ?, 'x', 'x')`,
    );
    photo.run('/shoot/a.jpg', 'a.jpg', 'fa');
    photo.run('/shoot/b.jpg', 'b.jpg', 'fb');
    // a: two Licensors whose lists pair up; b: a Licensor without URL beside one with.
    old
      .prepare(
        `INSERT INTO captions (photo_id, licensor_names, licensor_urls, licensor_emails,
         contributors) VALUES (1, ?, ?, ?, ?)`,
      )
      .run(
        '["Desk A","Desk B"]',
        '["https://a.example/","https://b.example/"]',
        '[]',
        '["Ann Editor"]',
      );
    old
      .prepare(`INSERT INTO captions (photo_id, licensor_names, licensor_urls) VALUES (2, ?, ?)`)
      .run('["Desk A","Desk B"]', '["https://b.example/"]');
    old
      .prepare(`INSERT INTO unwritten_fields (photo_id, field, file_value) VALUES (1, ?, ?)`)
      .run('licensorUrls', '["https://old.example/","https://b.example/"]');
    // b's names edited, not yet written: its lists do not pair, so no Licensors edit is left
    // to write (it would be an empty list, erasing the file's Licensors).
    old
      .prepare(`INSERT INTO unwritten_fields (photo_id, field, file_value) VALUES (2, ?, ?)`)
      .run('licensorNames', '["Desk A"]');
    old
      .prepare(`INSERT INTO settings (key, value) VALUES ('requiredRightsFields', ?)`)
      .run('["licensorNames","licensorUrls","copyrightOwners"]');
    // A desk member with a Contributor edit in its history, waiting to be pushed.
    old
      .prepare(`INSERT INTO desk_link (url, member_name, root, joined_at) VALUES (?, ?, ?, ?)`)
      .run('postgres://desk/x', 'ann', '/shoot', 'x');
    old.prepare(`INSERT INTO edit_steps (id, label, who, at) VALUES (1, 'Edit', 'ann', 'x')`).run();
    old
      .prepare(
        `INSERT INTO field_history (step_id, photo_id, field, old_value, new_value, at, who)
         VALUES (1, 1, 'contributors', '[]', '["Ann Editor"]', 'x', 'ann')`,
      )
      .run();
    old.close();
    const db = openCatalog(file);
    const repo = new PhotosRepo(db);
    expect(repo.detail(1)?.record).toMatchObject({
      licensors: [
        '{"LicensorName":"Desk A","LicensorURL":"https://a.example/"}',
        '{"LicensorName":"Desk B","LicensorURL":"https://b.example/"}',
      ],
      contributors: ['{"Name":"Ann Editor"}'],
    });
    // Lists that do not pair up are not guessed at: empty until the file is read again.
    expect(repo.detail(2)?.record.licensors).toEqual([]);
    expect(repo.detail(2)?.unwritten).toEqual({});
    // The unwritten URL edit is now an unwritten edit of the Licensors, the file's as it was.
    expect(repo.detail(1)?.unwritten.licensors).toEqual([
      '{"LicensorName":"Desk A","LicensorURL":"https://old.example/"}',
      '{"LicensorName":"Desk B","LicensorURL":"https://b.example/"}',
    ]);
    const setting = db
      .prepare(`SELECT value FROM settings WHERE key = 'requiredRightsFields'`)
      .get() as { value: string };
    expect(JSON.parse(setting.value)).toEqual(['licensors', 'copyrightOwners']);
    // The history and the waiting edit say items now; the rewriting itself is sent nowhere.
    expect(db.prepare(`SELECT new_value AS v FROM field_history`).all()).toEqual([
      { v: '["{\\"Name\\":\\"Ann Editor\\"}"]' },
    ]);
    expect(db.prepare(`SELECT field, base, value FROM desk_outbox`).all()).toEqual([
      { field: 'contributors', base: '[]', value: '["{\\"Name\\":\\"Ann Editor\\"}"]' },
    ]);
    const found = (query: string) =>
      searchPhotos(db, parseSearchQuery(query), 0, 10).items.map((p) => p.path);
    expect(found('licensor:b.example')).toEqual(['/shoot/a.jpg']);
    expect(found('contributor:ann')).toEqual(['/shoot/a.jpg']);
    db.close();
  });

  it('0014 gives photos from before it no rating, label or tag, which are then edited as fields', () => {
    const file = catalogFile();
    const old = openCatalog(file, { targetVersion: 13 });
    // Written with the SQL of version 13, which had no culling columns.
    old
      .prepare(
        `INSERT INTO photos (path, file_name, format, byte_size, mtime_ms, fingerprint,
         imported_at, updated_at) VALUES ('/shoot/a.jpg', 'a.jpg', 'JPEG', 1, 1, 'f', 'x', 'x')`,
      )
      .run();
    old.prepare(`INSERT INTO captions (photo_id, caption) VALUES (1, 'Before culling.')`).run();
    old.close();
    const db = openCatalog(file);
    const id = (
      db.prepare(`SELECT id FROM photos WHERE path = '/shoot/a.jpg'`).get() as { id: number }
    ).id;
    expect(new PhotosRepo(db).detail(id)?.record).toMatchObject({
      rating: '',
      label: '',
      tagged: '',
    });
    new EditService(db).setFields([id], { rating: '4', label: 'Red' });
    const found = searchPhotos(db, parseSearchQuery('rating:>=4 label:red'), 0, 10);
    expect(found.items.map((p) => p.path)).toEqual(['/shoot/a.jpg']);
    db.close();
  });

  it('0009 credits runs from before it with the photos under their roots, and records later ones', () => {
    const file = catalogFile();
    const old = openCatalog(file, { targetVersion: 8 });
    const photo = old.prepare(
      `INSERT INTO photos (path, file_name, format, byte_size, mtime_ms, fingerprint, imported_at,
       updated_at) VALUES (?, 'x.jpg', 'JPEG', 1, 1, 'f', 'x', 'x') RETURNING id`,
    );
    const id = (path: string) => (photo.get(path) as { id: number }).id;
    const inShoot = id('/shoot/a.jpg');
    const deeper = id('/shoot/day 2/b.jpg');
    const sibling = id('/shoot-b/c.jpg');
    const alone = id('/elsewhere/d.jpg');
    const windows = id('C:\\Photos\\e.jpg');
    const run = old.prepare(
      `INSERT INTO import_runs (roots, started_at, state) VALUES (?, 'x', 'done') RETURNING id`,
    );
    const runOf = (roots: string[]) => (run.get(JSON.stringify(roots)) as { id: number }).id;
    const folder = runOf(['/shoot']);
    const files = runOf(['/elsewhere/d.jpg', '/shoot-b']);
    const windowsRun = runOf(['C:\\Photos']);
    const relative = runOf(['shoot']);
    old.close();

    const db = openCatalog(file);
    const found = (runId: number) =>
      (
        db
          .prepare('SELECT photo_id AS id FROM import_run_photos WHERE run_id = ? ORDER BY 1')
          .all(runId) as { id: number }[]
      ).map((row) => row.id);
    // A folder's photos at any depth, not those of a folder whose name merely starts the same.
    expect(found(folder)).toEqual([inShoot, deeper]);
    expect(found(files)).toEqual([sibling, alone]);
    expect(found(windowsRun)).toEqual([windows]);
    expect(found(relative)).toEqual([]);
    // A photo that goes takes its rows with it.
    db.prepare('DELETE FROM photos WHERE id = ?').run(deeper);
    expect(found(folder)).toEqual([inShoot]);
    db.close();
  });

  it('0010 keeps the unwritten edits and history of an older catalog, none of them made copies agree', () => {
    const file = catalogFile();
    const old = openCatalog(file, { targetVersion: 9 });
    old.exec(`
      INSERT INTO photos (id, path, file_name, format, byte_size, mtime_ms, fingerprint,
        imported_at, updated_at) VALUES (7, '/p/a.jpg', 'a.jpg', 'JPEG', 10, 1, 'f', 'x', 'x');
      INSERT INTO captions (photo_id, caption) VALUES (7, 'New caption');
      INSERT INTO unwritten_fields (photo_id, field, file_value) VALUES (7, 'caption', '"Old"');
      INSERT INTO edit_steps (id, label, who, at) VALUES (1, 'Caption', 'me', 'x');
      INSERT INTO field_history (step_id, photo_id, field, old_value, new_value, at, who)
        VALUES (1, 7, 'caption', '"Old"', '"New caption"', 'x', 'me');
    `);
    old.close();

    const db = openCatalog(file);
    const editor = new EditService(db);
    expect(editor.history(7)).toMatchObject([{ field: 'caption', agree: false, label: 'Caption' }]);
    expect(new PhotosRepo(db).detail(7)).toMatchObject({
      unwritten: { caption: 'Old' },
      agreeing: [],
    });
    // Undone as it was made: the old value is back and the field no longer unwritten.
    expect(editor.undo()).toMatchObject({ photos: 1, label: 'Caption' });
    expect(new PhotosRepo(db).detail(7)).toMatchObject({
      record: { caption: 'Old' },
      unwritten: {},
      agreeing: [],
    });
    db.close();
  });

  it('refuse a catalog written by a newer Cutline, leaving it untouched', () => {
    const file = catalogFile();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openCatalog(file)).toThrow(/newer version of Cutline/);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    again.close();
  });

  it('roll back every step of a failed upgrade', () => {
    const db = new Database(':memory:');
    const broken = [...MIGRATIONS];
    expect(() =>
      db.transaction(() => {
        for (const step of broken) step.up(db);
        throw new Error('power cut');
      })(),
    ).toThrow('power cut');
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get()).toEqual({ n: 0 });
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('look photos up by path and fingerprint through indexes', () => {
    const db = openCatalog(':memory:');
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    expect(plan(`SELECT id FROM photos WHERE path = 'x'`)).toMatch(
      /USING (COVERING )?INDEX sqlite_autoindex_photos/,
    );
    expect(plan(`SELECT id FROM photos WHERE fingerprint = 'x'`)).toMatch(
      /USING (COVERING )?INDEX photos_fingerprint/,
    );
    db.close();
  });

  it('keep the search index in step when captions change or photos go', () => {
    const db = openCatalog(':memory:');
    const repo = new PhotosRepo(db);
    const id = repo.save(photoWrite('/p/b.jpg', { caption: 'Seoul at night' }), null);
    const find = (q: string) => searchPhotos(db, parseSearchQuery(q), 0, 10).total;
    expect(find('seoul')).toBe(1);
    repo.save(photoWrite('/p/b.jpg', { caption: 'Busan harbour' }), id);
    expect(find('seoul')).toBe(0);
    expect(find('busan')).toBe(1);
    // A renamed file is found by its new name only.
    expect(find('file:b')).toBe(1);
    repo.move(id, '/p/harbour-night.jpg', 'harbour-night.jpg', 2);
    expect(find('file:b')).toBe(0);
    expect(find('file:harbour busan')).toBe(1);
    db.prepare('DELETE FROM photos WHERE id = ?').run(id);
    expect(find('busan')).toBe(0);
    db.close();
  });
});
