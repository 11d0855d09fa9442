CREATE TABLE "board_organisation_timelines" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"first_month" text NOT NULL,
	"timeline" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "error_group_totals" (
	"organisation_id" uuid NOT NULL,
	"kind" "report_kind" NOT NULL,
	"status" "submission_status" NOT NULL,
	"code" text,
	"spec_code" text,
	"cause" text,
	"submissions" integer NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"fields" text[] NOT NULL,
	"latest_reason" jsonb,
	CONSTRAINT "error_group_totals_key" UNIQUE NULLS NOT DISTINCT("organisation_id","kind","status","code","spec_code","cause")
);
--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "failure_spec_code" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "failure_cause" text;--> statement-breakpoint
CREATE INDEX "error_group_daily_rollups_org_group_idx" ON "error_group_daily_rollups" USING btree ("organisation_id","kind","status","code","spec_code","cause");--> statement-breakpoint
-- Hand-written from here (drizzle-kit has no functions, triggers or backfills); see docs/rollups.md
-- and docs/board.md.
--
-- 1. The stored failure signature (submissions.failure_spec_code, failure_cause): what
-- lib/submissions/queries/failure-signature.ts computes from the latest attempt, stored while the
-- submission stands unsuccessful, so the error groups' links walk an index.
CREATE FUNCTION refresh_failure_signatures(p_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE submissions s SET failure_spec_code = x.spec_code, failure_cause = x.cause
  FROM (
    SELECT s2.id,
      CASE WHEN s2.status IN ('rejected', 'conflict', 'failed')
        THEN upper(trim(latest_attempt_first_specification(s2.id)->>'kode')) END AS spec_code,
      CASE WHEN s2.status IN ('rejected', 'conflict', 'failed')
        THEN submission_failure_cause(s2.id, s2.last_error_code) END AS cause
    FROM submissions s2 WHERE s2.id = ANY (p_ids)
  ) x
  WHERE s.id = x.id AND (s.failure_spec_code, s.failure_cause) IS DISTINCT FROM (x.spec_code, x.cause)
$$;
--> statement-breakpoint
-- A submission entering, leaving or changing within the failures (status, error code). The
-- nested update changes neither, so it does not recurse.
CREATE FUNCTION submissions_maintain_failure_signature() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := array(SELECT n.id FROM new_rows n
      WHERE n.status IN ('rejected', 'conflict', 'failed') OR n.failure_spec_code IS NOT NULL OR n.failure_cause IS NOT NULL);
  ELSE
    ids := array(SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.status IN ('rejected', 'conflict', 'failed') OR n.status IN ('rejected', 'conflict', 'failed'))
        AND (o.status, o.last_error_code) IS DISTINCT FROM (n.status, n.last_error_code));
  END IF;
  IF cardinality(ids) > 0 THEN PERFORM refresh_failure_signatures(ids); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A new, changed or removed attempt can change its submission's latest attempt.
CREATE FUNCTION delivery_attempts_maintain_failure_signature() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := array(SELECT DISTINCT n.submission_id FROM new_rows n);
  ELSIF TG_OP = 'DELETE' THEN
    ids := array(SELECT DISTINCT o.submission_id FROM old_rows o);
  ELSE
    ids := array(SELECT k.submission_id FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.submission_id), (n.submission_id)) k(submission_id)
      WHERE (o.submission_id, o.attempt_no, o.outcome, o.decoded_error)
        IS DISTINCT FROM (n.submission_id, n.attempt_no, n.outcome, n.decoded_error));
  END IF;
  ids := array(SELECT s.id FROM submissions s WHERE s.id = ANY (ids)
    AND (s.status IN ('rejected', 'conflict', 'failed') OR s.failure_spec_code IS NOT NULL OR s.failure_cause IS NOT NULL));
  IF cardinality(ids) > 0 THEN PERFORM refresh_failure_signatures(ids); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER submissions_failure_signature_insert AFTER INSERT ON submissions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION submissions_maintain_failure_signature();
