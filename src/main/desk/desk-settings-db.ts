/**
 * The SQL of the house rules a desk shares (desk migration shared-settings): which kinds are
 * shared, each entry's current value with its revision, and every value it has had. A change
 * is announced on the desk's NOTIFY channel, so running members take it in at once.
 */
import type pg from 'pg';
import type {
  DeskSharedEntryView,
  DeskSharedRevisionView,
  DeskSharedView,
  SharedKind,
} from '../../shared/desk-settings';

/**
 * Publications take this transaction-wide advisory lock, so entries' versions commit in
 * their order and a reader's catch-up never passes a version that commits later.
 */
const SETTINGS_LOCK = 736_100_5;

/** An entry read back for catch-up, in the order of its publication. */
export interface DeskSharedEntryOut extends DeskSharedEntryView {
  version: number;
}

/** What a publication did. */
export interface SharedPublishOutcome {
  /** The entry's revision now (unchanged when the desk already held the value). */
  revision: number;
  version: number;
  /**
   * A colleague's value this publication replaced without the publisher having seen it
   * (kept in the history), or null.
   */
  replaced: { who: string; at: string } | null;
}

interface EntryRow {
  key: string;
  kind: SharedKind;
  value: unknown;
  revision: number;
  version: string;
  who: string;
  at: Date;
}

const entryOf = (row: EntryRow): DeskSharedEntryOut => ({
  key: row.key,
  kind: row.kind,
  value: row.value,
  revision: row.revision,
  version: Number(row.version),
  who: row.who,
  at: row.at.toISOString(),
});

/** The shared settings of one desk connection. */
export class DeskSettingsDb {
  constructor(
    private readonly client: pg.Client,
    private readonly channel: string,
    private readonly inTransaction: <T>(work: (client: pg.Client) => Promise<T>) => Promise<T>,
  ) {}

  /**
   * The kinds the desk shares and its latest settings version, in one round trip: asked at
   * every sync, so a member of a desk that shares nothing pays one small query.
   */
  async state(): Promise<{ kinds: SharedKind[]; lastVersion: number }> {
    const { rows } = await this.client.query<{ kinds: SharedKind[] | null; last: string | null }>(
      `SELECT (SELECT array_agg(kind ORDER BY kind) FROM desk_shared_kinds) AS kinds,
         (SELECT max(version) FROM desk_settings) AS last`,
    );
    return { kinds: rows[0]?.kinds ?? [], lastVersion: Number(rows[0]?.last ?? 0) };
  }

  /** Makes kinds the desk's (a kind shared already keeps who shared it first). */
  async share(kinds: readonly SharedKind[], who: string): Promise<void> {
    for (const kind of kinds) {
      await this.client.query(
        `INSERT INTO desk_shared_kinds (kind, shared_by) VALUES ($1, $2)
         ON CONFLICT (kind) DO NOTHING`,
        [kind, who],
      );
    }
    await this.client.query('SELECT pg_notify($1, $2)', [this.channel, 'settings']);
  }

  /** Stops sharing kinds; the entries and their history stay on the desk. */
  async unshare(kinds: readonly SharedKind[]): Promise<void> {
    await this.client.query('DELETE FROM desk_shared_kinds WHERE kind = ANY($1::text[])', [kinds]);
  }

  /**
   * Sets an entry's value (null: deleted). Last writer wins: a publisher that started from
   * an older revision than the desk's (`base`) still replaces it, and the replaced value
   * stays in the history, marked so. The same value as the desk's changes nothing.
   */
  async publish(
    entry: { key: string; kind: SharedKind; value: unknown },
    base: number,
    memberId: number,
    who: string,
  ): Promise<SharedPublishOutcome> {
    return this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [SETTINGS_LOCK]);
      const found = await client.query<{
        revision: number;
        version: string;
        same: boolean;
        who: string;
        at: Date;
      }>(
        `SELECT revision, version, value IS NOT DISTINCT FROM $2::jsonb AS same, who, at
         FROM desk_settings WHERE key = $1`,
        [entry.key, JSON.stringify(entry.value)],
      );
      const current = found.rows[0];
      if (current?.same) {
        return { revision: current.revision, version: Number(current.version), replaced: null };
      }
      const unseen = current !== undefined && current.revision > base;
      const { rows } = await client.query<{ revision: number; version: string; at: Date }>(
        `INSERT INTO desk_settings (key, kind, value, revision, version, member_id, who)
         VALUES ($1, $2, $3::jsonb, 1, nextval('desk_setting_version'), $4, $5)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value,
           revision = desk_settings.revision + 1, version = excluded.version,
           member_id = excluded.member_id, who = excluded.who, at = now()
         RETURNING revision, version, at`,
        [entry.key, entry.kind, JSON.stringify(entry.value), memberId, who],
      );
      const written = rows[0] as { revision: number; version: string; at: Date };
      await client.query(
        `INSERT INTO desk_settings_history (key, revision, value, member_id, who, at, replaced_unseen)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)`,
        [
          entry.key,
          written.revision,
          JSON.stringify(entry.value),
          memberId,
          who,
          written.at,
          unseen,
        ],
      );
      await client.query('SELECT pg_notify($1, $2)', [this.channel, 'settings']);
      return {
        revision: written.revision,
        version: Number(written.version),
        replaced: unseen && current ? { who: current.who, at: current.at.toISOString() } : null,
      };
    });
  }

  /** Entries changed after `version`, oldest change first. */
  async entriesAfter(version: number, limit: number): Promise<DeskSharedEntryOut[]> {
    const { rows } = await this.client.query<EntryRow>(
      `SELECT key, kind, value, revision, version, who, at FROM desk_settings
       WHERE version > $1 ORDER BY version LIMIT $2`,
      [version, limit],
    );
    return rows.map(entryOf);
  }

  /** Every entry of some kinds as the desk holds it now. */
  async entriesOf(kinds: readonly SharedKind[]): Promise<DeskSharedEntryOut[]> {
    const { rows } = await this.client.query<EntryRow>(
      `SELECT key, kind, value, revision, version, who, at FROM desk_settings
       WHERE kind = ANY($1::text[]) ORDER BY version`,
      [kinds],
    );
    return rows.map(entryOf);
  }

  /** What the desk shares, who shared each kind, and the entries with who changed them. */
  async view(): Promise<DeskSharedView> {
    const kinds = await this.client.query<{ kind: SharedKind; shared_by: string; shared_at: Date }>(
      'SELECT kind, shared_by, shared_at FROM desk_shared_kinds ORDER BY kind',
    );
    const shared = kinds.rows.map((row) => row.kind);
    const entries = (await this.entriesOf(shared)).map(({ version: _, ...entry }) => entry);
    return {
      kinds: kinds.rows.map((row) => ({
        kind: row.kind,
        sharedBy: row.shared_by,
        sharedAt: row.shared_at.toISOString(),
      })),
      entries: entries.sort((a, b) => (a.key < b.key ? -1 : 1)),
    };
  }

  /** Every value an entry has had, newest first. */
  async history(key: string): Promise<DeskSharedRevisionView[]> {
    const { rows } = await this.client.query<{
      key: string;
      revision: number;
      value: unknown;
      who: string;
      at: Date;
      replaced_unseen: boolean;
    }>(
      `SELECT key, revision, value, who, at, replaced_unseen FROM desk_settings_history
       WHERE key = $1 ORDER BY revision DESC`,
      [key],
    );
    return rows.map((row) => ({
      key: row.key,
      revision: row.revision,
      value: row.value,
      who: row.who,
      at: row.at.toISOString(),
      replacedUnseen: row.replaced_unseen,
    }));
  }
}
