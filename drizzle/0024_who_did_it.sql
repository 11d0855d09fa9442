ALTER TABLE "organisations" ADD COLUMN "four_eyes" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "prepared_by" uuid;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "prepared_by_api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "approval_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "approved_by" uuid;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "declined_by" uuid;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "sent_by" uuid;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "sent_by_api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_prepared_by_api_key_id_api_keys_id_fk" FOREIGN KEY ("prepared_by_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_declined_by_users_id_fk" FOREIGN KEY ("declined_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_sent_by_api_key_id_api_keys_id_fk" FOREIGN KEY ("sent_by_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Hand-written backfill (docs/four-eyes.md, "Rows from before"): who prepared and who sent each
-- existing version, read from the audit log in one pass each (hash joins, no per-row lookups).
-- The preparer: the last save of that version number (its actor and API key), else its creator.
WITH prepared AS (
  SELECT DISTINCT ON (target_id, details->>'versionNo')
    target_id, details->>'versionNo' AS version_no, actor_id, api_key_id
  FROM audit_log
  WHERE target_type = 'submission'
    AND action IN ('submission.create_draft', 'submission.save_draft', 'submission.submit', 'submission.send_corrected_version')
    AND details ? 'versionNo'
  ORDER BY target_id, details->>'versionNo', created_at DESC, id DESC
)
UPDATE submission_versions v
SET prepared_by = prepared.actor_id, prepared_by_api_key_id = prepared.api_key_id
FROM prepared
WHERE prepared.target_id = v.submission_id::text AND prepared.version_no = v.version_no::text;
--> statement-breakpoint
UPDATE submission_versions SET prepared_by = created_by WHERE prepared_by IS NULL;
--> statement-breakpoint
-- The sender: the last queueing entry naming the version's idempotency key, for versions that
-- were sent (have an attempt); a send by the system (seed) stays unknown.
WITH sent AS (
  SELECT DISTINCT ON (details->>'idempotencyKey')
    details->>'idempotencyKey' AS idempotency_key, actor_id, api_key_id, created_at
  FROM audit_log
  WHERE target_type = 'submission'
    AND action IN ('submission.submit', 'submission.send_corrected_version')
    AND details ? 'idempotencyKey'
  ORDER BY details->>'idempotencyKey', created_at DESC, id DESC
)
UPDATE submission_versions v
SET sent_by = sent.actor_id, sent_by_api_key_id = sent.api_key_id, sent_at = sent.created_at
FROM sent
WHERE sent.idempotency_key = v.idempotency_key::text
  AND EXISTS (SELECT 1 FROM delivery_attempts d WHERE d.version_id = v.id);
