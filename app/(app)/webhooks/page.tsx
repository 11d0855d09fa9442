import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Table, tableCellClass } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { ResendDeliveryButton, WebhookControls } from "@/components/webhooks/webhook-controls";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { listRecentDeliveries, listWebhooks } from "@/lib/webhooks/subscriptions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("title") };
}

/**
 * Webhook subscriptions (README, "Webhooks"): created, changed, turned off and deleted by admins
 * for organisations of theirs; each with its latest deliveries, their attempts, and "resend".
 */
export default async function WebhooksPage() {
  const user = await requireUser();
  if (!hasPermission(user.role, "webhook:manage")) forbidden();
  const [t, locale] = await Promise.all([getTranslations("webhooks"), getLocale()]);
  const db = getDb();
  const [subscriptions, organisations] = await Promise.all([
    listWebhooks(db, user.organisationIds),
    listOrganisationsForUser(db, user.organisationIds),
  ]);
  const attemptError = (code: string) => {
    const [kind = "", detail = ""] = code.split(/:(.*)/s);
    return t.has(`attemptError.${kind}`) ? t(`attemptError.${kind}`, { detail }) : code;
  };
  const deliveries = await listRecentDeliveries(
    db,
    user.organisationIds,
    subscriptions.map((s) => s.id),
  );
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="grid gap-8 xl:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-6">
          {subscriptions.length === 0 && <p>{t("empty")}</p>}
          {subscriptions.map((s) => {
            const own = deliveries.filter((d) => d.subscription_id === s.id);
            return (
              <section
                key={s.id}
                className="rounded border border-line bg-white p-4"
                aria-labelledby={`webhook-${s.id}`}
                data-testid="webhook-subscription"
              >
                <h2 id={`webhook-${s.id}`} className="text-lg font-semibold">
                  {s.name}{" "}
                  <Tag tone={s.enabled ? "success" : "neutral"}>{s.enabled ? t("enabled") : t("disabled")}</Tag>
                </h2>
                <p className="break-all">
                  <code>{s.url}</code>
                </p>
                {!s.enabled && s.disabledReason === "failures" && (
                  <Alert tone="danger">
                    {t("autoDisabled", {
                      at: s.disabledAt ? formatDateTime(locale, s.disabledAt) : "",
                      count: s.consecutiveFailures,
                    })}
                  </Alert>
                )}
                <p className="text-sm">
                  {t("events")}: {s.events.join(", ")}
                </p>
                <p className="text-sm">
                  {t("organisations")}: {s.organisationNames.join(", ")}
                </p>
                {s.previousSecretExpiresAt && s.previousSecretExpiresAt.getTime() > Date.now() && (
                  <p className="text-sm">
                    {t("previousSecretUntil", { at: formatDateTime(locale, s.previousSecretExpiresAt) })}
                  </p>
                )}
                <div className="my-3">
                  <WebhookControls id={s.id} name={s.name} enabled={s.enabled} />
                </div>
                <details className="mb-3">
                  <summary className="cursor-pointer text-interactive underline">{t("edit")}</summary>
                  <WebhookForm
                    organisations={organisations}
                    existing={{
                      id: s.id,
                      name: s.name,
                      url: s.url,
                      events: s.events,
                      organisationIds: s.organisationIds,
                    }}
                  />
                </details>
                <h3 className="font-semibold">{t("deliveries")}</h3>
                <Table
                  columns={[
                    { key: "event", header: t("event.heading") },
                    { key: "created", header: t("created") },
                    { key: "status", header: t("status") },
                    { key: "attempts", header: t("attempts") },
                    { key: "resend", header: <span className="sr-only">{t("resend")}</span> },
                  ]}
                  rows={own}
                  rowKey={(d) => d.id}
                  renderRow={(d) => (
                    <tr key={d.id} className="border-b border-line align-top" data-testid="webhook-delivery">
                      <td className={tableCellClass}>
                        <code>{d.event_type}</code>
                      </td>
                      <td className={tableCellClass}>{formatDateTime(locale, new Date(d.created_at))}</td>
                      <td className={tableCellClass}>
                        <Tag tone={d.status === "delivered" ? "success" : d.status === "failed" ? "danger" : "neutral"}>
                          {t(`deliveryStatus.${d.status}`)}
                        </Tag>
                      </td>
                      <td className={tableCellClass}>
                        <ul className="text-sm">
                          {d.attempts.map((a) => (
                            <li key={a.attemptNo}>
                              {t("attemptLine", {
                                no: a.attemptNo,
                                at: formatDateTime(locale, new Date(a.startedAt)),
                                status: a.responseStatus ?? "–",
                                ms: a.durationMs,
                              })}
                              {a.error && <span className="text-danger"> {attemptError(a.error)}</span>}
                              {a.responseBody && (
                                <pre className="max-h-24 overflow-auto whitespace-pre-wrap break-all text-xs text-muted">
                                  {a.responseBody}
                                </pre>
                              )}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className={tableCellClass}>
                        {d.status !== "pending" && <ResendDeliveryButton deliveryId={d.id} />}
                      </td>
                    </tr>
                  )}
                  empty={t("noDeliveries")}
                />
              </section>
            );
          })}
        </div>
        <WebhookForm organisations={organisations} />
      </div>
    </>
  );
}
