CREATE TYPE "public"."notification_email_mode" AS ENUM('immediate', 'daily');--> statement-breakpoint
CREATE TYPE "public"."notification_email_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'skipped', 'digest');--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email_enabled" boolean DEFAULT true NOT NULL,
	"email_mode" "notification_email_mode" DEFAULT 'immediate' NOT NULL,
	"muted_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"organisation_ids" uuid[],
	"last_digest_at" timestamp with time zone,
	"digest_lease_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"email_status" "notification_email_status" NOT NULL,
	"email_attempts" integer DEFAULT 0 NOT NULL,
	"email_next_at" timestamp with time zone,
	"email_sent_at" timestamp with time zone,
	"email_error" text
);
--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_idx" ON "notifications" USING btree ("user_id","kind","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_mail_due_idx" ON "notifications" USING btree ("email_next_at") WHERE "notifications"."email_status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "notifications_digest_idx" ON "notifications" USING btree ("user_id","created_at") WHERE "notifications"."email_status" = 'digest';--> statement-breakpoint
-- Hand-written below: the one way to raise a notification, and the triggers that raise them in
-- the same transaction as the status change they are about (lib/notifications/raise-notification.ts).
-- One row per active user granted the organisation whose settings do not mute the kind or the
-- organisation; a second raise with the same kind and dedupe key adds nothing for that user. Its
-- e-mail is queued now, left for the daily digest, or skipped, as the user chose.
CREATE FUNCTION raise_notification(p_organisation_id uuid, p_kind text, p_dedupe_key text, p_params jsonb, p_link text)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  raised integer;
BEGIN
  INSERT INTO notifications (user_id, organisation_id, kind, dedupe_key, params, link, email_status, email_next_at)
  SELECT u.id, p_organisation_id, p_kind, p_dedupe_key, coalesce(p_params, '{}'::jsonb), p_link,
    CASE WHEN NOT coalesce(s.email_enabled, true) THEN 'skipped'
         WHEN s.email_mode = 'daily' THEN 'digest'
         ELSE 'pending' END::notification_email_status,
    CASE WHEN coalesce(s.email_enabled, true) AND coalesce(s.email_mode, 'immediate') = 'immediate' THEN now() END
  FROM user_organisations uo
  JOIN users u ON u.id = uo.user_id AND u.active
  LEFT JOIN notification_settings s ON s.user_id = u.id
  WHERE uo.organisation_id = p_organisation_id
    AND NOT (p_kind = ANY (coalesce(s.muted_kinds, '{}'::text[])))
    AND (s.organisation_ids IS NULL OR p_organisation_id = ANY (s.organisation_ids))
  ON CONFLICT (user_id, kind, dedupe_key) DO NOTHING;
  GET DIAGNOSTICS raised = ROW_COUNT;
  RETURN raised;
END $$;
--> statement-breakpoint
-- A submission rejected by Skatteetaten (once per version), or a delivery that found no token
-- (once per organisation and Norwegian day).
CREATE FUNCTION notify_submission_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'rejected' AND OLD.status <> 'rejected' THEN
    PERFORM raise_notification(NEW.organisation_id, 'submission_rejected',
      'submission:' || NEW.id || ':' || coalesce(NEW.current_version_id::text, ''),
      jsonb_build_object('reportKind', NEW.kind::text, 'subject', NEW.subject, 'errorCode', coalesce(NEW.last_error_code, '')),
      '/innsendinger/' || NEW.id);
  END IF;
  IF NEW.status_reason_code = 'token_unavailable' AND OLD.status_reason_code IS DISTINCT FROM 'token_unavailable' THEN
    PERFORM raise_notification(NEW.organisation_id, 'access_problem',
      'token:' || (now() AT TIME ZONE 'Europe/Oslo')::date,
      jsonb_build_object('problem', 'token_unavailable'),
      '/organisasjoner');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER submissions_notify AFTER UPDATE OF status, status_reason_code ON submissions
FOR EACH ROW WHEN (
  (NEW.status = 'rejected' AND OLD.status <> 'rejected')
  OR (NEW.status_reason_code = 'token_unavailable' AND OLD.status_reason_code IS DISTINCT FROM 'token_unavailable')
) EXECUTE FUNCTION notify_submission_change();
--> statement-breakpoint
-- Feedback with Avvisning (status rejected) or Øyeblikkelig (status deviations), once per submission.
CREATE FUNCTION notify_feedback_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM raise_notification(s.organisation_id, 'feedback_severe', 'feedback:' || s.id,
    jsonb_build_object('subject', s.subject, 'severity', CASE WHEN NEW.status = 'rejected' THEN 'avvisning' ELSE 'oyeblikkelig' END),
    '/innsendinger/' || s.id)
  FROM submissions s WHERE s.id = NEW.submission_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER amelding_feedback_notify_insert AFTER INSERT ON amelding_feedback
FOR EACH ROW WHEN (NEW.status IN ('rejected', 'deviations')) EXECUTE FUNCTION notify_feedback_change();
--> statement-breakpoint
CREATE TRIGGER amelding_feedback_notify_update AFTER UPDATE OF status ON amelding_feedback
FOR EACH ROW WHEN (NEW.status IN ('rejected', 'deviations') AND OLD.status IS DISTINCT FROM NEW.status)
EXECUTE FUNCTION notify_feedback_change();
