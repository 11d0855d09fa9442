import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OppdragForm } from "@/components/oppdrag/oppdrag-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { oppdragToFormInitial } from "@/lib/oppdrag/form-initial";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { findSubmissionWithHistory } from "@/lib/submissions/queries/submission-history";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("oppdragForm"))("titleNew") };
}

/** A new oppdrag, or (`?endre=<id>`) a change of one Skatteetaten has accepted, reported as ENDRING. */
export default async function NewOppdragPage({ searchParams }: { searchParams: Promise<{ endre?: string }> }) {
  const user = await requireUser();
  if (!hasPermission(user.role, "submission:edit")) forbidden();
  const t = await getTranslations("oppdragForm");
  const db = getDb();
  const organisations = await listOrganisationsForUser(db, user.organisationIds);
  const { endre } = await searchParams;
  const source =
    endre && /^[0-9a-f-]{36}$/i.test(endre) ? await findSubmissionWithHistory(db, endre, user.organisationIds) : null;
  const current = source?.acceptedAt ? source.versions.find((v) => v.id === source.currentVersionId) : undefined;
  if (source && current) {
    return (
      <>
        <PageHeader title={t("titleChange")} intro={t("intro")} />
        <OppdragForm
          organisations={organisations}
          // A new change states its own date; the one of the change before does not carry over.
          initial={{ ...oppdragToFormInitial(current.payload), endringsdato: undefined }}
          organisationId={source.organisationId}
          oppdragsreferanse={source.subject}
          existsAtSkatteetaten
        />
      </>
    );
  }
  const first = organisations[0];
  return (
    <>
      <PageHeader title={t("titleNew")} intro={t("intro")} />
      <OppdragForm
        organisations={organisations}
        initial={
          first ? { oppdragsgiver: { variant: "norsk", navn: first.name, organisasjonsnummer: first.orgnr } } : {}
        }
        existsAtSkatteetaten={false}
      />
    </>
  );
}
