-- A notification's dedupe key names its subject (a month, a day, a submission); a month's deadline
-- or a day's failing token is a separate notification for each of a user's organisations, so the
-- key is unique per user AND organisation (migration 0020 left out the organisation, and a user
-- with several organisations got one deadline notification in all).
-- notification_settings.digest_attempts: the daily digest gives up for the day after the queue's
-- attempt limit (lib/notifications/mail-queue.ts).
DROP INDEX "notifications_dedupe_idx";--> statement-breakpoint
ALTER TABLE "notification_settings" ADD COLUMN "digest_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_idx" ON "notifications" USING btree ("user_id","organisation_id","kind","dedupe_key");--> statement-breakpoint
CREATE OR REPLACE FUNCTION raise_notification(p_organisation_id uuid, p_kind text, p_dedupe_key text, p_params jsonb, p_link text)
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
  ON CONFLICT (user_id, organisation_id, kind, dedupe_key) DO NOTHING;
  GET DIAGNOSTICS raised = ROW_COUNT;
  RETURN raised;
END $$;
