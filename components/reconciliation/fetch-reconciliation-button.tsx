"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { fetchReconciliationAction } from "@/lib/reconciliation/actions";

/** Fetches the organisation-month's reconciliation report now; the page then shows the new outcome. */
export function FetchReconciliationButton({
  organisationId,
  kalendermaaned,
}: {
  organisationId: string;
  kalendermaaned: string;
}) {
  const t = useTranslations("reconciliation");
  const router = useRouter();
  const fetchNow = useActionForm({ action: fetchReconciliationAction, onSuccess: () => router.refresh() });
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        fetchNow.submit({ organisationId, kalendermaaned });
      }}
    >
      <Button type="submit" variant="secondary" size="sm" disabled={fetchNow.pending}>
        {fetchNow.pending ? t("fetching") : t("fetch")}
      </Button>
      <ErrorMessage error={fetchNow.error} />
    </form>
  );
}
