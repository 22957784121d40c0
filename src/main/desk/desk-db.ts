/**
 * The desk's PostgreSQL database, through the `pg` driver: members, the edit log (push with
 * the check of each edit's starting value, read by sequence), conflicts and live delivery
 * by LISTEN/NOTIFY. All of the desk's SQL is here and in migrations/.
 */
import type pg from 'pg';
import type { DeskConflictView, DeskMemberView } from '../../shared/desk';
import type { CaptionField, FieldValue } from '../../shared/model';
import { pgModule } from '../lazy-packages';
import { migrateDesk } from './desk-migrate';
import { DeskSettingsDb } from './desk-settings-db';

/** The NOTIFY channel on which every accepted edit's sequence is announced. */
const CHANNEL = 'cutline_desk';
/**
 * Pushes take this transaction-wide advisory lock, so edits commit in the order of their
 * sequence numbers and a reader never passes a sequence that commits later.
 */
const PUSH_LOCK = 736_100_2;
/** The first key of write locks (two-key advisory locks: this space, the identity's hash). */
const WRITE_LOCK_SPACE = 736_103;
/** A member seen within this long is online. */
const ONLINE_SECONDS = 30;

/** One local edit as the desk receives it. */
export interface DeskEditIn {
  editUid: string;
  relPath: string;
  fingerprint: string;
  /** The image-data digest of the pusher's photo (null: its picture could not be read). */
  imageDigest: string | null;
  field: CaptionField;
  base: FieldValue;
  value: FieldValue;
  memberId: number;
  who: string;
  at: string;
}

/** What the desk made of a pushed edit. */
export type PushOutcome = 'accepted' | 'conflict' | 'duplicate';

/** An accepted edit read back from the desk log. */
export interface DeskEditOut {
  seq: number;
  relPath: string;
  field: CaptionField;
  value: FieldValue;
  memberId: number;
  who: string;
  kind: 'edit' | 'settle';
  /**
   * The image-data digest of the photo the edit was made on (else as published; null: not
   * known to the desk).
   */
  imageDigest: string | null;
  /**
   * The reader has an open conflict on this field (its own version is in it): the reader
   * keeps its version until a person settles the conflict.
   */
  held: boolean;
}

/** A photo as a member publishes it: its identity, its file as it is now, record and thumbnail. */
export interface DeskPhotoIn {
  relPath: string;
  imageDigest: string | null;
  fileFingerprint: string;
  byteSize: number;
  mtimeMs: number;
  /** The catalog's rows of the photo, without its local paths (desk-photos.ts). */
  record: unknown;
  thumbnail: { jpeg: Buffer; width: number; height: number; origin: string } | null;
  publishedBy: string;
  /** The member whose write made the file as it is now, or null (an import, a re-read). */
  writtenBy: string | null;
}

/** A published photo read back, in the order of its publication. */
export interface DeskPhotoOut extends DeskPhotoIn {
  version: number;
}

/** A field's value on the desk, and who set it. */
export interface DeskFieldValue {
  field: CaptionField;
  value: FieldValue;
  who: string | null;
}

/** A photo's file as the desk last heard of it. */
export interface DeskPhotoFile {
  imageDigest: string | null;
  fileFingerprint: string | null;
  byteSize: number | null;
  mtimeMs: number | null;
  writtenBy: string | null;
}

/** An open desk conflict, as the desk knows it (without any member's local file). */
export type DeskConflict = Omit<DeskConflictView, 'path' | 'photoId'>;

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

