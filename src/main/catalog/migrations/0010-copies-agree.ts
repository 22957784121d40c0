import type { CatalogDb } from '../catalog-db';

/**
 * "Make the copies of this field agree": an edit that leaves the value as it is and asks the
 * next write to put it into every copy the file has (EXIF, IIM, XMP), where they now disagree.
 * A write otherwise leaves the copies of a field nobody edited byte for byte, disagreeing or not.
 */
export default function migrate0010CopiesAgree(db: CatalogDb): void {
  db.exec(`
    -- 1: the field is to be written into every copy even where the catalog's value is the
    -- file's own (its copies disagree), so the row stays while the value equals file_value.
    ALTER TABLE unwritten_fields
      ADD COLUMN agree INTEGER NOT NULL DEFAULT 0 CHECK (agree IN (0, 1));

    -- 1: this change made the field's copies agree (its old and new values are the same):
    -- undo takes back that mark, redo sets it again.
    ALTER TABLE field_history
      ADD COLUMN agree INTEGER NOT NULL DEFAULT 0 CHECK (agree IN (0, 1));
  `);
}
