/**
 * The desk benchmark (`npm run bench:desk`, issue 18): N member processes (N = 2, 5, 20),
 * each its own catalog and desk-sync loop (bench/desk-member.ts), on one shared folder of the
 * import corpus (2,000 photos; BENCH_DESK_PHOTOS=N for fewer), against the PostgreSQL named by
 * CUTLINE_TEST_PG (a fresh database for each N). For each N it measures, beside the goals:
 *   - one member's import of the folder, and the time until every other member has every
 *     photo in its catalog (goal: < 2× the import);
 *   - edits at a steady 50 a second in total for BENCH_DESK_SECONDS (20): propagation latency
 *     from the edit to each other member's catalog, p50 / p95 (goal p95 < 1 s), and edits
 *     lost (goal 0): every member must have received every other member's edits, and all
 *     catalogs must end with the same values;
 *   - conflicts provoked (two members change one field of one photo from the same value while
 *     their sync is paused) against conflicts the desk detected (goal: equal);
 *   - catch-up: a member whose sync was stopped while it made 1,000 edits and the others 1,000
 *     more, from its return until its queue is empty and it has read the desk to its end
 *     (goal < 10 s).
 *   BENCH_DESK_SIZES=2,5 chooses the N; BENCH_DESK_CPU_PROF=FOLDER profiles each member.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DeskState } from '../src/shared/desk';
import type { CaptionField } from '../src/shared/model';
import { createDeskDatabase, dropDeskDatabase } from '../tests/helpers/desk-database';
import { ensureCorpus } from './corpus';
import type { MemberRequest } from './desk-member';

const server = process.env.CUTLINE_TEST_PG;
if (!server) {
  console.error(
    'bench:desk needs a PostgreSQL: set CUTLINE_TEST_PG=postgres://user@host:port/db to a role that may create databases (see .ci/run for a throwaway cluster).',
  );
  process.exit(1);
}
const PHOTOS = Number(process.env.BENCH_DESK_PHOTOS ?? 2000);
const SIZES = (process.env.BENCH_DESK_SIZES ?? '2,5,20').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_DESK_SECONDS ?? 20);
const RATE = 50;
const CATCH_UP = 1000;
const NAMES = ['Anna', 'Ben', 'Cleo', 'Dana', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun'];
const memberName = (i: number) => `${NAMES[i % NAMES.length]}${i >= NAMES.length ? i : ''}`;
/** Fields each phase uses, apart so that one phase's edits never meet another's. */
const STEADY: CaptionField = 'caption';
const CONFLICT: CaptionField = 'headline';
const CATCH: CaptionField = 'city';

/** A member process and the requests it answers. */
class Member {
  private readonly waiting = new Map<
    number,
    (answer: { ok: boolean; value?: unknown; error?: string }) => void
  >();
  private next = 1;
  readonly started: Promise<void>;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.started = new Promise((resolve, reject) =>
      this.waiting.set(0, (answer) => (answer.ok ? resolve() : reject(new Error(answer.error)))),
    );
    child.on('message', (message: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    });
    // A member that dies fails what was asked of it, instead of leaving the bench waiting.
    child.once('exit', (code, signal) => {
      for (const answer of this.waiting.values()) {
        answer({ ok: false, error: `the member process ended (${code ?? signal})` });
      }
      this.waiting.clear();
    });
  }

  static start(name: string): Member {
    // BENCH_DESK_CPU_PROF=FOLDER: each member writes a V8 CPU profile there when it ends.
    const profile = process.env.BENCH_DESK_CPU_PROF;
    const child = fork(join(import.meta.dirname, 'desk-member.ts'), [], {
      execArgv: [
        '--import',
        'tsx',
        ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Member(name, child);
  }

  ask<T>(request: MemberRequest): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, (answer) =>
        answer.ok ? resolve(answer.value as T) : reject(new Error(`${this.name}: ${answer.error}`)),
      );
      this.child.send({ id, request });
    });
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Every member's queue empty and the desk read to its end. */
async function inStep(members: Member[], admin: pg.Client): Promise<boolean> {
  const { rows } = await admin.query<{ n: string | null }>(
    'SELECT max(seq) AS n FROM desk_edits WHERE accepted',
  );
  const last = Number(rows[0]?.n ?? 0);
  const states = await Promise.all(members.map((m) => m.ask<DeskState>({ do: 'state' })));
  return states.every((s) => s.online && s.queue === 0 && s.lastSeq === last);
}

interface Figures {
  n: number;
  importMs: number;
  visibleMs: number | null;
  p50: number;
  p95: number;
  made: number;
  lost: number;
  agree: boolean;
  provoked: number;
  detected: number;
  catchUpMs: number | null;
}

