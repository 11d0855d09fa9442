import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OppdragForm } from "@/components/oppdrag/oppdrag-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { oppdragToFormInitial, rejectedFieldsFrom } from "@/lib/oppdrag/form-initial";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { CORRECTABLE_STATUSES, draftToken } from "@/lib/submissions/operations/operations";
import { findSubmissionWithHistory, wasOppdragAcceptedBefore } from "@/lib/submissions/queries/submission-history";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("oppdragForm"))("titleCorrect") };
}

/**
 * Edit a draft, or correct a rejected report: the result is a new version with a new key.
 * `?felt=<path>` brings one field into view (the links on a rejection's fields).
 */
export default async function EditOppdragPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ felt?: string | string[] }>;
}) {
  const user = await requireUser();
  if (!hasPermission(user.role, "submission:edit")) forbidden();
  const { id } = await params;
  const { felt } = await searchParams;
  const db = getDb();
  const submission = /^[0-9a-f-]{36}$/i.test(id) ? await findSubmissionWithHistory(db, id, user.organisationIds) : null;
  if (submission?.kind !== "oar" || !CORRECTABLE_STATUSES.includes(submission.status)) notFound();
  const t = await getTranslations("oppdragForm");
  const current = submission.versions.find((v) => v.id === submission.currentVersionId);
  if (!current) throw new Error("The submission's current version is missing");
  const existsAtSkatteetaten = await wasOppdragAcceptedBefore(db, submission.organisationId, submission.subject);
  return (
    <>
      <PageHeader title={submission.status === "draft" ? t("titleEdit") : t("titleCorrect")} intro={t("intro")} />
      <OppdragForm
        organisations={await listOrganisationsForUser(db, user.organisationIds)}
        initial={oppdragToFormInitial(current.payload)}
        organisationId={submission.organisationId}
        submissionId={submission.id}
        oppdragsreferanse={submission.subject}
        draftToken={draftToken(current)}
        existsAtSkatteetaten={existsAtSkatteetaten}
        rejectedFields={rejectedFieldsFrom(submission.attempts)}
        focusPath={typeof felt === "string" ? felt : undefined}
      />
    </>
  );
}
