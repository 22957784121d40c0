import type { CatalogDb } from '../catalog-db';

/**
 * A photo's identity on the desk (issue 18 part 2), kept per member: the image-data digest
 * of its file (computed once per fingerprint: reading a whole file is not free) and the
 * fingerprint last published to the desk, so a photo is published again only when its file
 * changed. Also the last desk photo version read, as last_seq is for edits. Nothing here is
 * used by a catalog that never joins a desk.
 */
export default function migrate0020DeskIdentity(db: CatalogDb): void {
  db.exec(`
    CREATE TABLE desk_photo_identity (
      photo_id INTEGER PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
      -- The file's fingerprint when the digest was taken.
      fingerprint TEXT NOT NULL,
      -- Null when the file's picture could not be read.
      image_digest TEXT,
      -- The fingerprint the desk last received from this member (null: not yet published).
      published TEXT
    ) STRICT;

    ALTER TABLE desk_link ADD COLUMN last_photo_version INTEGER NOT NULL DEFAULT 0;
  `);
}
