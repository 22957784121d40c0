/**
 * The SQL of a member's bookkeeping of the desk's shared settings (migration 0022): each
 * shared entry as last agreed with the desk, the kinds taken in, and the catch-up cursor.
 * The desk-settings service decides; this layer only reads and writes rows.
 */
import type { SharedKind } from '../../shared/desk-settings';
import type { CatalogDb } from './catalog-db';

/** An entry as this member last agreed with the desk. */
export interface SeenEntry {
  key: string;
  kind: SharedKind;
  /** Canonical JSON ('null': deleted). */
  value: string;
  /** The desk's revision; 0 for a local entry the desk has never had. */
  revision: number;
}

export class DeskSettingsRepo {
  constructor(private readonly db: CatalogDb) {}

  /** The entries of a kind as last agreed with the desk, by key. */
  seen(kind: SharedKind): Map<string, SeenEntry> {
    const rows = this.db
      .prepare('SELECT key, kind, value, revision FROM desk_setting_seen WHERE kind = ?')
      .all(kind) as SeenEntry[];
    return new Map(rows.map((row) => [row.key, row]));
  }

  setSeen(entry: SeenEntry): void {
    this.db
      .prepare(
        `INSERT INTO desk_setting_seen (key, kind, value, revision) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, value = excluded.value,
           revision = excluded.revision`,
      )
      .run(entry.key, entry.kind, entry.value, entry.revision);
  }

  dropSeen(key: string): void {
    this.db.prepare('DELETE FROM desk_setting_seen WHERE key = ?').run(key);
  }

  /** The kinds this catalog has taken in from the desk. */
  kinds(): Set<SharedKind> {
    const rows = this.db.prepare('SELECT kind FROM desk_setting_kinds').all() as {
      kind: SharedKind;
    }[];
    return new Set(rows.map((row) => row.kind));
  }

  addKind(kind: SharedKind): void {
    this.db.prepare('INSERT OR IGNORE INTO desk_setting_kinds (kind) VALUES (?)').run(kind);
  }

  /** Forgets a kind the desk no longer shares; what it brought stays in the catalog. */
  dropKind(kind: SharedKind): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM desk_setting_kinds WHERE kind = ?').run(kind);
      this.db.prepare('DELETE FROM desk_setting_seen WHERE kind = ?').run(kind);
    })();
  }

  /** The last desk settings version read. */
  lastVersion(): number {
    const row = this.db.prepare('SELECT last_version AS v FROM desk_setting_cursor').get() as
      | { v: number }
      | undefined;
    return row?.v ?? 0;
  }

  setLastVersion(version: number): void {
    this.db
      .prepare(
        `INSERT INTO desk_setting_cursor (id, last_version) VALUES (1, ?)
         ON CONFLICT (id) DO UPDATE SET last_version = max(last_version, excluded.last_version)`,
      )
      .run(version);
  }

  /** Forgets everything of the desk (the member left it); the settings themselves stay. */
  clear(): void {
    this.db.transaction(() => {
      this.db.exec(
        'DELETE FROM desk_setting_seen; DELETE FROM desk_setting_kinds; DELETE FROM desk_setting_cursor;',
      );
    })();
  }
}
