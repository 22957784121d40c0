import type { CatalogDb } from '../catalog-db';

/** The flattened Licensor lists (migrations 0017, 0023) and the member each held. */
const LICENSOR_LISTS = {
  licensorNames: { column: 'licensor_names', member: 'LicensorName' },
  licensorIds: { column: 'licensor_ids', member: 'LicensorID' },
  licensorUrls: { column: 'licensor_urls', member: 'LicensorURL' },
  licensorEmails: { column: 'licensor_emails', member: 'LicensorEmail' },
  licensorPhones: { column: 'licensor_phones', member: 'LicensorTelephone1' },
} as const;
type LicensorList = keyof typeof LICENSOR_LISTS;
const OLD_FIELDS = Object.keys(LICENSOR_LISTS) as LicensorList[];

/** An item as src/shared/iptc-structures.ts keeps it: JSON text, members sorted by name. */
function itemText(item: Record<string, string>): string {
  const names = Object.keys(item)
    .filter((name) => item[name]?.trim())
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(names.map((name) => [name, item[name]?.trim()])));
}

/**
 * Licensors whole from the flattened lists, paired by their order. Only when the pairing is
 * certain (every list empty or as long as the names): a Licensor without a URL made the
 * lists of different lengths, and pairing them would hand one Licensor's URL to another.
 * Then the licensors stay empty until the photo is read again.
 */
function licensorsOf(lists: Record<LicensorList, string[]>): string[] {
  if (!pairUp(lists)) return [];
  const count = lists.licensorNames.length;
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const item: Record<string, string> = {};
    for (const field of OLD_FIELDS) {
      const text = lists[field][i];
      if (text) item[LICENSOR_LISTS[field].member] = text;
    }
    items.push(itemText(item));
  }
  return items;
}

/** Whether the flattened lists pair up by their order (each empty or as long as the names). */
function pairUp(lists: Record<LicensorList, string[]>): boolean {
  const count = lists.licensorNames.length;
  return OLD_FIELDS.every((field) => lists[field].length === 0 || lists[field].length === count);
}

/** Contributor names as structures: "Ann" → {"Name":"Ann"}; an item already JSON is kept. */
function contributorsOf(names: readonly string[]): string[] {
  return names.map((name) => (name.trim().startsWith('{') ? name : itemText({ Name: name })));
}

