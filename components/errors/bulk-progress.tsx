"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useLiveQuery } from "@/components/live/use-live-query";
import { formatter } from "@/lib/i18n/format";
import { type BulkProgressView, bulkProgressViewSchema } from "@/lib/submissions/operations/bulk-progress-view";
import {
  filterToSearchParams,
  IN_FLIGHT_STATUSES,
  SUBMISSION_STATUSES,
  type SubmissionListFilter,
} from "@/lib/submissions/queries/list-filter";

/** Everything the progress counts as failed: ended, but not accepted. */
const ENDED_UNSUCCESSFULLY = SUBMISSION_STATUSES.filter(
  (s) => s !== "accepted" && !(IN_FLIGHT_STATUSES as readonly string[]).includes(s),
);

/** Polls the operation until no member is in flight, then shows the final counts. */
export function BulkProgress({ initial }: { initial: BulkProgressView }) {
  const t = useTranslations("errorGroups.bulk");
  const format = formatter(useLocale());
  const { data, isError } = useLiveQuery({
    queryKey: ["bulk-operation", initial.id],
    url: `/api/bulk-operations/${initial.id}`,
    schema: bulkProgressViewSchema,
    initial,
    pollMs: (progress) => (progress.status === "done" ? false : 1000),
  });
  const when = (iso: string) => format.dateTime(new Date(iso), { seconds: true });
  const finishedCount = data.total - data.pending;
  const finished = data.status === "done";
  const list = (status: SubmissionListFilter["status"]) =>
    `/innsendinger?${filterToSearchParams({ bulk: data.id, status })}`;
  return (
    <section className="rounded border border-line bg-white p-4" aria-labelledby="bulk-progress-label">
      <p className="mb-3 text-sm text-muted">
        {data.createdByName
          ? t("startedBy", { time: when(data.createdAt), name: data.createdByName })
          : t("startedAt", { time: when(data.createdAt) })}
      </p>
      <p id="bulk-progress-label" className="font-medium">
        {t("progressLabel")}
      </p>
      <div
        role="progressbar"
        aria-labelledby="bulk-progress-label"
        aria-valuemin={0}
        aria-valuemax={data.total}
        aria-valuenow={finishedCount}
        aria-valuetext={t("progressText", { done: finishedCount, total: data.total })}
        className="mt-1 h-4 w-full overflow-hidden rounded border border-muted bg-surface"
      >
        <div
          className="h-full bg-brand"
          style={{ width: `${data.total ? (100 * finishedCount) / data.total : 100}%` }}
        />
      </div>
      <p className="mt-2 tabular-nums">{t("progressText", { done: finishedCount, total: data.total })}</p>
      {!finished && (
        <p className="mt-1 tabular-nums">
          {t("summary", { succeeded: data.succeeded, failed: data.failed })}, {t("pending", { pending: data.pending })}
        </p>
      )}
      {!finished && <p className="mt-1 text-sm text-muted">{isError ? t("loadFailed") : t("running")}</p>}
      <div role="status" className="mt-3">
        {finished && (
          <div
            className={`border-l-4 px-4 py-3 ${data.failed ? "border-warning bg-warning-light" : "border-success bg-success-light"}`}
          >
            <p className="text-lg font-medium" data-testid="bulk-result">
              {t("summary", { succeeded: data.succeeded, failed: data.failed })}
            </p>
            {data.finishedAt && <p className="text-sm">{t("doneAt", { time: when(data.finishedAt) })}</p>}
          </div>
        )}
      </div>
      <ul className="mt-4 flex flex-wrap gap-6">
        <li>
          <Link href={list(["accepted"])} className="underline">
            {t("showSucceeded")}
          </Link>
        </li>
        <li>
          <Link href={list(ENDED_UNSUCCESSFULLY)} className="underline">
            {t("showFailed")}
          </Link>
        </li>
      </ul>
    </section>
  );
}
