import type { CatalogDb } from '../catalog-db';

/**
 * Search at 100,000 photos in milliseconds (measured by bench/search-bench.ts): the first
 * index made every filter and every field outside it a full scan of the captions.
 *
 * - The full-text index now holds every text and list field, so any `field:word` query is an
 *   index lookup; bare words are still limited to the fields people mean (search-repo.ts).
 * - A hidden `flags` column holds one token per empty field ("emptycreditline") and per
 *   problem ("disagree", "overlimit"), so `credit:empty` and `is:no-credit` are lookups too.
 * - Prefix indexes of 1–3 characters make the first letters typed in the search box cheap.
 * - File name and format are indexed too (read from the photo row; a trigger re-indexes a
 *   photo whose file is renamed), so `file:` and `format:` need no scan either.
 * - Partial indexes cover the photo-level filters (warnings, changed or missing files).
 */
export default function migrate0004SearchSpeed(db: CatalogDb): void {
  const columns = [
    'caption',
    'headline',
    'title',
    'keywords',
    'creators',
    'creator_job_title',
    'credit_line',
    'source',
    'copyright_notice',
    'caption_writer',
    'city',
    'sublocation',
    'province_state',
    'country',
    'country_code',
    'instructions',
    'job_id',
    'event',
    'persons_shown',
    'alt_text',
    'extended_description',
    'usage_terms',
  ];
  const lists = new Set(['keywords', 'creators', 'persons_shown']);
  const value = (row: string, column: string) =>
    lists.has(column)
      ? `(SELECT group_concat(value, ' ') FROM json_each(${row}.${column}))`
      : `${row}.${column}`;
  const flags = (row: string) =>
    `trim(${[
      ...columns.map(
        (column) =>
          `CASE WHEN ${row}.${column} IN ('', '[]') THEN ' empty${column.replaceAll('_', '')}' ELSE '' END`,
      ),
      `CASE WHEN ${row}.copies_disagree = 1 THEN ' disagree' ELSE '' END`,
      `CASE WHEN ${row}.over_iim_limit = 1 THEN ' overlimit' ELSE '' END`,
    ].join(' || ')})`;
  const names = [...columns, 'file_name', 'format', 'flags'].join(', ');
  const fileFact = (row: string, fact: string) =>
    `(SELECT ${fact} FROM photos WHERE id = ${row}.photo_id)`;
  const values = (row: string) =>
    [
      `${row}.photo_id`,
      ...columns.map((c) => value(row, c)),
      fileFact(row, 'file_name'),
      fileFact(row, 'format'),
      flags(row),
    ].join(', ');

  db.exec(`
    DROP TRIGGER captions_fts_insert;
    DROP TRIGGER captions_fts_delete;
    DROP TRIGGER captions_fts_update;
    DROP TABLE captions_fts;

    CREATE VIRTUAL TABLE captions_fts USING fts5(
      ${names},
      content = '',
      contentless_delete = 1,
      prefix = '1 2 3',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER captions_fts_insert AFTER INSERT ON captions BEGIN
      INSERT INTO captions_fts (rowid, ${names}) VALUES (${values('new')});
    END;
    CREATE TRIGGER captions_fts_delete AFTER DELETE ON captions BEGIN
      DELETE FROM captions_fts WHERE rowid = old.photo_id;
    END;
    CREATE TRIGGER captions_fts_update AFTER UPDATE ON captions BEGIN
      DELETE FROM captions_fts WHERE rowid = old.photo_id;
      INSERT INTO captions_fts (rowid, ${names}) VALUES (${values('new')});
    END;
    CREATE TRIGGER photos_fts_rename AFTER UPDATE OF file_name, format ON photos
    WHEN old.file_name IS NOT new.file_name OR old.format IS NOT new.format BEGIN
      UPDATE captions SET photo_id = photo_id WHERE photo_id = new.id;
    END;
    INSERT INTO captions_fts (rowid, ${names}) SELECT ${values('c')} FROM captions AS c;

    CREATE INDEX photos_with_warnings ON photos (path) WHERE warnings <> '[]';
    CREATE INDEX photos_file_state ON photos (file_state, path) WHERE file_state <> 'ok';
  `);
}
