"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { startBulkRetryAction } from "@/lib/submissions/operations/bulk-retry-actions";

/** States how many will be sent again; starting sends that count along, so a changed set is refused. */
export function BulkRetryConfirm({ query, count, limit }: { query: string; count: number; limit: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <fieldset aria-labelledby="bulk-count" className="rounded border border-warning bg-warning-light p-4">
      <p id="bulk-count" className="mb-3 text-lg font-medium" data-testid="bulk-retry-count">
        {t("errorGroups.bulk.willRetry", { count })}
      </p>
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              setError(null);
              const r = await startBulkRetryAction({ query, confirmedCount: count });
              if (r.ok) return router.push(`/feil/bulk/${r.data.operationId}`);
              const message = t(r.error.messageKey, { limit });
              setError(r.error.reference ? `${message} ${t("errors.reference", { reference: r.error.reference })}` : message);
              // The count may be stale (e.g. "the set changed"): show the current one.
              router.refresh();
            })
          }
        >
          {pending ? t("errorGroups.bulk.starting") : t("errorGroups.bulk.confirm", { count })}
        </Button>
        <Link href="/feil" className="px-2 py-2 underline">
          {t("errorGroups.bulk.cancel")}
        </Link>
      </div>
    </fieldset>
  );
}
