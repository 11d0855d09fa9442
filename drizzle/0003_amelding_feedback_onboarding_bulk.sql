CREATE TYPE "public"."bulk_operation_status" AS ENUM('running', 'done');--> statement-breakpoint
CREATE TYPE "public"."feedback_status" AS ENUM('waiting', 'ok', 'deviations', 'rejected', 'error');--> statement-breakpoint
CREATE TYPE "public"."system_user_request_status" AS ENUM('new', 'accepted', 'rejected', 'timed_out');--> statement-breakpoint
CREATE TABLE "amelding_feedback" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"status" "feedback_status" DEFAULT 'waiting' NOT NULL,
	"dialog_id" text,
	"check_count" integer DEFAULT 0 NOT NULL,
	"last_checked_at" timestamp with time zone,
	"next_check_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"received_at" timestamp with time zone,
	"document" jsonb,
	"parsed" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bulk_operation_members" (
	"operation_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	CONSTRAINT "bulk_operation_members_operation_id_submission_id_pk" PRIMARY KEY("operation_id","submission_id")
);
--> statement-breakpoint
CREATE TABLE "bulk_operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"filter" jsonb NOT NULL,
	"total" integer NOT NULL,
	"status" "bulk_operation_status" DEFAULT 'running' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "system_user_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"status" "system_user_request_status" DEFAULT 'new' NOT NULL,
	"confirm_url" text,
	"rights" jsonb NOT NULL,
	"last_checked_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "replaces_submission_id" uuid;--> statement-breakpoint
ALTER TABLE "amelding_feedback" ADD CONSTRAINT "amelding_feedback_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_operation_members" ADD CONSTRAINT "bulk_operation_members_operation_id_bulk_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."bulk_operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_operation_members" ADD CONSTRAINT "bulk_operation_members_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_operations" ADD CONSTRAINT "bulk_operations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_user_requests" ADD CONSTRAINT "system_user_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_user_requests" ADD CONSTRAINT "system_user_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amelding_feedback_due_idx" ON "amelding_feedback" USING btree ("status","next_check_at");--> statement-breakpoint
CREATE INDEX "bulk_operation_members_submission_idx" ON "bulk_operation_members" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "system_user_requests_org_idx" ON "system_user_requests" USING btree ("organisation_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "submissions_replaces_idx" ON "submissions" USING btree ("replaces_submission_id");