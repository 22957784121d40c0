import type { CatalogDb } from '../catalog-db';

/**
 * Writing captions into the files: the queue of photos still to write (so a batch cut short
 * by a crash or a quit resumes where it stopped), the conflicts found instead of writing,
 * and the last failure of each photo that could not be written.
 */
export default function migrate0008WriteBack(db: CatalogDb): void {
  db.exec(`
    -- A photo waiting to be written. A row leaves the queue only once its photo is written,
    -- found in conflict, or failed, so a crash mid-batch leaves exactly the rest.
    CREATE TABLE write_queue (
      photo_id INTEGER PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
      queued_at TEXT NOT NULL,
      -- Write into an XMP sidecar even where the format could hold the metadata itself.
      sidecar INTEGER NOT NULL DEFAULT 0 CHECK (sidecar IN (0, 1))
    ) STRICT;

    -- A file changed on disk since the catalog read it, whose values clash with Cutline's.
    CREATE TABLE write_conflicts (
      photo_id INTEGER PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
      detected_at TEXT NOT NULL,
      file_fingerprint TEXT NOT NULL,
      -- {field: {file, cutline}} for every field where the two differ.
      fields TEXT NOT NULL CHECK (json_valid(fields))
    ) STRICT;

    CREATE TABLE write_failures (
      photo_id INTEGER PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
      failed_at TEXT NOT NULL,
      reason TEXT NOT NULL
    ) STRICT;
  `);
}
