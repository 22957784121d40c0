import type { CatalogDb } from '../catalog-db';

/**
 * C2PA Content Credentials. `provenance`: the summary of a file's manifest store read at
 * import (JSON of src/shared/provenance.ts's ProvenanceSummary), NULL when it carries none.
 * `provenance_broken_at`: when Cutline wrote metadata into a signed file, which breaks its
 * hash binding; kept apart so that re-reading the file never makes it look signed again.
 * Photos imported before this version are read for credentials when next read.
 */
export default function migrate0016Provenance(db: CatalogDb): void {
  db.exec(`
    ALTER TABLE photos ADD COLUMN provenance TEXT;
    ALTER TABLE photos ADD COLUMN provenance_broken_at TEXT;
  `);
}
