import type { PhotoSummary } from '../../shared/model';
import type {
  ParsedQuery,
  ProblemFilter,
  SearchField,
  SearchTerm,
} from '../../shared/search-query';
import type { CatalogDb } from './catalog-db';
import { CAPTION_COLUMNS } from './photos-repo';

/** Fields held in the full-text index, and their FTS column names. */
const FTS_COLUMNS: Partial<Record<SearchField, string>> = {
  caption: 'caption',
  headline: 'headline',
  title: 'title',
  keywords: 'keywords',
  creators: 'creators',
  creditLine: 'credit_line',
  source: 'source',
  city: 'city',
  personsShown: 'persons_shown',
};

const LIST_COLUMNS = new Set(['creators', 'keywords', 'persons_shown']);

/** Each problem filter as a condition on photos p / captions c (fixed SQL, no user text). */
const FILTER_SQL: Record<ProblemFilter, string> = {
  'no-credit': `c.credit_line = ''`,
  'no-caption': `c.caption = ''`,
  disagree: 'c.copies_disagree = 1',
  'over-limit': 'c.over_iim_limit = 1',
  problem: `p.warnings <> '[]'`,
  changed: `p.file_state = 'changed'`,
  missing: `p.file_state = 'missing'`,
};

/** Where a search field lives when it is not in the full-text index. */
function plainColumn(field: SearchField): string {
  if (field === 'fileName') return 'p.file_name';
  if (field === 'format') return 'p.format';
  return `c.${CAPTION_COLUMNS[field]}`;
}

/** An FTS5 string literal: double quotes doubled, so user text can never become syntax. */
function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function ftsTerm(term: SearchTerm): string {
  const literal = term.phrase ? ftsString(term.text) : `${ftsString(term.text)}*`;
  const column = term.field ? FTS_COLUMNS[term.field] : undefined;
  return column ? `{${column}} : ${literal}` : literal;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE clause and its bound values for a parsed query. */
function whereClause(query: ParsedQuery): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const ftsTerms = query.terms.filter((t) => t.field === null || FTS_COLUMNS[t.field]);
  if (ftsTerms.length > 0) {
    conditions.push('p.id IN (SELECT rowid FROM captions_fts WHERE captions_fts MATCH ?)');
    params.push(ftsTerms.map(ftsTerm).join(' AND '));
  }
  for (const term of query.terms) {
    if (term.field === null || FTS_COLUMNS[term.field]) continue;
    conditions.push(`${plainColumn(term.field)} LIKE ? ESCAPE '\\'`);
    params.push(likePattern(term.text));
  }
  for (const field of query.emptyFields) {
    const column = plainColumn(field);
    conditions.push(LIST_COLUMNS.has(column.slice(2)) ? `${column} = '[]'` : `${column} = ''`);
  }
  for (const filter of query.filters) conditions.push(FILTER_SQL[filter]);
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** One page of photos matching the query, in folder and file-name order, and the total. */
export function searchPhotos(
  db: CatalogDb,
  query: ParsedQuery,
  offset: number,
  limit: number,
): { total: number; items: PhotoSummary[] } {
  const where = whereClause(query);
  const from = 'FROM photos p JOIN captions c ON c.photo_id = p.id';
  const total = (
    db.prepare(`SELECT count(*) AS n ${from} ${where.sql}`).get(...where.params) as { n: number }
  ).n;
  const rows = db
    .prepare(
      `SELECT p.id, p.path, p.file_name AS fileName, p.format, p.width, p.height,
              substr(c.caption, 1, 400) AS caption, c.headline, c.creators,
              c.credit_line AS creditLine,
              EXISTS (SELECT 1 FROM thumbnails t WHERE t.photo_id = p.id) AS hasThumbnail,
              (p.warnings <> '[]') AS hasProblem, p.file_state AS fileState
       ${from} ${where.sql} ORDER BY p.path LIMIT ? OFFSET ?`,
    )
    .all(...where.params, limit, offset) as (Omit<
    PhotoSummary,
    'creators' | 'hasThumbnail' | 'hasProblem'
  > & {
    creators: string;
    hasThumbnail: number;
    hasProblem: number;
  })[];
  return {
    total,
    items: rows.map((row) => ({
      ...row,
      creators: JSON.parse(row.creators) as string[],
      hasThumbnail: row.hasThumbnail === 1,
      hasProblem: row.hasProblem === 1,
    })),
  };
}

/** Every photo id matching the query, in display order (for `cutline list` without paging). */
export function searchPhotoIds(db: CatalogDb, query: ParsedQuery): number[] {
  const where = whereClause(query);
  return (
    db
      .prepare(
        `SELECT p.id FROM photos p JOIN captions c ON c.photo_id = p.id ${where.sql} ORDER BY p.path`,
      )
      .all(...where.params) as { id: number }[]
  ).map((r) => r.id);
}
