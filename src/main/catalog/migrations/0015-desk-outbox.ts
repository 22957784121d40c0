import type { CatalogDb } from '../catalog-db';

/**
 * The desk's bookkeeping in each member's catalog (src/main/desk): the link to the desk (its
 * address without any password, the member's name and the folder that is the desk's root),
 * the last desk sequence this catalog has applied, and an outbox of edits not yet pushed.
 *
 * The outbox is filled by triggers on field_history, so every way an edit is made (the app,
 * the CLI in the same catalog, undo, redo, templates, batches, typing that merges into one
 * history row) reaches the desk without each caller knowing about it. The triggers do nothing
 * while the catalog has no desk link, and nothing for edits that came from the desk (applied
 * while the one row of desk_applying exists, inside the applying transaction only).
 */
export default function migrate0015DeskOutbox(db: CatalogDb): void {
  db.exec(`
    CREATE TABLE desk_link (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      -- The desk's address without a password (passwords come from PGPASSWORD or ~/.pgpass).
      url TEXT NOT NULL,
      member_name TEXT NOT NULL,
      -- The local folder that is the desk's root: photos are known to the desk by their path
      -- relative to it, so members may mount the shared volume at different places.
      root TEXT NOT NULL,
      -- The member's id on the desk, once the desk has been reached.
      member_id INTEGER,
      -- The last desk sequence read (applied, or skipped as this member's own).
      last_seq INTEGER NOT NULL DEFAULT 0,
      joined_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE desk_outbox (
      id INTEGER PRIMARY KEY,
      -- The edit's id on the desk: a push repeated after a crash is recognised, not doubled.
      edit_uid TEXT NOT NULL UNIQUE,
      photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
      field TEXT NOT NULL,
      -- The value the edit started from, and the value it set (JSON).
      base TEXT NOT NULL CHECK (json_valid(base)),
      value TEXT NOT NULL CHECK (json_valid(value)),
      who TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX desk_outbox_field ON desk_outbox (photo_id, field);

    -- One row while the desk applies others' edits (within that transaction only).
    CREATE TABLE desk_applying (id INTEGER PRIMARY KEY CHECK (id = 1)) STRICT;

    CREATE TRIGGER desk_outbox_insert AFTER INSERT ON field_history
    WHEN NEW.old_value IS NOT NEW.new_value
      AND EXISTS (SELECT 1 FROM desk_link) AND NOT EXISTS (SELECT 1 FROM desk_applying)
    BEGIN
      INSERT INTO desk_outbox (edit_uid, photo_id, field, base, value, who, at)
      VALUES (lower(hex(randomblob(16))), NEW.photo_id, NEW.field, NEW.old_value,
        NEW.new_value, NEW.who, NEW.at);
    END;

    -- Typing merged into an earlier history row: the desk gets the new value, started from
    -- the one it was last sent.
    CREATE TRIGGER desk_outbox_typing AFTER UPDATE OF new_value ON field_history
    WHEN OLD.new_value IS NOT NEW.new_value
      AND EXISTS (SELECT 1 FROM desk_link) AND NOT EXISTS (SELECT 1 FROM desk_applying)
    BEGIN
      INSERT INTO desk_outbox (edit_uid, photo_id, field, base, value, who, at)
      VALUES (lower(hex(randomblob(16))), NEW.photo_id, NEW.field, OLD.new_value,
        NEW.new_value, NEW.who, NEW.at);
    END;
  `);
}
