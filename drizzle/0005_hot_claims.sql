DROP INDEX "submissions_status_next_idx";--> statement-breakpoint
CREATE INDEX "submissions_due_idx" ON "submissions" USING btree ("next_attempt_at") WHERE "submissions"."next_attempt_at" is not null;--> statement-breakpoint
CREATE INDEX "submissions_amelding_accepted_idx" ON "submissions" USING btree ("accepted_at") WHERE "submissions"."kind" = 'amelding' and "submissions"."accepted_at" is not null;--> statement-breakpoint
-- The delivery worker updates each submission twice (claim, outcome). Claims change no indexed
-- column; free space on each page lets PostgreSQL keep the new row version on the same page
-- (a HOT update), which writes no index entries at all.
ALTER TABLE "submissions" SET (fillfactor = 80);--> statement-breakpoint
-- The due index relies on next_attempt_at being set exactly while a submission waits or is sent.
UPDATE "submissions" SET "next_attempt_at" = coalesce("queued_at", "created_at")
  WHERE "status" in ('queued', 'retrying', 'sending') AND "next_attempt_at" IS NULL;--> statement-breakpoint
UPDATE "submissions" SET "next_attempt_at" = NULL
  WHERE "status" not in ('queued', 'retrying', 'sending') AND "next_attempt_at" IS NOT NULL;
