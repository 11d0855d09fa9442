-- The month a submission concerns, for the list's `period` filter and its index: an A-melding's
-- own month (its subject), an oppdrag's month of creation in Norwegian time. Declared IMMUTABLE
-- so it can be indexed; it reads the time zone rules, which change only with PostgreSQL's tzdata
-- (then REINDEX INDEX submissions_period_created_idx). Hand-written: drizzle-kit has no functions.
CREATE FUNCTION submission_period(kind report_kind, subject text, created_at timestamptz) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN kind = 'amelding' THEN subject ELSE to_char(created_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM') END;--> statement-breakpoint
CREATE INDEX "submission_search_terms_term_idx" ON "submission_search_terms" USING btree ("kind","term" text_pattern_ops,"organisation_id");--> statement-breakpoint
CREATE INDEX "submissions_created_idx" ON "submissions" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "submissions_in_flight_created_idx" ON "submissions" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "submissions"."next_attempt_at" is not null;--> statement-breakpoint
CREATE INDEX "submissions_needs_action_created_idx" ON "submissions" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "submissions"."status" in ('rejected', 'conflict', 'failed');--> statement-breakpoint
CREATE INDEX "submissions_period_created_idx" ON "submissions" USING btree (submission_period("kind", "subject", "created_at"),"created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "submissions_error_code_created_idx" ON "submissions" USING btree (upper("last_error_code"),"created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "submissions"."last_error_code" is not null;--> statement-breakpoint
CREATE INDEX "submissions_oar_created_idx" ON "submissions" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "submissions"."kind" = 'oar';