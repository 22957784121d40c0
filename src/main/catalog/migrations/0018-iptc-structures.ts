import type { CatalogDb } from '../catalog-db';

/**
 * The repeated IPTC structures of a photo (issue 19: Location Shown and Created, Person In
 * Image with details, Organisation in Image, Artwork or Object), as JSON, read-only. '{}' for
 * every photo already in the catalog until it is read again.
 */
export default function migrate0018IptcStructures(db: CatalogDb): void {
  db.exec(`
    ALTER TABLE photos ADD COLUMN iptc_structures TEXT NOT NULL DEFAULT '{}'
      CHECK (json_valid(iptc_structures));
  `);
}
