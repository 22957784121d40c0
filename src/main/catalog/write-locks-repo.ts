/**
 * The SQL of the per-photo write locks (migration 0012): which process is writing a photo's
 * file now. The write service decides who may take one; this layer reads and writes rows.
 */
import type { CatalogDb } from './catalog-db';
import type { ProcessOwner } from './process-owner';

/** A process that may hold write locks. */
export type LockOwner = ProcessOwner;

export interface HeldLock {
  photoId: number;
  owner: LockOwner;
  expiresAt: number;
}

/** Prepared statements of the write locks, made once per catalog. */
export class WriteLocksRepo {
  private readonly statements;

  constructor(private readonly db: CatalogDb) {
    this.statements = {
      holder: db.prepare(
        `SELECT owner_pid AS pid, owner_started_at AS startedAt, expires_at AS expiresAt
         FROM write_locks WHERE photo_id = ?`,
      ),
      take: db.prepare(
        `INSERT OR REPLACE INTO write_locks (photo_id, owner_pid, owner_started_at, expires_at)
         VALUES (?, ?, ?, ?)`,
      ),
      release: db.prepare(
        'DELETE FROM write_locks WHERE photo_id = ? AND owner_pid = ? AND owner_started_at = ?',
      ),
      releaseAll: db.prepare(
        'DELETE FROM write_locks WHERE owner_pid = ? AND owner_started_at = ?',
      ),
    };
  }

  /**
   * Takes the lock of each photo that is free, or held by `owner` already, or whose holder
   * `mayTakeOver` allows (dead, expired), in one transaction. Answers the photos now held.
   */
  take(
    photoIds: readonly number[],
    owner: LockOwner,
    expiresAt: number,
    mayTakeOver: (held: HeldLock) => boolean,
  ): Set<number> {
    const taken = new Set<number>();
    this.db.transaction(() => {
      for (const photoId of photoIds) {
        const row = this.statements.holder.get(photoId) as
          | { pid: number; startedAt: number; expiresAt: number }
          | undefined;
        const mine = row && row.pid === owner.pid && row.startedAt === owner.startedAt;
        if (
          row &&
          !mine &&
          !mayTakeOver({
            photoId,
            owner: { pid: row.pid, startedAt: row.startedAt },
            expiresAt: row.expiresAt,
          })
        ) {
          continue;
        }
        this.statements.take.run(photoId, owner.pid, owner.startedAt, expiresAt);
        taken.add(photoId);
      }
    })();
    return taken;
  }

  release(photoIds: readonly number[], owner: LockOwner): void {
    this.db.transaction(() => {
      for (const photoId of photoIds) {
        this.statements.release.run(photoId, owner.pid, owner.startedAt);
      }
    })();
  }

  /** Lets go of every lock `owner` holds (a batch that ended, a process that quits). */
  releaseAll(owner: LockOwner): void {
    this.statements.releaseAll.run(owner.pid, owner.startedAt);
  }
}
