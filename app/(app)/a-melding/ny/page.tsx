import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LeveranseBuilder } from "@/components/amelding/leveranse-builder";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { builderStart } from "@/lib/amelding/builder-initial";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listOrganisationsForUser } from "@/lib/organisations/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ameldingBuilder"))("titleNew") };
}

/**
 * The A-melding builder: a new message, a replacement of an accepted one (`?erstatter=<id>`), or a
 * saved draft or rejected one (`?utkast=<id>`). `?felt=<path>` brings one field into view.
 */
export default async function NewAmeldingPage({
  searchParams,
}: {
  searchParams: Promise<{ erstatter?: string; utkast?: string; felt?: string; org?: string; maaned?: string }>;
}) {
  const user = await requireUser();
  if (!hasPermission(user.role, "submission:edit")) forbidden();
  const t = await getTranslations("ameldingBuilder");
  const db = getDb();
  const organisations = await listOrganisationsForUser(db, user.organisationIds);
  const params = await searchParams;
  // `?org=<id>&maaned=YYYY-MM` (the board's link for a month not sent): that organisation, if it is the caller's.
  const chosen = organisations.find((o) => o.id === params.org) ?? organisations[0];
  const start = await builderStart(db, user.organisationIds, chosen?.orgnr ?? "", params);
  // An id that is no A-melding of the caller's organisations (unknown, another organisation's, an
  // oppdrag): 404 inside the app frame. One that exists but cannot be edited keeps its explanation.
  if (start.mode === "refused" && start.reason === "notFound") notFound();

  if (start.mode === "refused") {
    return (
      <>
        <PageHeader title={params.erstatter ? t("titleReplace") : t("titleEdit")} />
        <Alert tone="warning">{t(`refused.${start.reason}`)}</Alert>
        <p className="mt-4">
          <Link href="/a-melding">{t("backToList")}</Link>
        </p>
      </>
    );
  }
  const title =
    start.mode === "replace"
      ? t("titleReplace")
      : start.mode === "edit"
        ? start.isDraft
          ? t("titleEdit")
          : t("titleCorrect")
        : t("titleNew");
  return (
    <>
      <PageHeader title={title} intro={t("intro")} />
      <LeveranseBuilder
        organisations={organisations}
        initial={start.initial}
        submissionId={start.mode === "edit" ? start.submissionId : undefined}
        draftToken={start.mode === "edit" ? start.draftToken : undefined}
        replacesSubmissionId={start.mode === "replace" ? start.replacesSubmissionId : undefined}
        focusPath={params.felt}
      />
    </>
  );
}
