import "server-only";
import { and, desc, eq, inArray, notExists, notInArray, sql } from "drizzle-orm";
import { SafeError } from "@/lib/actions/action-result";
import { type AuditUser, userActor } from "@/lib/audit/audit-events";
import { recordAudit } from "@/lib/audit/record-audit";
import type { DbOrTx } from "@/lib/db/client";
import { firstRow } from "@/lib/db/first-row";
import {
  organisations,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookSubscriptionOrganisations,
  webhookSubscriptions,
} from "@/lib/db/schema";
import { sealWebhookSecret, type WebhookSecretKey } from "./secret-at-rest";
import { generateWebhookSecret } from "./signature";
import { checkWebhookUrl, type WebhookUrlPolicy } from "./url-policy";
import type { CreateWebhookInput, UpdateWebhookInput } from "./validation";

/*
 * Webhook subscriptions, managed by admins (/webhooks). As with API keys, a subscription belongs
 * to a set of organisations, and an admin sees and manages only those all of whose organisations
 * they have. Every change is audited in its transaction. The secret is returned once, by creation
 * and rotation, and never read back by any list.
 */

type Admin = AuditUser & { organisationIds: string[] };
type Options = { urlPolicy: WebhookUrlPolicy; rotationGraceHours: number; secretKey: WebhookSecretKey };

/** Subscriptions none of whose organisations is outside `organisationIds`. */
function manageableBy(db: DbOrTx, organisationIds: string[]) {
  return notExists(
    db
      .select({ one: sql`1` })
      .from(webhookSubscriptionOrganisations)
      .where(
        and(
          eq(webhookSubscriptionOrganisations.subscriptionId, webhookSubscriptions.id),
          notInArray(webhookSubscriptionOrganisations.organisationId, organisationIds),
        ),
      ),
  );
}

async function checkInput(admin: Admin, input: CreateWebhookInput, options: Options) {
  if (input.organisationIds.some((id) => !admin.organisationIds.includes(id)))
    throw new SafeError("validation", "errors.validation", { organisationIds: ["organisationInvalid"] });
  const url = await checkWebhookUrl(input.url, options.urlPolicy);
  if (!url.ok) throw new SafeError("validation", "errors.validation", { url: [`url_${url.refusal}`] });
}

export async function createWebhook(tx: DbOrTx, admin: Admin, input: CreateWebhookInput, options: Options) {
  await checkInput(admin, input, options);
  const secret = generateWebhookSecret();
  const row = firstRow(
    await tx
      .insert(webhookSubscriptions)
      .values({
        name: input.name,
        url: input.url,
        events: input.events,
        secret: sealWebhookSecret(options.secretKey, secret),
        createdBy: admin.id,
      })
      .returning({ id: webhookSubscriptions.id }),
  );
  await tx
    .insert(webhookSubscriptionOrganisations)
    .values(input.organisationIds.map((organisationId) => ({ subscriptionId: row.id, organisationId })));
  await recordAudit(tx, userActor(admin), {
    action: "webhook.create",
    targetType: "webhook",
    targetId: row.id,
    organisationIds: input.organisationIds,
    details: { name: input.name, url: input.url, events: input.events, organisationIds: input.organisationIds },
  });
  return { subscriptionId: row.id, secret };
}

/** The subscription locked for a change, with its organisations; not found unless the admin manages it. */
async function manageable(tx: DbOrTx, admin: Admin, subscriptionId: string) {
  if (admin.organisationIds.length === 0) throw new SafeError("not_found", "errors.notFound");
  const [row] = await tx
    .select({ id: webhookSubscriptions.id, name: webhookSubscriptions.name, url: webhookSubscriptions.url })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, subscriptionId), manageableBy(tx, admin.organisationIds)))
    .for("update");
  if (!row) throw new SafeError("not_found", "errors.notFound");
  const organisationIds = (
    await tx
      .select({ id: webhookSubscriptionOrganisations.organisationId })
      .from(webhookSubscriptionOrganisations)
      .where(eq(webhookSubscriptionOrganisations.subscriptionId, row.id))
  ).map((o) => o.id);
  return { ...row, organisationIds };
}

