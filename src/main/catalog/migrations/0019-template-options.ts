import type { CatalogDb } from '../catalog-db';

/**
 * Templates like Photo Mechanic's stationery pad (issue 16 part 4): per field, whether it is
 * applied and whether its value replaces, or is appended or prepended to, the photo's value.
 * '{}' for every template saved before: each of its fields is applied, replacing, as it was.
 */
export default function migrate0019TemplateOptions(db: CatalogDb): void {
  db.exec(`
    ALTER TABLE templates ADD COLUMN options TEXT NOT NULL DEFAULT '{}'
      CHECK (json_valid(options));
  `);
}
