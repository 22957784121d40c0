/**
 * Search benchmark (`npm run bench:search`): a catalog of 100,000 synthetic wire photos
 * (made once through PhotosRepo#save and cached in bench/.corpus/), then ~200 queries of a
 * realistic mix through searchLibrary, the same call the library grid makes. Prints p50/p95/max
 * overall and per kind beside the goal (p95 < 20 ms), the slowest queries, and the SQLite plan
 * of their statements. BENCH_RECORDS=N builds a catalog of another size.
 */
import { cpus } from 'node:os';
import { openCatalog } from '../src/main/catalog/open-catalog';
import { searchLibrary } from '../src/main/services/library';
import { ensureSyntheticCatalog } from './synthetic-catalog';
import { PHOTOGRAPHERS, prng, RARE_EVERY, RARE_WORDS, VOCABULARY } from './wire-text';

const GOAL_P95_MS = 20;
const PAGE = 200;
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);

type CatalogDb = ReturnType<typeof openCatalog>;

// ---------------------------------------------------------------- the queries

interface Query {
  kind: string;
  text: string;
}

/** About 200 queries, in the proportions people type them. */
function queryMix(): Query[] {
  const random = prng(99);
  const queries: Query[] = [];
  const add = (kind: string, texts: readonly string[]) => {
    for (const text of texts) queries.push({ kind, text });
  };
  const surnames = [...new Set(PHOTOGRAPHERS.map((p) => p.name.split(' ')[1] ?? ''))];
  const midWords = Array.from({ length: 10 }, (_, i) => VOCABULARY[300 + i * 250] ?? '');
  const rare = Array.from({ length: 10 }, () => {
    const index = Math.floor(random() * (RECORDS / RARE_EVERY));
    return RARE_WORDS[index % RARE_WORDS.length] ?? '';
  });
  add('word', [
    'pyongyang',
    'moscow',
    'parade',
    'soldiers',
    'missile',
    'flood',
    'protest',
    'kremlin',
    'Zelenskyy',
    'reykjavik',
    'Düsseldorf',
    'bogota',
    'sputnik',
    'reuters',
    'grigorov',
    'gymnastics',
    'blossoms',
    'election',
    'summit',
    'rubble',
    ...surnames.slice(0, 10),
    ...midWords,
  ]);
  add('rare word', rare);
  for (const word of [
    'pyongyang',
    'moscow',
    'grigorov',
    'missile',
    'zelenskyy',
    'parade',
    'seoul',
    'sobyanin',
  ]) {
    add('prefix 1-2 chars', [word.slice(0, 1), word.slice(0, 2)]);
    add('prefix 3+ chars', [word.slice(0, 3), word.slice(0, 5), word]);
  }
  add('words', [
    'pyongyang parade',
    'moscow kremlin flowers',
    'seoul protest prices',
    'kim missile',
    'putin lavrov',
    'ukraine drone rubble',
    'tokyo cherry',
    'new york',
    'students rally',
    'winter festival',
    'military drills border',
    'flood relief supplies',
  ]);
  add('phrase', [
    '"kim jong un"',
    '"military parade"',
    '"news conference"',
    '"eternal flame"',
    '"vladimir putin"',
    '"north korea"',
    '"lunar new year"',
    '"cherry blossoms"',
    '"mass gymnastics"',
    '"rush hour"',
  ]);
  add('field word/phrase', [
    'creator:grigorov',
    'creator:ahn',
    'creator:"Dmitri Grigorov"',
    'city:"Pyongyang"',
    'city:moscow',
    'city:"New York"',
    'credit:reuters',
    'credit:ap',
    'credit:"KCNA via KNS"',
    'keyword:protest',
    'keyword:"ukraine war"',
    'person:"kim jong un"',
    'source:tass',
    'headline:summit',
    'caption:fireworks',
    'byline:kim',
  ]);
  add('field (not indexed)', [
    'country:korea',
    'country:"south korea"',
    'event:"victory day"',
    'file:AP2024',
    'copyright:reuters',
    'jobid:TAS2021',
  ]);
  add('field:empty', [
    'credit:empty',
    'caption:empty',
    'city:empty',
    'creator:empty',
    'keywords:empty',
    'headline:empty',
  ]);
  add('is:filter', [
    'is:no-credit',
    'is:no-caption',
    'is:disagree',
    'is:over-limit',
    'is:problem',
    'is:changed',
    'is:missing',
  ]);
  add('combined', [
    'pyongyang is:no-credit',
    'creator:grigorov is:disagree',
    'moscow credit:empty',
    'parade city:pyongyang',
    'is:no-credit is:problem',
    'seoul "news conference" credit:yonhap',
  ]);
  add('empty query', ['', ' ']);
  // Repeat the mix (people search the same things again) up to about 200 queries.
  const base = queries.length;
  while (queries.length < 200) {
    const q = queries[Math.floor(random() * base)];
    if (q) queries.push(q);
  }
  return queries;
}

// ---------------------------------------------------------------- timing and report

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

