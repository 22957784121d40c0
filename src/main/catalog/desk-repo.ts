/**
 * The SQL of the desk's bookkeeping in a member's catalog: the desk link, the outbox of edits
 * not yet pushed and the last desk sequence applied (migration 0015). The desk-sync service
 * decides; this layer only reads and writes rows.
 */
import {
  CAPTION_FIELDS,
  type CaptionField,
  type FieldValue,
  isListField,
} from '../../shared/model';
import type { CatalogDb } from './catalog-db';
import type { PhotoRow, PhotoRows } from './photo-rows';
import { CAPTION_COLUMNS } from './photos-repo';

/** This catalog's link to a desk. */
export interface DeskLinkRow {
  /** The desk's address, without a password. */
  url: string;
  memberName: string;
  /** The local folder that is the desk's root. */
  root: string;
  memberId: number | null;
  lastSeq: number;
  /** The last desk photo version read (photos published by members). */
  lastPhotoVersion: number;
  joinedAt: string;
}

/** A photo's identity as this member knows it (migration 0019). */
export interface DeskIdentityRow {
  /** The file's fingerprint when the digest was taken. */
  fingerprint: string;
  imageDigest: string | null;
  /** The fingerprint last published to the desk, or null. */
  published: string | null;
}

/** A photo under the desk's root whose file the desk has not been told of as it is now. */
export interface UnpublishedPhoto {
  id: number;
  path: string;
  fingerprint: string;
  /** The identity known, if any (its digest is good while its fingerprint is the file's). */
  identityFingerprint: string | null;
  imageDigest: string | null;
}

/** A photo as published to the desk: its catalog rows, with the file's values of its fields. */
export interface StoredPhoto {
  rows: PhotoRows;
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
           last_seq AS lastSeq, last_photo_version AS lastPhotoVersion, joined_at AS joinedAt
         FROM desk_link WHERE id = 1`,
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
      setLastPhotoVersion: db.prepare(
        'UPDATE desk_link SET last_photo_version = max(last_photo_version, ?) WHERE id = 1',
      ),
      identity: db.prepare(
        `SELECT fingerprint, image_digest AS imageDigest, published
         FROM desk_photo_identity WHERE photo_id = ?`,
      ),
      setIdentity: db.prepare(
        `INSERT INTO desk_photo_identity (photo_id, fingerprint, image_digest, published)
         VALUES (?, ?, ?, ?) ON CONFLICT (photo_id) DO UPDATE SET fingerprint = excluded.fingerprint,
           image_digest = excluded.image_digest, published = excluded.published`,
      ),
      setDigest: db.prepare(
        `INSERT INTO desk_photo_identity (photo_id, fingerprint, image_digest, published)
         VALUES (?, ?, ?, NULL) ON CONFLICT (photo_id) DO UPDATE SET
           fingerprint = excluded.fingerprint, image_digest = excluded.image_digest`,
      ),
      unpublished: db.prepare(
        `SELECT p.id, p.path, p.fingerprint, i.fingerprint AS identityFingerprint,
           i.image_digest AS imageDigest
         FROM photos p LEFT JOIN desk_photo_identity i ON i.photo_id = p.id
         WHERE substr(p.path, 1, ?) = ? AND p.file_state <> 'missing'
           AND i.published IS NOT p.fingerprint
         ORDER BY p.id LIMIT ?`,
      ),
      storedPhoto: db.prepare(
        `SELECT p.path, p.file_name AS fileName, p.format, p.byte_size AS byteSize,
           p.mtime_ms AS mtimeMs, p.fingerprint, p.sidecar_path AS sidecarPath,
           p.sidecar_mtime_ms AS sidecarMtimeMs, p.width, p.height, p.orientation,
           p.camera_make AS cameraMake, p.camera_model AS cameraModel, p.lens,
           p.gps_latitude AS gpsLatitude, p.gps_longitude AS gpsLongitude, p.warnings,
           p.iptc_structures AS structures, p.damage, p.provenance,
           ${CAPTION_FIELDS.map((f) => `c.${CAPTION_COLUMNS[f]} AS "c_${f}"`).join(', ')},
           c.origins AS c_origins, c.copies_disagree AS c_copiesDisagree,
           c.over_iim_limit AS c_overIimLimit,
           (SELECT json_group_object(u.field, json(u.file_value)) FROM unwritten_fields u
            WHERE u.photo_id = p.id) AS unwritten,
           t.jpeg AS t_jpeg, t.width AS t_width, t.height AS t_height, t.origin AS t_origin
         FROM photos p JOIN captions c ON c.photo_id = p.id
           LEFT JOIN thumbnails t ON t.photo_id = p.id
         WHERE p.id = ?`,
      ),
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

  /** Remembers that every desk photo version up to `version` has been read. */
  setLastPhotoVersion(version: number): void {
    this.statements.setLastPhotoVersion.run(version);
  }

  identity(photoId: number): DeskIdentityRow | undefined {
    return this.statements.identity.get(photoId) as DeskIdentityRow | undefined;
  }

  setIdentity(
    photoId: number,
    fingerprint: string,
    imageDigest: string | null,
    published: string | null,
  ): void {
    this.statements.setIdentity.run(photoId, fingerprint, imageDigest, published);
  }

  /**
   * Remembers a photo's image-data digest for its file's fingerprint (taken as an import read
   * the file), keeping what was last published of it: the publisher then need not read it.
   */
  setDigest(photoId: number, fingerprint: string, imageDigest: string | null): void {
    this.statements.setDigest.run(photoId, fingerprint, imageDigest);
  }

  /** Photos under `root` (a folder path ending in its separator) not published as they are. */
  unpublished(root: string, limit: number): UnpublishedPhoto[] {
    return this.statements.unpublished.all(root.length, root, limit) as UnpublishedPhoto[];
  }

  /**
   * A photo's catalog rows as an import of its file stored them: each field with an edit
   * not yet written carries the file's value (the edit travels on the desk as an edit).
   */
  storedPhoto(photoId: number): StoredPhoto | undefined {
    const row = this.statements.storedPhoto.get(photoId) as Record<string, unknown> | undefined;
    if (!row) return undefined;
    const unwritten = JSON.parse(String(row.unwritten ?? '{}')) as Record<string, FieldValue>;
    const caption: Record<string, string | number> = {};
    const photo: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      if (key.startsWith('c_')) caption[key.slice(2)] = value as string | number;
      else if (!key.startsWith('t_') && key !== 'unwritten') photo[key] = value;
    }
    for (const [field, fileValue] of Object.entries(unwritten)) {
      caption[field] = isListField(field as CaptionField)
        ? JSON.stringify(fileValue)
        : (fileValue as string);
    }
    const jpeg = row.t_jpeg as Buffer | null;
    return {
      rows: {
        photo: photo as PhotoRow,
        caption,
        thumbnail: jpeg
          ? {
              jpeg,
              width: row.t_width as number,
              height: row.t_height as number,
              origin: row.t_origin as 'embedded' | 'rendered',
            }
          : null,
      },
    };
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

  /** Drops edits the desk now has, in one transaction. */
  dropAllPushed(ids: readonly number[]): void {
    this.db.transaction(() => {
      for (const id of ids) this.statements.dropPushed.run(id);
    })();
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
