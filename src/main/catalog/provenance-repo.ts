import type { CatalogDb } from './catalog-db';

/** A photo whose file carries Content Credentials that a write would break. */
export interface CredentialedPhoto {
  id: number;
  path: string;
  format: string;
  /** JSON text of its ProvenanceSummary. */
  provenance: string;
}

/**
 * C2PA state a write changes (migration 0016): which photos to be written carry credentials
 * not yet broken, and the mark that Cutline's write broke them (kept apart from the summary,
 * which every re-read replaces, so that a file never looks signed again after Cutline's edit).
 */
export class ProvenanceRepo {
  private readonly among;
  private readonly unwritten;
  private readonly mark;
  private readonly keep;

  constructor(db: CatalogDb) {
    const intact = 'p.provenance IS NOT NULL AND p.provenance_broken_at IS NULL';
    this.among = db.prepare(
      `SELECT p.id, p.path, p.format, p.provenance FROM photos p
       WHERE p.id IN (SELECT value FROM json_each(?)) AND ${intact} ORDER BY p.path`,
    );
    this.unwritten = db.prepare(
      `SELECT p.id, p.path, p.format, p.provenance FROM photos p
       WHERE p.id IN (SELECT u.photo_id FROM unwritten_fields u) AND ${intact}
       ORDER BY p.path LIMIT ?`,
    );
    this.mark = db.prepare(
      `UPDATE photos SET provenance_broken_at = ? WHERE id = ? AND provenance_broken_at IS NULL`,
    );
    this.keep = db.prepare(
      `UPDATE photos SET provenance = ? WHERE id = ?
       AND (provenance IS NULL OR json_extract(provenance, '$.state') = 'unreadable')`,
    );
  }

  /** Of the photos given, those whose files carry credentials not yet broken. */
  credentialedAmong(ids: readonly number[]): CredentialedPhoto[] {
    return this.among.all(JSON.stringify(ids)) as CredentialedPhoto[];
  }

  /** Photos with unwritten changes whose files carry credentials not yet broken. */
  credentialedUnwritten(limit: number): CredentialedPhoto[] {
    return this.unwritten.all(limit) as CredentialedPhoto[];
  }

  /**
   * Puts back `summary` (JSON), the credentials as read before Cutline's write, when the file
   * read after it yields none or none the library can parse (ExifTool's rewrite of a TIFF):
   * who signed it and what was done stay known beside the mark that Cutline broke them.
   */
  keepSummaryAfterWrite(photoId: number, summary: string): boolean {
    return this.keep.run(summary, photoId).changes > 0;
  }

  /** Records that Cutline's write at `at` (ISO time) broke the photo's credentials. */
  markBroken(photoId: number, at: string): boolean {
    return this.mark.run(at, photoId).changes > 0;
  }
}
