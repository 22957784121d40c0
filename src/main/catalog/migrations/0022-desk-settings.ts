import type { CatalogDb } from '../catalog-db';

/**
 * The house rules a desk shares (issue 18 part 3), as this member last agreed with the desk:
 * for each shared entry (a template, a code, a shared setting) the value and revision last
 * published from here or taken in, so a local change is told from a colleague's; the kinds
 * this catalog has taken in; and the last desk settings version read (as last_seq is for
 * edits). Emptied when the member leaves the desk; unused by a catalog that never joins one.
 */
export default function migrate0022DeskSettings(db: CatalogDb): void {
  db.exec(`
    CREATE TABLE desk_setting_seen (
      key TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      -- Canonical JSON of the value ('null': deleted).
      value TEXT NOT NULL,
      -- The desk's revision of it; 0: a local entry the desk has never had (kept private).
      revision INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE desk_setting_kinds (
      kind TEXT PRIMARY KEY
    ) STRICT;

    CREATE TABLE desk_setting_cursor (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      last_version INTEGER NOT NULL
    ) STRICT;
  `);
}
