ALTER TABLE "amelding_feedback" ADD COLUMN "document_pruned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD COLUMN "raw_bodies_pruned_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "amelding_feedback_document_kept_idx" ON "amelding_feedback" USING btree ("received_at") WHERE "amelding_feedback"."document" is not null;--> statement-breakpoint
CREATE INDEX "delivery_attempts_raw_bodies_kept_idx" ON "delivery_attempts" USING btree ("started_at") WHERE "delivery_attempts"."raw_bodies_pruned_at" is null;--> statement-breakpoint
-- Hand-written: the audit log is append-only. Retention empties raw bodies (lib/submissions/
-- retention/raw-body-retention.ts) but never removes an audit entry; this makes a DELETE on the
-- table fail whoever issues it, the app or a future job.
CREATE FUNCTION "audit_log_refuse_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: entries are never deleted' USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_never_deleted" BEFORE DELETE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_delete"();
