"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestSystemUserAction } from "@/lib/system-users/actions";
import type { OrganisationSystemUserRow } from "@/lib/system-users/organisation-rows";
import type { AltinnErrorDetails } from "@/lib/system-users/request-system-user";
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
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [altinnError, setAltinnError] = useState<AltinnErrorDetails | null>(null);
  const status = row.systemUser?.status ?? "none";
  const orgName = <span className="sr-only"> – {row.name}</span>;

  function request() {
    setMessage(null);
    setAltinnError(null);
    startTransition(async () => {
      const result = await requestSystemUserAction({ organisationId: row.id });
      if (!result.ok) {
        const reference = result.error.reference ? ` ${t("errors.reference", { reference: result.error.reference })}` : "";
        setMessage({ tone: "danger", text: t(result.error.messageKey) + reference });
      } else if (result.data.outcome === "failed") {
        setAltinnError(result.data.error);
      } else {
        setMessage({ tone: "success", text: t("systemUsers.requested") });
      }
    });
  }

  return (
    <div className="flex flex-col items-start gap-2">
      {status === "new" ? (
        <Button type="button" variant="secondary" onClick={onCheckNow} disabled={checking}>
          {checking ? t("systemUsers.checking") : t("systemUsers.checkNow")}
          {orgName}
        </Button>
      ) : status !== "accepted" ? (
        <Button type="button" onClick={request} disabled={pending}>
          {pending ? t("systemUsers.requesting") : status === "none" ? t("systemUsers.request") : t("systemUsers.requestAgain")}
          {orgName}
        </Button>
      ) : null}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {altinnError && <AltinnErrorView error={altinnError} title={t("systemUsers.altinnError.title")} />}
    </div>
  );
}
