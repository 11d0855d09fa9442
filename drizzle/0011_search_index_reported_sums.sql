CREATE TYPE "public"."search_term_kind" AS ENUM('name', 'person_id', 'orgnr', 'reference');--> statement-breakpoint
CREATE TABLE "submission_search_terms" (
	"submission_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "search_term_kind" NOT NULL,
	"term" text NOT NULL,
	CONSTRAINT "submission_search_terms_submission_id_kind_term_pk" PRIMARY KEY("submission_id","kind","term")
);
--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "reported_forskuddstrekk" numeric;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "reported_arbeidsgiveravgift" numeric;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD COLUMN "search_indexed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "submission_search_terms" ADD CONSTRAINT "submission_search_terms_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_search_terms" ADD CONSTRAINT "submission_search_terms_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submission_search_terms_lookup_idx" ON "submission_search_terms" USING btree ("organisation_id","kind","term" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "submission_versions_search_pending_idx" ON "submission_versions" USING btree ("id") WHERE not "submission_versions"."search_indexed";--> statement-breakpoint
CREATE INDEX "submissions_received_ids_idx" ON "submissions" USING gin ("received_ids" jsonb_path_ops) WHERE "submissions"."received_ids" is not null;--> statement-breakpoint
-- Hand-written backfill. The sums of A-meldinger saved before this migration, as their
-- betalingsinformasjon states them (the same reading as lib/submissions/search/search-index.ts).
UPDATE "submission_versions" v SET
  "reported_forskuddstrekk" = (
    SELECT sum(CASE
      WHEN jsonb_typeof(x) = 'number' THEN (x #>> '{}')::numeric
      WHEN jsonb_typeof(x) = 'string' AND (x #>> '{}') ~ '^-?[0-9]{1,15}([.,][0-9]{1,2})?$' THEN replace(x #>> '{}', ',', '.')::numeric
    END)
    FROM jsonb_path_query(v.payload, '$.oppgave.betalingsinformasjon.sumForskuddstrekkPerLoennsutbetalingsdato[*].beloep') AS d(x)),
  "reported_arbeidsgiveravgift" = (
    SELECT CASE
      WHEN jsonb_typeof(x) = 'number' THEN (x #>> '{}')::numeric
      WHEN jsonb_typeof(x) = 'string' AND (x #>> '{}') ~ '^-?[0-9]{1,15}([.,][0-9]{1,2})?$' THEN replace(x #>> '{}', ',', '.')::numeric
    END
    FROM jsonb_path_query(v.payload, '$.oppgave.betalingsinformasjon.sumArbeidsgiveravgift') AS a(x) LIMIT 1)
FROM "submissions" s
WHERE s.id = v.submission_id AND s.kind = 'amelding';--> statement-breakpoint
-- Their search terms include keyed hashes of fødselsnumre, which need SEARCH_HASH_SECRET (not
-- available to migrations): they are marked here and indexed by `npm start` after migrating
-- (indexPendingVersions in lib/submissions/search/search-index.ts).
UPDATE "submission_versions" SET "search_indexed" = false;
