import type { CatalogDb } from '../catalog-db';

/**
 * IPTC rights and details fields (issue 19 part 1): copyright owner, licensor, releases, data
 * mining, digital source type, genre, subject and scene codes, supplier, creator contact info
 * and the rest of RIGHTS_FIELDS, as caption-like fields. Empty for every photo already in the
 * catalog until it is read again.
 */
export default function migrate0017IptcRights(db: CatalogDb): void {
  db.exec(`
    ALTER TABLE captions ADD COLUMN web_statement TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN data_mining TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN other_constraints TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN model_release_status TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN property_release_status TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN minor_model_age_disclosure TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN digital_source_type TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN intellectual_genre TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN image_supplier_image_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN creator_address TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN creator_city TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN creator_region TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN creator_postal_code TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN creator_country TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN creator_email TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN creator_phone TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN creator_url TEXT NOT NULL DEFAULT '';
    ALTER TABLE captions ADD COLUMN copyright_owners TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(copyright_owners));
    ALTER TABLE captions ADD COLUMN licensor_names TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(licensor_names));
    ALTER TABLE captions ADD COLUMN licensor_urls TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(licensor_urls));
    ALTER TABLE captions ADD COLUMN model_release_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(model_release_ids));
    ALTER TABLE captions ADD COLUMN property_release_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(property_release_ids));
    ALTER TABLE captions ADD COLUMN event_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(event_ids));
    ALTER TABLE captions ADD COLUMN subject_codes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(subject_codes));
    ALTER TABLE captions ADD COLUMN scene_codes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scene_codes));
    ALTER TABLE captions ADD COLUMN image_suppliers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(image_suppliers));
    ALTER TABLE captions ADD COLUMN image_creators TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(image_creators));
    ALTER TABLE captions ADD COLUMN contributors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contributors));
  `);
}