const ms = (value: number) => value.toFixed(1);

/** Runs one query the way the grid does and returns its time in ms and its total. */
function timeQuery(db: CatalogDb, text: string): { ms: number; total: number } {
  const t0 = performance.now();
  const page = searchLibrary(db, { query: text, offset: 0, limit: PAGE });
  return { ms: performance.now() - t0, total: page.total };
}

/**
 * The SQL statements a query runs, with their parameters: db.prepare is wrapped for the
 * duration of one call, so this shows exactly what search-repo sends to SQLite.
 */
function capturedStatements(db: CatalogDb, text: string): { sql: string; params: unknown[] }[] {
  const captured: { sql: string; params: unknown[] }[] = [];
  const prepare = db.prepare.bind(db);
  const spy = ((sql: string) => {
    const statement = prepare(sql);
    const entry: { sql: string; params: unknown[] } = { sql, params: [] };
    captured.push(entry);
    const wrap = <K extends 'get' | 'all'>(method: K) => {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        entry.params = args;
        return original(...args);
      };
    };
    wrap('get');
    wrap('all');
    return statement;
  }) as typeof db.prepare;
  db.prepare = spy;
  try {
    searchLibrary(db, { query: text, offset: 0, limit: PAGE });
  } finally {
    db.prepare = prepare;
  }
  return captured;
}

function explain(db: CatalogDb, text: string): string {
  const lines: string[] = [];
  for (const { sql, params } of capturedStatements(db, text)) {
    const statement = db.prepare(sql);
    const t0 = performance.now();
    if (statement.reader) statement.all(...params);
    const took = performance.now() - t0;
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
      id: number;
      parent: number;
      detail: string;
    }[];
    const depth = new Map<number, number>([[0, 0]]);
    lines.push(`    ${ms(took)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 110)}…`);
    for (const step of plan) {
      const d = (depth.get(step.parent) ?? 0) + 1;
      depth.set(step.id, d);
      lines.push(`      ${'  '.repeat(d - 1)}${step.detail}`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const file = await ensureSyntheticCatalog(RECORDS);
  const db = openCatalog(file);
  const queries = queryMix();
  // One pass to warm the page cache and SQLite's statement parsing, as a running app would be.
  for (const q of queries) timeQuery(db, q.text);
  const results = queries.map((q) => ({ ...q, ...timeQuery(db, q.text) }));
  const kinds = [...new Set(results.map((r) => r.kind))];
  const rows = kinds.map((kind) => {
    const of = results.filter((r) => r.kind === kind);
    const s = stats(of.map((r) => r.ms));
    const hits = of.map((r) => r.total);
    return [
      kind,
      String(s.n),
      ms(s.p50),
      ms(s.p95),
      ms(s.max),
      `${Math.min(...hits).toLocaleString('en')}–${Math.max(...hits).toLocaleString('en')}`,
      s.p95 < GOAL_P95_MS ? 'met' : 'not met',
    ];
  });
  const all = stats(results.map((r) => r.ms));
  rows.push([
    'ALL',
    String(all.n),
    ms(all.p50),
    ms(all.p95),
    ms(all.max),
    '',
    all.p95 < GOAL_P95_MS ? 'met' : 'not met',
  ]);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\nSearch: ${RECORDS.toLocaleString('en')} photos, ${results.length} queries through searchLibrary (limit ${PAGE}), warm cache`,
  );
  console.log(`Machine: ${cpus().length} × ${cpu}, Node ${process.version}\n`);
  console.log(
    table(
      ['query kind', 'n', 'p50 ms', 'p95 ms', 'max ms', 'hits', `goal p95 < ${GOAL_P95_MS} ms`],
      rows,
    ),
  );
  console.log(
    `\nGoal: p95 < ${GOAL_P95_MS} ms over the mix: ${all.p95 < GOAL_P95_MS ? 'met' : 'NOT MET'} (p95 ${ms(all.p95)} ms)`,
  );

  const distinct = new Map<string, (typeof results)[number]>();
  for (const r of results) {
    const seen = distinct.get(r.text);
    if (!seen || seen.ms < r.ms) distinct.set(r.text, r);
  }
  const slowest = [...distinct.values()].sort((a, b) => b.ms - a.ms).slice(0, 12);
  console.log('\nSlowest queries:');
  console.log(
    table(
      ['query', 'kind', 'ms', 'hits'],
      slowest.map((r) => [JSON.stringify(r.text), r.kind, ms(r.ms), r.total.toLocaleString('en')]),
    ),
  );
  if (all.p95 >= GOAL_P95_MS || process.env.BENCH_EXPLAIN) {
    console.log('\nStatements of the slowest queries (own time, then EXPLAIN QUERY PLAN):');
    for (const r of slowest.slice(0, 6)) {
      console.log(`  ${JSON.stringify(r.text)} (${r.kind}, ${ms(r.ms)} ms)`);
      console.log(explain(db, r.text));
    }
  }
  db.close();
}

await main();
