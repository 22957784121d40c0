import type { CatalogDb } from '../catalog-db';

/**
 * The full-text index over the fields people search. It is an external-content FTS5 table
 * kept in step by triggers, so no code path can forget to update it. Lists are indexed as
 * their values joined by spaces.
 */
export default function migrate0003SearchIndex(db: CatalogDb): void {
  const columns = `caption, headline, title, keywords, creators, credit_line, source, city, persons_shown`;
  const values = (row: 'new' | 'old') => `
    ${row}.photo_id, ${row}.caption, ${row}.headline, ${row}.title,
    (SELECT group_concat(value, ' ') FROM json_each(${row}.keywords)),
    (SELECT group_concat(value, ' ') FROM json_each(${row}.creators)),
    ${row}.credit_line, ${row}.source, ${row}.city,
    (SELECT group_concat(value, ' ') FROM json_each(${row}.persons_shown))`;
  db.exec(`
    CREATE VIRTUAL TABLE captions_fts USING fts5(
      ${columns},
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER captions_fts_insert AFTER INSERT ON captions BEGIN
      INSERT INTO captions_fts (rowid, ${columns}) VALUES (${values('new')});
    END;
    CREATE TRIGGER captions_fts_delete AFTER DELETE ON captions BEGIN
      DELETE FROM captions_fts WHERE rowid = old.photo_id;
    END;
    CREATE TRIGGER captions_fts_update AFTER UPDATE ON captions BEGIN
      DELETE FROM captions_fts WHERE rowid = old.photo_id;
      INSERT INTO captions_fts (rowid, ${columns}) VALUES (${values('new')});
    END;
    INSERT INTO captions_fts (rowid, ${columns})
      SELECT ${values('new').replaceAll('new.', 'new_.')} FROM captions AS new_;
  `);
}
