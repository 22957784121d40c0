/**
 * Photos shared through the desk (issue 18 parts 2 and 5): a photo is known by its image-data
 * digest (the one the write-back check computes, src/main/metadata/image-data-digest.ts) with
 * its path under the desk's root; the member who imports it publishes its record and
 * thumbnail, so the others get it without importing the folder; after a write, the file's new
 * size, modification time and fingerprint are published the same way, so the others know a
 * colleague changed it. `version` orders publications for catch-up, as `seq` orders edits.
 * desk_writers says who holds a photo's write lock (a session advisory lock keyed by its
 * identity), so the member kept waiting can be told who is writing.
 */
export const DESK_0003 = `
  CREATE SEQUENCE desk_photo_version;

  ALTER TABLE desk_photos
    -- The image data's digest: null when the publisher could not read the file's picture.
    ADD COLUMN image_digest TEXT,
    -- The file as last published (after an import, a re-read or a write).
    ADD COLUMN file_fingerprint TEXT,
    ADD COLUMN byte_size BIGINT,
    ADD COLUMN mtime_ms DOUBLE PRECISION,
    -- The catalog's rows of the photo without its paths, and the file's values of its fields.
    ADD COLUMN record JSONB,
    ADD COLUMN thumbnail BYTEA,
    ADD COLUMN thumbnail_width INTEGER,
    ADD COLUMN thumbnail_height INTEGER,
    ADD COLUMN thumbnail_origin TEXT,
    ADD COLUMN published_by TEXT,
    -- Set when the publication follows a write: the file changed because of this member.
    ADD COLUMN written_by TEXT,
    ADD COLUMN version BIGINT;
  CREATE INDEX desk_photos_version ON desk_photos (version);

  CREATE TABLE desk_writers (
    lock_key TEXT PRIMARY KEY,
    member_id BIGINT NOT NULL REFERENCES desk_members (id),
    name TEXT NOT NULL,
    since TIMESTAMPTZ NOT NULL DEFAULT now()
  );
`;
