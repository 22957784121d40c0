import type { CatalogDb } from '../catalog-db';

/**
 * The search index again, without its 1–3 character prefix indexes: measured on wire
 * captions (bench/edit-bench.ts), re-indexing 10,000 edited photos took 2.7 s with them and
 * 0.25 s without, and a batch edit must finish well under a second. Prefix queries of three
 * letters or more stay fast without them (FTS5 walks the few terms that start so); shorter
 * ones match whole words (search-repo.ts).
 *
 * Automatic merging of the index's segments is off: FTS5 merged after every write
 * transaction, which doubled the time of a batch edit (measured: 1.2 s → 0.5 s for 10,000
 * photos). The app merges in idle time instead (services/search-index-upkeep.ts), and FTS5's
 * own crisis merge still bounds the number of segments.
 *
 * The update trigger now fires only when an indexed value changes, not on every write of a
 * caption row. The columns and values are those of migration 0004 (a migration is a snapshot:
 * it does not import another's SQL).
 */
export default function migrate0007SearchIndexWithoutPrefixes(db: CatalogDb): void {
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
  const indexed = ['photo_id', ...columns, 'copies_disagree', 'over_iim_limit'].join(', ');

  db.exec(`
    DROP TRIGGER captions_fts_insert;
    DROP TRIGGER captions_fts_delete;
    DROP TRIGGER captions_fts_update;
    DROP TABLE captions_fts;

    CREATE VIRTUAL TABLE captions_fts USING fts5(
      ${names},
      content = '',
      contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER captions_fts_insert AFTER INSERT ON captions BEGIN
      INSERT INTO captions_fts (rowid, ${names}) VALUES (${values('new')});
    END;
    CREATE TRIGGER captions_fts_delete AFTER DELETE ON captions BEGIN
      DELETE FROM captions_fts WHERE rowid = old.photo_id;
    END;
    CREATE TRIGGER captions_fts_update AFTER UPDATE OF ${indexed} ON captions BEGIN
      DELETE FROM captions_fts WHERE rowid = old.photo_id;
      INSERT INTO captions_fts (rowid, ${names}) VALUES (${values('new')});
    END;
    INSERT INTO captions_fts (rowid, ${names}) SELECT ${values('c')} FROM captions AS c;
    INSERT INTO captions_fts (captions_fts, rank) VALUES ('automerge', 0);
  `);
}
