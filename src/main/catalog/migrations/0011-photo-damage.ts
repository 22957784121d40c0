import type { CatalogDb } from '../catalog-db';

/**
 * Why a photo's picture is damaged though its metadata read (a JPEG or TIFF cut short by an
 * unfinished copy or upload), or NULL when it is whole: what the grid marks on the
 * thumbnail and `is:truncated` finds. Photos read before this version that the reader had
 * already found cut short (a JPEG that ends before its image data) keep that finding, which
 * their warnings hold; the others are checked when next read.
 */
export default function migrate0011PhotoDamage(db: CatalogDb): void {
  db.exec(`
    ALTER TABLE photos ADD COLUMN damage TEXT;
    UPDATE photos SET damage = (
      SELECT w.value FROM json_each(photos.warnings) w
      WHERE w.value LIKE 'truncated or corrupt JPEG: the file ends before its image data%'
      LIMIT 1)
    WHERE warnings <> '[]';
  `);
}
