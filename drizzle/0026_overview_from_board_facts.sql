ALTER TABLE "board_month_facts" ADD COLUMN "first_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "board_month_facts" ADD COLUMN "pending" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "board_month_facts" ADD COLUMN "current_forskuddstrekk" numeric;--> statement-breakpoint
ALTER TABLE "board_month_facts" ADD COLUMN "current_arbeidsgiveravgift" numeric;--> statement-breakpoint
-- The overview's deadline table and reported amounts read these columns instead of aggregating the
-- submissions (docs/board.md, "Facts kept by triggers"). The body is 0019's with the new columns (hand-written:
-- drizzle-kit has no functions); the next change to this function starts from this body.
CREATE OR REPLACE FUNCTION refresh_board_month_facts(p_organisation_ids uuid[], p_months text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  k record;
BEGIN
  -- One of 256 lock slots per key (a bulk insert of thousands of months must not take thousands
  -- of locks: max_locks_per_transaction); keys sharing a slot merely wait for each other.
  FOR k IN SELECT DISTINCT (abs(hashtext(x.organisation_id || ' ' || x.kalendermaaned)) % 256)::int AS slot
    FROM unnest(p_organisation_ids, p_months) x(organisation_id, kalendermaaned) ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('board_month_facts'), k.slot);
  END LOOP;
  DELETE FROM board_month_facts f
    USING (SELECT DISTINCT * FROM unnest(p_organisation_ids, p_months) x(organisation_id, kalendermaaned)) x
    WHERE f.organisation_id = x.organisation_id AND f.kalendermaaned = x.kalendermaaned;
  INSERT INTO board_month_facts (organisation_id, kalendermaaned, accepted_id, accepted_at, accepted_replaces,
      feedback_status, avvisning, oyeblikkelig, retningslinje, open_id, open_status, open_created_at, draft_id,
      first_accepted_at, pending, current_forskuddstrekk, current_arbeidsgiveravgift)
  SELECT x.organisation_id, x.kalendermaaned, a.id, a.accepted_at, coalesce(a.replaces, false),
    fb.status, coalesce(sev.avvisning, 0), coalesce(sev.oyeblikkelig, 0), coalesce(sev.retningslinje, 0),
    o.id, o.status, o.created_at, d.id,
    m.first_accepted_at, coalesce(m.pending, 0), m.forskuddstrekk, m.arbeidsgiveravgift
  FROM (SELECT DISTINCT * FROM unnest(p_organisation_ids, p_months) x(organisation_id, kalendermaaned)) x
  LEFT JOIN LATERAL (
    SELECT s.id, s.accepted_at, s.replaces_submission_id IS NOT NULL AS replaces FROM submissions s
    WHERE s.organisation_id = x.organisation_id AND s.kind = 'amelding' AND s.subject = x.kalendermaaned
      AND s.status = 'accepted'
    ORDER BY s.accepted_at DESC NULLS LAST, s.id DESC LIMIT 1) a ON true
  LEFT JOIN LATERAL (
    SELECT s.id, s.status, s.created_at FROM submissions s
    WHERE s.organisation_id = x.organisation_id AND s.kind = 'amelding' AND s.subject = x.kalendermaaned
      AND s.status IN ('queued', 'sending', 'retrying', 'rejected', 'conflict', 'failed')
    ORDER BY s.created_at DESC, s.id DESC LIMIT 1) o ON true
  LEFT JOIN LATERAL (
    SELECT s.id FROM submissions s
    WHERE s.organisation_id = x.organisation_id AND s.kind = 'amelding' AND s.subject = x.kalendermaaned
      AND s.status = 'draft'
    ORDER BY s.created_at DESC, s.id DESC LIMIT 1) d ON true
  LEFT JOIN amelding_feedback fb ON fb.submission_id = a.id
  -- The month's first acceptance, its drafts and A-meldinger on their way, and the sums of its
  -- current A-meldinger: accepted and not superseded by an accepted replacement
  -- (lib/amelding/current-ameldinger.ts says the same in the app's own queries).
  LEFT JOIN LATERAL (
    SELECT min(s.accepted_at) FILTER (WHERE s.status = 'accepted') AS first_accepted_at,
      (count(*) FILTER (WHERE s.status IN ('draft', 'queued', 'sending', 'retrying')))::int AS pending,
      sum(v.reported_forskuddstrekk) FILTER (WHERE cur.is_current) AS forskuddstrekk,
      sum(v.reported_arbeidsgiveravgift) FILTER (WHERE cur.is_current) AS arbeidsgiveravgift
    FROM submissions s
    CROSS JOIN LATERAL (SELECT s.status = 'accepted' AND NOT EXISTS (
        SELECT 1 FROM submissions superseding
        WHERE superseding.replaces_submission_id = s.id AND superseding.organisation_id = s.organisation_id
          AND superseding.status = 'accepted') AS is_current) cur
    LEFT JOIN submission_versions v ON cur.is_current AND v.id = s.current_version_id
    WHERE s.organisation_id = x.organisation_id AND s.kind = 'amelding' AND s.subject = x.kalendermaaned
  ) m ON true
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE e->>'severity' = 'rejection')::int AS avvisning,
      count(*) FILTER (WHERE e->>'severity' = 'immediate')::int AS oyeblikkelig,
      count(*) FILTER (WHERE e->>'severity' = 'guideline')::int AS retningslinje
    FROM jsonb_array_elements(
      CASE WHEN jsonb_typeof(fb.parsed->'deviations') = 'array' THEN fb.parsed->'deviations' ELSE '[]'::jsonb END) e
  ) sev ON true
  WHERE a.id IS NOT NULL OR o.id IS NOT NULL OR d.id IS NOT NULL;
END $$;
--> statement-breakpoint
-- Fill the new columns for every organisation-month.
SELECT rebuild_board_month_facts();
