/**
 * The desk's write locks over one connection: a session advisory lock per photo identity,
 * so one member at a time writes a file, with who holds it (desk_writers). A part of DeskDb
 * (desk.writeLocks()); DeskSync keeps them on a connection of their own.
 */
import type pg from 'pg';

/** The first key of write locks (two-key advisory locks: this space, the identity's hash). */
const WRITE_LOCK_SPACE = 736_103;

/** The write locks of one desk connection (held by its session). */
export class DeskWriteLocksDb {
  constructor(private readonly client: pg.Client) {}

  /**
   * Takes the write lock of a photo (a session advisory lock keyed by its identity), without
   * waiting; false when another member holds it. Held until writeUnlock or the session ends
   * (a member killed mid-write frees it).
   */
  async tryWriteLock(key: string, memberId: number, name: string): Promise<boolean> {
    const { rows } = await this.client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(${WRITE_LOCK_SPACE}, hashtext($1)) AS locked`,
      [key],
    );
    if (!rows[0]?.locked) return false;
    await this.client.query(
      `INSERT INTO desk_writers (lock_key, member_id, name) VALUES ($1, $2, $3)
       ON CONFLICT (lock_key) DO UPDATE SET member_id = excluded.member_id,
         name = excluded.name, since = now()`,
      [key, memberId, name],
    );
    return true;
  }

  /**
   * Whether this session still holds the write lock of `key` (a terminated session, or one
   * that gave it back, does not).
   */
  async holdsWriteLock(key: string): Promise<boolean> {
    // A two-key advisory lock shows in pg_locks as classid, objid (the keys as oids), objsubid 2.
    const { rows } = await this.client.query<{ held: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'
         AND pid = pg_backend_pid() AND granted AND objsubid = 2
         AND classid = ${WRITE_LOCK_SPACE}::int4::oid AND objid = hashtext($1)::oid) AS held`,
      [key],
    );
    return rows[0]?.held === true;
  }

  /** Who holds the write lock of `key` (as they said when taking it), or null. */
  async writerOf(key: string): Promise<string | null> {
    const { rows } = await this.client.query<{ name: string }>(
      'SELECT name FROM desk_writers WHERE lock_key = $1',
      [key],
    );
    return rows[0]?.name ?? null;
  }

  /** Gives back a write lock taken by tryWriteLock. */
  async writeUnlock(key: string, memberId: number): Promise<void> {
    await this.client.query('DELETE FROM desk_writers WHERE lock_key = $1 AND member_id = $2', [
      key,
      memberId,
    ]);
    await this.client.query(`SELECT pg_advisory_unlock(${WRITE_LOCK_SPACE}, hashtext($1))`, [key]);
  }
}
