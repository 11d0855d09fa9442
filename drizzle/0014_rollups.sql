CREATE TABLE "error_group_daily_rollups" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" "report_kind" NOT NULL,
	"status" "submission_status" NOT NULL,
	"code" text,
	"spec_code" text,
	"cause" text,
	"submissions" integer NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"fields" text[] NOT NULL,
	"latest_reason" jsonb
);
--> statement-breakpoint
CREATE TABLE "submission_daily_counts" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" "report_kind" NOT NULL,
	"status" "submission_status" NOT NULL,
	"submissions" integer NOT NULL,
	CONSTRAINT "submission_daily_counts_organisation_id_day_kind_status_pk" PRIMARY KEY("organisation_id","day","kind","status")
);
--> statement-breakpoint
CREATE TABLE "submission_status_totals" (
	"organisation_id" uuid NOT NULL,
	"kind" "report_kind" NOT NULL,
	"status" "submission_status" NOT NULL,
	"submissions" integer NOT NULL,
	CONSTRAINT "submission_status_totals_organisation_id_kind_status_pk" PRIMARY KEY("organisation_id","kind","status")
);
--> statement-breakpoint
CREATE INDEX "error_group_daily_rollups_org_day_idx" ON "error_group_daily_rollups" USING btree ("organisation_id","day","kind");--> statement-breakpoint
-- Hand-written below (drizzle-kit cannot express functions, triggers or backfills); see docs/rollups.md.
-- The first specification entry with a code (in the order Skatteetaten sent them) of a
-- submission's latest attempt's decoded error, or null: what the error groups and the list's
-- `spec` filter read (lib/submissions/queries/failure-signature.ts).
CREATE FUNCTION latest_attempt_first_specification(p_submission_id uuid) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  select (
    select e.spec
    from jsonb_array_elements(
      case when jsonb_typeof(a.decoded_error->'specifications') = 'array' then a.decoded_error->'specifications' else '[]'::jsonb end
    ) with ordinality as e(spec, position)
    where nullif(trim(e.spec->>'kode'), '') is not null
    order by e.position
    limit 1
  )
  from delivery_attempts a
  where a.submission_id = p_submission_id
  order by a.attempt_no desc
  limit 1
