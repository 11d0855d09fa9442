import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BulkRetryConfirm } from "@/components/errors/bulk-retry-confirm";
import { FilterSummary } from "@/components/errors/filter-summary";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { BULK_RETRY_LIMIT, countBulkRetry } from "@/lib/submissions/operations/bulk-retry";
import { filterToSearchParams, parseSubmissionListFilter } from "@/lib/submissions/queries/list-filter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errorGroups.bulk"))("confirmTitle") };
}

/** The confirmation step: the filter in words and how many submissions it will send again. */
export default async function ConfirmBulkRetryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!hasPermission(user.role, "submission:retry")) forbidden();
  const t = await getTranslations("errorGroups.bulk");
  const filter = { ...parseSubmissionListFilter(await searchParams), cursor: undefined };
  const db = getDb();
  const [count, organisations] = await Promise.all([
    countBulkRetry(db, user.id, user.organisationIds, filter),
    listOrganisationsForUser(db, user.organisationIds),
  ]);
  const query = filterToSearchParams(filter).toString();
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("confirmTitle")} intro={t("confirmIntro")} />
      <section className="mb-6 rounded border border-line bg-white p-4" aria-labelledby="bulk-selection">
        <h2 id="bulk-selection" className="mb-2 font-semibold">
          {t("selection")}
        </h2>
        <FilterSummary filter={filter} organisations={organisations} />
      </section>
      {count === 0 ? (
        <Alert tone="warning">{t("nothingToRetry")}</Alert>
      ) : count > BULK_RETRY_LIMIT ? (
        <Alert tone="warning">{t("tooManyCount", { count, limit: BULK_RETRY_LIMIT })}</Alert>
      ) : (
        <BulkRetryConfirm query={query} count={count} limit={BULK_RETRY_LIMIT} />
      )}
      <p className="mt-6">
        <Link href="/feil" className="underline">
          {t("backToGroups")}
        </Link>
      </p>
    </div>
  );
}
