import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { FetchReconciliationButton } from "@/components/reconciliation/fetch-reconciliation-button";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { formatter } from "@/lib/i18n/format";
import type { Difference } from "@/lib/reconciliation/differences";
import { getReconciliationView } from "@/lib/reconciliation/reconcile";
import { lookupErrorCode } from "@/lib/reporting/errors/error-catalogue";
import { maskPersonalNumbers } from "@/lib/validation/mask-personal-data";
import { formatOrgnr } from "@/lib/validation/orgnr";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reconciliation"))("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * One organisation-month's reconciliation with Skatteetaten's reconciliation report
 * (docs/reconciliation.md): its outcome, the differences per person, virksomhet and total, and
 * (for those who may) a button to fetch the report again. Where a "differs" cell of /tavle leads.
 */
export default async function ReconciliationPage({
  params,
}: {
  params: Promise<{ organisasjon: string; maaned: string }>;
}) {
  const user = await requireUser();
  if (!hasPermission(user.role, "submission:read")) forbidden();
  const { organisasjon, maaned } = await params;
  if (!UUID.test(organisasjon) || !MONTH.test(maaned)) notFound();
  const view = await getReconciliationView(getDb(), user.organisationIds, {
    organisationId: organisasjon,
    kalendermaaned: maaned,
  });
  if (!view) notFound();
  const t = await getTranslations("reconciliation");
  const locale = await getLocale();
  const format = formatter(locale);
  const unmasked = hasPermission(user.role, "personal_data:read_unmasked");
  const canFetch = hasPermission(user.role, "submission:edit") && view.acceptedSubmissionId !== null;
  const r = view.reconciliation;
  const current = view.view !== null && view.view !== "not_fetched" ? r : null;
  const kroner = (oere: number) => format.kroner(oere / 100);
  const who = (d: Difference) =>
    d.scope === "total"
      ? t("scope.total")
      : d.scope === "virksomhet"
        ? t("scope.virksomhet", { orgnr: formatOrgnr(d.id ?? "") })
        : t("scope.person", { id: unmasked ? (d.id ?? "") : maskPersonalNumbers(d.id ?? "") });
  const entry = current?.errorCode ? lookupErrorCode(current.errorCode) : undefined;

  return (
    <>
      <PageHeader
        title={t("heading", { organisation: view.organisation.name, month: format.month(maaned) })}
        intro={t("intro")}
      />
      <section
        className="mb-6 space-y-2 rounded border border-line bg-white p-4"
        aria-labelledby="reconciliation-state"
      >
        <h2 id="reconciliation-state" className="text-lg font-semibold">
          {t("stateHeading")}
        </h2>
        <p data-testid="reconciliation-state" data-state={view.view ?? "nothing_accepted"}>
          {view.view === null ? t("nothingAccepted") : t(`state.${view.view}`)}
        </p>
        {view.view !== null && <p className="text-sm text-muted">{t(`stateHelp.${view.view}`)}</p>}
        {current && (
          <p className="text-sm">{t("fetchedAt", { time: format.dateTime(current.fetchedAt, { seconds: true }) })}</p>
        )}
        {current?.state === "failed" && (
          <p className="text-sm" data-testid="reconciliation-error">
            {current.errorCode
              ? `${current.errorCode}: ${entry ? (locale === "en" ? entry.textEn : entry.textNb) : t("unknownCode")}`
              : t("unreadable")}
          </p>
        )}
        {view.acceptedSubmissionId && (
          <p className="text-sm">
            <Link href={`/innsendinger/${view.acceptedSubmissionId}`}>{t("comparedWith")}</Link>
          </p>
        )}
        {canFetch && <FetchReconciliationButton organisationId={view.organisation.id} kalendermaaned={maaned} />}
      </section>
      {current?.state === "differs" && (
        <Table
          caption={t("differencesCaption")}
          rows={current.differences}
          rowKey={(d) => `${d.scope}|${d.id}|${d.kind}`}
          rowTestId={() => "reconciliation-difference"}
          empty={t("noDifferences")}
          cards
          columns={[
            { key: "who", header: t("column.who"), cell: who, primary: true },
            { key: "kind", header: t("column.kind"), cell: (d) => t(`kind.${d.kind}`) },
            {
              key: "ours",
              header: t("column.ours"),
              cell: (d) => kroner(d.ours),
              className: "text-right tabular-nums",
            },
            {
              key: "theirs",
              header: t("column.theirs"),
              cell: (d) => kroner(d.theirs),
              className: "text-right tabular-nums",
            },
            {
              key: "difference",
              header: t("column.difference"),
              cell: (d) => format.kronerChange(d.difference / 100),
              className: "text-right tabular-nums font-semibold",
            },
          ]}
        />
      )}
      <p className="mt-6">
        <Link href="/tavle">{t("backToBoard")}</Link>
      </p>
    </>
  );
}
