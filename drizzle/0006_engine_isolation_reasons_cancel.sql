ALTER TYPE "public"."attempt_outcome" ADD VALUE 'unreadable_answer';--> statement-breakpoint
ALTER TYPE "public"."submission_status" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "status_reason_code" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "status_reason_params" jsonb;--> statement-breakpoint
-- Hand-written: the engine's English reasons become codes with parameters (lib/submissions/status-reason.ts).
UPDATE "submissions" SET
  "status_reason_code" = 'gave_up',
  "status_reason_params" = jsonb_build_object(
    'attempts', (substring("status_reason" from '^Gave up after (\d+) attempts: '))::int,
    'cause', CASE
      WHEN "status_reason" ~ '^Gave up after \d+ attempts: Maskinporten: '
        THEN jsonb_build_object('code', 'token_unavailable', 'params', jsonb_build_object('detail', regexp_replace("status_reason", '^Gave up after \d+ attempts: Maskinporten: ', '')))
      ELSE jsonb_build_object('code', 'legacy', 'params', jsonb_build_object('text', regexp_replace("status_reason", '^Gave up after \d+ attempts: ', '')))
    END)
WHERE "status_reason" ~ '^Gave up after \d+ attempts: ';--> statement-breakpoint
UPDATE "submissions" SET
  "status_reason_code" = 'token_unavailable',
  "status_reason_params" = jsonb_build_object('detail', regexp_replace("status_reason", '^Maskinporten: ', ''))
WHERE "status_reason_code" IS NULL AND "status_reason" LIKE 'Maskinporten: %';--> statement-breakpoint
-- A rejection's or conflict's reason was Skatteetaten's own message.
UPDATE "submissions" SET
  "status_reason_code" = CASE WHEN "status" IN ('rejected', 'conflict') THEN 'skatteetaten_message' ELSE 'legacy' END,
  "status_reason_params" = CASE WHEN "status" IN ('rejected', 'conflict') THEN jsonb_build_object('melding', "status_reason") ELSE jsonb_build_object('text', "status_reason") END
WHERE "status_reason_code" IS NULL AND "status_reason" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" DROP COLUMN "status_reason";
