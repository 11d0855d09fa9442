CREATE TABLE "error_group_summaries" (
	"kind" "report_kind",
	"status" "submission_status" NOT NULL,
	"code" text,
	"spec_code" text,
	"cause" text,
	"submissions" integer NOT NULL,
	"organisations" integer NOT NULL,
	"organisation_names" text[] NOT NULL,
	"organisation_name_count" integer NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"fields" text[] NOT NULL,
	"latest_reason" jsonb,
	CONSTRAINT "error_group_summaries_key" UNIQUE NULLS NOT DISTINCT("kind","status","code","spec_code","cause")
);
--> statement-breakpoint
CREATE INDEX "error_group_totals_group_idx" ON "error_group_totals" USING btree ("status",(array["code", "spec_code", "cause"]));--> statement-breakpoint
CREATE TABLE "error_group_summary_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"status" "submission_status" NOT NULL,
	"code" text,
	"spec_code" text,
	"cause" text
);
--> statement-breakpoint
-- Hand-written from here (drizzle-kit has no functions, triggers or backfills); see docs/rollups.md
-- ("Who writes them"). The summaries are not recomputed in the writer's transaction: a group spans up
-- to every organisation, so a lock per group would be shared by all of them, every writer would queue
-- on it in an outage, and two transactions touching two groups in opposite order could deadlock.
-- Writers only append the group's key to error_group_summary_changes; the worker's drain recomputes
-- the summaries; `/feil` reads a group
-- with pending rows from error_group_totals (lib/submissions/queries/error-groups.ts).
--
-- The groups ([status, code, spec_code, cause]) whose summaries a writer's change made stale, appended
-- to the outbox in the writer's transaction, so the change and its row commit (or roll back) together.
-- An insert takes no lock another writer waits for: no unique key on the group.
CREATE FUNCTION note_error_group_summary_changes(p_groups jsonb[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO error_group_summary_changes (status, code, spec_code, cause)
  SELECT DISTINCT (x->>0)::submission_status, x->>1, x->>2, x->>3 FROM unnest(p_groups) x;
$$;
--> statement-breakpoint
-- error_group_summaries: each group's error_group_totals rows over every organisation, per kind and
-- over both kinds (kind null), with the organisations counted, their first three distinct names and
-- how many distinct names. Recomputed whole for the given groups ([status, code, spec_code, cause];
-- null: every group). Only the drain (and the rebuild) call it, and the drain takes the groups'
-- locks itself (drain_error_group_summary_changes).
CREATE FUNCTION refresh_error_group_summaries(p_groups jsonb[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(p_groups) = 0 THEN RETURN; END IF;
  DELETE FROM error_group_summaries s
    WHERE p_groups IS NULL OR (s.status, array[s.code, s.spec_code, s.cause]) IN (
      SELECT (x->>0)::submission_status, array[x->>1, x->>2, x->>3] FROM unnest(p_groups) x);
  INSERT INTO error_group_summaries (kind, status, code, spec_code, cause, submissions, organisations,
    organisation_names, organisation_name_count, first_seen, last_seen, fields, latest_reason)
  SELECT t.kind, t.status, t.code, t.spec_code, t.cause, sum(t.submissions)::int,
    count(DISTINCT t.organisation_id)::int, (array_agg(DISTINCT o.name))[1:3], count(DISTINCT o.name)::int,
    min(t.first_seen), max(t.last_seen),
    -- The first three distinct of all the rows' fields (each row keeps its first three, sorted).
    coalesce((SELECT (array_agg(DISTINCT f.value))[1:3]
      FROM jsonb_array_elements(jsonb_agg(to_jsonb(t.fields))) l, jsonb_array_elements_text(l.value) f), '{}'),
    (array_agg(t.latest_reason ORDER BY t.last_seen DESC))[1]
  FROM (
    SELECT * FROM error_group_totals WHERE p_groups IS NULL
    UNION ALL
    -- Each group's rows through error_group_totals_group_idx (the array compares nulls as equal).
    SELECT t.* FROM (SELECT DISTINCT (x->>0)::submission_status AS status, array[x->>1, x->>2, x->>3] AS key
        FROM unnest(p_groups) x) k
      JOIN error_group_totals t ON t.status = k.status AND array[t.code, t.spec_code, t.cause] = k.key
    WHERE p_groups IS NOT NULL
  ) t
  JOIN organisations o ON o.id = t.organisation_id
  GROUP BY GROUPING SETS ((t.kind, t.status, t.code, t.spec_code, t.cause), (t.status, t.code, t.spec_code, t.cause));
END $$;
--> statement-breakpoint
-- Migration 0025's function, then the groups it recomputed are noted in the outbox.
CREATE OR REPLACE FUNCTION refresh_error_group_totals(p_groups jsonb[]) RETURNS void
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
  PERFORM note_error_group_summary_changes(array(
    SELECT DISTINCT jsonb_build_array(g->2, g->3, g->4, g->5) FROM unnest(p_groups) g));
END $$;
--> statement-breakpoint
-- A renamed organisation changes the names of every group it has failures in: those groups are noted
-- too (their names are read live until drained).
CREATE FUNCTION organisations_maintain_error_group_summaries() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  groups jsonb[];
BEGIN
  groups := array(SELECT DISTINCT jsonb_build_array(t.status, t.code, t.spec_code, t.cause)
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    JOIN error_group_totals t ON t.organisation_id = n.id
    WHERE o.name IS DISTINCT FROM n.name);
  IF cardinality(groups) > 0 THEN PERFORM note_error_group_summary_changes(groups); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_rollups_update AFTER UPDATE ON organisations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organisations_maintain_error_group_summaries();
--> statement-breakpoint
-- Migration 0025's rebuild (a bulk load, the backfill), then every summary, emptying the outbox BEFORE the summaries'
-- statements: each statement has its own snapshot (read committed), so every change whose row the
-- delete removes is in the totals the recomputation reads, and a change committed after the delete
-- keeps its row.
CREATE OR REPLACE FUNCTION rebuild_error_group_totals() RETURNS void
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
  DELETE FROM error_group_summary_changes;
  SELECT refresh_error_group_summaries(null);
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION submissions_truncate_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM submission_daily_counts;
  DELETE FROM submission_status_totals;
  DELETE FROM error_group_daily_rollups;
  DELETE FROM error_group_totals;
  DELETE FROM error_group_summaries;
  DELETE FROM error_group_summary_changes;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The drain (lib/submissions/rollups/error-group-summary-drain.ts): one batch of outbox rows, oldest
-- first, in the caller's transaction, which must be read committed. Returns how many rows it removed.
--
-- Why a group is never marked clean while a change to it is missing from its summary: every statement
-- below takes a new snapshot. The rows picked are those committed before the pick's snapshot, and each
-- was inserted in the same transaction as its change to error_group_totals, so every picked row's
-- change is committed before the recomputation's snapshot, which comes later (after the locks), and is
-- counted. A change committed after the pick (or still running) has a row the pick did not see: that
-- row stays, so the group stays pending and `/feil` reads it from error_group_totals until the next
-- drain. Only the picked rows are deleted (by id), never "the group's rows".
--
-- Two drainers picking rows of the same group (SKIP LOCKED lets them pick different rows) recompute it
-- one after the other: a transaction-level advisory lock per group, taken in sorted order (no deadlock
-- between drainers), held until commit, so the second one's recomputation sees the first's committed
-- summaries and totals. Writers never take these locks.
CREATE FUNCTION drain_error_group_summary_changes(p_limit int) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
  picked bigint[];
  groups jsonb[];
  g record;
BEGIN
  SELECT array_agg(p.id), array_agg(DISTINCT jsonb_build_array(p.status, p.code, p.spec_code, p.cause))
    INTO picked, groups
    FROM (SELECT c.id, c.status, c.code, c.spec_code, c.cause FROM error_group_summary_changes c
      ORDER BY c.id LIMIT p_limit FOR UPDATE SKIP LOCKED) p;
  IF picked IS NULL THEN RETURN 0; END IF;
  FOR g IN SELECT DISTINCT x::text AS k FROM unnest(groups) x ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('error_group_summaries ' || g.k, 0));
  END LOOP;
  PERFORM refresh_error_group_summaries(groups);
  DELETE FROM error_group_summary_changes WHERE id = ANY (picked);
  RETURN cardinality(picked);
END $$;
--> statement-breakpoint
-- The backfill: every group's summary from the totals as they stand (the outbox starts empty).
SELECT refresh_error_group_summaries(null);
