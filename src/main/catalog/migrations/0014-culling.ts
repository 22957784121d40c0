import type { CatalogDb } from '../catalog-db';

/**
 * Culling marks (issue 16): the rating (XMP xmp:Rating), the colour label (xmp:Label) and
 * the tag (photomechanic:Tagged) as caption-like fields, edited, undone and written back like
 * the others. Empty for every photo already in the catalog until it is read again.
 */
export default function migrate0014Culling(db: CatalogDb): void {
  db.exec(`
    ALTER TABLE captions ADD COLUMN rating TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN label TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN tagged TEXT NOT NULL DEFAULT '';
  `);
}