async function runDesk(n: number, folder: string, corpus: string): Promise<Figures> {
  const deskUrl = await createDeskDatabase(server as string);
  const admin = new pg.Client({ connectionString: deskUrl });
  await admin.connect();
  const members = Array.from({ length: n }, (_, i) => Member.start(memberName(i)));
  try {
    await Promise.all(members.map((m) => m.started));
    // The first member imports with read workers; the others only take in the desk's photos.
    await Promise.all(
      members.map((m, i) =>
        m.ask({
          do: 'join',
          catalog: join(folder, `${n}-${m.name}.sqlite`),
          name: m.name,
          root: corpus,
          deskUrl,
          workers: i === 0 ? 2 : 0,
        }),
      ),
    );
    const [first, ...others] = members as [Member, ...Member[]];

    // One member's import, and when the others have every photo.
    const started = performance.now();
    const { ms: importMs } = await first.ask<{ ms: number }>({ do: 'import' });
    const visible = await until(
      async () => {
        const counts = await Promise.all(
          others.map((m) => m.ask<{ photos: number }>({ do: 'count' })),
        );
        return counts.every((c) => c.photos === PHOTOS);
      },
      Math.max(120_000, importMs * 10),
    );
    const visibleMs = visible ? performance.now() - started : null;
    if (!visible) {
      // Without the desk's photos the edits would have nothing to land on: import them here.
      console.log(`  the others did not have every photo in time; they import it themselves`);
      await Promise.all(others.map((m) => m.ask({ do: 'import' })));
    }
    await until(() => inStep(members, admin), 120_000);

    // A steady 50 edits a second in total, each member on photos of its own.
    const perMember = Math.max(1, Math.round((RATE * SECONDS) / n));
    await Promise.all(
      members.map((m, i) =>
        m.ask({
          do: 'edit',
          field: STEADY,
          perSecond: RATE / n,
          count: perMember,
          part: i,
          parts: n,
        }),
      ),
    );
    await until(() => inStep(members, admin), 120_000);
    const made = perMember * n;
    let lost = 0;
    const latencies: number[] = [];
    for (const m of members) {
      const got = await m.ask<{ latencies: number[]; received: number }>({ do: 'received' });
      latencies.push(...got.latencies);
      lost += made - perMember - got.received;
    }
    latencies.sort((a, b) => a - b);
    const values = await Promise.all(
      members.map((m) => m.ask<Record<string, unknown>>({ do: 'values', fields: [STEADY] })),
    );
    const agree = values.every((v) => JSON.stringify(v) === JSON.stringify(values[0]));

    // Conflicts: pairs of members change one photo's headline from the same value, paused.
    const provoked = Math.min(20, PHOTOS);
    await Promise.all(members.map((m) => m.ask({ do: 'pause' })));
    for (let c = 0; c < provoked; c++) {
      for (const m of [members[c % n], members[(c + 1) % n]] as Member[]) {
        await m.ask({ do: 'provoke', field: CONFLICT, photo: c, tag: `Conflict ${c}` });
      }
    }
    await Promise.all(members.map((m) => m.ask({ do: 'resume' })));
    await until(() => inStep(members, admin), 120_000);
    const { rows } = await admin.query<{ n: string }>(
      'SELECT count(*) AS n FROM desk_conflicts WHERE field = $1',
      [CONFLICT],
    );
    const detected = Number(rows[0]?.n ?? 0);

    // Catch-up: the last member stops syncing, makes 1,000 edits; the others make 1,000.
    const away = members[n - 1] as Member;
    const stayed = members.slice(0, n - 1);
    await away.ask({ do: 'pause' });
    await away.ask({ do: 'burst', field: CATCH, count: CATCH_UP, part: n - 1, parts: n });
    const share = Math.ceil(CATCH_UP / stayed.length);
    await Promise.all(
      stayed.map((m, i) => m.ask({ do: 'burst', field: CATCH, count: share, part: i, parts: n })),
    );
    await until(() => inStep(stayed, admin), 120_000);
    const back = performance.now();
    await away.ask({ do: 'resume' });
    const caught = await until(() => inStep(members, admin), 120_000);
    const catchUpMs = caught ? performance.now() - back : null;

    return {
      n,
      importMs,
      visibleMs,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      made,
      lost,
      agree,
      provoked,
      detected,
      catchUpMs,
    };
  } finally {
    await Promise.all(members.map((m) => m.ask({ do: 'close' }).catch(() => m.kill())));
    await admin.end();
    await dropDeskDatabase(server as string, deskUrl);
  }
}

const corpus = await ensureCorpus(PHOTOS);
const folder = await mkdtemp(join(tmpdir(), 'cutline-desk-bench-'));
const results: Figures[] = [];
try {
  for (const n of SIZES) {
    console.log(`\n${n} members, ${PHOTOS} photos, ${RATE} edits/s for ${SECONDS} s`);
    const f = await runDesk(n, folder, corpus);
    results.push(f);
    console.log(
      [
        `  import by one member ${seconds(f.importMs)}; every photo with all others ${f.visibleMs === null ? 'not within the wait' : `${seconds(f.visibleMs)} (${(f.visibleMs / f.importMs).toFixed(2)}× the import; goal < 2×)`}`,
        `  propagation p50 ${Math.round(f.p50)} ms, p95 ${Math.round(f.p95)} ms (goal p95 < 1,000 ms): ${f.p95 < 1000 ? 'met' : 'NOT met'}`,
        `  edits made ${f.made}, lost ${f.lost} (goal 0): ${f.lost === 0 && f.agree ? 'met' : 'NOT met'}; every catalog ends alike: ${f.agree ? 'yes' : 'NO'}`,
        `  conflicts provoked ${f.provoked}, detected ${f.detected} (goal equal): ${f.provoked === f.detected ? 'met' : 'NOT met'}`,
        `  catch-up from ${CATCH_UP} queued + ${CATCH_UP} missed edits ${f.catchUpMs === null ? 'not within 120 s' : seconds(f.catchUpMs)} (goal < 10 s): ${f.catchUpMs !== null && f.catchUpMs < 10_000 ? 'met' : 'NOT met'}`,
      ].join('\n'),
    );
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
console.log('\n| N | import | visible to all | p50 | p95 | lost | conflicts | catch-up |');
for (const f of results) {
  console.log(
    `| ${f.n} | ${seconds(f.importMs)} | ${f.visibleMs === null ? '—' : seconds(f.visibleMs)} | ${Math.round(f.p50)} ms | ${Math.round(f.p95)} ms | ${f.lost} of ${f.made} | ${f.detected} / ${f.provoked} | ${f.catchUpMs === null ? '—' : seconds(f.catchUpMs)} |`,
  );
}
