/**
 * `cutline desk join / status / sync / conflicts / leave` against a real PostgreSQL (skipped
 * with a printed reason when CUTLINE_TEST_PG is not set; CI sets it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskDatabase, deskTestServer, dropDeskDatabase } from '../helpers/desk-database';
import { runCutline } from '../helpers/run-cutline';

const server = deskTestServer();

describe.skipIf(!server)('cutline desk', () => {
  let folder: string;
  let deskUrl: string;
  let db: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cutline-desk-cli-'));
    deskUrl = await createDeskDatabase(server as string);
    db = join(folder, 'catalog.sqlite');
  });

  afterAll(async () => {
    if (deskUrl) await dropDeskDatabase(server as string, deskUrl);
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('joins a desk, reports it, syncs, and leaves it', async () => {
    const withPassword = new URL(deskUrl);
    withPassword.password = 'not-kept';
    const joined = await runCutline([
      'desk',
      'join',
      withPassword.toString(),
      '--name',
      'Anna',
      '--root',
      folder,
      '--db',
      db,
      '--json',
    ]);
    expect(joined.stderr).toContain('password is not kept');
    expect(joined.code).toBe(0);
    const status = JSON.parse(joined.stdout);
    expect(status).toMatchObject({ linked: true, online: true, memberName: 'Anna', root: folder });
    expect(status.url).not.toContain('not-kept');
    expect(status.members.map((m: { name: string }) => m.name)).toEqual(['Anna']);

    const synced = await runCutline(['desk', 'sync', '--db', db, '--json']);
    expect(synced.code).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ pushed: 0, applied: 0 });

    const conflicts = await runCutline(['desk', 'conflicts', '--db', db, '--json']);
    expect(JSON.parse(conflicts.stdout)).toEqual([]);

    const left = await runCutline(['desk', 'leave', '--db', db, '--json']);
    expect(left.code).toBe(0);
    expect(JSON.parse(left.stdout)).toMatchObject({ linked: false });
    const after = await runCutline(['desk', 'status', '--db', db]);
    expect(after.stdout).toContain('Not on a desk');
  });

  it('says plainly when the desk does not answer, and refuses an address that is not one', async () => {
    const other = join(folder, 'other.sqlite');
    const closed = await runCutline([
      'desk',
      'join',
      'postgres://127.0.0.1:1/nothing',
      '--name',
      'Ben',
      '--db',
      other,
    ]);
    expect(closed.code).toBe(1);
    expect(closed.stderr).toMatch(/^cutline: .+/);
    expect((await runCutline(['desk', 'status', '--db', other])).stdout).toContain('Not on a desk');
    const wrong = await runCutline(['desk', 'join', 'http://x', '--name', 'Ben', '--db', other]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('postgres://');
  });
});
