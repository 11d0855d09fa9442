"use client";

import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestSystemUserAction } from "@/lib/system-users/actions";
import type { OrganisationSystemUserRow } from "@/lib/system-users/organisation-rows";
import { AltinnErrorView } from "./altinn-error-view";

/** "Be om systembruker" (again, after a rejection or timeout), or "check now" while the customer has yet to answer. */
export function SystemUserActions({
  row,
  onCheckNow,
  checking,
}: {
  row: OrganisationSystemUserRow;
  onCheckNow: () => void;
  checking: boolean;
}) {
  const t = useTranslations();
  const form = useActionForm({ action: requestSystemUserAction });
  const status = row.systemUser?.status ?? "none";
  const orgName = <span className="sr-only"> – {row.name}</span>;

  const answer = form.data;
  return (
    <div className="flex flex-col items-start gap-2">
      {status === "new" ? (
        <Button type="button" variant="secondary" onClick={onCheckNow} disabled={checking}>
          {checking ? t("systemUsers.checking") : t("systemUsers.checkNow")}
          {orgName}
        </Button>
      ) : status !== "accepted" ? (
        <Button type="button" onClick={() => form.submit({ organisationId: row.id })} disabled={form.pending}>
          {form.pending
            ? t("systemUsers.requesting")
            : status === "none"
              ? t("systemUsers.request")
              : t("systemUsers.requestAgain")}
          {orgName}
        </Button>
      ) : null}
      <ErrorMessage error={form.error} />
      {answer && answer.outcome !== "failed" && <Alert tone="success">{t("systemUsers.requested")}</Alert>}
      {answer?.outcome === "failed" && (
        <AltinnErrorView error={answer.error} title={t("systemUsers.altinnError.title")} />
      )}
    </div>
  );
}
