"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { startBulkRetryAction } from "@/lib/submissions/operations/bulk-retry-actions";
import { bulkRetryInputSchema } from "@/lib/submissions/operations/bulk-retry-input";

/** States how many will be sent again; starting sends that count along, so a changed set is refused. */
export function BulkRetryConfirm({ query, count, limit }: { query: string; count: number; limit: number }) {
  const t = useTranslations();
  const router = useRouter();
  const form = useActionForm({
    action: startBulkRetryAction,
    schema: bulkRetryInputSchema,
    messageValues: { limit },
    onSuccess: (data) => router.push(`/feil/bulk/${data.operationId}`),
    // The count may be stale (e.g. "the set changed"): show the current one.
    onError: () => router.refresh(),
  });
  return (
    <fieldset aria-labelledby="bulk-count" className="rounded border border-warning bg-warning-light p-4">
      <p id="bulk-count" className="mb-3 text-lg font-medium" data-testid="bulk-retry-count">
        {t("errorGroups.bulk.willRetry", { count })}
      </p>
      <ErrorMessage error={form.error} />
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button type="button" disabled={form.pending} onClick={() => form.submit({ query, confirmedCount: count })}>
          {form.pending ? t("errorGroups.bulk.starting") : t("errorGroups.bulk.confirm", { count })}
        </Button>
        <Link href="/feil" className="px-2 py-2 underline">
          {t("errorGroups.bulk.cancel")}
        </Link>
      </div>
    </fieldset>
  );
}
