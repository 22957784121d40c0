import type { CatalogDb } from '../catalog-db';

/** Photos (identity, file facts, technical fields), their caption fields and thumbnails. */
export default function migrate0001Photos(db: CatalogDb): void {
  db.exec(`
    CREATE TABLE photos (
      id INTEGER PRIMARY KEY,
      path TEXT NOT NULL UNIQUE,
      file_name TEXT NOT NULL,
      format TEXT NOT NULL,
      byte_size INTEGER NOT NULL,
      mtime_ms REAL NOT NULL,
      fingerprint TEXT NOT NULL,
      sidecar_path TEXT,
      sidecar_mtime_ms REAL,
      width INTEGER,
      height INTEGER,
      orientation INTEGER,
      camera_make TEXT NOT NULL DEFAULT '',
      camera_model TEXT NOT NULL DEFAULT '',
      lens TEXT NOT NULL DEFAULT '',
      gps_latitude REAL,
      gps_longitude REAL,
      warnings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
      file_state TEXT NOT NULL DEFAULT 'ok' CHECK (file_state IN ('ok', 'changed', 'missing')),
      imported_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX photos_fingerprint ON photos (fingerprint);

    CREATE TABLE captions (
      photo_id INTEGER PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
      caption TEXT NOT NULL DEFAULT '',
      headline TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL DEFAULT '',
      creators TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(creators)),
      creator_job_title TEXT NOT NULL DEFAULT '',
      credit_line TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL DEFAULT '',
      copyright_notice TEXT NOT NULL DEFAULT '',
      caption_writer TEXT NOT NULL DEFAULT '',
      date_created TEXT NOT NULL DEFAULT '',
      city TEXT NOT NULL DEFAULT '',
      sublocation TEXT NOT NULL DEFAULT '',
      province_state TEXT NOT NULL DEFAULT '',
      country TEXT NOT NULL DEFAULT '',
      country_code TEXT NOT NULL DEFAULT '',
      keywords TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords)),
      instructions TEXT NOT NULL DEFAULT '',
      job_id TEXT NOT NULL DEFAULT '',
      event TEXT NOT NULL DEFAULT '',
      persons_shown TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(persons_shown)),
      alt_text TEXT NOT NULL DEFAULT '',
      extended_description TEXT NOT NULL DEFAULT '',
      usage_terms TEXT NOT NULL DEFAULT '',
      -- Per field: which copy (EXIF/IIM/XMP/sidecar) won and what each copy held.
      origins TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(origins)),
      -- Derived at import so that the problem filters are plain indexed lookups.
      copies_disagree INTEGER NOT NULL DEFAULT 0,
      over_iim_limit INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE thumbnails (
      photo_id INTEGER PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
      jpeg BLOB NOT NULL,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('embedded', 'rendered'))
    ) STRICT;
  `);
}
