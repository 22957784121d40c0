/**
 * Presence: which photo (and field) each member has open in the editor, refreshed by the
 * member's heartbeat; a row older than the online window means nothing.
 */
export const DESK_0002 = `
  CREATE TABLE desk_presence (
    member_id BIGINT PRIMARY KEY REFERENCES desk_members (id),
    photo_id BIGINT REFERENCES desk_photos (id),
    field TEXT,
    at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
`;
