import type { CatalogDb } from '../catalog-db';

/**
 * Editing: what changed since the file was read, every change with who and when, the undo
 * steps, templates (with values kept live per photo) and code replacements.
 */
export default function migrate0006Editing(db: CatalogDb): void {
  db.exec(`
    -- A field whose catalog value is not yet in the file, with the value the file holds.
    -- A row exists exactly while the two differ; writing to the file (or editing the value
    -- back) removes it.
    CREATE TABLE unwritten_fields (
      photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
      field TEXT NOT NULL,
      file_value TEXT NOT NULL CHECK (json_valid(file_value)),
      PRIMARY KEY (photo_id, field)
    ) STRICT, WITHOUT ROWID;

    -- One user action (typing in a field, a batch, a template, a normalisation): the unit of
    -- undo. Undone steps can be redone until a new step drops them.
    CREATE TABLE edit_steps (
      id INTEGER PRIMARY KEY,
      label TEXT NOT NULL,
      who TEXT NOT NULL,
      at TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped')),
      -- Consecutive typing in one field of one photo merges into one step.
      merge_key TEXT
    ) STRICT;
    CREATE INDEX edit_steps_state ON edit_steps (state, id);

    -- Every change to every field. Undo and redo are changes too ('undo' / 'redo' rows point
    -- at the step they reverse or repeat).
    CREATE TABLE field_history (
      id INTEGER PRIMARY KEY,
      step_id INTEGER NOT NULL REFERENCES edit_steps (id),
      kind TEXT NOT NULL DEFAULT 'edit' CHECK (kind IN ('edit', 'undo', 'redo')),
      photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
      field TEXT NOT NULL,
      old_value TEXT NOT NULL CHECK (json_valid(old_value)),
      new_value TEXT NOT NULL CHECK (json_valid(new_value)),
      at TEXT NOT NULL,
      who TEXT NOT NULL
    ) STRICT;
    CREATE INDEX field_history_photo ON field_history (photo_id, id);
    CREATE INDEX field_history_step ON field_history (step_id, kind);

    CREATE TABLE templates (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      fields TEXT NOT NULL CHECK (json_valid(fields)),
      updated_at TEXT NOT NULL
    ) STRICT;

    -- A field filled from a template text with variables that follows the photo's other
    -- fields ("{city}" follows a later change of the city).
    CREATE TABLE live_fields (
      photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
      field TEXT NOT NULL,
      template_text TEXT NOT NULL,
      PRIMARY KEY (photo_id, field)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE code_replacements (
      code TEXT PRIMARY KEY,
      replacements TEXT NOT NULL CHECK (json_valid(replacements))
    ) STRICT;
  `);
}
