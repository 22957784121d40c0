/**
 * The SQL of writing to files: the persistent write queue, the conflicts found instead of
 * writing, and the last failure per photo. The write service decides; this layer only reads
 * and writes rows.
 */
import type { CaptionField, FieldValue } from '../../shared/model';
import type { CatalogDb } from './catalog-db';

/** One field of a conflict: what the file now holds and what Cutline holds. */
export interface ConflictField {
  file: FieldValue;
  cutline: FieldValue;
}

export interface ConflictRow {
  photoId: number;
  path: string;
  detectedAt: string;
  fileFingerprint: string;
  fields: Partial<Record<CaptionField, ConflictField>>;
}

export interface QueuedWrite {
  photoId: number;
  sidecar: boolean;
}

/** Prepared statements of the write queue, made once per catalog. */
export class WriteQueueRepo {
  private readonly statements;

  constructor(private readonly db: CatalogDb) {
    this.statements = {
      enqueue: db.prepare(
        `INSERT INTO write_queue (photo_id, queued_at, sidecar) VALUES (?, ?, ?)
         ON CONFLICT (photo_id) DO UPDATE SET sidecar = max(sidecar, excluded.sidecar)`,
      ),
      queued: db.prepare(
        `SELECT photo_id AS photoId, sidecar FROM write_queue ORDER BY queued_at, photo_id`,
      ),
      dequeue: db.prepare('DELETE FROM write_queue WHERE photo_id = ?'),
      isQueued: db.prepare('SELECT 1 FROM write_queue WHERE photo_id = ?').pluck(),
      queueSize: db.prepare('SELECT count(*) AS n FROM write_queue'),
      clearQueue: db.prepare('DELETE FROM write_queue'),
      withUnwritten: db.prepare(
        `SELECT DISTINCT photo_id AS id FROM unwritten_fields u
         WHERE NOT EXISTS (SELECT 1 FROM write_conflicts c WHERE c.photo_id = u.photo_id)
         ORDER BY photo_id`,
      ),
      unwrittenCount: db.prepare(
        'SELECT count(*) AS n FROM (SELECT DISTINCT photo_id FROM unwritten_fields)',
      ),
      saveConflict: db.prepare(
        `INSERT OR REPLACE INTO write_conflicts (photo_id, detected_at, file_fingerprint, fields)
         VALUES (?, ?, ?, ?)`,
      ),
      conflicts: db.prepare(
        `SELECT c.photo_id AS photoId, p.path, c.detected_at AS detectedAt,
           c.file_fingerprint AS fileFingerprint, c.fields
         FROM write_conflicts c JOIN photos p ON p.id = c.photo_id ORDER BY p.path LIMIT ?`,
      ),
      conflict: db.prepare(
        `SELECT c.photo_id AS photoId, p.path, c.detected_at AS detectedAt,
           c.file_fingerprint AS fileFingerprint, c.fields
         FROM write_conflicts c JOIN photos p ON p.id = c.photo_id WHERE c.photo_id = ?`,
      ),
      conflictCount: db.prepare('SELECT count(*) AS n FROM write_conflicts'),
      dropConflict: db.prepare('DELETE FROM write_conflicts WHERE photo_id = ?'),
      saveFailure: db.prepare(
        'INSERT OR REPLACE INTO write_failures (photo_id, failed_at, reason) VALUES (?, ?, ?)',
      ),
      dropFailure: db.prepare('DELETE FROM write_failures WHERE photo_id = ?'),
    };
  }

  /** Adds photos to the queue (a photo already queued keeps its place). */
  enqueue(photoIds: readonly number[], sidecar: boolean): void {
    const at = new Date().toISOString();
    this.db.transaction(() => {
      for (const id of photoIds) {
        this.statements.enqueue.run(id, at, sidecar ? 1 : 0);
      }
    })();
  }

  queued(): QueuedWrite[] {
    return (this.statements.queued.all() as { photoId: number; sidecar: number }[]).map((row) => ({
      ...row,
      sidecar: row.sidecar === 1,
    }));
  }

  dequeue(photoId: number): void {
    this.statements.dequeue.run(photoId);
  }

  /** True while the photo waits in the queue (not yet written by this or another process). */
  isQueued(photoId: number): boolean {
    return this.statements.isQueued.get(photoId) !== undefined;
  }

  queueSize(): number {
    return (this.statements.queueSize.get() as { n: number }).n;
  }

  /** Empties the queue (a cancelled batch is not resumed). */
  clearQueue(): void {
    this.statements.clearQueue.run();
  }

  /** Every photo with a change not yet in its file, except those waiting on a conflict. */
  photosWithUnwritten(): number[] {
    return (this.statements.withUnwritten.all() as { id: number }[]).map((row) => row.id);
  }

  unwrittenCount(): number {
    return (this.statements.unwrittenCount.get() as { n: number }).n;
  }

  saveConflict(
    photoId: number,
    fileFingerprint: string,
    fields: Partial<Record<CaptionField, ConflictField>>,
  ): void {
    this.statements.saveConflict.run(
      photoId,
      new Date().toISOString(),
      fileFingerprint,
      JSON.stringify(fields),
    );
  }

  conflicts(limit = 10_000): ConflictRow[] {
    return (
      this.statements.conflicts.all(limit) as (Omit<ConflictRow, 'fields'> & { fields: string })[]
    ).map(decodeConflict);
  }

  conflict(photoId: number): ConflictRow | undefined {
    const row = this.statements.conflict.get(photoId) as
      | (Omit<ConflictRow, 'fields'> & { fields: string })
      | undefined;
    return row ? decodeConflict(row) : undefined;
  }

  conflictCount(): number {
    return (this.statements.conflictCount.get() as { n: number }).n;
  }

  dropConflict(photoId: number): void {
    this.statements.dropConflict.run(photoId);
  }

  saveFailure(photoId: number, reason: string): void {
    this.statements.saveFailure.run(photoId, new Date().toISOString(), reason);
  }

  dropFailure(photoId: number): void {
    this.statements.dropFailure.run(photoId);
  }
}

function decodeConflict(row: Omit<ConflictRow, 'fields'> & { fields: string }): ConflictRow {
  return { ...row, fields: JSON.parse(row.fields) as ConflictRow['fields'] };
}
