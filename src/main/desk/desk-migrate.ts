/**
 * Brings a desk database to the latest desk schema (migrations/), once, whichever member
 * gets there first: the steps run under a transaction-wide advisory lock.
 */
import type { ClientBase } from 'pg';
import { CutlineError } from '../../shared/result';
import { DESK_LATEST_VERSION, DESK_MIGRATIONS } from './migrations';

/** The advisory lock key of desk migrations (any constant unique to Cutline). */
const MIGRATE_LOCK = 736_100_1;

/** Runs the desk migrations not yet run; refuses a desk made by a newer Cutline. */
export async function migrateDesk(client: ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS desk_schema (
         version INTEGER PRIMARY KEY, name TEXT NOT NULL,
         applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM desk_schema',
    );
    const current = rows[0]?.version ?? 0;
    if (current > DESK_LATEST_VERSION) {
      throw new CutlineError(
        'io',
        `This desk was set up by a newer version of Cutline (desk schema ${current}); update Cutline to join it.`,
      );
    }
    for (const migration of DESK_MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO desk_schema (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
