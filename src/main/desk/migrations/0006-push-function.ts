/**
 * Pushing edits in one round trip (issue 18's latency goal): `cutline_desk_push` does for a
 * chunk of edits, in their order and in the caller's transaction, what DeskDb did with some
 * six statements per edit: an edit already logged (same uid) is recognised and not taken
 * twice; a field new to the desk starts at the value the edit started from; an edit whose
 * starting value (or whose value) is the desk's is taken, otherwise both versions are kept
 * as a conflict (more typing by the same editor in a field already in conflict updates it).
 * The push lock is taken first, so edits commit in the order of their sequence numbers, and
 * the last sequence is announced once. Answers one row per edit, in order.
 */
export const DESK_0006 = `
  CREATE FUNCTION cutline_desk_push(edits JSONB, push_lock BIGINT, channel TEXT)
  RETURNS TABLE (o_outcome TEXT, o_seq BIGINT)
  LANGUAGE plpgsql AS $push$
  DECLARE
    e JSONB;
    v_photo BIGINT;
    v_field TEXT;
    v_member BIGINT;
    v_fits BOOLEAN;
    v_value JSONB;
    v_who TEXT;
    v_seq BIGINT;
    v_last BIGINT;
  BEGIN
    PERFORM pg_advisory_xact_lock(push_lock);
    FOR e IN SELECT x.value FROM jsonb_array_elements(edits) WITH ORDINALITY AS x(value, n)
      ORDER BY x.n
    LOOP
      IF EXISTS (SELECT 1 FROM desk_edits d WHERE d.edit_uid = e->>'editUid') THEN
        o_outcome := 'duplicate';
        o_seq := NULL;
        RETURN NEXT;
        CONTINUE;
      END IF;
      v_field := e->>'field';
      v_member := (e->>'memberId')::BIGINT;
      INSERT INTO desk_photos AS p (rel_path, fingerprint)
        VALUES (e->>'relPath', e->>'fingerprint')
        ON CONFLICT (rel_path) DO UPDATE SET fingerprint = excluded.fingerprint
        RETURNING p.id INTO v_photo;
      INSERT INTO desk_field_values (photo_id, field, value) VALUES (v_photo, v_field, e->'base')
        ON CONFLICT DO NOTHING;
      SELECT f.value = e->'base' OR f.value = e->'value', f.value, f.who
        INTO v_fits, v_value, v_who
        FROM desk_field_values f WHERE f.photo_id = v_photo AND f.field = v_field FOR UPDATE;
      v_fits := coalesce(v_fits, false);
      INSERT INTO desk_edits AS d (edit_uid, photo_id, field, base, value, member_id, who, at,
          kind, accepted, image_digest)
        VALUES (e->>'editUid', v_photo, v_field, e->'base', e->'value', v_member, e->>'who',
          (e->>'at')::TIMESTAMPTZ, 'edit', v_fits, e->>'imageDigest')
        RETURNING d.seq INTO v_seq;
      IF v_fits THEN
        UPDATE desk_field_values f SET value = e->'value', seq = v_seq, who = e->>'who'
          WHERE f.photo_id = v_photo AND f.field = v_field;
      ELSE
        UPDATE desk_conflicts c SET other_value = e->'value'
          WHERE c.photo_id = v_photo AND c.field = v_field AND c.other_member = v_member
            AND c.settled_at IS NULL;
        IF NOT FOUND THEN
          INSERT INTO desk_conflicts (photo_id, field, base, desk_value, desk_who, other_value,
              other_who, other_member)
            VALUES (v_photo, v_field, e->'base', coalesce(v_value, 'null'::JSONB), v_who,
              e->'value', e->>'who', v_member);
        END IF;
      END IF;
      v_last := v_seq;
      o_outcome := CASE WHEN v_fits THEN 'accepted' ELSE 'conflict' END;
      o_seq := v_seq;
      RETURN NEXT;
    END LOOP;
    IF v_last IS NOT NULL THEN
      PERFORM pg_notify(channel, v_last::TEXT);
    END IF;
  END
  $push$;
`;
