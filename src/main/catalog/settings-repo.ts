import type { CatalogDb } from './catalog-db';

/** Every stored setting, parsed from JSON; unknown keys are kept for newer versions. */
export function readSettings(db: CatalogDb): Record<string, unknown> {
  const rows = db.prepare('SELECT key, value FROM settings').all() as {
    key: string;
    value: string;
  }[];
  return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
}

/** Stores the given settings, each as JSON, in one transaction. */
export function writeSettings(db: CatalogDb, values: Record<string, unknown>): void {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(values)) upsert.run(key, JSON.stringify(value));
  })();
}
