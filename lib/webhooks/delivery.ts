import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { SYSTEM_ACTOR } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import {
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookSubscriptionOrganisations,
  webhookSubscriptions,
} from "@/lib/db/schema";
import { CONNECT_REFUSED_BY_GUARD, sendOutbound } from "@/lib/http/outbound";
import { logger } from "@/lib/log/logger";
import { raiseNotification } from "@/lib/notifications/raise-notification";
import { enqueueDeadlineEvents } from "./deadline-job";
import { openWebhookSecret, sealClearWebhookSecrets, type WebhookSecretKey } from "./secret-at-rest";
import { webhookHeaders } from "./signature";
import { checkWebhookUrl, WEBHOOK_CONNECT_GUARD, type WebhookUrlPolicy } from "./url-policy";

/*
 * The worker's webhook delivery (README, "Webhooks"). Deliveries are queued by triggers in the
 * transaction of the change they report (migration 0018) and claimed here with FOR UPDATE SKIP
 * LOCKED, at most one per subscription at a time across every worker process, so a slow or dead
 * endpoint holds only its own deliveries while others go on. Each attempt is signed anew (fresh timestamp, same webhook-id),
 * logged, and on failure retried with exponential backoff and jitter. A subscription whose
 * `disableAfterFailedDeliveries` last deliveries each failed every attempt is turned off,
 * audited, and raised as a notification to the organisations' users.
 */

export type WebhookDeliveryOptions = {
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  disableAfterFailedDeliveries: number;
  urlPolicy: WebhookUrlPolicy;
  /** Opens the stored signing secrets (lib/webhooks/secret-at-rest.ts); null without AUTH_SECRET. */
  secretKey: WebhookSecretKey | null;
  /** For tests: how a host name resolves (default: the system resolver). */
  resolve?: (host: string) => Promise<string[]>;
  /** For tests: the jitter's random source. */
  random?: () => number;
};

/** Longest wait between two attempts, whatever the base. */
const MAX_RETRY_DELAY_MS = 3600_000;
/** What the delivery log keeps of an answer's body. */
const MAX_LOGGED_BODY = 2000;
/** What we read of an answer at all. */
const MAX_RESPONSE_BYTES = 64 * 1024;

type Claimed = {
  id: string;
  subscription_id: string;
  payload: Record<string, unknown>;
  attempt_count: number;
  round_attempts: number;
  url: string;
  secret: string;
  previous_secret: string | null;
};

/**
 * Claims due deliveries: for each enabled subscription with none in flight, its oldest due one,
 * up to `limit`. "In flight" holds across worker processes: the claim locks the subscription row
 * (SKIP LOCKED) and sets its delivering_until to the lease end, and a claim that waited for the
 * lock re-reads the row and skips it, so one endpoint gets one request at a time, in order, however
 * many workers run. The claim also moves the delivery's next_attempt_at to the end of the lease, so
 * a delivery whose worker died becomes due again then; attempt_count identifies the claim when its
 * outcome is written.
 */
export async function claimDueWebhookDeliveries(db: Db, limit: number, leaseMs: number): Promise<Claimed[]> {
  const leaseEnd = sql`now() + make_interval(secs => ${leaseMs}::float8 / 1000)`;
  const rows = await db.execute<Claimed>(sql`
    with held as (
      select s.id from ${webhookSubscriptions} s
      where s.enabled and (s.delivering_until is null or s.delivering_until <= now())
        and exists (select 1 from ${webhookDeliveries} x where x.subscription_id = s.id and x.next_attempt_at <= now())
      limit ${limit}
      for update of s skip locked
    ),
    picked as (
      select d.id, held.id as subscription_id from held
      cross join lateral (
        select x.id from ${webhookDeliveries} x
        where x.subscription_id = held.id and x.next_attempt_at <= now()
        order by x.next_attempt_at limit 1
        for update skip locked) d
    ),
    marked as (
      update ${webhookSubscriptions} s set delivering_until = ${leaseEnd}
      from picked where s.id = picked.subscription_id
    )
    update ${webhookDeliveries} d
    set next_attempt_at = ${leaseEnd}, lease_until = ${leaseEnd},
        attempt_count = d.attempt_count + 1, round_attempts = d.round_attempts + 1
    from picked, ${webhookSubscriptions} s
    where d.id = picked.id and s.id = d.subscription_id
    returning d.id, d.subscription_id, d.payload, d.attempt_count, d.round_attempts, s.url, s.secret,
      case when s.previous_secret_expires_at > now() then s.previous_secret end as previous_secret`);
  return [...rows];
}