--> statement-breakpoint
CREATE TRIGGER submissions_failure_signature_update AFTER UPDATE ON submissions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION submissions_maintain_failure_signature();
--> statement-breakpoint
CREATE TRIGGER delivery_attempts_failure_signature_insert AFTER INSERT ON delivery_attempts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_attempts_maintain_failure_signature();
--> statement-breakpoint
CREATE TRIGGER delivery_attempts_failure_signature_update AFTER UPDATE ON delivery_attempts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_attempts_maintain_failure_signature();
--> statement-breakpoint
CREATE TRIGGER delivery_attempts_failure_signature_delete AFTER DELETE ON delivery_attempts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_attempts_maintain_failure_signature();
--> statement-breakpoint
-- 2. error_group_totals: each group's error_group_daily_rollups rows summed per organisation and
-- kind. Migration 0014's bucket refresh, plus: a lock per (organisation, kind) first (so totals of
-- one organisation and kind are recomputed one transaction at a time, each seeing the other's
-- committed days), and the totals of every group the buckets held before or hold after.
CREATE OR REPLACE FUNCTION refresh_error_group_buckets(p_buckets submission_bucket[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  b record;
  groups_before jsonb;
  rebuilding boolean;
BEGIN
  -- rebuild_submission_rollups() recomputes every bucket at once and sums the totals afterwards.
  rebuilding := coalesce(current_setting('innrapportering.rebuilding_rollups', true) = 'on', false);
  IF NOT rebuilding THEN
    FOR b IN SELECT DISTINCT x.organisation_id, x.kind FROM unnest(p_buckets) x ORDER BY 1, 2 LOOP
      PERFORM pg_advisory_xact_lock(hashtextextended('error_group_totals ' || b.organisation_id || ' ' || b.kind, 0));
    END LOOP;
    -- A rebuild recomputes every bucket: one lock each would exceed the lock table (max_locks_per_transaction).
    FOR b IN SELECT DISTINCT x.organisation_id, x.day, x.kind FROM unnest(p_buckets) x ORDER BY 1, 2, 3 LOOP
      PERFORM pg_advisory_xact_lock(hashtextextended('error_group_bucket ' || b.organisation_id || ' ' || b.day || ' ' || b.kind, 0));
    END LOOP;
  END IF;
  SELECT coalesce(jsonb_agg(DISTINCT jsonb_build_array(r.organisation_id, r.kind, r.status, r.code, r.spec_code, r.cause)), '[]')
    INTO groups_before
    FROM error_group_daily_rollups r
    JOIN (SELECT DISTINCT * FROM unnest(p_buckets)) x
      ON r.organisation_id = x.organisation_id AND r.day = x.day AND r.kind = x.kind;
  DELETE FROM error_group_daily_rollups r
    USING (SELECT DISTINCT * FROM unnest(p_buckets)) x
    WHERE r.organisation_id = x.organisation_id AND r.day = x.day AND r.kind = x.kind;
  INSERT INTO error_group_daily_rollups
    (organisation_id, day, kind, status, code, spec_code, cause, submissions, first_seen, last_seen, fields, latest_reason)
  SELECT x.organisation_id, x.day, x.kind, f.status, f.code, f.spec_code, f.cause, count(*)::int,
    min(f.seen_at), max(f.seen_at),
    coalesce((array_agg(DISTINCT f.spec_field) FILTER (WHERE f.spec_field IS NOT NULL))[1:3], '{}'),
    (array_agg(f.status_reason ORDER BY f.seen_at DESC))[1]
  FROM (SELECT DISTINCT * FROM unnest(p_buckets)) x
  CROSS JOIN LATERAL (
    SELECT s.status, upper(s.last_error_code) AS code, upper(trim(sp.spec->>'kode')) AS spec_code,
      s.kind || ' ' || left(trim(sp.spec->>'sti'), 500) AS spec_field,
      submission_failure_cause(s.id, s.last_error_code) AS cause,
      coalesce(s.last_attempt_at, s.updated_at) AS seen_at,
      CASE WHEN s.status_reason_code IS NULL THEN NULL
        ELSE jsonb_build_object('code', s.status_reason_code, 'params', s.status_reason_params) END AS status_reason
    FROM submissions s
    CROSS JOIN LATERAL (SELECT latest_attempt_first_specification(s.id) AS spec) sp
    WHERE s.organisation_id = x.organisation_id AND s.kind = x.kind
      AND s.status IN ('rejected', 'conflict', 'failed')
      AND s.created_at >= (x.day::timestamp AT TIME ZONE 'Europe/Oslo')
      AND s.created_at < ((x.day + 1)::timestamp AT TIME ZONE 'Europe/Oslo')
  ) f
  GROUP BY x.organisation_id, x.day, x.kind, f.status, f.code, f.spec_code, f.cause;
  IF rebuilding THEN RETURN; END IF;
  PERFORM refresh_error_group_totals(array(
    SELECT DISTINCT g FROM (
      SELECT jsonb_build_array(r.organisation_id, r.kind, r.status, r.code, r.spec_code, r.cause) AS g
      FROM error_group_daily_rollups r
      JOIN (SELECT DISTINCT * FROM unnest(p_buckets)) x
        ON r.organisation_id = x.organisation_id AND r.day = x.day AND r.kind = x.kind
      UNION ALL
      SELECT e FROM jsonb_array_elements(groups_before) e
    ) k));
END $$;
--> statement-breakpoint
-- Recomputes the all-time rows of the given groups ([organisation, kind, status, code, spec_code,
-- cause]) from their days. The fields are the first three distinct of all the days' (each day
-- keeps its first three sorted, so the first three overall are among them).
CREATE FUNCTION refresh_error_group_totals(p_groups jsonb[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(p_groups) = 0 THEN RETURN; END IF;
  DELETE FROM error_group_totals t
    USING (SELECT DISTINCT (g->>0)::uuid AS organisation_id, (g->>1)::report_kind AS kind,
        (g->>2)::submission_status AS status, g->>3 AS code, g->>4 AS spec_code, g->>5 AS cause
      FROM unnest(p_groups) g) k
    WHERE t.organisation_id = k.organisation_id AND t.kind = k.kind AND t.status = k.status
      AND t.code IS NOT DISTINCT FROM k.code AND t.spec_code IS NOT DISTINCT FROM k.spec_code
      AND t.cause IS NOT DISTINCT FROM k.cause;
  INSERT INTO error_group_totals
    (organisation_id, kind, status, code, spec_code, cause, submissions, first_seen, last_seen, fields, latest_reason)
  SELECT k.organisation_id, k.kind, k.status, k.code, k.spec_code, k.cause, a.n, a.first_seen, a.last_seen,
    coalesce((SELECT (array_agg(DISTINCT f.field))[1:3]
      FROM error_group_daily_rollups r CROSS JOIN LATERAL unnest(r.fields) f(field)
      WHERE r.organisation_id = k.organisation_id AND r.kind = k.kind AND r.status = k.status
        AND r.code IS NOT DISTINCT FROM k.code AND r.spec_code IS NOT DISTINCT FROM k.spec_code
        AND r.cause IS NOT DISTINCT FROM k.cause), '{}'),
    a.latest_reason
  FROM (SELECT DISTINCT (g->>0)::uuid AS organisation_id, (g->>1)::report_kind AS kind,
      (g->>2)::submission_status AS status, g->>3 AS code, g->>4 AS spec_code, g->>5 AS cause
    FROM unnest(p_groups) g) k
  CROSS JOIN LATERAL (
    SELECT sum(r.submissions)::int AS n, min(r.first_seen) AS first_seen, max(r.last_seen) AS last_seen,
      (array_agg(r.latest_reason ORDER BY r.last_seen DESC))[1] AS latest_reason
    FROM error_group_daily_rollups r
    WHERE r.organisation_id = k.organisation_id AND r.kind = k.kind AND r.status = k.status
      AND r.code IS NOT DISTINCT FROM k.code AND r.spec_code IS NOT DISTINCT FROM k.spec_code
      AND r.cause IS NOT DISTINCT FROM k.cause
  ) a
  WHERE a.n IS NOT NULL;
END $$;
--> statement-breakpoint
-- Every group's all-time row from its days, in one pass (the backfill and the rebuild).
CREATE FUNCTION rebuild_error_group_totals() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM error_group_totals;
  INSERT INTO error_group_totals
    (organisation_id, kind, status, code, spec_code, cause, submissions, first_seen, last_seen, fields, latest_reason)
  SELECT r.organisation_id, r.kind, r.status, r.code, r.spec_code, r.cause, sum(r.submissions)::int,
    min(r.first_seen), max(r.last_seen),
    coalesce((SELECT (array_agg(DISTINCT f.value))[1:3]
      FROM jsonb_array_elements(jsonb_agg(to_jsonb(r.fields))) l, jsonb_array_elements_text(l.value) f), '{}'),
    (array_agg(r.latest_reason ORDER BY r.last_seen DESC))[1]
  FROM error_group_daily_rollups r
  GROUP BY r.organisation_id, r.kind, r.status, r.code, r.spec_code, r.cause;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION submissions_truncate_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM submission_daily_counts;
  DELETE FROM submission_status_totals;
  DELETE FROM error_group_daily_rollups;
  DELETE FROM error_group_totals;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- 3. board_organisation_timelines (docs/board.md, "Ranking"): one letter per month of an
-- organisation's board_month_facts, the month's standing state as lib/board/board-query.ts derives
-- it from the facts alone (what does not depend on today): s sending, R rejected, d deviations,
-- w awaiting feedback, p replaced, a accepted, - nothing sent or accepted (no row, or a draft);
-- upper case when the month counts as serious for the risk order (S, R, D).
CREATE FUNCTION board_month_letter(f board_month_facts) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN o.open_after AND f.open_status IN ('queued', 'sending', 'retrying')
      THEN CASE WHEN f.avvisning + f.oyeblikkelig > 0 THEN 'S' ELSE 's' END
    WHEN o.open_after THEN 'R'
    WHEN f.accepted_id IS NOT NULL THEN CASE
      WHEN f.feedback_status IN ('rejected', 'deviations') OR f.avvisning + f.oyeblikkelig > 0 THEN 'D'
      WHEN f.retningslinje > 0 THEN 'd'
      WHEN f.feedback_status IS NULL OR f.feedback_status IN ('waiting', 'error') THEN 'w'
      WHEN f.accepted_replaces THEN 'p'
      ELSE 'a' END
    ELSE '-' END
  FROM (SELECT f.open_id IS NOT NULL AND (f.accepted_at IS NULL OR f.open_created_at > f.accepted_at) AS open_after) o
$$;
--> statement-breakpoint
-- A month as a number (months since year 0), for A-melding months (YYYY-MM) only.
CREATE FUNCTION board_month_number(p_month text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_month ~ '^\d{4}-(0[1-9]|1[0-2])$'
    THEN substr(p_month, 1, 4)::int * 12 + substr(p_month, 6, 2)::int - 1 END
$$;
--> statement-breakpoint
-- Recomputes the timelines of the given organisations from their facts. A lock per organisation
-- (one of 1024 slots), then a fresh snapshot in the statements after it: two transactions
-- changing different months of one organisation each see the other's committed months.
CREATE FUNCTION refresh_board_organisation_timelines(p_organisation_ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  k record;
BEGIN
  FOR k IN SELECT DISTINCT (abs(hashtext(x::text)) % 1024)::int AS slot FROM unnest(p_organisation_ids) x ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('board_organisation_timelines'), k.slot);
  END LOOP;
  DELETE FROM board_organisation_timelines t WHERE t.organisation_id = ANY (p_organisation_ids);
  INSERT INTO board_organisation_timelines (organisation_id, first_month, timeline)
  SELECT r.organisation_id, to_char(make_date(r.first_n / 12, r.first_n % 12 + 1, 1), 'YYYY-MM'),
    string_agg(coalesce(board_month_letter(f), '-'), '' ORDER BY n)
  FROM (
    SELECT f.organisation_id, min(board_month_number(f.kalendermaaned)) AS first_n,
      max(board_month_number(f.kalendermaaned)) AS last_n
    FROM board_month_facts f
    WHERE f.organisation_id = ANY (p_organisation_ids) AND board_month_number(f.kalendermaaned) IS NOT NULL
    GROUP BY f.organisation_id
  ) r
  CROSS JOIN generate_series(r.first_n, r.last_n) n
  LEFT JOIN board_month_facts f ON f.organisation_id = r.organisation_id
    AND f.kalendermaaned = to_char(make_date(n / 12, n % 12 + 1, 1), 'YYYY-MM')
  GROUP BY r.organisation_id, r.first_n;
END $$;
--> statement-breakpoint
CREATE FUNCTION board_month_facts_maintain_timelines() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  orgs uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    orgs := array(SELECT DISTINCT n.organisation_id FROM new_rows n);
  ELSIF TG_OP = 'DELETE' THEN
    orgs := array(SELECT DISTINCT o.organisation_id FROM old_rows o);
  ELSE
    orgs := array(SELECT DISTINCT k.organisation_id FROM old_rows o JOIN new_rows n
        ON n.organisation_id = o.organisation_id AND n.kalendermaaned = o.kalendermaaned
      CROSS JOIN LATERAL (VALUES (o.organisation_id), (n.organisation_id)) k(organisation_id)
      WHERE board_month_letter(o) IS DISTINCT FROM board_month_letter(n)
      UNION
      SELECT organisation_id FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o
        WHERE o.organisation_id = n.organisation_id AND o.kalendermaaned = n.kalendermaaned));
  END IF;
  IF cardinality(orgs) > 0 THEN PERFORM refresh_board_organisation_timelines(orgs); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER board_month_facts_timelines_insert AFTER INSERT ON board_month_facts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION board_month_facts_maintain_timelines();
--> statement-breakpoint
CREATE TRIGGER board_month_facts_timelines_update AFTER UPDATE ON board_month_facts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION board_month_facts_maintain_timelines();
--> statement-breakpoint
CREATE TRIGGER board_month_facts_timelines_delete AFTER DELETE ON board_month_facts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION board_month_facts_maintain_timelines();
--> statement-breakpoint
-- A bulk load with triggers off (bench/scale-data.ts) calls rebuild_submission_rollups(): migration
-- 0019's body, with the failure signatures first and the error groups' totals summed once at the end.
CREATE OR REPLACE FUNCTION rebuild_submission_rollups() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('innrapportering.rebuilding_rollups', 'on', true);
  PERFORM refresh_failure_signatures(array(SELECT id FROM submissions
    WHERE status IN ('rejected', 'conflict', 'failed') OR failure_spec_code IS NOT NULL OR failure_cause IS NOT NULL));
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
  PERFORM rebuild_error_group_totals();
  PERFORM rebuild_board_month_facts();
  PERFORM set_config('innrapportering.rebuilding_rollups', 'off', true);
END;
$$;
--> statement-breakpoint
-- Backfills, then the indexes on the filled columns.
SELECT refresh_failure_signatures(array(SELECT id FROM submissions WHERE status IN ('rejected', 'conflict', 'failed')));
--> statement-breakpoint
SELECT rebuild_error_group_totals();
--> statement-breakpoint
SELECT refresh_board_organisation_timelines(array(SELECT DISTINCT organisation_id FROM board_month_facts));
--> statement-breakpoint
CREATE INDEX "submissions_failure_code_spec_created_idx" ON "submissions" USING btree (upper("last_error_code"),"failure_spec_code","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "submissions"."status" in ('rejected', 'conflict', 'failed') and "submissions"."last_error_code" is not null;--> statement-breakpoint
CREATE INDEX "submissions_failure_cause_spec_created_idx" ON "submissions" USING btree ("failure_cause","failure_spec_code","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "submissions"."failure_cause" is not null;
