/**
 * The desk's faults (issue 18 part 6), with member processes and a real PostgreSQL: a
 * `cutline desk sync` killed with SIGKILL in the middle of its push, then run again; five
 * `cutline serve` members editing at once while the desk's server cuts every connection
 * (pg_terminate_backend, what a restart does to its clients) and one member is killed with
 * SIGKILL and started again. Afterwards nothing is lost, nothing is applied twice, and each
 * photo's field went through its values in the order they were made, in every catalog.
 * Skipped with a printed reason when CUTLINE_TEST_PG is not set (CI sets it).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskRepo } from '../../src/main/catalog/desk-repo';
import type { CutlineServices } from '../../src/main/services/cutline-services';
import type { CaptionField } from '../../src/shared/model';
import { callApi, type RunningCutline, startCutline } from '../e2e/cutline-server';
import {
  DeskCatalogs,
  makeShoot,
  stopAll,
  until,
  untilInStep,
  valuesFrom,
} from '../helpers/desk-catalogs';
import { createDeskDatabase, deskTestServer, dropDeskDatabase } from '../helpers/desk-database';
import { runCutline } from '../helpers/run-cutline';

const server = deskTestServer();

const SHOOT = ['summit/01.jpg', 'summit/02.jpg', 'summit/03.jpg', 'summit/04.jpg'];
const NAMES = ['Anna', 'Ben', 'Cleo', 'Dana', 'Eli'];
/** Each member types in its own field, so every edit is taken and none is a conflict. */
const FIELDS: CaptionField[] = ['caption', 'headline', 'city', 'country', 'title'];

let folder: string;
let volume: string;
let deskUrl: string;
let admin: pg.Client;

let catalogs: DeskCatalogs;
const catalogOf = (name: string) => catalogs.catalogOf(name);
const withCatalog = <T>(name: string, read: (services: CutlineServices) => T) =>
  catalogs.read(name, read);
const photoIds = (services: CutlineServices) => catalogs.photoIds(services);