/** The wait before attempt `roundAttempts + 1`: base × 2^(n−1), capped, ±20 % jitter. */
export function webhookRetryDelayMs(roundAttempts: number, baseMs: number, random: () => number = Math.random) {
  const delay = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, roundAttempts - 1));
  return Math.round(delay * (0.8 + 0.4 * random()));
}

/**
 * An attempt's error as a code the page translates (webhooks.attemptError.*), with a detail after
 * the colon: http_status, too_large, timeout, network:<system code>, address:<refusal>, secret (the
 * stored signing secret cannot be decrypted: AUTH_SECRET changed, or is not set).
 */
type AttemptResult = {
  ok: boolean;
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
};

async function attempt(claimed: Claimed, options: WebhookDeliveryOptions): Promise<AttemptResult> {
  const allowed = await checkWebhookUrl(claimed.url, options.urlPolicy, options.resolve);
  if (!allowed.ok) return { ok: false, status: null, body: null, error: `address:${allowed.refusal}`, durationMs: 0 };
  const current = openWebhookSecret(options.secretKey, claimed.secret);
  if (!current) return { ok: false, status: null, body: null, error: "secret", durationMs: 0 };
  const previous = claimed.previous_secret ? openWebhookSecret(options.secretKey, claimed.previous_secret) : null;
  const body = JSON.stringify(claimed.payload);
  const secrets = [current, ...(previous ? [previous] : [])];
  const outcome = await sendOutbound({
    method: "POST",
    url: claimed.url,
    headers: {
      "content-type": "application/json",
      "user-agent": "Innrapportering-Webhooks/1",
      ...webhookHeaders(secrets, `msg_${claimed.id}`, Math.floor(Date.now() / 1000), body),
    },
    body,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: MAX_RESPONSE_BYTES,
    connectGuard: allowed.local ? undefined : WEBHOOK_CONNECT_GUARD,
  });
  if (outcome.kind === "network" && outcome.message === CONNECT_REFUSED_BY_GUARD) {
    return { ok: false, status: null, body: null, error: "address:address", durationMs: outcome.durationMs };
  }
  if (outcome.kind === "response") {
    const ok = outcome.status >= 200 && outcome.status < 300;
    return {
      ok,
      status: outcome.status,
      body: outcome.body.slice(0, MAX_LOGGED_BODY),
      error: ok ? null : "http_status",
      durationMs: outcome.durationMs,
    };
  }
  if (outcome.kind === "too_large") {
    const ok = outcome.status >= 200 && outcome.status < 300;
    return {
      ok,
      status: outcome.status,
      body: null,
      error: ok ? null : outcome.message,
      durationMs: outcome.durationMs,
    };
  }
  return { ok: false, status: null, body: null, error: outcome.message, durationMs: outcome.durationMs };
}