const json = (value: FieldValue | null) => JSON.stringify(value);

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
      if (message.channel === CHANNEL) onNews(message.payload);
    });
    await this.client.query(`LISTEN ${CHANNEL}`);
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

  /**
   * Pushes one edit. Taken when the desk's value of the field is the one the edit started
   * from (or the field is new to the desk, or already holds the value); otherwise both
   * versions are kept as a conflict for a person to settle, and the desk's value stays.
   * An edit pushed before (same uid) is recognised and not taken twice.
   */
  async push(edit: DeskEditIn): Promise<PushOutcome> {
    return (await this.pushAll([edit]))[0] as PushOutcome;
  }

  /**
   * Pushes edits in their order, each as `push` does, in one statement and so one
   * transaction (cutline_desk_push, desk migration 0006): the push lock is taken and the
   * sequence announced once for all of them. All or none commit. Before, some six round
   * trips per edit held a member's push to a few hundred edits a second on a quiet machine
   * and far fewer on a loaded one.
   */
  async pushAll(edits: readonly DeskEditIn[]): Promise<PushOutcome[]> {
    if (edits.length === 0) return [];
    const { rows } = await this.client.query<{ o_outcome: PushOutcome }>(
      'SELECT o_outcome FROM cutline_desk_push($1::jsonb, $2, $3)',
      [JSON.stringify(edits), PUSH_LOCK, CHANNEL],
    );
    return rows.map((row) => row.o_outcome);
  }

  /** Accepted edits after `seq`, oldest first, as the member `reader` is to take them. */
  async editsAfter(seq: number, limit: number, reader: number): Promise<DeskEditOut[]> {
    const { rows } = await this.client.query<{
      seq: string;
      rel_path: string;
      field: CaptionField;
      value: FieldValue;
      member_id: string;
      who: string;
      kind: 'edit' | 'settle';
      image_digest: string | null;
      held: boolean;
    }>(
      `SELECT e.seq, p.rel_path, e.field, e.value, e.member_id, e.who, e.kind,
         coalesce(e.image_digest, p.image_digest) AS image_digest,
         EXISTS (SELECT 1 FROM desk_conflicts c WHERE c.photo_id = e.photo_id
           AND c.field = e.field AND c.other_member = $3 AND c.settled_at IS NULL) AS held
       FROM desk_edits e JOIN desk_photos p ON p.id = e.photo_id
       WHERE e.seq > $1 AND e.accepted ORDER BY e.seq LIMIT $2`,
      [seq, limit, reader],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      relPath: row.rel_path,
      field: row.field,
      value: row.value,
      memberId: Number(row.member_id),
      who: row.who,
      kind: row.kind,
      imageDigest: row.image_digest,
      held: row.held,
    }));
  }

  /**
   * Publishes photos: identity, file, record and thumbnail. A photo already published with
   * the same file and digest (another member imported it too) is left as it is; a change gets
   * the next version, under the push lock, so versions commit in order as edits do.
   */
  async publish(photos: readonly DeskPhotoIn[]): Promise<number> {
    if (photos.length === 0) return 0;
    const column = <T>(pick: (photo: DeskPhotoIn) => T) => photos.map(pick);
    return this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
      // One statement for the batch: a round trip per photo cost more than the rest.
      const { rowCount } = await client.query(
        `INSERT INTO desk_photos AS d (rel_path, fingerprint, image_digest, file_fingerprint,
           byte_size, mtime_ms, record, thumbnail, thumbnail_width, thumbnail_height,
           thumbnail_origin, published_by, written_by, version)
         SELECT u.rel_path, u.file_fingerprint, u.image_digest, u.file_fingerprint, u.byte_size,
           u.mtime_ms, u.record::jsonb, u.thumbnail, u.width, u.height, u.origin, u.published_by,
           u.written_by, nextval('desk_photo_version')
         FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::float8[], $6::text[],
           $7::bytea[], $8::int[], $9::int[], $10::text[], $11::text[], $12::text[])
           WITH ORDINALITY AS u(rel_path, image_digest, file_fingerprint, byte_size, mtime_ms,
             record, thumbnail, width, height, origin, published_by, written_by, n)
         ORDER BY u.n
         ON CONFLICT (rel_path) DO UPDATE SET image_digest = excluded.image_digest,
           file_fingerprint = excluded.file_fingerprint, byte_size = excluded.byte_size,
           mtime_ms = excluded.mtime_ms, record = excluded.record,
           thumbnail = excluded.thumbnail, thumbnail_width = excluded.thumbnail_width,
           thumbnail_height = excluded.thumbnail_height,
           thumbnail_origin = excluded.thumbnail_origin, published_by = excluded.published_by,
           written_by = excluded.written_by, version = excluded.version
         WHERE d.record IS NULL OR d.file_fingerprint IS DISTINCT FROM excluded.file_fingerprint
           OR d.image_digest IS DISTINCT FROM excluded.image_digest`,
        [
          column((p) => p.relPath),
          column((p) => p.imageDigest),
          column((p) => p.fileFingerprint),
          column((p) => p.byteSize),
          column((p) => p.mtimeMs),
          column((p) => JSON.stringify(p.record)),
          column((p) => p.thumbnail?.jpeg ?? null),
          column((p) => p.thumbnail?.width ?? null),
          column((p) => p.thumbnail?.height ?? null),
          column((p) => p.thumbnail?.origin ?? null),
          column((p) => p.publishedBy),
          column((p) => p.writtenBy),
        ],
      );
      const changed = rowCount ?? 0;
      if (changed > 0) await client.query('SELECT pg_notify($1, $2)', [CHANNEL, 'photos']);
      return changed;
    });
  }

  /** Photos published after `version`, oldest first. */
  async photosAfter(version: number, limit: number): Promise<DeskPhotoOut[]> {
    const { rows } = await this.client.query<{
      version: string;
      rel_path: string;
      image_digest: string | null;
      file_fingerprint: string;
      byte_size: string;
      mtime_ms: number;
      record: unknown;
      thumbnail: Buffer | null;
      thumbnail_width: number | null;
      thumbnail_height: number | null;
      thumbnail_origin: string | null;
      published_by: string;
      written_by: string | null;
    }>(
      `SELECT version, rel_path, image_digest, file_fingerprint, byte_size, mtime_ms, record,
         thumbnail, thumbnail_width, thumbnail_height, thumbnail_origin, published_by, written_by
       FROM desk_photos WHERE version > $1 AND record IS NOT NULL ORDER BY version LIMIT $2`,
      [version, limit],
    );
    return rows.map((row) => ({
      version: Number(row.version),
      relPath: row.rel_path,
      imageDigest: row.image_digest,
      fileFingerprint: row.file_fingerprint,
      byteSize: Number(row.byte_size),
      mtimeMs: row.mtime_ms,
      record: row.record,
      thumbnail: row.thumbnail
        ? {
            jpeg: row.thumbnail,
            width: row.thumbnail_width ?? 0,
            height: row.thumbnail_height ?? 0,
            origin: row.thumbnail_origin ?? 'embedded',
          }
        : null,
      publishedBy: row.published_by,
      writtenBy: row.written_by,
    }));
  }

  /** The file of the photo at `relPath` as last published, or undefined. */
  async photoFile(relPath: string): Promise<DeskPhotoFile | undefined> {
    const { rows } = await this.client.query<{
      image_digest: string | null;
      file_fingerprint: string | null;
      byte_size: string | null;
      mtime_ms: number | null;
      written_by: string | null;
    }>(
      `SELECT image_digest, file_fingerprint, byte_size, mtime_ms, written_by
       FROM desk_photos WHERE rel_path = $1`,
      [relPath],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      imageDigest: row.image_digest,
      fileFingerprint: row.file_fingerprint,
      byteSize: row.byte_size === null ? null : Number(row.byte_size),
      mtimeMs: row.mtime_ms,
      writtenBy: row.written_by,
    };
  }

  /** The desk's value of each field of the photos at `relPaths` that has one, and who set it. */
  async fieldValues(relPaths: readonly string[]): Promise<Map<string, DeskFieldValue[]>> {
    const { rows } = await this.client.query<DeskFieldValue & { rel_path: string }>(
      `SELECT p.rel_path, v.field, v.value, v.who FROM desk_field_values v
       JOIN desk_photos p ON p.id = v.photo_id
       WHERE p.rel_path = ANY($1::text[]) AND v.seq IS NOT NULL ORDER BY v.seq`,
      [relPaths],
    );
    const values = new Map<string, DeskFieldValue[]>();
    for (const { rel_path, ...value } of rows) {
      const list = values.get(rel_path) ?? [];
      list.push(value);
      values.set(rel_path, list);
    }
    return values;
  }

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

  /** The desk's latest sequence. */
  async lastSeq(): Promise<number> {
    const { rows } = await this.client.query<{ seq: string | null }>(
      'SELECT max(seq) AS seq FROM desk_edits',
    );
    return Number(rows[0]?.seq ?? 0);
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

  /** How many conflicts no one has settled yet. */
  async openConflictCount(): Promise<number> {
    const { rows } = await this.client.query<{ n: string }>(
      'SELECT count(*) AS n FROM desk_conflicts WHERE settled_at IS NULL',
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The conflicts no one has settled yet, oldest first. */
  async openConflicts(): Promise<DeskConflict[]> {
    const { rows } = await this.client.query<{
      id: string;
      rel_path: string;
      field: CaptionField;
      base: FieldValue | null;
      desk_value: FieldValue;
      desk_who: string | null;
      other_value: FieldValue;
      other_who: string;
      created_at: Date;
    }>(
      `SELECT c.id, p.rel_path, c.field, c.base, c.desk_value, c.desk_who, c.other_value,
         c.other_who, c.created_at
       FROM desk_conflicts c JOIN desk_photos p ON p.id = c.photo_id
       WHERE c.settled_at IS NULL ORDER BY c.id`,
    );
    return rows.map((row) => ({
      id: Number(row.id),
      relPath: row.rel_path,
      field: row.field,
      base: row.base,
      deskValue: row.desk_value,
      deskWho: row.desk_who,
      otherValue: row.other_value,
      otherWho: row.other_who,
      createdAt: row.created_at.toISOString(),
    }));
  }

  /**
   * Settles a conflict with the value a person chose: it becomes the desk's value and
   * travels to every member (the settler's catalog too) as a 'settle' edit.
   * False when there is no such open conflict.
   */
  async settle(
    conflictId: number,
    value: FieldValue,
    editUid: string,
    memberId: number,
    who: string,
  ): Promise<boolean> {
    return this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
      const found = await client.query<{ photo_id: string; field: string }>(
        `UPDATE desk_conflicts SET settled_at = now(), settled_by = $2, settled_value = $3::jsonb
         WHERE id = $1 AND settled_at IS NULL RETURNING photo_id, field`,
        [conflictId, who, json(value)],
      );
      const conflict = found.rows[0];
      if (!conflict) return false;
      const logged = await client.query<{ seq: string }>(
        `INSERT INTO desk_edits
           (edit_uid, photo_id, field, base, value, member_id, who, at, kind, accepted)
         VALUES ($1, $2, $3, NULL, $4::jsonb, $5, $6, now(), 'settle', true) RETURNING seq`,
        [editUid, conflict.photo_id, conflict.field, json(value), memberId, who],
      );
      const seq = logged.rows[0]?.seq;
      await client.query(
        `UPDATE desk_field_values SET value = $3::jsonb, seq = $4, who = $5
         WHERE photo_id = $1 AND field = $2`,
        [conflict.photo_id, conflict.field, json(value), seq, who],
      );
      await client.query('SELECT pg_notify($1, $2)', [CHANNEL, String(seq)]);
      return true;
    });
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

  /** The house rules the desk shares, over this connection (desk-settings-db.ts). */
  settings(): DeskSettingsDb {
    return new DeskSettingsDb(this.client, CHANNEL, (work) => this.inTransaction(work));
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
