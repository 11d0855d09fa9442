import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ConnectionTest } from "@/components/maskinporten/connection-test";
import { Alert } from "@/components/ui/alert";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { getAppMaskinportenClient } from "@/lib/maskinporten/app-client";
import { DIAGNOSTIC_SCOPES } from "@/lib/config/scopes";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { formatOrgnr } from "@/lib/validation/orgnr";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: "Maskinporten" };
}

/** Token diagnostics per organisation and scope: cache state, last errors decoded, and a live test. */
export default async function MaskinportenPage() {
  const user = await requireUser();
  if (!hasPermission(user.role, "maskinporten:diagnose")) return <ForbiddenNotice />;
  const t = await getTranslations("maskinporten");
  const format = await getFormatter();
  const organisations = await listOrganisationsForUser(getDb(), user.organisationIds);
  const app = getAppMaskinportenClient();
  if ("configError" in app) {
    return (
      <>
        <PageHeader title={t("title")} intro={t("intro")} />
        <Alert tone="danger">
          <p className="font-medium">{t("configError")}</p>
          <p>{app.configError}</p>
        </Alert>
      </>
    );
  }
  const cache = app.client.cacheEntries();
  const errors = app.client.lastErrors();
  const endpoint = await app.client.tokenEndpoint().catch(() => null);
  const forRow = <T extends { scopes: string[]; systemUserOrg: string | null }>(list: T[], orgnr: string, scope: string) =>
    list.find((e) => e.systemUserOrg === orgnr && e.scopes.length === 1 && e.scopes[0] === scope);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <p className="mb-4 text-sm text-muted">
        {endpoint && `${endpoint.url} · `}
        {t("processNote")}
      </p>
      <div className="overflow-x-auto rounded border border-line bg-white p-4">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b-2 border-line">
              <th scope="col" className="py-2 pr-4">{t("organisation")}</th>
              <th scope="col" className="py-2 pr-4">{t("scope")}</th>
              <th scope="col" className="py-2 pr-4">{t("cache")}</th>
              <th scope="col" className="py-2 pr-4">{t("lastErrors")}</th>
              <th scope="col" className="py-2"><span className="sr-only">{t("test")}</span></th>
            </tr>
          </thead>
          <tbody>
            {organisations.flatMap((org) =>
              DIAGNOSTIC_SCOPES.map((scope) => {
                const cached = forRow(cache, org.orgnr, scope);
                const failures = forRow(errors, org.orgnr, scope)?.errors ?? [];
                return (
                  <tr key={`${org.id}-${scope}`} className="border-b border-line align-top" data-testid={`mp-row-${org.orgnr}-${scope}`}>
                    <td className="py-2 pr-4">
                      {org.name}
                      <div className="text-xs text-muted">{formatOrgnr(org.orgnr)}</div>
                    </td>
                    <td className="py-2 pr-4 font-mono text-xs">{scope}</td>
                    <td className="py-2 pr-4">
                      {cached ? t("cached", { time: format.dateTime(cached.expiresAt, { timeStyle: "medium" }) }) : t("notCached")}
                    </td>
                    <td className="py-2 pr-4">
                      {failures.length === 0
                        ? t("noErrors")
                        : failures.slice(-3).map((e, i) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered once from one answer and never reordered; its items have no identity of their own
                            <p key={i}>
                              {format.dateTime(e.at, { timeStyle: "short" })} {e.mpCode && <span className="font-mono">{e.mpCode}</span>} {e.explanation}
                            </p>
                          ))}
                    </td>
                    <td className="py-2">
                      <ConnectionTest organisationId={org.id} scope={scope} />
                    </td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
