CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"list" text NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "oar_contractor_name" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "oar_contract_value_nok" numeric;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "oar_start_date" date;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "oar_end_date" date;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_user_list_name_idx" ON "saved_views" USING btree ("user_id","list","name");--> statement-breakpoint
CREATE INDEX "submissions_oar_org_created_idx" ON "submissions" USING btree ("organisation_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "submissions"."kind" = 'oar';--> statement-breakpoint
-- Hand-written: fill the oppdrag list columns from each oppdrag's current version, as
-- lib/submissions/oar-list-columns.ts writes them from now on. A date or amount a draft holds in
-- another shape is left null rather than failing the migration.
CREATE FUNCTION pg_temp.oar_date(value text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF value !~ '^\d{4}-\d{2}-\d{2}$' THEN RETURN NULL; END IF;
  RETURN value::date;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;--> statement-breakpoint
UPDATE "submissions" s SET
  "oar_contractor_name" = nullif(btrim(v."payload"->'oppdragstaker'->>'navn'), ''),
  "oar_contract_value_nok" = CASE WHEN jsonb_typeof(v."payload"->'oppdrag'->'kontraktsverdiNok') = 'number'
    THEN (v."payload"->'oppdrag'->>'kontraktsverdiNok')::numeric END,
  "oar_start_date" = pg_temp.oar_date(v."payload"->'oppdrag'->>'startdato'),
  "oar_end_date" = pg_temp.oar_date(v."payload"->'oppdrag'->>'forventetSluttdato')
FROM "submission_versions" v
WHERE v."id" = s."current_version_id" AND s."kind" = 'oar';
