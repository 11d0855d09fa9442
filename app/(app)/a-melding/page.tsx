import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SubmissionsTable } from "@/components/submissions/submissions-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getReadDb } from "@/lib/db/client";
import { filterToSearchParams, parseSubmissionListFilter } from "@/lib/submissions/queries/list-filter";
import { toSubmissionPage } from "@/lib/submissions/queries/list-rows";
import { listSubmissions } from "@/lib/submissions/queries/list-submissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("amelding") };
}

/** Entry point for the A-melding: build a new one, and the ones sent or saved so far. */
export default async function AmeldingPage() {
  const user = await requireUser();
  const t = await getTranslations();
  const filter = parseSubmissionListFilter({ kind: "amelding" });
  const page = await listSubmissions(getReadDb(), user.organisationIds, filter);
  return (
    <>
      <PageHeader
        title={t("nav.amelding")}
        intro={t("ameldingList.intro")}
        actions={
          <div className="flex flex-wrap gap-3">
            <Link
              href="/a-melding/frister"
              className="rounded border border-brand px-4 py-2 font-medium text-brand no-underline"
            >
              {t("ameldingList.deadlines")}
            </Link>
            <Link
              href="/a-melding/betalinger"
              className="rounded border border-brand px-4 py-2 font-medium text-brand no-underline"
            >
              {t("ameldingList.payments")}
            </Link>
            {hasPermission(user.role, "submission:edit") && (
              <>
                <Link
                  href="/a-melding/importer"
                  className="rounded border border-brand px-4 py-2 font-medium text-brand no-underline"
                >
                  {t("ameldingList.import")}
                </Link>
                <Link
                  href="/a-melding/ny"
                  className="rounded bg-brand px-4 py-2 font-medium text-white no-underline hover:bg-brand-dark"
                >
                  {t("ameldingBuilder.titleNew")}
                </Link>
              </>
            )}
          </div>
        }
      />
      <SubmissionsTable
        initial={toSubmissionPage(page, await getTranslations(), await getLocale())}
        query={filterToSearchParams(filter).toString()}
      />
    </>
  );
}
