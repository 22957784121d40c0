/**
 * The SQL of the desk's bookkeeping in a member's catalog: the desk link, the outbox of edits
 * not yet pushed and the last desk sequence applied (migration 0015). The desk-sync service
 * decides; this layer only reads and writes rows.
 */
import type { CaptionField, FieldValue } from '../../shared/model';
import type { CatalogDb } from './catalog-db';

/** This catalog's link to a desk. */
export interface DeskLinkRow {
  /** The desk's address, without a password. */
  url: string;
  memberName: string;
  /** The local folder that is the desk's root. */
  root: string;
  memberId: number | null;
  lastSeq: number;
  joinedAt: string;
}

/** One local edit waiting to reach the desk, with the photo's path and fingerprint. */
export interface OutboxEdit {
  id: number;
  editUid: string;
  photoId: number;
  path: string;
  fingerprint: string;
  field: CaptionField;
  base: FieldValue;
  value: FieldValue;
  who: string;
  at: string;
}

interface RawOutboxEdit extends Omit<OutboxEdit, 'base' | 'value'> {
  base: string;
  value: string;
}

/** Prepared statements of the desk's bookkeeping, made once per catalog. */
export class DeskRepo {
  private readonly statements;

  constructor(private readonly db: CatalogDb) {
    this.statements = {
      link: db.prepare(
        `SELECT url, member_name AS memberName, root, member_id AS memberId,
           last_seq AS lastSeq, joined_at AS joinedAt FROM desk_link WHERE id = 1`,
      ),
      setLink: db.prepare(
        `INSERT INTO desk_link (id, url, member_name, root, joined_at) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET url = excluded.url, member_name = excluded.member_name,
           root = excluded.root`,
      ),
      clearLink: db.prepare('DELETE FROM desk_link'),
      clearOutbox: db.prepare('DELETE FROM desk_outbox'),
      setMember: db.prepare('UPDATE desk_link SET member_id = ? WHERE id = 1'),
      setLastSeq: db.prepare('UPDATE desk_link SET last_seq = max(last_seq, ?) WHERE id = 1'),
      outbox: db.prepare(
        `SELECT o.id, o.edit_uid AS editUid, o.photo_id AS photoId, p.path, p.fingerprint,
           o.field, o.base, o.value, o.who, o.at
         FROM desk_outbox o JOIN photos p ON p.id = o.photo_id ORDER BY o.id LIMIT ?`,
      ),
      outboxCount: db.prepare('SELECT count(*) AS n FROM desk_outbox'),
      dropPushed: db.prepare('DELETE FROM desk_outbox WHERE id = ?'),
      pending: db.prepare('SELECT 1 AS found FROM desk_outbox WHERE photo_id = ? AND field = ?'),
      startApplying: db.prepare('INSERT OR IGNORE INTO desk_applying (id) VALUES (1)'),
      endApplying: db.prepare('DELETE FROM desk_applying'),
    };
  }

  link(): DeskLinkRow | undefined {
    return this.statements.link.get() as DeskLinkRow | undefined;
  }

  /** Links the catalog to a desk (or changes the link's name, address or root). */
  setLink(url: string, memberName: string, root: string, at: string): void {
    this.statements.setLink.run(url, memberName, root, at);
  }

  /** Unlinks the catalog; edits not yet pushed are dropped with the link. */
  clearLink(): void {
    this.db.transaction(() => {
      this.statements.clearOutbox.run();
      this.statements.clearLink.run();
    })();
  }

  setMember(memberId: number): void {
    this.statements.setMember.run(memberId);
  }

  /** Remembers that every desk edit up to `seq` has been read (never goes back). */
  setLastSeq(seq: number): void {
    this.statements.setLastSeq.run(seq);
  }

  /** The oldest edits waiting to be pushed, in the order they were made. */
  outbox(limit: number): OutboxEdit[] {
    const rows = this.statements.outbox.all(limit) as RawOutboxEdit[];
    return rows.map((row) => ({
      ...row,
      base: JSON.parse(row.base) as FieldValue,
      value: JSON.parse(row.value) as FieldValue,
    }));
  }

  outboxCount(): number {
    return (this.statements.outboxCount.get() as { n: number }).n;
  }

  dropPushed(id: number): void {
    this.statements.dropPushed.run(id);
  }

  /** Whether this member has an edit of the field not yet pushed. */
  hasPending(photoId: number, field: CaptionField): boolean {
    return this.statements.pending.get(photoId, field) !== undefined;
  }

  /**
   * Runs `work` (which applies others' edits through the edit service) in one transaction
   * in which the outbox triggers stay quiet, so those edits are not pushed back.
   */
  applying<T>(work: () => T): T {
    return this.db.transaction(() => {
      this.statements.startApplying.run();
      try {
        return work();
      } finally {
        this.statements.endApplying.run();
      }
    })();
  }
}
