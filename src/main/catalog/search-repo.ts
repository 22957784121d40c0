import { labelNamesOf } from '../../shared/culling';
import { isVocabularyField, vocabularyMatches } from '../../shared/iptc-vocab';
import {
  type CaptionField,
  isRightsField,
  isStructureField,
  type PhotoSummary,
  type RightsField,
  type StructureField,
} from '../../shared/model';
import { AI_SOURCE_NAMES } from '../../shared/provenance';
import type {
  ParsedQuery,
  ProblemFilter,
  SearchField,
  SearchTerm,
  SortOrder,
} from '../../shared/search-query';
import type { CatalogDb } from './catalog-db';
import { CAPTION_COLUMNS } from './photos-repo';

/**
 * The fields a bare word searches: what people mean by "mentions it". Every other text field
 * is in the index too, reached with `field:word`.
 */
const DEFAULT_COLUMNS = [
  'caption',
  'headline',
  'title',
  'keywords',
  'creators',
  'credit_line',
  'source',
  'city',
  'persons_shown',
];

/** Index columns of the searchable fields that are not caption fields. */
const FILE_COLUMNS: Partial<Record<SearchField, string>> = {
  fileName: 'file_name',
  format: 'format',
};

/** Problem filters answered by the index's hidden `flags` column (see migration 0004). */
const FLAG_FILTERS: Partial<Record<ProblemFilter, string>> = {
  'no-credit': 'emptycreditline',
  'no-caption': 'emptycaption',
  disagree: 'disagree',
  'over-limit': 'overlimit',
};

/**
 * Problem filters on the photo row, each written so that SQLite can see it implies the WHERE
 * of its partial index (migration 0004): `file_state <> 'ok'` is repeated on purpose.
 */
const PHOTO_FILTERS: Partial<Record<ProblemFilter, string>> = {
  problem: `p.warnings <> '[]'`,
  truncated: 'p.damage IS NOT NULL',
  changed: `p.file_state <> 'ok' AND p.file_state = 'changed'`,
  missing: `p.file_state <> 'ok' AND p.file_state = 'missing'`,
  unwritten: 'EXISTS (SELECT 1 FROM unwritten_fields u WHERE u.photo_id = p.id)',
  // C2PA summaries (migration 0016); provenance_broken_at: Cutline wrote into a signed file.
  signed: `p.provenance IS NOT NULL AND json_extract(p.provenance, '$.state') = 'valid'
    AND p.provenance_broken_at IS NULL`,
  tampered: `(p.provenance_broken_at IS NOT NULL
    OR (p.provenance IS NOT NULL AND json_extract(p.provenance, '$.state') = 'tampered'))`,
  'ai-generated': `p.provenance IS NOT NULL AND EXISTS (SELECT 1 FROM
    json_each(p.provenance, '$.digitalSourceTypes') t WHERE ${AI_SOURCE_NAMES.map(
      (name) => `t.value LIKE '%/${name}'`,
    ).join(' OR ')})`,
  'credentials-fail': `(p.provenance_broken_at IS NOT NULL OR (p.provenance IS NOT NULL
    AND json_extract(p.provenance, '$.state') IN ('bad-signature', 'tampered', 'invalid')))`,
};

/** Culling filters on the captions row c (migration 0013). */
const CAPTION_FILTERS: Partial<Record<ProblemFilter, string>> = {
  tagged: `c.tagged = 'True'`,
  untagged: `c.tagged <> 'True'`,
};

/** rating:, label: and is:tagged as conditions on the captions row (no rating counts as 0). */
function addCullingConditions(query: ParsedQuery, plan: QueryPlan): void {
  for (const { op, value } of query.ratings) {
    plan.conditions.push(`coalesce(CAST(nullif(c.rating, '') AS INTEGER), 0) ${op} ?`);
    plan.params.push(value);
  }
  for (const label of query.labels) {
    if ('none' in label) plan.conditions.push(`c.label = ''`);
    else {
      const names = 'colour' in label ? labelNamesOf(label.colour) : [label.name.toLowerCase()];
      plan.conditions.push(`lower(c.label) IN (${names.map(() => '?').join(', ')})`);
      plan.params.push(...names);
    }
  }
  for (const filter of query.filters) {
    const condition = CAPTION_FILTERS[filter];
    if (condition) plan.conditions.push(condition);
  }
  if (
    query.ratings.length > 0 ||
    query.labels.length > 0 ||
    query.filters.some((filter) => CAPTION_FILTERS[filter])
  ) {
    plan.needsCaptions = true;
  }
}

/**
 * A word searched in a Rights & Details field (not in the full-text index): a vocabulary field
 * matches the codes whose label or code holds it (`release:none` also matches no status), the
 * others the text (a list field's JSON) holding it.
 */
