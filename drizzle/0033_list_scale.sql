CREATE INDEX "delivery_attempts_latest_korrelasjonsid_idx" ON "delivery_attempts" USING btree ("submission_id","attempt_no","korrelasjonsid") WHERE "delivery_attempts"."korrelasjonsid" is not null;--> statement-breakpoint
-- Hand-written (drizzle-kit cannot express it): fewer most-common values kept for the
-- organisation columns the lists scope by. The planner estimates `organisation_id = any(ids)`
-- element by element against that list, so an admin of 2 000 organisations paid 10-45 ms of
-- planning on every list and search statement with the default 100 (docs/benchmarks.md,
-- "List, search and export at 1 000 000 rows").
ALTER TABLE "submissions" ALTER COLUMN "organisation_id" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "submission_search_terms" ALTER COLUMN "organisation_id" SET STATISTICS 10;--> statement-breakpoint
ANALYZE "submissions" ("organisation_id");--> statement-breakpoint
ANALYZE "submission_search_terms" ("organisation_id");
