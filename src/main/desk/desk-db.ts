/**
 * One connection to the desk's PostgreSQL database, through the `pg` driver: connecting (and
 * bringing the desk schema up to date), live delivery by LISTEN/NOTIFY, members and
 * presence; its edit log, photos, write locks and shared house rules are its parts
 * (desk-edits-db, desk-photos-db, desk-write-locks-db, desk-settings-db). All of the desk's
 * SQL is in these files and in migrations/.
 */
import type pg from 'pg';
import type { DeskMemberView } from '../../shared/desk';
import type { CaptionField } from '../../shared/model';
import { pgModule } from '../lazy-packages';
import { DeskEditsDb } from './desk-edits-db';
import { DESK_CHANNEL } from './desk-keys';
import { migrateDesk } from './desk-migrate';
import { DeskPhotosDb } from './desk-photos-db';
import { DeskSettingsDb } from './desk-settings-db';
import { DeskWriteLocksDb } from './desk-write-locks-db';

/** A member seen within this long is online. */
const ONLINE_SECONDS = 30;

/** A member who has a photo open in the editor. */
export interface DeskPresence {
  name: string;
  relPath: string;
  field: CaptionField | null;
}

/** Options of the driver: an unreachable desk fails in seconds, not minutes. */
export interface DeskConnectOptions {
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
}

/** One connection to a desk. */
export class DeskDb {
  private constructor(private readonly client: pg.Client) {}

  /**
   * Connects (the URL, else the standard PG* variables; a password from PGPASSWORD or
   * ~/.pgpass; TLS from `sslmode` in the URL) and brings the desk schema up to date.
   * `onLost` is told when the connection breaks later.
   */
  static async connect(
    url: string,
    onLost: (error: Error) => void,
    options: DeskConnectOptions = {},
  ): Promise<DeskDb> {
    const client = new (pgModule().Client)({
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      query_timeout: options.queryTimeoutMs ?? 15_000,
      keepAlive: true,
      application_name: 'cutline-desk',
    });
    client.on('error', onLost);
    try {
      await client.connect();
      await migrateDesk(client);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return new DeskDb(client);
  }

  /**
   * Calls `onNews` whenever the desk announces something, with what: an edit's sequence
   * (edits, conflicts, settlements), 'photos' or 'settings'.
   */
  async listen(onNews: (what: string | undefined) => void): Promise<void> {
    this.client.on('notification', (message) => {
      if (message.channel === DESK_CHANNEL) onNews(message.payload);
    });
    await this.client.query(`LISTEN ${DESK_CHANNEL}`);
  }

  /** Registers a member (or takes back one that left); returns its id. */
  async join(name: string, memberId: number | null): Promise<number> {
    if (memberId !== null) {
      const { rowCount } = await this.client.query(
        'UPDATE desk_members SET name = $2, left_at = NULL, last_seen = now() WHERE id = $1',
        [memberId, name],
      );
      if (rowCount) return memberId;
    }
    const { rows } = await this.client.query<{ id: string }>(
      'INSERT INTO desk_members (name) VALUES ($1) RETURNING id',
      [name],
    );
    return Number(rows[0]?.id);
  }

  async leave(memberId: number): Promise<void> {
    await this.client.query('UPDATE desk_members SET left_at = now() WHERE id = $1', [memberId]);
  }

  /** Says the member is still there. */
  async heartbeat(memberId: number): Promise<void> {
    await this.client.query('UPDATE desk_members SET last_seen = now() WHERE id = $1', [memberId]);
  }

  /** The members who have not left, and whether each is online. */
  async members(): Promise<DeskMemberView[]> {
    const { rows } = await this.client.query<{
      id: string;
      name: string;
      online: boolean;
      last_seen: Date;
    }>(
      `SELECT id, name, last_seen > now() - make_interval(secs => $1) AS online, last_seen
       FROM desk_members WHERE left_at IS NULL ORDER BY name, id`,
      [ONLINE_SECONDS],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      name: row.name,
      online: row.online,
      lastSeen: row.last_seen.toISOString(),
    }));
  }

  /**
   * Says which photo (by its path under the root) and field the member has open, or none;
   * a photo new to the desk is added, as a push would.
   */
  async setPresence(
    memberId: number,
    photo: { relPath: string; fingerprint: string } | null,
    field: string | null,
  ): Promise<void> {
    if (photo) {
      await this.client.query(
        `INSERT INTO desk_photos (rel_path, fingerprint) VALUES ($1, $2)
         ON CONFLICT (rel_path) DO NOTHING`,
        [photo.relPath, photo.fingerprint],
      );
    }
    await this.client.query(
      `INSERT INTO desk_presence (member_id, photo_id, field, at)
       SELECT $1, (SELECT id FROM desk_photos WHERE rel_path = $2), $3, now()
       ON CONFLICT (member_id) DO UPDATE SET photo_id = excluded.photo_id,
         field = excluded.field, at = now()`,
      [memberId, photo?.relPath ?? null, field],
    );
  }

  /** Who has which photo open now (members seen lately, other than `reader`). */
  async presence(reader: number): Promise<DeskPresence[]> {
    const { rows } = await this.client.query<{
      name: string;
      rel_path: string;
      field: string | null;
    }>(
      `SELECT m.name, p.rel_path, r.field FROM desk_presence r
       JOIN desk_members m ON m.id = r.member_id JOIN desk_photos p ON p.id = r.photo_id
       WHERE r.member_id <> $1 AND m.left_at IS NULL
         AND r.at > now() - make_interval(secs => $2)
       ORDER BY m.name`,
      [reader, ONLINE_SECONDS],
    );
    return rows.map((row) => ({
      name: row.name,
      relPath: row.rel_path,
      field: row.field as CaptionField | null,
    }));
  }

  /** The edit log and its conflicts, over this connection (desk-edits-db.ts). */
  edits(): DeskEditsDb {
    return new DeskEditsDb(this.client, (work) => this.inTransaction(work));
  }

  /** The photos members published, over this connection (desk-photos-db.ts). */
  photos(): DeskPhotosDb {
    return new DeskPhotosDb(this.client, (work) => this.inTransaction(work));
  }

  /** The photos' write locks, held by this connection's session (desk-write-locks-db.ts). */
  writeLocks(): DeskWriteLocksDb {
    return new DeskWriteLocksDb(this.client);
  }

  /** The house rules the desk shares, over this connection (desk-settings-db.ts). */
  settings(): DeskSettingsDb {
    return new DeskSettingsDb(this.client, DESK_CHANNEL, (work) => this.inTransaction(work));
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }

  private async inTransaction<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    await this.client.query('BEGIN');
    try {
      const result = await work(this.client);
      await this.client.query('COMMIT');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}
