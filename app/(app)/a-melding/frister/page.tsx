import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeadlineTable } from "@/components/amelding/deadline-table";
import { PageHeader } from "@/components/ui/page-header";
import { getDeadlineOverview } from "@/lib/amelding/deadline-overview";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ameldingDeadlines"))("title") };
}

/** Which months each organisation has reported, on time or late, and what is missing or due soon. */
export default async function AmeldingDeadlinesPage() {
  const user = await requireUser();
  if (!hasPermission(user.role, "submission:read")) forbidden();
  const t = await getTranslations("ameldingDeadlines");
  const overview = await getDeadlineOverview(getDb(), user.organisationIds);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <DeadlineTable overview={overview} />
    </>
  );
}
