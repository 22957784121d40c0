import type { CatalogDb } from '../catalog-db';

/** The structures 0018 kept in photos.iptc_structures, and the caption column each goes to. */
const MOVED = {
  locationsShown: 'locations_shown',
  locationsCreated: 'locations_created',
  personsInImage: 'persons_in_image',
  artworks: 'artworks',
} as const;

/** The caption columns new in this version, each a JSON array. */
const COLUMNS = [
  ...Object.values(MOVED),
  'products',
  'registry_entries',
  'organisation_names',
  'organisation_codes',
];

/** An item as src/shared/iptc-structures.ts keeps it: JSON text, members sorted by name. */
function itemText(item: Record<string, string>): string {
  const names = Object.keys(item).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(names.map((name) => [name, item[name]])));
}

/**
 * The repeated IPTC structures become caption fields (issue 19 part 1): edited, undone,
 * searched and written like the others. Each is a list of JSON texts, one per structure,
 * moved here from photos.iptc_structures (migration 0018, read-only), which is no longer
 * filled; Organisation in Image Name and Code become plain lists of text; Product In Image
 * and Registry Entry are new (empty until a photo is read again).
 */
export default function migrate0021IptcStructuresEditable(db: CatalogDb): void {
  for (const column of COLUMNS) {
    db.exec(
      `ALTER TABLE captions ADD COLUMN ${column} TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(${column}))`,
    );
  }
  const rows = db
    .prepare(`SELECT id, iptc_structures AS json FROM photos WHERE iptc_structures <> '{}'`)
    .all() as { id: number; json: string }[];
  const update = db.prepare(
    `UPDATE captions SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE photo_id = @id`,
  );
  for (const row of rows) {
    const old = JSON.parse(row.json) as Record<string, Record<string, string>[] | undefined>;
    const values: Record<string, unknown> = { id: row.id };
    for (const [key, column] of Object.entries(MOVED)) {
      values[column] = JSON.stringify((old[key] ?? []).map(itemText));
    }
    values.products = '[]';
    values.registry_entries = '[]';
    values.organisation_names = JSON.stringify((old.organisations ?? []).map((o) => o.Name));
    values.organisation_codes = JSON.stringify((old.organisationCodes ?? []).map((o) => o.Code));
    update.run(values);
  }
}