function rightsCondition(field: RightsField, text: string, plan: QueryPlan): void {
  const column = `c.${CAPTION_COLUMNS[field]}`;
  plan.needsCaptions = true;
  if (isVocabularyField(field)) {
    const codes = vocabularyMatches(field, text);
    if (field.endsWith('ReleaseStatus') && text.toLowerCase() === 'none') codes.push('');
    plan.conditions.push(
      `(${column} LIKE ? ESCAPE '\\'${codes.map(() => ` OR ${column} = ?`).join('')})`,
    );
    plan.params.push(likePattern(text), ...codes);
    return;
  }
  plan.conditions.push(`${column} LIKE ? ESCAPE '\\'`);
  plan.params.push(likePattern(text));
}

/** A word searched in a repeated structure: any member's value of any item holds it. */
function structureCondition(field: StructureField, text: string, plan: QueryPlan): void {
  plan.needsCaptions = true;
  plan.conditions.push(`EXISTS (SELECT 1 FROM json_each(c.${CAPTION_COLUMNS[field]}) i,
    json_each(i.value) m WHERE m.value LIKE ? ESCAPE '\\')`);
  plan.params.push(likePattern(text));
}

/** An FTS5 string literal: double quotes doubled, so user text can never become syntax. */
function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * Words shorter than this match whole words only: "p*" would walk every term that starts
 * with p (there is no prefix index since migration 0007), and one or two letters typed are
 * rarely meant as the start of a longer word ("AP", "UN").
 */
const MIN_PREFIX = 3;

function ftsTerm(term: SearchTerm): string {
  const prefix = !term.phrase && [...term.text].length >= MIN_PREFIX;
  const literal = prefix ? `${ftsString(term.text)}*` : ftsString(term.text);
  const columns = term.field
    ? [FILE_COLUMNS[term.field] ?? CAPTION_COLUMNS[term.field as CaptionField]]
    : DEFAULT_COLUMNS;
  return `{${columns.join(' ')}} : ${literal}`;
}