export async function updateWebhook(tx: DbOrTx, admin: Admin, input: UpdateWebhookInput, options: Options) {
  const before = await manageable(tx, admin, input.subscriptionId);
  await checkInput(admin, input, options);
  await tx
    .update(webhookSubscriptions)
    .set({ name: input.name, url: input.url, events: input.events, updatedAt: sql`now()` })
    .where(eq(webhookSubscriptions.id, before.id));
  await tx
    .delete(webhookSubscriptionOrganisations)
    .where(eq(webhookSubscriptionOrganisations.subscriptionId, before.id));
  await tx
    .insert(webhookSubscriptionOrganisations)
    .values(input.organisationIds.map((organisationId) => ({ subscriptionId: before.id, organisationId })));
  await recordAudit(tx, userActor(admin), {
    action: "webhook.update",
    targetType: "webhook",
    targetId: before.id,
    organisationIds: [...new Set([...before.organisationIds, ...input.organisationIds])],
    details: { name: input.name, url: input.url, events: input.events, organisationIds: input.organisationIds },
  });
  return { subscriptionId: before.id };
}

/** Turns a subscription on or off; turning it on clears an automatic disabling and its failure count. */
export async function setWebhookEnabled(tx: DbOrTx, admin: Admin, subscriptionId: string, enabled: boolean) {
  const row = await manageable(tx, admin, subscriptionId);
  await tx
    .update(webhookSubscriptions)
    .set(
      enabled
        ? { enabled: true, disabledReason: null, disabledAt: null, consecutiveFailures: 0, updatedAt: sql`now()` }
        : { enabled: false, disabledReason: "manual", disabledAt: sql`now()`, updatedAt: sql`now()` },
    )
    .where(eq(webhookSubscriptions.id, row.id));
  await recordAudit(tx, userActor(admin), {
    action: enabled ? "webhook.enable" : "webhook.disable",
    targetType: "webhook",
    targetId: row.id,
    organisationIds: row.organisationIds,
    details: { name: row.name },
  });
  return { subscriptionId: row.id };
}

/** Deletes a subscription with its deliveries and their log. */
export async function deleteWebhook(tx: DbOrTx, admin: Admin, subscriptionId: string) {
  const row = await manageable(tx, admin, subscriptionId);
  await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, row.id));
  await recordAudit(tx, userActor(admin), {
    action: "webhook.delete",
    targetType: "webhook",
    targetId: row.id,
    organisationIds: row.organisationIds,
    details: { name: row.name, url: row.url },
  });
  return { subscriptionId: row.id };
}

/**
 * A new secret, returned once. The one it replaces keeps signing beside it for
 * `rotationGraceHours`, so the receiver can switch without losing a message.
 */
export async function rotateWebhookSecret(tx: DbOrTx, admin: Admin, subscriptionId: string, options: Options) {
  const row = await manageable(tx, admin, subscriptionId);
  const secret = generateWebhookSecret();
  const expiresAt = new Date(Date.now() + options.rotationGraceHours * 3600_000);
  await tx
    .update(webhookSubscriptions)
    .set({
      secret: sealWebhookSecret(options.secretKey, secret),
      previousSecret: sql`${webhookSubscriptions.secret}`,
      previousSecretExpiresAt: expiresAt,
      updatedAt: sql`now()`,
    })
    .where(eq(webhookSubscriptions.id, row.id));
  await recordAudit(tx, userActor(admin), {
    action: "webhook.rotate_secret",
    targetType: "webhook",
    targetId: row.id,
    organisationIds: row.organisationIds,
    details: { name: row.name, expiresAt: expiresAt.toISOString() },
  });
  return { subscriptionId: row.id, secret, previousSecretExpiresAt: expiresAt.toISOString() };
}