/** Sends one claimed delivery and records the attempt; returns what the subscription became, if it was turned off. */
export async function deliverClaimed(db: Db, claimed: Claimed, options: WebhookDeliveryOptions) {
  const startedAt = new Date();
  const result = await attempt(claimed, options);
  const final = !result.ok && claimed.round_attempts >= options.maxAttempts;
  const disabled = await db.transaction(
    async (tx): Promise<{ subscriptionId: string; consecutiveFailures: number } | null> => {
      const [still] = await tx
        .update(webhookDeliveries)
        .set(
          result.ok
            ? {
                status: "delivered",
                nextAttemptAt: null,
                leaseUntil: null,
                deliveredAt: sql`now()`,
                lastResponseStatus: result.status,
              }
            : final
              ? { status: "failed", nextAttemptAt: null, leaseUntil: null, lastResponseStatus: result.status }
              : {
                  nextAttemptAt: new Date(
                    Date.now() + webhookRetryDelayMs(claimed.round_attempts, options.retryBaseMs, options.random),
                  ),
                  leaseUntil: null,
                  lastResponseStatus: result.status,
                },
        )
        // Only the claim that is still current records its outcome (a resend or a takeover changed it).
        .where(and(eq(webhookDeliveries.id, claimed.id), eq(webhookDeliveries.attemptCount, claimed.attempt_count)))
        .returning({ id: webhookDeliveries.id });
      await tx.insert(webhookDeliveryAttempts).values({
        deliveryId: claimed.id,
        attemptNo: claimed.attempt_count,
        startedAt,
        durationMs: result.durationMs,
        responseStatus: result.status,
        responseBody: result.body,
        error: result.error,
      });
      if (!still) return null;
      // The claim is still current, so the subscription's hold is its own: release it, and a
      // delivered one resets the failures in a row.
      await tx
        .update(webhookSubscriptions)
        .set({ deliveringUntil: null, ...(result.ok ? { consecutiveFailures: 0 } : {}) })
        .where(eq(webhookSubscriptions.id, claimed.subscription_id));
      if (result.ok || !final) return null;
      const [subscription] = await tx
        .update(webhookSubscriptions)
        .set({ consecutiveFailures: sql`${webhookSubscriptions.consecutiveFailures} + 1` })
        .where(eq(webhookSubscriptions.id, claimed.subscription_id))
        .returning({
          name: webhookSubscriptions.name,
          url: webhookSubscriptions.url,
          enabled: webhookSubscriptions.enabled,
          consecutiveFailures: webhookSubscriptions.consecutiveFailures,
        });
      if (!subscription?.enabled || subscription.consecutiveFailures < options.disableAfterFailedDeliveries)
        return null;
      await tx
        .update(webhookSubscriptions)
        .set({ enabled: false, disabledReason: "failures", disabledAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(webhookSubscriptions.id, claimed.subscription_id));
      const organisationIds = (
        await tx
          .select({ id: webhookSubscriptionOrganisations.organisationId })
          .from(webhookSubscriptionOrganisations)
          .where(eq(webhookSubscriptionOrganisations.subscriptionId, claimed.subscription_id))
      ).map((o) => o.id);
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "webhook.auto_disable",
        targetType: "webhook",
        targetId: claimed.subscription_id,
        organisationIds,
        details: {
          name: subscription.name,
          url: subscription.url,
          consecutiveFailures: subscription.consecutiveFailures,
        },
      });
      // The organisations' users hear of it in the notification centre (and by e-mail, as they
      // chose), in this transaction: once per time it is turned off.
      for (const organisationId of organisationIds)
        await raiseNotification(tx, {
          organisationId,
          kind: "webhook_disabled",
          dedupeKey: `webhook:${claimed.subscription_id}:${Date.now()}`,
          params: { name: subscription.name.slice(0, 200) },
          link: "/webhooks",
        });
      return { subscriptionId: claimed.subscription_id, consecutiveFailures: subscription.consecutiveFailures };
    },
  );
  if (disabled)
    logger.warn(
      { subscriptionId: disabled.subscriptionId, consecutiveFailures: disabled.consecutiveFailures },
      "webhook subscription turned off after repeated failures",
    );
  return { ok: result.ok, disabled: disabled !== null };
}

/** One round: claims what is due (one per subscription) and delivers it; for tests and the loop's first pass. */
export async function deliverDueWebhooks(db: Db, options: WebhookDeliveryOptions & { limit?: number }) {
  const claimed = await claimDueWebhookDeliveries(db, options.limit ?? 50, leaseMsFor(options));
  return Promise.all(claimed.map((c) => deliverClaimed(db, c, options)));
}

/** Long enough for the address check and the request; a dead worker's delivery is due again after it. */
function leaseMsFor(options: WebhookDeliveryOptions) {
  return options.timeoutMs + 30_000;
}

/**
 * The worker's webhook loop: every `pollMs`, claims due deliveries for the free slots (at most
 * `concurrency` in flight, one per subscription) and sends them without waiting for one another;
 * hourly, the deadline.approaching check. stop() claims nothing more and waits for those in
 * flight, each bounded by the timeout.
 */
export function startWebhookDelivery(
  db: Db,
  options: WebhookDeliveryOptions & { pollMs: number; concurrency: number; workerId: string },
) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const inFlight = new Map<string, Promise<void>>();
  let nextDeadlineCheck = 0;
  let cleartextSealed = false;
  const tick = async () => {
    if (stopped) return;
    try {
      if (!cleartextSealed && options.secretKey) {
        await sealClearWebhookSecrets(db, options.secretKey);
        cleartextSealed = true;
      }
      if (Date.now() >= nextDeadlineCheck) {
        nextDeadlineCheck = Date.now() + 3600_000;
        await enqueueDeadlineEvents(db);
      }
      const free = options.concurrency - inFlight.size;
      if (free > 0) {
        const claimed = await claimDueWebhookDeliveries(db, free, leaseMsFor(options));
        for (const c of claimed) {
          const run = deliverClaimed(db, c, options)
            .then(() => {})
            .catch((error) =>
              logger.error({ err: error, deliveryId: c.id, workerId: options.workerId }, "webhook delivery failed"),
            )
            .finally(() => inFlight.delete(c.subscription_id));
          inFlight.set(c.subscription_id, run);
        }
      }
    } catch (error) {
      logger.error({ err: error, workerId: options.workerId }, "webhook delivery round failed");
    }
    if (!stopped) timer = setTimeout(() => void tick(), options.pollMs);
  };
  void tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
