CREATE TYPE "public"."webhook_delivery_status" AS ENUM('pending', 'delivered', 'failed');--> statement-breakpoint
CREATE TABLE "webhook_deadline_notices" (
	"organisation_id" uuid NOT NULL,
	"period" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deadline_notices_organisation_id_period_pk" PRIMARY KEY("organisation_id","period")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "webhook_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"round_attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now(),
	"lease_until" timestamp with time zone,
	"last_response_status" integer,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_delivery_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"attempt_no" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"response_status" integer,
	"response_body" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "webhook_subscription_organisations" (
	"subscription_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "webhook_subscription_organisations_subscription_id_organisation_id_pk" PRIMARY KEY("subscription_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret" text NOT NULL,
	"previous_secret" text,
	"previous_secret_expires_at" timestamp with time zone,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"disabled_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_deadline_notices" ADD CONSTRAINT "webhook_deadline_notices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_delivery_attempts" ADD CONSTRAINT "webhook_delivery_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscription_organisations" ADD CONSTRAINT "webhook_subscription_organisations_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscription_organisations" ADD CONSTRAINT "webhook_subscription_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("subscription_id","next_attempt_at") WHERE "webhook_deliveries"."next_attempt_at" is not null;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_subscription_created_idx" ON "webhook_deliveries" USING btree ("subscription_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "webhook_delivery_attempts_delivery_idx" ON "webhook_delivery_attempts" USING btree ("delivery_id","attempt_no");--> statement-breakpoint
CREATE INDEX "webhook_subscription_organisations_org_idx" ON "webhook_subscription_organisations" USING btree ("organisation_id");--> statement-breakpoint
-- Hand-written below (drizzle-kit cannot express functions or triggers); see README, "Webhooks".
-- Queues one delivery of an event for every enabled subscription of the organisation that asked
-- for it. Called by the triggers below, so an event is queued in the same transaction as the
-- change it reports, whatever code path made it, and by the deadline job (lib/webhooks/deadline-job.ts).
CREATE FUNCTION enqueue_webhook_event(p_organisation_id uuid, p_event_type text, p_data jsonb) RETURNS integer
LANGUAGE sql VOLATILE AS $$
  WITH queued AS (
    INSERT INTO webhook_deliveries (subscription_id, organisation_id, event_type, payload)
    SELECT s.id, p_organisation_id, p_event_type, jsonb_build_object(
      'type', p_event_type,
      'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'data', p_data)
    FROM webhook_subscription_organisations so
    JOIN webhook_subscriptions s ON s.id = so.subscription_id
    WHERE so.organisation_id = p_organisation_id AND s.enabled AND p_event_type = ANY (s.events)
    RETURNING 1
  )
  SELECT count(*)::int FROM queued
$$;
--> statement-breakpoint
-- submission.accepted / .rejected (also a conflict) / .failed. Ids, organisation number, kind,
-- status, period and codes only: never a name, fødselsnummer or amount (lib/webhooks/events.ts).
CREATE FUNCTION submissions_webhook_events() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM enqueue_webhook_event(NEW.organisation_id,
    CASE NEW.status WHEN 'accepted' THEN 'submission.accepted' WHEN 'failed' THEN 'submission.failed' ELSE 'submission.rejected' END,
    jsonb_build_object(
      'submissionId', NEW.id,
      'versionId', NEW.current_version_id,
      'organisationNumber', (SELECT o.orgnr FROM organisations o WHERE o.id = NEW.organisation_id),
      'kind', NEW.kind,
      'status', NEW.status,
      'period', submission_period(NEW.kind, NEW.subject, NEW.created_at),
      'errorCode', NEW.last_error_code,
      'reasonCode', NEW.status_reason_code,
      'receivedIds', COALESCE(NEW.received_ids, '{}'::jsonb)));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER submissions_webhook_events AFTER UPDATE OF status ON submissions
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status IN ('accepted', 'rejected', 'conflict', 'failed'))
  EXECUTE FUNCTION submissions_webhook_events();
--> statement-breakpoint
-- feedback.received when an A-melding's feedback has been read: its outcome, the highest severity
-- among its deviations (rejection > immediate > guideline > unknown; null without deviations),
-- how many there are and their distinct codes. The deviations' persons are never included.
CREATE FUNCTION amelding_feedback_webhook_events() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  s record;
  deviations jsonb := CASE WHEN jsonb_typeof(NEW.parsed->'deviations') = 'array' THEN NEW.parsed->'deviations' ELSE '[]'::jsonb END;
BEGIN
  SELECT x.id, x.organisation_id, x.kind, x.subject, x.created_at, o.orgnr INTO s
  FROM submissions x JOIN organisations o ON o.id = x.organisation_id WHERE x.id = NEW.submission_id;
  PERFORM enqueue_webhook_event(s.organisation_id, 'feedback.received', jsonb_build_object(
    'submissionId', s.id,
    'organisationNumber', s.orgnr,
    'kind', s.kind,
    'period', submission_period(s.kind, s.subject, s.created_at),
    'feedbackStatus', NEW.status,
    'outcome', NEW.parsed->>'outcome',
    'highestSeverity', (
      SELECT d->>'severity' FROM jsonb_array_elements(deviations) d
      ORDER BY array_position(ARRAY['rejection', 'immediate', 'guideline', 'unknown'], d->>'severity') NULLS LAST
      LIMIT 1),
    'deviationCount', jsonb_array_length(deviations),
    'errorCodes', COALESCE((
      SELECT jsonb_agg(DISTINCT d->>'code') FROM jsonb_array_elements(deviations) d
      WHERE nullif(d->>'code', '') IS NOT NULL), '[]'::jsonb)));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER amelding_feedback_webhook_events AFTER UPDATE OF status ON amelding_feedback
  FOR EACH ROW WHEN (OLD.status = 'waiting' AND NEW.status IN ('ok', 'deviations', 'rejected'))
  EXECUTE FUNCTION amelding_feedback_webhook_events();