function emptyFlag(field: CaptionField): string {
  return `{flags} : ${ftsString(`empty${CAPTION_COLUMNS[field].replaceAll('_', '')}`)}`;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** What a query asks of the full-text index and of the photo and caption rows. */
interface QueryPlan {
  /** One FTS5 MATCH expression, or null when the query asks nothing of the index. */
  match: string | null;
  /** Conditions on photos p (and, when `needsCaptions`, captions c), with their values. */
  conditions: string[];
  params: unknown[];
  needsCaptions: boolean;
}

/**
 * The photos of an import run (or of the latest, for a null run): those it found, whether
 * new, changed, moved or unchanged — "the whole import" of a shoot.
 */
const IMPORT_RUN_CONDITION = `p.id IN (
  SELECT photo_id FROM import_run_photos
  WHERE run_id = coalesce(?, (SELECT max(id) FROM import_runs)))`;

function planQuery(query: ParsedQuery): QueryPlan {
  const match: string[] = [];
  const plan: QueryPlan = { match: null, conditions: [], params: [], needsCaptions: false };
  for (const term of query.terms) {
    if (term.field && isStructureField(term.field as CaptionField)) {
      structureCondition(term.field as StructureField, term.text, plan);
    } else if (term.field && isRightsField(term.field as CaptionField)) {
      rightsCondition(term.field as RightsField, term.text, plan);
    } else if (term.field === 'dateCreated') {
      // Dates are matched as text ("2024-06"), not as words.
      plan.conditions.push(`c.date_created LIKE ? ESCAPE '\\'`);
      plan.params.push(likePattern(term.text));
      plan.needsCaptions = true;
    } else {
      match.push(ftsTerm(term));
    }
  }
  for (const field of query.emptyFields) {
    if (FILE_COLUMNS[field]) {
      plan.conditions.push('0'); // every file has a name and a format
    } else if (isRightsField(field as CaptionField) || isStructureField(field as CaptionField)) {
      plan.conditions.push(`c.${CAPTION_COLUMNS[field as CaptionField]} IN ('', '[]')`);
      plan.needsCaptions = true;
    } else if (field === 'dateCreated') {
      plan.conditions.push(`c.date_created = ''`);
      plan.needsCaptions = true;
    } else {
      match.push(emptyFlag(field as CaptionField));
    }
  }
  addCullingConditions(query, plan);
  for (const filter of query.filters) {
    const flag = FLAG_FILTERS[filter];
    if (flag) match.push(`{flags} : ${ftsString(flag)}`);
    else if (!CAPTION_FILTERS[filter]) plan.conditions.push(PHOTO_FILTERS[filter] as string);
  }
  for (const run of query.importRuns) {
    plan.conditions.push(IMPORT_RUN_CONDITION);
    plan.params.push(run === 'last' ? null : run);
  }
  plan.match = match.length > 0 ? match.join(' AND ') : null;
  return plan;
}

const FTS_IDS = 'SELECT rowid FROM captions_fts WHERE captions_fts MATCH ?';

/** Up to this many matches, sorting them beats walking the whole library in path order. */
const SORT_AT_MOST = 1000;

/**
 * The WHERE clause over photos p (joined to captions c) for a plan. `pathOrder` adds a unary
 * + to the index condition, which keeps SQLite walking photos in path order (and stopping
 * once a page is full) rather than fetching every match and sorting them all.
 */
function whereClause(plan: QueryPlan, pathOrder: boolean): { sql: string; params: unknown[] } {
  const where = [...plan.conditions];
  const params = [...plan.params];
  if (plan.match !== null) {
    where.push(`${pathOrder ? '+' : ''}p.id IN (${FTS_IDS})`);
    params.push(plan.match);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * ORDER BY of a sort (photos p, captions c), the path last so equal keys keep folder order.
 * Capture time is the reconciled date created (EXIF DateTimeOriginal where the file has it).
 */
const ORDER_BY: Record<SortOrder, { sql: string; captions: boolean }> = {
  path: { sql: 'p.path', captions: false },
  name: { sql: 'p.file_name COLLATE NOCASE, p.path', captions: false },
  date: { sql: `c.date_created = '', c.date_created, p.path`, captions: true },
  rating: {
    sql: `coalesce(CAST(nullif(c.rating, '') AS INTEGER), 0) DESC, p.path`,
    captions: true,
  },
};

/** How many photos match, counted from the cheapest source that can answer. */
function countMatches(db: CatalogDb, plan: QueryPlan): number {
  const count = (sql: string, params: unknown[]) =>
    (db.prepare(sql).get(...params) as { n: number }).n;
  if (plan.conditions.length === 0) {
    // The index holds exactly one row per photo (the triggers keep it so).
    return plan.match === null
      ? count('SELECT count(*) AS n FROM photos', [])
      : count('SELECT count(*) AS n FROM captions_fts WHERE captions_fts MATCH ?', [plan.match]);
  }
  const where = whereClause(plan, false);
  const join = plan.needsCaptions ? 'JOIN captions c ON c.photo_id = p.id' : '';
  return count(`SELECT count(*) AS n FROM photos p ${join} ${where.sql}`, where.params);
}

type SummaryRow = Omit<
  PhotoSummary,
  'creators' | 'hasThumbnail' | 'hasProblem' | 'unwritten' | 'tagged'
> & {
  creators: string;
  tagged: string;
  hasThumbnail: number;
  hasProblem: number;
  unwritten: number;
};

/** One page of photos matching the query, in folder and file-name order, and the total. */
export function searchPhotos(
  db: CatalogDb,
  query: ParsedQuery,
  offset: number,
  limit: number,
): { total: number; items: PhotoSummary[] } {
  const plan = planQuery(query);
  const total = countMatches(db, plan);
  // Few matches: fetch them from the index and sort them. Many: walk photos in path order
  // and stop once the page is full (sorting tens of thousands of rows costs more).
  const order = ORDER_BY[query.sort];
  const where = whereClause(plan, query.sort === 'path' && total > SORT_AT_MOST);
  // Two steps: find the page's ids from photos alone (the path index covers a walk), then
  // read just those rows' captions, the wide part of a photo.
  const join = plan.needsCaptions || order.captions ? 'JOIN captions c ON c.photo_id = p.id' : '';
  const rows = db
    .prepare(
      `SELECT p.id, p.path, p.file_name AS fileName, p.format, p.width, p.height,
              c.creators,
              c.credit_line AS creditLine, c.rating, c.label, c.tagged,
              EXISTS (SELECT 1 FROM thumbnails t WHERE t.photo_id = p.id) AS hasThumbnail,
              (p.warnings <> '[]') AS hasProblem, p.damage, p.file_state AS fileState,
              EXISTS (SELECT 1 FROM unwritten_fields u WHERE u.photo_id = p.id) AS unwritten
       FROM (SELECT p.id FROM photos p ${join} ${where.sql}
             ORDER BY ${order.sql} LIMIT ? OFFSET ?) AS page
       CROSS JOIN photos p ON p.id = page.id
       JOIN captions c ON c.photo_id = p.id
       ORDER BY ${order.sql}`,
    )
    .all(...where.params, limit, offset) as SummaryRow[];
  return {
    total,
    items: rows.map((row) => ({
      ...row,
      creators: JSON.parse(row.creators) as string[],
      hasThumbnail: row.hasThumbnail === 1,
      hasProblem: row.hasProblem === 1,
      unwritten: row.unwritten === 1,
      tagged: row.tagged === 'True',
    })),
  };
}

/** Every photo id matching the query, in display order (for `cutline list`). */
export function searchPhotoIds(db: CatalogDb, query: ParsedQuery): number[] {
  const plan = planQuery(query);
  const order = ORDER_BY[query.sort];
  const where = whereClause(plan, query.sort === 'path');
  const join = plan.needsCaptions || order.captions ? 'JOIN captions c ON c.photo_id = p.id' : '';
  return (
    db
      .prepare(`SELECT p.id FROM photos p ${join} ${where.sql} ORDER BY ${order.sql}`)
      .all(...where.params) as { id: number }[]
  ).map((r) => r.id);
}
