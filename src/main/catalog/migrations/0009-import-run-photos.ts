import type { CatalogDb } from '../catalog-db';

/**
 * Which photos each import run found (new, changed, moved or unchanged), so that "the whole
 * import" of a shoot is what that run saw, not whatever lies under its folders today.
 *
 * Runs from before this version recorded only the folders and files they were run on, so
 * they are credited with the photos now under those roots (or being those files): the one
 * record there is of what they saw, and what `import:N` meant until now. Roots stored
 * relative (before runs stored absolute paths) match nothing.
 */
export default function migrate0009ImportRunPhotos(db: CatalogDb): void {
  db.exec(`
    CREATE TABLE import_run_photos (
      run_id INTEGER NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
      photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
      PRIMARY KEY (run_id, photo_id)
    ) STRICT, WITHOUT ROWID;
    -- For ON DELETE CASCADE when a photo goes, and for "which runs saw this photo".
    CREATE INDEX import_run_photos_photo ON import_run_photos (photo_id);

    -- The file itself, or everything under the folder ('/' and '\\' sort just before '0'
    -- and ']', so each range is one search of the path index).
    INSERT OR IGNORE INTO import_run_photos (run_id, photo_id)
    SELECT r.id, p.id FROM import_runs r, json_each(r.roots) root, photos p
    WHERE p.path = root.value
       OR (p.path > root.value || '/' AND p.path < root.value || '0')
       OR (p.path > root.value || '\\' AND p.path < root.value || ']');
  `);
}
