"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useLiveQuery } from "@/components/live/use-live-query";
import { Table, type TableColumn } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { formatter } from "@/lib/i18n/format";
import { type SubmissionPage, type SubmissionRow, submissionPageSchema } from "@/lib/submissions/queries/list-page";
import { formatOrgnr } from "@/lib/validation/orgnr";
import { StatusBadge } from "./status-badge";

export type { SubmissionPage, SubmissionRow } from "@/lib/submissions/queries/list-page";

/**
 * The list refreshes itself through the route handler while anything on it is in flight, and
 * stops polling once everything has settled.
 */
export function SubmissionsTable({ initial, query }: { initial: SubmissionPage; query: string }) {
  const t = useTranslations("submissions");
  const tr = useTranslations();
  const format = formatter(useLocale());
  const { data } = useLiveQuery({
    queryKey: ["submissions", query],
    url: `/api/submissions?${query}`,
    schema: submissionPageSchema,
    initial,
    pollMs: (page) => (page.inFlight ? 1500 : false),
  });

  const kroner = (value: number | null) => (value === null ? tr("reportedAmounts.notReported") : format.kroner(value));

  const columns: TableColumn<SubmissionRow>[] = [
    { key: "kind", header: t("kind"), cell: (row) => tr(`kind.${row.kind}`) },
    {
      key: "organisation",
      header: t("organisation"),
      cell: (row) => (
        <>
          {row.organisationName}
          <div className="text-xs text-muted tabular-nums">{formatOrgnr(row.orgnr)}</div>
        </>
      ),
    },
    {
      key: "subject",
      header: t("subject"),
      cell: (row) => (
        <>
          <Link href={`/innsendinger/${row.id}`} className="underline">
            {row.subject.trim() || t("untitled")}
          </Link>
          {row.kind === "amelding" &&
            (row.reportedForskuddstrekk !== null || row.reportedArbeidsgiveravgift !== null) && (
              <div className="mt-1 text-xs tabular-nums">
                {tr("reportedAmounts.listLine", {
                  forskuddstrekk: kroner(row.reportedForskuddstrekk),
                  arbeidsgiveravgift: kroner(row.reportedArbeidsgiveravgift),
                })}
              </div>
            )}
          {row.isCurrentAmelding && (
            <div className="mt-1">
              <Tag tone="success">{t("currentMessage")}</Tag>
            </div>
          )}
          {row.replacedById && (
            <div className="mt-1 text-xs">
              <Link href={`/innsendinger/${row.replacedById}`} className="underline">
                {t("replacedBy")}
              </Link>
            </div>
          )}
          {row.replacesSubmissionId && (
            <div className="mt-1 text-xs">
              <Link href={`/innsendinger/${row.replacesSubmissionId}`} className="underline">
                {t("replaces")}
              </Link>
            </div>
          )}
        </>
      ),
    },
    {
      key: "status",
      header: t("status"),
      primary: true,
      cell: (row) => (
        <StatusBadge
          status={row.status}
          nextAttemptAt={row.nextAttemptAt}
          feedbackStatus={row.feedbackStatus}
          awaitingApproval={row.awaitingApproval}
        />
      ),
    },
    {
      key: "lastAttempt",
      header: t("lastAttempt"),
      className: "whitespace-nowrap",
      cell: (row) => (row.lastAttemptAt ? format.dateTime(row.lastAttemptAt) : "–"),
    },
    {
      key: "error",
      header: t("error"),
      cell: (row) =>
        row.lastErrorCode ? (
          <>
            <span className="font-mono">{row.lastErrorCode}</span>
            {row.errorSummary && <div className="text-xs">{row.errorSummary}</div>}
          </>
        ) : (
          "–"
        ),
    },
  ];
  return (
    <Table
      columns={columns}
      rows={data.rows}
      rowKey={(row) => row.id}
      rowTestId={(row) => `submission-row-${row.id}`}
      empty={t("empty")}
      before={data.inFlight && <p className="px-4 pt-3 text-sm text-muted">{t("refreshing")}</p>}
      cards
    />
  );
}
