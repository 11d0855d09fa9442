-- Added by 0035 for one organisation's failures (rejected+amelding+org), but for a reader of many
-- organisations the planner combined it with the cause index in a bitmap AND for an error-group
-- link by cause and sorted 20 000 rows: 5 ms became 150-260 ms at a million submissions
-- (docs/benchmarks.md, "Ratios on the same cache state, per-request work of the list (30 November 2026)").
DROP INDEX "submissions_needs_action_org_created_idx";