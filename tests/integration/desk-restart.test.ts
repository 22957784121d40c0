/**
 * The desk's database restarted under its members (issue 18 part 6): three `cutline serve`
 * members edit while the PostgreSQL server is restarted (`pg_ctl restart`) in the middle of
 * a round of edits, and later stopped for a while and started again, the members editing on
 * meanwhile. Afterwards nothing is lost, nothing is applied twice, every catalog holds each
 * member's values of its field in the order they were made, every outbox is empty and every
 * member has read the desk to its end: sync resumed by itself.
 *
 * The server is a cluster of the test's own (tests/helpers/pg-cluster.ts), since the one of
 * CUTLINE_TEST_PG serves other test files at the same time; skipped with a printed reason
 * when no PostgreSQL server is installed (CI installs one).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskRepo } from '../../src/main/catalog/desk-repo';
import type { DeskState } from '../../src/shared/desk';
import type { CaptionField } from '../../src/shared/model';
import { callApi, type RunningCutline, startCutline } from '../e2e/cutline-server';
import {
  DeskCatalogs,
  makeShoot,
  stopAll,
  untilInStep,
  valuesFrom,
} from '../helpers/desk-catalogs';
import { createDeskDatabase } from '../helpers/desk-database';
import { type PgCluster, startPgCluster } from '../helpers/pg-cluster';

const SHOOT = ['day/01.jpg', 'day/02.jpg', 'day/03.jpg'];
const NAMES = ['Anna', 'Ben', 'Cleo'];
/** Each member types in its own field, so every edit is taken and none is a conflict. */
const FIELDS: CaptionField[] = ['caption', 'headline', 'city'];
const ROUNDS = 6;

let cluster: PgCluster | null = null;
let folder: string;
let deskUrl: string;
let catalogs: DeskCatalogs;

/** One number from the desk, on a connection of its own (the server comes and goes). */
async function deskCount(sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: deskUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string | null }>(sql);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

const installed = await startPgCluster();

describe.skipIf(!installed)('desk database restart (member processes, own PostgreSQL)', () => {
  beforeAll(async () => {
    cluster = installed;
    folder = await mkdtemp(join(tmpdir(), 'cutline-desk-restart-'));
    const volume = join(folder, 'volume');
    await makeShoot(volume, SHOOT);
    deskUrl = await createDeskDatabase((cluster as PgCluster).url);
    catalogs = new DeskCatalogs(folder, volume, SHOOT);
    for (const name of NAMES) await catalogs.prepare(name, deskUrl);
  }, 180_000);

  afterAll(async () => {
    await cluster?.remove();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('loses nothing and applies nothing twice through a restart and a stop of the server', async () => {
    const desk = cluster as PgCluster;
    const running = new Map<string, RunningCutline>();
    const died: string[] = [];
    let sawOffline = false;
    try {
      for (const name of NAMES) {
        const cutline = await startCutline(catalogs.catalogOf(name), {}, { fromSource: true });
        cutline.process.once('exit', (code, signal) => {
          if (running.get(name) === cutline) {
            died.push(`${name} ended (${code ?? signal}):\n${cutline.output()}`);
          }
        });
        running.set(name, cutline);
      }
      const ids = new Map<string, number[]>();
      for (const [name, cutline] of running) {
        const page = await callApi<{ items: { id: number; path: string }[] }>(
          cutline.url,
          'photos:search',
          { query: '', offset: 0, limit: 100 },
        );
        ids.set(name, catalogs.idsAmong(page.items));
      }
      const round = (r: number) =>
        Promise.all(
          NAMES.map(async (name, m) => {
            const url = running.get(name)?.url as string;
            for (const id of ids.get(name) as number[]) {
              await callApi(url, 'edits:set', {
                ids: [id],
                changes: { [FIELDS[m] as CaptionField]: `${name} round ${r}` },
              });
              // Spread over the time the server takes to go and come back.
              await new Promise((resolve) => setTimeout(resolve, 60));
            }
          }),
        );
      for (let r = 1; r <= ROUNDS; r++) {
        if (r === 2) {
          // The server restarts while the members edit, push and pull.
          await Promise.all([round(r), desk.restart()]);
        } else if (r === 4) {
          // Stopped: rounds 4 and 5 are made while there is no server at all.
          await desk.stop();
          await round(r);
          await round(r + 1);
          const states = await Promise.all(
            [...running.values()].map((c) => callApi<DeskState>(c.url, 'desk:state')),
          );
          sawOffline = states.some((state) => !state.online && state.queue > 0);
          await desk.start();
          r++;
        } else {
          await round(r);
        }
      }
      // Every member drains its queue and reads the desk to its end, by itself.
      await untilInStep(
        running,
        () => deskCount('SELECT max(seq) AS n FROM desk_edits WHERE accepted'),
        'three members in step after the restarts',
      );
    } finally {
      await stopAll(running);
      expect(died).toEqual([]);
    }
    // While the server was down the members said so, and kept their edits.
    expect(sawOffline).toBe(true);

    // Each edit once on the desk, none refused.
    const edits = NAMES.length * SHOOT.length * ROUNDS;
    const ofRounds = "FROM desk_edits WHERE value::text LIKE '%round%'";
    expect(await deskCount(`SELECT count(*) AS n ${ofRounds}`)).toBe(edits);
    expect(await deskCount(`SELECT count(DISTINCT edit_uid) AS n ${ofRounds}`)).toBe(edits);
    expect(await deskCount(`SELECT count(*) AS n ${ofRounds} AND NOT accepted`)).toBe(0);
    // In every catalog, each member's field of each photo went through its rounds once each,
    // in order, and ends at the last.
    const rounds = (name: string) =>
      Array.from({ length: ROUNDS }, (_, r) => `${name} round ${r + 1}`);
    for (const reader of NAMES) {
      await catalogs.read(reader, (services) => {
        for (const id of catalogs.photoIds(services)) {
          NAMES.forEach((writer, m) => {
            const field = FIELDS[m] as CaptionField;
            expect(valuesFrom(services, id, field, writer), `${reader} sees ${writer}`).toEqual(
              rounds(writer),
            );
            expect(services.editor.values([id], field).get(id)).toBe(rounds(writer).at(-1));
          });
        }
        expect(new DeskRepo(services.db).outboxCount()).toBe(0);
      });
    }
  }, 600_000);
});
