CREATE TABLE "board_month_facts" (
	"organisation_id" uuid NOT NULL,
	"kalendermaaned" text NOT NULL,
	"accepted_id" uuid,
	"accepted_at" timestamp with time zone,
	"accepted_replaces" boolean DEFAULT false NOT NULL,
	"feedback_status" "feedback_status",
	"avvisning" integer DEFAULT 0 NOT NULL,
	"oyeblikkelig" integer DEFAULT 0 NOT NULL,
	"retningslinje" integer DEFAULT 0 NOT NULL,
	"open_id" uuid,
	"open_status" "submission_status",
	"open_created_at" timestamp with time zone,
	"draft_id" uuid,
	CONSTRAINT "board_month_facts_organisation_id_kalendermaaned_pk" PRIMARY KEY("organisation_id","kalendermaaned")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_owner_idx" ON "organisations" USING btree ("owner_user_id") WHERE "organisations"."owner_user_id" is not null;--> statement-breakpoint
CREATE INDEX "submissions_oar_open_start_idx" ON "submissions" USING btree ("organisation_id","oar_start_date") WHERE "submissions"."kind" = 'oar' and "submissions"."accepted_at" is null and "submissions"."oar_start_date" is not null;--> statement-breakpoint
-- Hand-written from here (drizzle-kit has no functions or triggers): board_month_facts is kept
-- like the rollups of migration 0014 (docs/board.md). Recomputes whole (organisation, month) keys
-- from their A-meldinger and the accepted one's feedback. An advisory lock per key (slot), taken in
-- sorted order, serialises recomputations of one key; each statement after it takes a fresh
-- snapshot (read committed), so a second one sees the first's committed changes.
CREATE FUNCTION refresh_board_month_facts(p_organisation_ids uuid[], p_months text[]) RETURNS void
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
      feedback_status, avvisning, oyeblikkelig, retningslinje, open_id, open_status, open_created_at, draft_id)
  SELECT x.organisation_id, x.kalendermaaned, a.id, a.accepted_at, coalesce(a.replaces, false),
    fb.status, coalesce(sev.avvisning, 0), coalesce(sev.oyeblikkelig, 0), coalesce(sev.retningslinje, 0),
    o.id, o.status, o.created_at, d.id
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
-- Every insert, update and delete of an A-melding recomputes the months it left and entered.
CREATE FUNCTION submissions_maintain_board_month_facts() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  months text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.organisation_id), array_agg(n.subject) INTO orgs, months
    FROM new_rows n WHERE n.kind = 'amelding';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o.organisation_id), array_agg(o.subject) INTO orgs, months
    FROM old_rows o WHERE o.kind = 'amelding';
  ELSE
    SELECT array_agg(k.organisation_id), array_agg(k.subject) INTO orgs, months
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (o.organisation_id, o.subject, o.kind), (n.organisation_id, n.subject, n.kind))
      k(organisation_id, subject, kind)
    WHERE k.kind = 'amelding'
      AND (o.organisation_id, o.kind, o.subject, o.status, o.accepted_at, o.created_at, o.replaces_submission_id)
        IS DISTINCT FROM (n.organisation_id, n.kind, n.subject, n.status, n.accepted_at, n.created_at, n.replaces_submission_id);
  END IF;
  IF cardinality(orgs) > 0 THEN PERFORM refresh_board_month_facts(orgs, months); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Feedback arriving or changing recomputes its A-melding's month.
CREATE FUNCTION amelding_feedback_maintain_board_month_facts() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
  months text[];
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := array(SELECT n.submission_id FROM new_rows n);
  ELSIF TG_OP = 'DELETE' THEN
    ids := array(SELECT o.submission_id FROM old_rows o);
  ELSE
    ids := array(SELECT n.submission_id FROM old_rows o JOIN new_rows n ON n.submission_id = o.submission_id
      WHERE (o.status, o.parsed) IS DISTINCT FROM (n.status, n.parsed));
  END IF;
  SELECT array_agg(s.organisation_id), array_agg(s.subject) INTO orgs, months
  FROM submissions s WHERE s.kind = 'amelding' AND s.id = ANY (ids);
  IF cardinality(orgs) > 0 THEN PERFORM refresh_board_month_facts(orgs, months); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rebuild_board_month_facts() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM board_month_facts;
  PERFORM refresh_board_month_facts(k.orgs, k.months)
  FROM (SELECT array_agg(organisation_id) AS orgs, array_agg(subject) AS months
        FROM (SELECT DISTINCT organisation_id, subject FROM submissions WHERE kind = 'amelding') d) k
  WHERE k.orgs IS NOT NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION truncate_board_month_facts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rebuild_board_month_facts();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER submissions_board_month_facts_insert AFTER INSERT ON submissions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION submissions_maintain_board_month_facts();
--> statement-breakpoint
CREATE TRIGGER submissions_board_month_facts_update AFTER UPDATE ON submissions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION submissions_maintain_board_month_facts();
--> statement-breakpoint
CREATE TRIGGER submissions_board_month_facts_delete AFTER DELETE ON submissions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION submissions_maintain_board_month_facts();
--> statement-breakpoint
CREATE TRIGGER submissions_board_month_facts_truncate AFTER TRUNCATE ON submissions
  FOR EACH STATEMENT EXECUTE FUNCTION truncate_board_month_facts();
--> statement-breakpoint
CREATE TRIGGER amelding_feedback_board_month_facts_insert AFTER INSERT ON amelding_feedback
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION amelding_feedback_maintain_board_month_facts();
--> statement-breakpoint
CREATE TRIGGER amelding_feedback_board_month_facts_update AFTER UPDATE ON amelding_feedback
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION amelding_feedback_maintain_board_month_facts();
--> statement-breakpoint
CREATE TRIGGER amelding_feedback_board_month_facts_delete AFTER DELETE ON amelding_feedback
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION amelding_feedback_maintain_board_month_facts();
--> statement-breakpoint
CREATE TRIGGER amelding_feedback_board_month_facts_truncate AFTER TRUNCATE ON amelding_feedback
  FOR EACH STATEMENT EXECUTE FUNCTION truncate_board_month_facts();
--> statement-breakpoint
-- A bulk load with triggers off (bench/scale-data.ts) calls rebuild_submission_rollups(): it now
-- rebuilds the board's facts too (the body of migration 0014's, plus the last line).
CREATE OR REPLACE FUNCTION rebuild_submission_rollups() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM submission_daily_counts;
  DELETE FROM submission_status_totals;
  DELETE FROM error_group_daily_rollups;
  INSERT INTO submission_daily_counts (organisation_id, day, kind, status, submissions)
    SELECT organisation_id, (created_at AT TIME ZONE 'Europe/Oslo')::date, kind, status, count(*)::int
    FROM submissions GROUP BY 1, 2, 3, 4;
  INSERT INTO submission_status_totals (organisation_id, kind, status, submissions)
    SELECT organisation_id, kind, status, count(*)::int FROM submissions GROUP BY 1, 2, 3;
  PERFORM refresh_error_group_buckets(array(
    SELECT DISTINCT row(organisation_id, (created_at AT TIME ZONE 'Europe/Oslo')::date, kind)::submission_bucket
    FROM submissions WHERE status IN ('rejected', 'conflict', 'failed')));
  PERFORM rebuild_board_month_facts();
END;
$$;
--> statement-breakpoint
-- Backfill from the A-meldinger already there.
SELECT rebuild_board_month_facts();