async function deskCount(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await admin.query<{ n: string }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** Ends every connection to the desk's database but the test's own: what a restart does. */
async function cutEveryConnection(): Promise<number> {
  const { rowCount } = await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return rowCount ?? 0;
}

describe.skipIf(!server)('desk faults (member processes, real PostgreSQL)', () => {
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cutline-desk-faults-'));
    volume = join(folder, 'volume');
    await makeShoot(volume, SHOOT);
    deskUrl = await createDeskDatabase(server as string);
    admin = new pg.Client({ connectionString: deskUrl });
    await admin.connect();
    catalogs = new DeskCatalogs(folder, volume, SHOOT);
    for (const name of NAMES) await catalogs.prepare(name, deskUrl);
  }, 180_000);

  afterAll(async () => {
    await admin?.end();
    if (deskUrl) await dropDeskDatabase(server as string, deskUrl);
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('loses nothing and takes nothing twice when `desk sync` is killed mid-push', async () => {
    const EDITS = 1200;
    // Anna captions offline: every edit waits in her outbox, each starting from the last.
    const made = await withCatalog('Anna', (services) => {
      const ids = photoIds(services);
      const values = new Map<number, string[]>(ids.map((id) => [id, []]));
      for (let i = 0; i < EDITS; i++) {
        const id = ids[i % ids.length] as number;
        const value = `Anna's caption, draft ${i}.`;
        services.editor.setFields([id], { caption: value });
        values.get(id)?.push(value);
      }
      expect(new DeskRepo(services.db).outboxCount()).toBe(EDITS);
      return ids.map((id) => values.get(id) as string[]);
    });

    const fromAnna = "SELECT count(*) AS n FROM desk_edits WHERE who = 'Anna'";
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/index.ts', 'desk', 'sync', '--db', catalogOf('Anna')],
      { cwd: join(import.meta.dirname, '..', '..'), stdio: 'ignore' },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    await until(async () => (await deskCount(fromAnna)) >= 100, 60_000, 'the push to start');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const before = await deskCount(fromAnna);
    console.info(
      `[desk faults] desk sync killed after ${before} of ${EDITS} edits reached the desk`,
    );
    expect(before).toBeLessThan(EDITS);

    // Run again: it goes on where the desk left off, recognising what it already holds.
    const again = await runCutline(['desk', 'sync', '--db', catalogOf('Anna'), '--json']);
    expect(again.code).toBe(0);
    expect(await deskCount(fromAnna)).toBe(EDITS);
    expect(
      await deskCount("SELECT count(DISTINCT edit_uid) AS n FROM desk_edits WHERE who = 'Anna'"),
    ).toBe(EDITS);
    expect(
      await deskCount("SELECT count(*) AS n FROM desk_edits WHERE who = 'Anna' AND NOT accepted"),
    ).toBe(0);
    await withCatalog('Anna', (services) =>
      expect(new DeskRepo(services.db).outboxCount()).toBe(0),
    );

    // Ben takes them in: each draft once, in the order Anna wrote them.
    expect((await runCutline(['desk', 'sync', '--db', catalogOf('Ben')])).code).toBe(0);
    await withCatalog('Ben', (services) => {
      photoIds(services).forEach((id, i) => {
        expect(valuesFrom(services, id, 'caption', 'Anna')).toEqual(made[i]);
        expect(services.editor.values([id], 'caption').get(id)).toBe(made[i]?.at(-1));
      });
    });
  }, 240_000);

  it('five members editing at once lose nothing through cut connections and a killed member', async () => {
    const ROUNDS = 8;
    const running = new Map<string, RunningCutline>();
    // The rounds each member took part in (Cleo misses those while she is down).
    const made = new Map<string, number[]>(NAMES.map((name) => [name, []]));
    // A member that ends by itself (not killed by the test) is a failure: say what it printed.
    const died: string[] = [];
    const start = async (name: string) => {
      const cutline = await startCutline(catalogOf(name), {}, { fromSource: true });
      cutline.process.once('exit', (code, signal) => {
        if (running.get(name) === cutline) {
          died.push(`${name} ended (${code ?? signal}):\n${cutline.output()}`);
        }
      });
      running.set(name, cutline);
    };
    try {
      await Promise.all(NAMES.map(start));
      const ids = new Map<string, number[]>();
      for (const name of NAMES) {
        const url = running.get(name)?.url as string;
        const page = await callApi<{ items: { id: number; path: string }[] }>(
          url,
          'photos:search',
          {
            query: '',
            offset: 0,
            limit: 100,
          },
        );
        ids.set(name, catalogs.idsAmong(page.items));
      }
      let cut = 0;
      for (let round = 1; round <= ROUNDS; round++) {
        await Promise.all(
          NAMES.map(async (name, m) => {
            const url = running.get(name)?.url;
            if (!url) return; // killed this round
            for (const id of ids.get(name) as number[]) {
              await callApi(url, 'edits:set', {
                ids: [id],
                changes: { [FIELDS[m] as CaptionField]: `${name} round ${round}` },
              });
            }
            made.get(name)?.push(round);
          }),
        );
        // The desk drops every connection, mid-push for some members.
        if (round % 2 === 0) cut += await cutEveryConnection();
        // Cleo is killed right after her edits of round 3, and comes back after round 5.
        if (round === 3) {
          const cleo = running.get('Cleo') as RunningCutline;
          running.delete('Cleo');
          const exited = new Promise((resolve) => cleo.process.once('exit', resolve));
          cleo.process.kill('SIGKILL');
          await exited;
        }
        if (round === 5) await start('Cleo');
      }
      console.info(`[desk faults] ${cut} desk connections cut while five members edited`);
      expect(cut).toBeGreaterThan(0);

      // Every member drains its queue and reads the desk to its end.
      await untilInStep(
        running,
        () => deskCount('SELECT max(seq) AS n FROM desk_edits WHERE accepted'),
        'five members in step',
      );
    } finally {
      await stopAll(running);
      expect(died).toEqual([]);
    }

    // Each edit once on the desk, none refused.
    const edits = SHOOT.length * [...made.values()].reduce((sum, r) => sum + r.length, 0);
    expect(made.get('Cleo')).toHaveLength(ROUNDS - 2);
    const ofRounds = "SELECT count(*) AS n FROM desk_edits WHERE value::text LIKE '%round%'";
    expect(await deskCount(ofRounds)).toBe(edits);
    expect(await deskCount(`${ofRounds} AND NOT accepted`)).toBe(0);
    // In every catalog, every member's field of every photo went through its rounds in order.
    const rounds = (name: string) => (made.get(name) ?? []).map((r) => `${name} round ${r}`);
    for (const reader of NAMES) {
      await withCatalog(reader, (services) => {
        for (const id of photoIds(services)) {
          NAMES.forEach((writer, m) => {
            const field = FIELDS[m] as CaptionField;
            // (Anna's caption also holds her drafts of the test before.)
            const ofRounds = valuesFrom(services, id, field, writer).filter((value) =>
              String(value).startsWith(`${writer} round `),
            );
            expect(ofRounds, `${reader} sees ${writer}`).toEqual(rounds(writer));
            expect(services.editor.values([id], field).get(id)).toBe(rounds(writer).at(-1));
          });
        }
        expect(new DeskRepo(services.db).outboxCount()).toBe(0);
      });
    }
  }, 900_000);
});
