/**
 * The desk's edit log over one connection: pushing edits (each checked against the desk's
 * value of its field, taken or kept as a conflict), reading accepted edits by sequence, and
 * the conflicts with their settling. A part of DeskDb (desk.edits()).
 */
import type pg from 'pg';
import type { DeskConflictView } from '../../shared/desk';
import type { CaptionField, FieldValue } from '../../shared/model';
import { DESK_CHANNEL, type DeskTransaction, PUSH_LOCK } from './desk-keys';

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

/** An open desk conflict, as the desk knows it (without any member's local file). */
export type DeskConflict = Omit<DeskConflictView, 'path' | 'photoId'>;

const json = (value: FieldValue | null) => JSON.stringify(value);

/** The edit log of one desk connection. */
export class DeskEditsDb {
  constructor(
    private readonly client: pg.Client,
    private readonly inTransaction: DeskTransaction,
  ) {}

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
      [JSON.stringify(edits), PUSH_LOCK, DESK_CHANNEL],
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

  /** The desk's latest sequence. */
  async lastSeq(): Promise<number> {
    const { rows } = await this.client.query<{ seq: string | null }>(
      'SELECT max(seq) AS seq FROM desk_edits',
    );
    return Number(rows[0]?.seq ?? 0);
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
      await client.query('SELECT pg_notify($1, $2)', [DESK_CHANNEL, String(seq)]);
      return true;
    });
  }
}
