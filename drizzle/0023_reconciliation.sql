CREATE TYPE "public"."reconciliation_state" AS ENUM('reconciled', 'differs', 'failed');--> statement-breakpoint
CREATE TABLE "amelding_reconciliations" (
	"organisation_id" uuid NOT NULL,
	"kalendermaaned" text NOT NULL,
	"submission_id" uuid NOT NULL,
	"state" "reconciliation_state" NOT NULL,
	"reason" text,
	"error_code" text,
	"differences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "amelding_reconciliations_organisation_id_kalendermaaned_pk" PRIMARY KEY("organisation_id","kalendermaaned")
);
--> statement-breakpoint
ALTER TABLE "amelding_reconciliations" ADD CONSTRAINT "amelding_reconciliations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amelding_reconciliations" ADD CONSTRAINT "amelding_reconciliations_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;