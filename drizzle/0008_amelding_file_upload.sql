CREATE TYPE "public"."delivery_step" AS ENUM('send', 'upload', 'upload_status', 'upload_submit');--> statement-breakpoint
ALTER TYPE "public"."attempt_outcome" ADD VALUE 'uploaded';--> statement-breakpoint
ALTER TYPE "public"."attempt_outcome" ADD VALUE 'validating';--> statement-breakpoint
ALTER TYPE "public"."attempt_outcome" ADD VALUE 'validated';--> statement-breakpoint
ALTER TYPE "public"."attempt_outcome" ADD VALUE 'upload_not_found';--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD COLUMN "step" "delivery_step" DEFAULT 'send' NOT NULL;--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD COLUMN "upload_id" text;