import type { CatalogDb } from '../catalog-db';

/** The text columns, then the JSON-list ones. */
const TEXT = [
  'ai_system_used',
  'ai_system_version_used',
  'ai_prompt_information',
  'ai_prompt_writer_name',
];
const LISTS = [
  'licensor_ids',
  'licensor_emails',
  'licensor_phones',
  'copyright_owner_ids',
  'image_supplier_ids',
  'image_creator_ids',
];

/**
 * More IPTC 2025.1 rights and details fields (issue 19 part 1), as caption-like fields: the
 * IDs of Licensor, Copyright Owner, Image Supplier and Image Creator, a Licensor's email and
 * first telephone (struct members flattened as ExifTool's tags are), and the properties of
 * content made with a generative AI system (system, its version, prompt, prompt writer).
 * Empty for every photo already in the catalog until it is read again.
 */
export default function migrate0023IptcRightsDetails(db: CatalogDb): void {
  for (const column of TEXT) {
    db.exec(`ALTER TABLE captions ADD COLUMN ${column} TEXT NOT NULL DEFAULT ''`);
  }
  for (const column of LISTS) {
    db.exec(
      `ALTER TABLE captions ADD COLUMN ${column} TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(${column}))`,
    );
  }
}
