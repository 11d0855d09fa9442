DROP INDEX "delivery_attempts_korrelasjonsid_idx";--> statement-breakpoint
DROP INDEX "submissions_replaces_idx";--> statement-breakpoint
CREATE INDEX "delivery_attempts_korrelasjonsid_idx" ON "delivery_attempts" USING btree ("korrelasjonsid") WHERE "delivery_attempts"."korrelasjonsid" is not null;--> statement-breakpoint
CREATE INDEX "submissions_replaces_idx" ON "submissions" USING btree ("replaces_submission_id") WHERE "submissions"."replaces_submission_id" is not null;