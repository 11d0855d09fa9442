CREATE TABLE "organisation_access_health" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"state_since" timestamp with time zone DEFAULT now() NOT NULL,
	"last_token_at" timestamp with time zone,
	"last_call_at" timestamp with time zone,
	"last_call_api" "report_kind",
	"last_failure_at" timestamp with time zone,
	"last_failure_state" text,
	"last_failure_code" text,
	"last_failure_api" "report_kind",
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_access_health" ADD CONSTRAINT "organisation_access_health_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written below. A system user revoked in Altinn notifies once per transition into that
-- state (state_since marks the transition), in the transaction that records it
-- (lib/submissions/engine/delivery-statements.ts); not on every failing send.
CREATE FUNCTION notify_access_health_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM NEW.state THEN
    PERFORM raise_notification(NEW.organisation_id, 'system_user_revoked',
      'system-user-revoked:' || to_char(NEW.state_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
      jsonb_build_object('code', coalesce(NEW.last_failure_code, '')),
      '/organisasjoner/' || NEW.organisation_id || '/tilgang');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisation_access_health_notify AFTER INSERT OR UPDATE OF state ON organisation_access_health
FOR EACH ROW WHEN (NEW.state = 'system_user_revoked') EXECUTE FUNCTION notify_access_health_change();
--> statement-breakpoint
-- As in 0020, except that a token refused because the system user no longer exists (Maskinporten's
-- MP-303, read as authorization_details_values) raises system_user_revoked above instead of the
-- daily access_problem about a failing token.
CREATE OR REPLACE FUNCTION notify_submission_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'rejected' AND OLD.status <> 'rejected' THEN
    PERFORM raise_notification(NEW.organisation_id, 'submission_rejected',
      'submission:' || NEW.id || ':' || coalesce(NEW.current_version_id::text, ''),
      jsonb_build_object('reportKind', NEW.kind::text, 'subject', NEW.subject, 'errorCode', coalesce(NEW.last_error_code, '')),
      '/innsendinger/' || NEW.id);
  END IF;
  IF NEW.status_reason_code = 'token_unavailable' AND OLD.status_reason_code IS DISTINCT FROM 'token_unavailable'
    AND NEW.status_reason_params->>'maskinporten' IS DISTINCT FROM 'authorization_details_values' THEN
    PERFORM raise_notification(NEW.organisation_id, 'access_problem',
      'token:' || (now() AT TIME ZONE 'Europe/Oslo')::date,
      jsonb_build_object('problem', 'token_unavailable'),
      '/organisasjoner/' || NEW.organisation_id || '/tilgang');
  END IF;
  RETURN NULL;
END $$;
