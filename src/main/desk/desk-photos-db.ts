/**
 * The desk's photos over one connection: publishing members' photos (identity, file, record,
 * thumbnail) in versions, reading them back by version, a photo's file as last published and
 * the desk's values of photos' fields. A part of DeskDb (desk.photos()).
 */
import type pg from 'pg';
import type { CaptionField, FieldValue } from '../../shared/model';
import { DESK_CHANNEL, type DeskTransaction, PUSH_LOCK } from './desk-keys';

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

/** The published photos of one desk connection. */
export class DeskPhotosDb {
  constructor(
    private readonly client: pg.Client,
    private readonly inTransaction: DeskTransaction,
  ) {}

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
      if (changed > 0) await client.query('SELECT pg_notify($1, $2)', [DESK_CHANNEL, 'photos']);
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
}
