-- The terms carry their submission's created_at, so the list's newest page of a search's matches
-- is chosen from submission_search_terms_term_idx alone (kind, term, organisation, created_at,
-- submission) instead of reading every matched submission from `submissions` and sorting them
-- (docs/benchmarks.md, "Search by surname from the terms' index (30 November 2026)").
-- Hand-written around drizzle-kit's statements: the column is filled before it is made NOT NULL,
-- and the old index is dropped first so the backfill does not maintain it.
DROP INDEX "submission_search_terms_term_idx";--> statement-breakpoint
ALTER TABLE "submission_search_terms" ADD COLUMN "created_at" timestamp with time zone;--> statement-breakpoint
UPDATE "submission_search_terms" t SET "created_at" = s."created_at"
FROM "submissions" s WHERE s."id" = t."submission_id";--> statement-breakpoint
ALTER TABLE "submission_search_terms" ALTER COLUMN "created_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "submission_search_terms_term_idx" ON "submission_search_terms" USING btree ("kind","term" text_pattern_ops,"organisation_id","created_at","submission_id");--> statement-breakpoint
-- A submission's created_at and organisation never change in the product, but a change to either
-- (a data fix, a test backdating a row) is copied to its terms in the same statement, so the
-- search's scope and order always equal the submission's.
CREATE FUNCTION submissions_copy_to_search_terms() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE submission_search_terms
  SET created_at = NEW.created_at, organisation_id = NEW.organisation_id
  WHERE submission_id = NEW.id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER submissions_copy_to_search_terms
AFTER UPDATE OF created_at, organisation_id ON submissions
FOR EACH ROW
WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.organisation_id IS DISTINCT FROM NEW.organisation_id)
EXECUTE FUNCTION submissions_copy_to_search_terms();
