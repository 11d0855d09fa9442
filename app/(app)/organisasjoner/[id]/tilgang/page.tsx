import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RequestNewSystemUser } from "@/components/access-health/request-new-system-user";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getAccessHealth } from "@/lib/access-health/queries";
import { REPORTING_RESOURCES } from "@/lib/altinn/system-user-request-wire";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { formatter } from "@/lib/i18n/format";
import { listOrganisationsWithSystemUser } from "@/lib/system-users/queries";
import { formatOrgnr } from "@/lib/validation/orgnr";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accessHealth"))("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One organisation's access to Skatteetaten (docs/access-health.md): its system user, the last
 * token and call that worked, the last failure with its fix, and the rights and access packages
 * the system user needs. Every role may read it for its own organisations; another organisation's
 * answers 404 like an unknown one.
 */
export default async function AccessHealthPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!UUID.test(id) || !user.organisationIds.includes(id)) notFound();
  const db = getDb();
  const [[organisation], health] = await Promise.all([
    listOrganisationsWithSystemUser(db, [id]),
    getAccessHealth(db, id),
  ]);
  if (!organisation) notFound();
  const t = await getTranslations("accessHealth");
  const format = formatter(await getLocale());
  const state = health?.state ?? "unknown";
  const canRequest =
    hasPermission(user.role, "organisation:manage") &&
    (state === "system_user_revoked" ||
      !organisation.request ||
      organisation.request.status === "rejected" ||
      organisation.request.status === "timed_out");
  const problem = state !== "ok" && state !== "unknown";

  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro", { organisation: `${organisation.name} (${formatOrgnr(organisation.orgnr)})` })}
      />
      <div className="flex max-w-3xl flex-col gap-6">
        <section aria-labelledby="access-state" className="rounded border border-line bg-white p-4">
          <h2 id="access-state" className="mb-2 text-lg font-semibold">
            {t("stateHeading")}
          </h2>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]" data-testid="access-health">
            <dt className="font-medium">{t("systemUser")}</dt>
            <dd>{t("systemUserStatus", { status: organisation.request?.status ?? "none" })}</dd>
            <dt className="font-medium">{t("access")}</dt>
            <dd data-testid="access-state" data-state={state} className={problem ? "font-semibold text-danger" : ""}>
              {t(`state.${state}`)}
            </dd>
            <dt className="font-medium">{t("lastToken")}</dt>
            <dd>{health?.lastTokenAt ? format.dateTime(health.lastTokenAt) : t("never")}</dd>
            <dt className="font-medium">{t("lastCall")}</dt>
            <dd>
              {health?.lastCallAt
                ? t("callApi", { when: format.dateTime(health.lastCallAt), api: health.lastCallApi ?? "" })
                : t("never")}
            </dd>
            {health?.lastFailureAt && health.lastFailureState && (
              <>
                <dt className="font-medium">{t("lastFailure")}</dt>
                <dd data-testid="access-last-failure">
                  {t("failure", {
                    when: format.dateTime(health.lastFailureAt),
                    state: t(`state.${health.lastFailureState}`),
                  })}
                  {health.lastFailureCode ? `, ${t("failureCode", { code: health.lastFailureCode })}` : ""}
                </dd>
              </>
            )}
          </dl>
        </section>

        <section aria-labelledby="access-fix" className="flex flex-col gap-3">
          <h2 id="access-fix" className="text-lg font-semibold">
            {t("fixHeading")}
          </h2>
          <Alert tone={problem ? "danger" : "info"}>
            <p data-testid="access-fix">{t(`fix.${state}`)}</p>
          </Alert>
          {canRequest && <RequestNewSystemUser organisationId={organisation.id} />}
          {state === "token_failing" && hasPermission(user.role, "maskinporten:diagnose") && (
            <Link href="/maskinporten">{t("maskinportenLink")}</Link>
          )}
          <Link href="/organisasjoner">{t("organisationsLink")}</Link>
        </section>

        <section aria-labelledby="access-packages" className="flex flex-col gap-3">
          <h2 id="access-packages" className="text-lg font-semibold">
            {t("packagesHeading")}
          </h2>
          <Alert tone="warning">{t("rolesWarning")}</Alert>
          <table className="w-full rounded border border-line bg-white text-left text-sm">
            <caption className="sr-only">{t("packagesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-4 py-2">
                  {t("api")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("resource")}
                </th>
                <th scope="col" className="px-4 py-2">
                  {t("packages")}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr className="border-t border-line">
                <th scope="row" className="px-4 py-2 font-medium">
                  A-melding
                </th>
                <td className="px-4 py-2">
                  <code>{REPORTING_RESOURCES.amelding}</code>
                </td>
                <td className="px-4 py-2">{t("ameldingPackages")}</td>
              </tr>
              <tr className="border-t border-line">
                <th scope="row" className="px-4 py-2 font-medium">
                  OAR
                </th>
                <td className="px-4 py-2">
                  <code>{REPORTING_RESOURCES.oar}</code>
                </td>
                <td className="px-4 py-2">{t("oarPackages")}</td>
              </tr>
            </tbody>
          </table>
        </section>
      </div>
    </>
  );
}
