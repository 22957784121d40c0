/**
 * The house rules a desk shares (issue 18 part 3, src/shared/desk-settings.ts): which kinds
 * are shared and who shared them; each entry (a template, a code, a shared setting) with its
 * current value, a revision per entry and a global `version` for catch-up (as desk_photos'
 * version orders photos); and every value an entry has had, with who and when, so a value
 * replaced by a colleague's later change can always be found again.
 */
export const DESK_0005 = `
  CREATE SEQUENCE desk_setting_version;

  CREATE TABLE desk_shared_kinds (
    kind TEXT PRIMARY KEY,
    shared_by TEXT NOT NULL,
    shared_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );

  CREATE TABLE desk_settings (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    -- Null: deleted by a member (a template, a code).
    value JSONB,
    revision INTEGER NOT NULL,
    version BIGINT NOT NULL,
    member_id BIGINT REFERENCES desk_members (id),
    who TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE INDEX desk_settings_version ON desk_settings (version);

  CREATE TABLE desk_settings_history (
    id BIGSERIAL PRIMARY KEY,
    key TEXT NOT NULL,
    revision INTEGER NOT NULL,
    value JSONB,
    member_id BIGINT REFERENCES desk_members (id),
    who TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The writer had not seen the revision before: the later change won over it.
    replaced_unseen BOOLEAN NOT NULL DEFAULT false,
    UNIQUE (key, revision)
  );
`;
