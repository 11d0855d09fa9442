CREATE TABLE "oar_obligations" (
	"submission_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"oppdragsreferanse" text NOT NULL,
	"obligation" text NOT NULL,
	"subject_key" text NOT NULL,
	"obligation_date" date NOT NULL,
	"accepted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "oar_obligations_submission_id_obligation_subject_key_pk" PRIMARY KEY("submission_id","obligation","subject_key")
);
--> statement-breakpoint
ALTER TABLE "oar_obligations" ADD CONSTRAINT "oar_obligations_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oar_obligations" ADD CONSTRAINT "oar_obligations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "oar_obligations_open_date_idx" ON "oar_obligations" USING btree ("obligation_date") WHERE not "oar_obligations"."accepted";--> statement-breakpoint
CREATE INDEX "oar_obligations_open_org_date_idx" ON "oar_obligations" USING btree ("organisation_id","obligation_date") WHERE not "oar_obligations"."accepted";--> statement-breakpoint
CREATE INDEX "oar_obligations_covered_idx" ON "oar_obligations" USING btree ("organisation_id","oppdragsreferanse","obligation","subject_key","obligation_date") WHERE "oar_obligations"."accepted";--> statement-breakpoint
-- Hand-written: an oppdrag's obligations follow its submission's acceptance, whichever path sets
-- accepted_at (the delivery engine's answer, a conflict resolved as accepted), so the open ones
-- stay in the small partial indexes above and the accepted ones cover later versions.
CREATE FUNCTION oar_obligations_follow_acceptance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE oar_obligations SET accepted = (NEW.accepted_at IS NOT NULL) WHERE submission_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER submissions_oar_obligations_acceptance
  AFTER UPDATE OF accepted_at ON submissions
  FOR EACH ROW WHEN (NEW.kind = 'oar' AND (OLD.accepted_at IS NULL) <> (NEW.accepted_at IS NULL))
  EXECUTE FUNCTION oar_obligations_follow_acceptance();--> statement-breakpoint
-- Hand-written backfill: the one obligation stored before (the work starting, submissions.oar_start_date).
INSERT INTO oar_obligations (submission_id, organisation_id, oppdragsreferanse, obligation, subject_key, obligation_date, accepted)
SELECT s.id, s.organisation_id, s.subject, 'start', 'oppdrag', s.oar_start_date, s.accepted_at IS NOT NULL
FROM submissions s
WHERE s.kind = 'oar' AND s.oar_start_date IS NOT NULL;