/** Sends a delivery again now, as a new round of attempts with the same webhook-id. */
export async function resendWebhookDelivery(tx: DbOrTx, admin: Admin, deliveryId: string) {
  if (admin.organisationIds.length === 0) throw new SafeError("not_found", "errors.notFound");
  const [delivery] = await tx
    .select({ subscriptionId: webhookDeliveries.subscriptionId, eventType: webhookDeliveries.eventType })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), inArray(webhookDeliveries.organisationId, admin.organisationIds)));
  if (!delivery) throw new SafeError("not_found", "errors.notFound");
  const row = await manageable(tx, admin, delivery.subscriptionId);
  await tx
    .update(webhookDeliveries)
    .set({ status: "pending", roundAttempts: 0, nextAttemptAt: sql`now()`, leaseUntil: null })
    .where(eq(webhookDeliveries.id, deliveryId));
  await recordAudit(tx, userActor(admin), {
    action: "webhook.resend",
    targetType: "webhook",
    targetId: row.id,
    organisationIds: row.organisationIds,
    details: { name: row.name, deliveryId, eventType: delivery.eventType },
  });
  return { deliveryId };
}

/** The subscriptions an admin manages, newest first; never a secret. */
export async function listWebhooks(db: DbOrTx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      id: webhookSubscriptions.id,
      name: webhookSubscriptions.name,
      url: webhookSubscriptions.url,
      events: webhookSubscriptions.events,
      enabled: webhookSubscriptions.enabled,
      disabledReason: webhookSubscriptions.disabledReason,
      disabledAt: webhookSubscriptions.disabledAt,
      consecutiveFailures: webhookSubscriptions.consecutiveFailures,
      previousSecretExpiresAt: webhookSubscriptions.previousSecretExpiresAt,
      createdAt: webhookSubscriptions.createdAt,
      organisationIds: sql<string[]>`array(select so.organisation_id::text from ${webhookSubscriptionOrganisations} so
        where so.subscription_id = ${webhookSubscriptions.id})`,
      organisationNames: sql<string[]>`array(select o.name from ${webhookSubscriptionOrganisations} so
        join ${organisations} o on o.id = so.organisation_id where so.subscription_id = ${webhookSubscriptions.id} order by o.name)`,
    })
    .from(webhookSubscriptions)
    .where(manageableBy(db, organisationIds))
    .orderBy(desc(webhookSubscriptions.createdAt))
    .limit(200);
}

/** The latest deliveries of the subscriptions given (each one's newest `perSubscription`), with their attempts. */
export async function listRecentDeliveries(
  db: DbOrTx,
  organisationIds: string[],
  subscriptionIds: string[],
  perSubscription = 20,
) {
  if (organisationIds.length === 0 || subscriptionIds.length === 0) return [];
  const rows = await db.execute<{
    id: string;
    subscription_id: string;
    event_type: string;
    status: "pending" | "delivered" | "failed";
    attempt_count: number;
    next_attempt_at: string | null;
    created_at: string;
    attempts: {
      attemptNo: number;
      startedAt: string;
      durationMs: number;
      responseStatus: number | null;
      responseBody: string | null;
      error: string | null;
    }[];
  }>(sql`
    select d.id, d.subscription_id, d.event_type, d.status, d.attempt_count, d.next_attempt_at, d.created_at,
      coalesce((select json_agg(json_build_object('attemptNo', a.attempt_no, 'startedAt', a.started_at,
          'durationMs', a.duration_ms, 'responseStatus', a.response_status, 'responseBody', a.response_body,
          'error', a.error) order by a.attempt_no desc)
        from ${webhookDeliveryAttempts} a where a.delivery_id = d.id), '[]') as attempts
    from unnest(${sql.param(subscriptionIds)}::uuid[]) as s(id)
    cross join lateral (
      select * from ${webhookDeliveries} x
      where x.subscription_id = s.id and x.organisation_id = any(${sql.param(organisationIds)}::uuid[])
      order by x.created_at desc limit ${perSubscription}) d
    order by d.created_at desc`);
  return [...rows];
}
