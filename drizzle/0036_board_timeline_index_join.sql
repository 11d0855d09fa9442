-- A status change of one A-melding recomputes its organisation's board timeline twice (the month's
-- facts are deleted and inserted again, and each fires board_month_facts_maintain_timelines). The
-- timeline joined the organisation's months to board_month_facts by a computed month, which the
-- planner answered with a hash join over EVERY organisation's facts: a sequential scan of the whole
-- table (36 000 rows at 2 000 organisations, ~50 ms) per call, 80–160 ms per status change at a
-- million submissions (docs/benchmarks.md, "A status change at a million submissions"). Naming
-- the organisations on the joined side too lets it read only theirs through the primary key. The
-- result is the same: the joined rows were already those of r.organisation_id.
CREATE OR REPLACE FUNCTION refresh_board_organisation_timelines(p_organisation_ids uuid[]) RETURNS void
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
  LEFT JOIN board_month_facts f ON f.organisation_id = r.organisation_id AND f.organisation_id = ANY (p_organisation_ids)
    AND f.kalendermaaned = to_char(make_date(n / 12, n % 12 + 1, 1), 'YYYY-MM')
  GROUP BY r.organisation_id, r.first_n;
END $$;