$$;
--> statement-breakpoint
-- For a submission without an error code: why, from its latest attempt (FAILURE_CAUSES in
-- lib/submissions/queries/list-filter.ts); null when it has a code.
CREATE FUNCTION submission_failure_cause(p_submission_id uuid, p_last_error_code text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  select case when p_last_error_code is not null then null else coalesce((
    select case when a.outcome in ('timeout', 'network_error', 'interrupted') then 'transport'
                when a.outcome = 'not_sent' then 'token'
                else 'no_code' end
    from delivery_attempts a
    where a.submission_id = p_submission_id
    order by a.attempt_no desc
    limit 1
  ), 'unsendable') end
$$;
--> statement-breakpoint
CREATE TYPE submission_count_delta AS (organisation_id uuid, day date, kind report_kind, status submission_status, delta integer);
--> statement-breakpoint
CREATE TYPE submission_bucket AS (organisation_id uuid, day date, kind report_kind);
--> statement-breakpoint
-- Adds signed counts to the daily counts and the totals. Keys are applied in sorted order, so two
-- transactions touching the same keys wait for each other instead of deadlocking; rows that reach
-- zero are removed (a concurrent increment of the same row is waited for and then re-checked).
CREATE FUNCTION apply_submission_count_deltas(p_deltas submission_count_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  k record;
BEGIN
  INSERT INTO submission_daily_counts AS c (organisation_id, day, kind, status, submissions)
    SELECT d.organisation_id, d.day, d.kind, d.status, sum(d.delta)::int
    FROM unnest(p_deltas) d
    GROUP BY 1, 2, 3, 4 HAVING sum(d.delta) <> 0
    ORDER BY 1, 2, 3, 4
  ON CONFLICT (organisation_id, day, kind, status) DO UPDATE SET submissions = c.submissions + excluded.submissions;
  INSERT INTO submission_status_totals AS t (organisation_id, kind, status, submissions)
    SELECT d.organisation_id, d.kind, d.status, sum(d.delta)::int
    FROM unnest(p_deltas) d
    GROUP BY 1, 2, 3 HAVING sum(d.delta) <> 0
    ORDER BY 1, 2, 3
  ON CONFLICT (organisation_id, kind, status) DO UPDATE SET submissions = t.submissions + excluded.submissions;
  -- One primary-key lookup per key: a join with the array would be planned without its size.
  FOR k IN SELECT DISTINCT x.organisation_id, x.day, x.kind, x.status FROM unnest(p_deltas) x LOOP
    DELETE FROM submission_daily_counts c
      WHERE c.organisation_id = k.organisation_id AND c.day = k.day AND c.kind = k.kind AND c.status = k.status
        AND c.submissions = 0;
  END LOOP;
  FOR k IN SELECT DISTINCT x.organisation_id, x.kind, x.status FROM unnest(p_deltas) x LOOP
    DELETE FROM submission_status_totals t
      WHERE t.organisation_id = k.organisation_id AND t.kind = k.kind AND t.status = k.status AND t.submissions = 0;
  END LOOP;
END $$;
--> statement-breakpoint
-- Recomputes whole (organisation, day, kind) buckets of the error groups from their unsuccessful
-- submissions. An advisory lock per bucket, taken in sorted order, serialises recomputations of
-- one bucket; each query of this function takes a fresh snapshot (read committed), so the second
-- one sees the first's committed failures as well as its own.
CREATE FUNCTION refresh_error_group_buckets(p_buckets submission_bucket[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  b record;
BEGIN
  FOR b IN SELECT DISTINCT x.organisation_id, x.day, x.kind FROM unnest(p_buckets) x ORDER BY 1, 2, 3 LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('error_group_bucket ' || b.organisation_id || ' ' || b.day || ' ' || b.kind, 0));
    DELETE FROM error_group_daily_rollups r
      WHERE r.organisation_id = b.organisation_id AND r.day = b.day AND r.kind = b.kind;
  END LOOP;
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
END $$;
--> statement-breakpoint
-- The one place that keeps the rollups: every insert, update and delete of submissions, by any
-- code path (operations, the engine's claim and settle statements, bulk retries, imports, seeds),
-- passes through it in the same transaction.
CREATE FUNCTION submissions_maintain_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  deltas submission_count_delta[];
  buckets submission_bucket[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    deltas := array(
      SELECT row(n.organisation_id, (n.created_at AT TIME ZONE 'Europe/Oslo')::date, n.kind, n.status, count(*)::int)::submission_count_delta
      FROM new_rows n GROUP BY n.organisation_id, (n.created_at AT TIME ZONE 'Europe/Oslo')::date, n.kind, n.status);
    buckets := array(
      SELECT DISTINCT row(n.organisation_id, (n.created_at AT TIME ZONE 'Europe/Oslo')::date, n.kind)::submission_bucket
      FROM new_rows n WHERE n.status IN ('rejected', 'conflict', 'failed'));
  ELSIF TG_OP = 'DELETE' THEN
    deltas := array(
      SELECT row(o.organisation_id, (o.created_at AT TIME ZONE 'Europe/Oslo')::date, o.kind, o.status, -count(*)::int)::submission_count_delta
      FROM old_rows o GROUP BY o.organisation_id, (o.created_at AT TIME ZONE 'Europe/Oslo')::date, o.kind, o.status);
    buckets := array(
      SELECT DISTINCT row(o.organisation_id, (o.created_at AT TIME ZONE 'Europe/Oslo')::date, o.kind)::submission_bucket
      FROM old_rows o WHERE o.status IN ('rejected', 'conflict', 'failed'));
  ELSE
    deltas := array(
      SELECT row(c.organisation_id, c.day, c.kind, c.status, sum(c.delta)::int)::submission_count_delta
      FROM (
        SELECT o.organisation_id, (o.created_at AT TIME ZONE 'Europe/Oslo')::date AS day, o.kind, o.status, -1 AS delta
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.organisation_id, o.created_at, o.kind, o.status) IS DISTINCT FROM (n.organisation_id, n.created_at, n.kind, n.status)
        UNION ALL
        SELECT n.organisation_id, (n.created_at AT TIME ZONE 'Europe/Oslo')::date, n.kind, n.status, 1
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE (o.organisation_id, o.created_at, o.kind, o.status) IS DISTINCT FROM (n.organisation_id, n.created_at, n.kind, n.status)
      ) c
      GROUP BY c.organisation_id, c.day, c.kind, c.status HAVING sum(c.delta) <> 0);
    -- A failure's group, times and reason live on the row: any change to them (or a row entering
    -- or leaving the failures) recomputes the buckets it left and entered.
    buckets := array(
      SELECT DISTINCT b FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES
        (CASE WHEN o.status IN ('rejected', 'conflict', 'failed')
          THEN row(o.organisation_id, (o.created_at AT TIME ZONE 'Europe/Oslo')::date, o.kind)::submission_bucket END),
        (CASE WHEN n.status IN ('rejected', 'conflict', 'failed')
          THEN row(n.organisation_id, (n.created_at AT TIME ZONE 'Europe/Oslo')::date, n.kind)::submission_bucket END)
      ) v(b)
      WHERE v.b IS NOT NULL
        AND (o.organisation_id, o.created_at, o.kind, o.status, o.last_error_code, o.status_reason_code,
             o.status_reason_params, o.last_attempt_at, o.updated_at)
          IS DISTINCT FROM (n.organisation_id, n.created_at, n.kind, n.status, n.last_error_code, n.status_reason_code,
             n.status_reason_params, n.last_attempt_at, n.updated_at));
  END IF;
  IF cardinality(deltas) > 0 THEN PERFORM apply_submission_count_deltas(deltas); END IF;
  IF cardinality(buckets) > 0 THEN PERFORM refresh_error_group_buckets(buckets); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A failure's specification code and cause come from its latest attempt: a change to attempts
-- of a submission that stands unsuccessful recomputes its bucket.
CREATE FUNCTION delivery_attempts_maintain_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  buckets submission_bucket[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    buckets := array(
      SELECT DISTINCT row(s.organisation_id, (s.created_at AT TIME ZONE 'Europe/Oslo')::date, s.kind)::submission_bucket
      FROM submissions s WHERE s.status IN ('rejected', 'conflict', 'failed')
        AND s.id = ANY (array(SELECT DISTINCT n.submission_id FROM new_rows n)));
  ELSIF TG_OP = 'DELETE' THEN
    buckets := array(
      SELECT DISTINCT row(s.organisation_id, (s.created_at AT TIME ZONE 'Europe/Oslo')::date, s.kind)::submission_bucket
      FROM submissions s WHERE s.status IN ('rejected', 'conflict', 'failed')
        AND s.id = ANY (array(SELECT DISTINCT o.submission_id FROM old_rows o)));
  ELSE
    buckets := array(
      SELECT DISTINCT row(s.organisation_id, (s.created_at AT TIME ZONE 'Europe/Oslo')::date, s.kind)::submission_bucket
      FROM submissions s WHERE s.status IN ('rejected', 'conflict', 'failed')
        AND s.id = ANY (array(
          SELECT n.submission_id FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE (o.submission_id, o.attempt_no, o.outcome, o.decoded_error)
            IS DISTINCT FROM (n.submission_id, n.attempt_no, n.outcome, n.decoded_error)
          UNION ALL
          SELECT o.submission_id FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.submission_id <> n.submission_id)));
  END IF;
  IF cardinality(buckets) > 0 THEN PERFORM refresh_error_group_buckets(buckets); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION submissions_truncate_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM submission_daily_counts;
  DELETE FROM submission_status_totals;
  DELETE FROM error_group_daily_rollups;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER submissions_rollups_insert AFTER INSERT ON submissions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION submissions_maintain_rollups();
--> statement-breakpoint
CREATE TRIGGER submissions_rollups_update AFTER UPDATE ON submissions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION submissions_maintain_rollups();
--> statement-breakpoint
CREATE TRIGGER submissions_rollups_delete AFTER DELETE ON submissions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION submissions_maintain_rollups();
--> statement-breakpoint
CREATE TRIGGER submissions_rollups_truncate AFTER TRUNCATE ON submissions
  FOR EACH STATEMENT EXECUTE FUNCTION submissions_truncate_rollups();
--> statement-breakpoint
CREATE TRIGGER delivery_attempts_rollups_insert AFTER INSERT ON delivery_attempts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_attempts_maintain_rollups();
--> statement-breakpoint
CREATE TRIGGER delivery_attempts_rollups_update AFTER UPDATE ON delivery_attempts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_attempts_maintain_rollups();
--> statement-breakpoint
CREATE TRIGGER delivery_attempts_rollups_delete AFTER DELETE ON delivery_attempts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_attempts_maintain_rollups();
--> statement-breakpoint
-- Rebuilds every rollup from the submissions: the backfill below, and a bulk load that ran with
-- triggers off (bench/scale-data.ts) calls it afterwards.
CREATE FUNCTION rebuild_submission_rollups() RETURNS void
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
END;
$$;
--> statement-breakpoint
-- Backfill from the submissions already there.
SELECT rebuild_submission_rollups();
