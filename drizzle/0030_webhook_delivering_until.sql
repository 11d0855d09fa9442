-- One delivery in flight per webhook subscription across every worker process (lib/webhooks/delivery.ts):
-- the claim sets this to its lease end and the outcome clears it.
ALTER TABLE "webhook_subscriptions" ADD COLUMN "delivering_until" timestamp with time zone;