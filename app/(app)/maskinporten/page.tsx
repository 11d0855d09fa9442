import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ConnectionTest } from "@/components/maskinporten/connection-test";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { DIAGNOSTIC_SCOPES } from "@/lib/config/scopes";
import { getDb } from "@/lib/db/client";
import { formatter } from "@/lib/i18n/format";
import { getAppMaskinportenClient } from "@/lib/maskinporten/app-client";
import { maskinportenErrorMessage } from "@/lib/maskinporten/errors";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { formatOrgnr } from "@/lib/validation/orgnr";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: "Maskinporten" };
}

/** Token diagnostics per organisation and scope: cache state, last errors decoded, and a live test. */
export default async function MaskinportenPage() {
  const user = await requireUser();
  if (!hasPermission(user.role, "maskinporten:diagnose")) forbidden();
  const t = await getTranslations("maskinporten");
  const t2 = await getTranslations();
  const format = formatter(await getLocale());
  const organisations = await listOrganisationsForUser(getDb(), user.organisationIds);
  const app = getAppMaskinportenClient();
  if ("configError" in app) {
    return (
      <>
        <PageHeader title={t("title")} intro={t("intro")} />
        <Alert tone="danger">
          <p className="font-medium">{t("configError")}</p>
          <p>{t2(`maskinportenErrors.${app.configError.key}.explanation`, app.configError.values)}</p>
          <p>{t2(`maskinportenErrors.${app.configError.key}.hint`, app.configError.values)}</p>
        </Alert>
      </>
    );
  }
  const cache = app.client.cacheEntries();
  const errors = app.client.lastErrors();
  const endpoint = await app.client.tokenEndpoint().catch(() => null);
  const forRow = <T extends { scopes: string[]; systemUserOrg: string | null }>(
    list: T[],
    orgnr: string,
    scope: string,
  ) => list.find((e) => e.systemUserOrg === orgnr && e.scopes.length === 1 && e.scopes[0] === scope);
  const rows = organisations.flatMap((org) =>
    DIAGNOSTIC_SCOPES.map((scope) => ({
      org,
      scope,
      cached: forRow(cache, org.orgnr, scope),
      failures: forRow(errors, org.orgnr, scope)?.errors ?? [],
    })),
  );
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <p className="mb-4 text-sm text-muted">
        {endpoint && `${endpoint.url} · `}
        {t("processNote")}
      </p>
      <Table
        columns={[
          {
            key: "organisation",
            header: t("organisation"),
            cell: (row) => (
              <>
                {row.org.name}
                <div className="text-xs text-muted">{formatOrgnr(row.org.orgnr)}</div>
              </>
            ),
          },
          { key: "scope", header: t("scope"), className: "font-mono text-xs", cell: (row) => row.scope },
          {
            key: "cache",
            header: t("cache"),
            cell: ({ cached }) =>
              cached ? t("cached", { time: format.time(cached.expiresAt, { seconds: true }) }) : t("notCached"),
          },
          {
            key: "lastErrors",
            header: t("lastErrors"),
            cell: ({ failures }) =>
              failures.length === 0
                ? t("noErrors")
                : failures.slice(-3).map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered once from one answer and never reordered; its items have no identity of their own
                    <p key={i}>
                      {format.time(e.at)} {e.mpCode && <span className="font-mono">{e.mpCode}</span>}{" "}
                      {t2(
                        `maskinportenErrors.${maskinportenErrorMessage(e).key}.explanation`,
                        maskinportenErrorMessage(e).values,
                      )}
                    </p>
                  )),
          },
          {
            key: "test",
            header: <span className="sr-only">{t("test")}</span>,
            cell: (row) => <ConnectionTest organisationId={row.org.id} scope={row.scope} />,
          },
        ]}
        rows={rows}
        rowKey={(row) => `${row.org.id}-${row.scope}`}
        rowTestId={(row) => `mp-row-${row.org.orgnr}-${row.scope}`}
        empty={t("noOrganisations")}
      />
    </>
  );
}
