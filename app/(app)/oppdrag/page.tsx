import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SubmissionsTable } from "@/components/submissions/submissions-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { filterToSearchParams, parseSubmissionListFilter } from "@/lib/submissions/queries/list-filter";
import { toSubmissionPage } from "@/lib/submissions/queries/list-rows";
import { listSubmissions } from "@/lib/submissions/queries/list-submissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("oppdrag") };
}

export default async function OppdragPage() {
  const user = await requireUser();
  const t = await getTranslations();
  const filter = parseSubmissionListFilter({ kind: "oar" });
  const page = await listSubmissions(getDb(), user.organisationIds, filter);
  return (
    <>
      <PageHeader
        title={t("nav.oppdrag")}
        intro={t("oppdragForm.intro")}
        actions={
          hasPermission(user.role, "submission:edit") ? (
            <Link
              href="/oppdrag/ny"
              className="rounded bg-brand px-4 py-2 font-medium text-white no-underline hover:bg-brand-dark"
            >
              {t("oppdragForm.titleNew")}
            </Link>
          ) : undefined
        }
      />
      <SubmissionsTable
        initial={toSubmissionPage(page, await getTranslations(), await getLocale())}
        query={filterToSearchParams(filter).toString()}
      />
    </>
  );
}
