"use client";

import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { AltinnErrorView } from "@/components/organisations/altinn-error-view";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestSystemUserAction } from "@/lib/system-users/actions";

/** The fix for a revoked system user: the existing "Be om systembruker" action, allowed again once it is revoked. */
export function RequestNewSystemUser({ organisationId }: { organisationId: string }) {
  const t = useTranslations();
  const form = useActionForm({ action: requestSystemUserAction });
  const answer = form.data;
  return (
    <div className="flex flex-col items-start gap-2">
      {answer?.outcome !== "requested" && (
        <Button type="button" onClick={() => form.submit({ organisationId })} disabled={form.pending}>
          {form.pending ? t("accessHealth.requesting") : t("accessHealth.request")}
        </Button>
      )}
      <ErrorMessage error={form.error} />
      {answer?.outcome === "requested" && <Alert tone="success">{t("accessHealth.requested")}</Alert>}
      {answer?.outcome === "failed" && (
        <AltinnErrorView error={answer.error} title={t("systemUsers.altinnError.title")} />
      )}
    </div>
  );
}