/** JSON text → list of strings ([] for anything else). */
function list(json: string | null | undefined): string[] {
  try {
    const value = JSON.parse(json ?? '[]') as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/** A stored list of field names with the Licensor lists replaced by `licensors`, once. */
function renamedFields(names: unknown): unknown {
  if (!Array.isArray(names)) return names;
  const out: unknown[] = [];
  for (const name of names) {
    const next = OLD_FIELDS.includes(name as LicensorList) ? 'licensors' : name;
    if (!out.includes(next)) out.push(next);
  }
  return out;
}

/**
 * Licensor and Contributor become repeated structures, edited one row per item (issue 19):
 * a Licensor with its name, ID, telephone, email and URL together (captions.licensors, filled
 * from the five flattened lists where they pair up with certainty), a Contributor with its
 * name and role (captions.contributors, its names becoming {"Name": …} items). The old lists'
 * columns stay but are no longer filled. Unwritten marks and history of Contributor are
 * converted; those of the old Licensor lists, which no field holds any more, become an
 * unwritten mark of licensors, and their history entries (which cannot be undone into a field
 * that is gone) are dropped, as are their values in templates and live template fields and
 * their edits waiting for the desk (Contributor's there are converted; none of this rewriting
 * is sent to a desk as an edit). Settings naming the old lists (required fields, export columns)
 * name licensors instead.
 */
export default function migrate0024LicensorsContributors(db: CatalogDb): void {
  db.exec(
    `ALTER TABLE captions ADD COLUMN licensors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(licensors))`,
  );
  const columns = OLD_FIELDS.map((f) => `${LICENSOR_LISTS[f].column} AS ${f}`).join(', ');
  const rows = db
    .prepare(`SELECT photo_id AS id, contributors, ${columns} FROM captions`)
    .all() as ({ id: number; contributors: string } & Record<LicensorList, string>)[];
  const update = db.prepare(
    'UPDATE captions SET licensors = ?, contributors = ? WHERE photo_id = ?',
  );
  const unwritten = db.prepare(
    `SELECT field, file_value AS fileValue FROM unwritten_fields WHERE photo_id = ?
       AND field IN ('contributors', ${OLD_FIELDS.map((f) => `'${f}'`).join(', ')})`,
  );
  const setUnwritten = db.prepare(
    'UPDATE unwritten_fields SET file_value = ? WHERE photo_id = ? AND field = ?',
  );
  const addUnwritten = db.prepare(
    'INSERT OR REPLACE INTO unwritten_fields (photo_id, field, file_value) VALUES (?, ?, ?)',
  );
  const dropUnwritten = db.prepare(
    `DELETE FROM unwritten_fields WHERE photo_id = ? AND field IN (${OLD_FIELDS.map((f) => `'${f}'`).join(', ')})`,
  );
  for (const row of rows) {
    const now = Object.fromEntries(OLD_FIELDS.map((f) => [f, list(row[f])])) as Record<
      LicensorList,
      string[]
    >;
    const licensors = licensorsOf(now);
    update.run(
      JSON.stringify(licensors),
      JSON.stringify(contributorsOf(list(row.contributors))),
      row.id,
    );
    const marks = unwritten.all(row.id) as { field: string; fileValue: string }[];
    if (marks.length === 0) continue;
    const inFile = { ...now };
    for (const mark of marks) {
      if (mark.field === 'contributors') {
        setUnwritten.run(
          JSON.stringify(contributorsOf(list(mark.fileValue))),
          row.id,
          'contributors',
        );
      } else {
        inFile[mark.field as LicensorList] = list(mark.fileValue);
      }
    }
    if (marks.some((mark) => mark.field !== 'contributors')) {
      dropUnwritten.run(row.id);
      // An edit whose lists do not pair up left the catalog's Licensors empty; kept as an
      // unwritten edit, the next write would erase the file's Licensors. The file keeps
      // them, and the catalog gets them back when the photo is read again.
      if (pairUp(now)) {
        addUnwritten.run(row.id, 'licensors', JSON.stringify(licensorsOf(inFile)));
      }
    }
  }
  // History: Contributor values as items; the old Licensor lists' entries dropped. Rewriting
  // history is no edit: desk_applying keeps the outbox triggers (migration 0015) from
  // sending it to a desk as one.
  db.exec('INSERT OR IGNORE INTO desk_applying (id) VALUES (1)');
  const history = db
    .prepare(
      `SELECT id, old_value AS oldValue, new_value AS newValue FROM field_history WHERE field = 'contributors'`,
    )
    .all() as { id: number; oldValue: string; newValue: string }[];
  const setHistory = db.prepare(
    'UPDATE field_history SET old_value = ?, new_value = ? WHERE id = ?',
  );
  for (const entry of history) {
    setHistory.run(
      JSON.stringify(contributorsOf(list(entry.oldValue))),
      JSON.stringify(contributorsOf(list(entry.newValue))),
      entry.id,
    );
  }
  const oldNames = OLD_FIELDS.map((f) => `'${f}'`).join(', ');
  db.exec(`DELETE FROM field_history WHERE field IN (${oldNames})`);
  db.exec('DELETE FROM desk_applying');
  // Edits waiting for the desk: Contributor's as items; the old lists' cannot be sent.
  const outbox = db
    .prepare(`SELECT id, base, value FROM desk_outbox WHERE field = 'contributors'`)
    .all() as { id: number; base: string; value: string }[];
  const setOutbox = db.prepare('UPDATE desk_outbox SET base = ?, value = ? WHERE id = ?');
  for (const entry of outbox) {
    setOutbox.run(
      JSON.stringify(contributorsOf(list(entry.base))),
      JSON.stringify(contributorsOf(list(entry.value))),
      entry.id,
    );
  }
  db.exec(`DELETE FROM desk_outbox WHERE field IN (${oldNames})`);
  db.exec(`DELETE FROM live_fields WHERE field IN (${oldNames}, 'contributors')`);
  // Templates offer plain fields only: values of the old lists and of Contributor are dropped.
  const templates = db.prepare('SELECT id, fields, options FROM templates').all() as {
    id: number;
    fields: string;
    options: string;
  }[];
  const setTemplate = db.prepare('UPDATE templates SET fields = ?, options = ? WHERE id = ?');
  const gone = new Set<string>([...OLD_FIELDS, 'contributors']);
  const without = (json: string) =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(JSON.parse(json) as Record<string, unknown>).filter(([k]) => !gone.has(k)),
      ),
    );
  for (const t of templates) setTemplate.run(without(t.fields), without(t.options), t.id);
  // Settings that name fields: the house's required fields and the export columns.
  const settings = db.prepare('SELECT key, value FROM settings').all() as {
    key: string;
    value: string;
  }[];
  const setSetting = db.prepare('UPDATE settings SET value = ? WHERE key = ?');
  for (const { key, value } of settings) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      continue;
    }
    let next: unknown = parsed;
    if (key === 'requiredRightsFields') next = renamedFields(parsed);
    else if (key === 'lastExport' && parsed && typeof parsed === 'object') {
      const choices = parsed as { columns?: unknown };
      next = { ...choices, columns: renamedFields(choices.columns) };
    } else if (key === 'exportPresets' && Array.isArray(parsed)) {
      next = parsed.map((preset: { columns?: unknown }) =>
        preset && typeof preset === 'object'
          ? { ...preset, columns: renamedFields(preset.columns) }
          : preset,
      );
    }
    const text = JSON.stringify(next);
    if (text !== JSON.stringify(parsed)) setSetting.run(text, key);
  }
}
