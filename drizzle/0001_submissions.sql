CREATE TYPE "public"."attempt_outcome" AS ENUM('in_flight', 'accepted', 'rejected', 'conflict', 'retryable_error', 'network_error', 'timeout', 'interrupted', 'not_sent');--> statement-breakpoint
CREATE TYPE "public"."report_kind" AS ENUM('oar', 'amelding');--> statement-breakpoint
CREATE TYPE "public"."submission_status" AS ENUM('draft', 'queued', 'sending', 'retrying', 'accepted', 'rejected', 'conflict', 'failed');--> statement-breakpoint
CREATE TABLE "delivery_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"attempt_no" integer NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"outcome" "attempt_outcome" DEFAULT 'in_flight' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"request_method" text NOT NULL,
	"request_url" text NOT NULL,
	"request_headers" jsonb NOT NULL,
	"request_body" text NOT NULL,
	"response_status" integer,
	"response_headers" jsonb,
	"response_body" text,
	"error_code" text,
	"decoded_error" jsonb,
	"korrelasjonsid" text,
	"transport_error" text,
	"worker_id" text
);
--> statement-breakpoint
CREATE TABLE "submission_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submission_versions_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "report_kind" NOT NULL,
	"subject" text NOT NULL,
	"status" "submission_status" DEFAULT 'draft' NOT NULL,
	"current_version_id" uuid,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"queued_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"last_error_code" text,
	"status_reason" text,
	"received_ids" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_version_id_submission_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."submission_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_versions" ADD CONSTRAINT "submission_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_attempts_submission_idx" ON "delivery_attempts" USING btree ("submission_id","attempt_no");--> statement-breakpoint
CREATE INDEX "delivery_attempts_key_idx" ON "delivery_attempts" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "delivery_attempts_korrelasjonsid_idx" ON "delivery_attempts" USING btree ("korrelasjonsid");--> statement-breakpoint
CREATE INDEX "submission_versions_submission_idx" ON "submission_versions" USING btree ("submission_id","version_no");--> statement-breakpoint
CREATE INDEX "submissions_org_created_idx" ON "submissions" USING btree ("organisation_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "submissions_status_next_idx" ON "submissions" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "submissions_subject_idx" ON "submissions" USING btree ("organisation_id","kind","subject");