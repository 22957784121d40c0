/**
 * The desk's first schema: members, photos known by their path under the desk's root, the
 * edit log with its global sequence, each field's current value on the desk, and conflicts.
 * PostgreSQL only; run by desk-migrate.ts.
 */
export const DESK_0001 = `
  CREATE TABLE desk_members (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    joined_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen TIMESTAMPTZ NOT NULL DEFAULT now(),
    left_at TIMESTAMPTZ
  );

  -- A photo as every member knows it: its path under the desk's root ('/' between folders)
  -- and the fingerprint of its file (src/main/metadata/fingerprint.ts) when last seen.
  CREATE TABLE desk_photos (
    id BIGSERIAL PRIMARY KEY,
    rel_path TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL,
    first_seen TIMESTAMPTZ NOT NULL DEFAULT now()
  );

  -- Every edit pushed, in one global order. A rejected edit (a conflict) is kept too, so that
  -- its push repeated after a crash is recognised by its uid and not taken twice.
  CREATE TABLE desk_edits (
    seq BIGSERIAL PRIMARY KEY,
    edit_uid TEXT NOT NULL UNIQUE,
    photo_id BIGINT NOT NULL REFERENCES desk_photos (id),
    field TEXT NOT NULL,
    base JSONB,
    value JSONB NOT NULL,
    member_id BIGINT NOT NULL REFERENCES desk_members (id),
    who TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('edit', 'settle')),
    accepted BOOLEAN NOT NULL
  );

  -- Each field's value on the desk: what an edit's starting value is checked against.
  CREATE TABLE desk_field_values (
    photo_id BIGINT NOT NULL REFERENCES desk_photos (id),
    field TEXT NOT NULL,
    value JSONB NOT NULL,
    seq BIGINT,
    who TEXT,
    PRIMARY KEY (photo_id, field)
  );

  -- Two editors changed one field from the same starting value: both versions, until a
  -- person settles it.
  CREATE TABLE desk_conflicts (
    id BIGSERIAL PRIMARY KEY,
    photo_id BIGINT NOT NULL REFERENCES desk_photos (id),
    field TEXT NOT NULL,
    base JSONB,
    desk_value JSONB NOT NULL,
    desk_who TEXT,
    other_value JSONB NOT NULL,
    other_who TEXT NOT NULL,
    other_member BIGINT NOT NULL REFERENCES desk_members (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    settled_at TIMESTAMPTZ,
    settled_by TEXT,
    settled_value JSONB
  );
  CREATE INDEX desk_conflicts_open ON desk_conflicts (photo_id, field) WHERE settled_at IS NULL;
`;
