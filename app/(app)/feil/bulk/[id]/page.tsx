import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BulkProgress } from "@/components/errors/bulk-progress";
import { FilterSummary } from "@/components/errors/filter-summary";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { toBulkProgressView } from "@/lib/submissions/operations/bulk-progress-view";
import { getBulkOperationProgress } from "@/lib/submissions/operations/bulk-retry";
import { parseSubmissionListFilter } from "@/lib/submissions/queries/list-filter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errorGroups.bulk"))("progressTitle") };
}

export default async function BulkOperationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (!hasPermission(user.role, "submission:read")) forbidden();
  const { id } = await params;
  const db = getDb();
  const progress = /^[0-9a-f-]{36}$/i.test(id) ? await getBulkOperationProgress(db, id, user.organisationIds) : null;
  if (!progress) notFound();
  const t = await getTranslations("errorGroups.bulk");
  const organisations = await listOrganisationsForUser(db, user.organisationIds);
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("progressTitle")} />
      <BulkProgress initial={toBulkProgressView(progress)} />
      <section className="mt-6 rounded border border-line bg-white p-4" aria-labelledby="bulk-selection">
        <h2 id="bulk-selection" className="mb-2 font-semibold">
          {t("selection")}
        </h2>
        <FilterSummary filter={parseSubmissionListFilter(progress.filter)} organisations={organisations} />
      </section>
      <p className="mt-6">
        <Link href="/feil" className="underline">
          {t("backToGroups")}
        </Link>
      </p>
    </div>
  );
}
