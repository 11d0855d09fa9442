"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Tag } from "@/components/ui/tag";
import { useLiveQuery } from "@/components/live/use-live-query";
import { submissionPageSchema, type SubmissionPage } from "@/lib/submissions/queries/list-page";
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
  const format = useFormatter();
  const { data } = useLiveQuery({
    queryKey: ["submissions", query],
    url: `/api/submissions?${query}`,
    schema: submissionPageSchema,
    initial,
    pollMs: (page) => (page.inFlight ? 1500 : false),
  });

  if (data.rows.length === 0) return <p className="rounded border border-line bg-white p-4">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto rounded border border-line bg-white">
      {data.inFlight && <p className="px-4 pt-3 text-sm text-muted">{t("refreshing")}</p>}
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b-2 border-line">
            <th scope="col" className="px-4 py-2">{t("kind")}</th>
            <th scope="col" className="px-4 py-2">{t("organisation")}</th>
            <th scope="col" className="px-4 py-2">{t("subject")}</th>
            <th scope="col" className="px-4 py-2">{t("status")}</th>
            <th scope="col" className="px-4 py-2">{t("lastAttempt")}</th>
            <th scope="col" className="px-4 py-2">{t("error")}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.id} className="border-b border-line align-top" data-testid={`submission-row-${row.id}`}>
              <td className="px-4 py-2">{tr(`kind.${row.kind}`)}</td>
              <td className="px-4 py-2">
                {row.organisationName}
                <div className="text-xs text-muted tabular-nums">{formatOrgnr(row.orgnr)}</div>
              </td>
              <td className="px-4 py-2">
                <Link href={`/innsendinger/${row.id}`} target="_blank" rel="noopener" className="underline">
                  {row.subject}
                  <span className="sr-only"> {tr("history.opensInNewTab")}</span>
                </Link>
                {row.isCurrentAmelding && (
                  <div className="mt-1">
                    <Tag tone="success">{t("currentMessage")}</Tag>
                  </div>
                )}
                {row.replacedById && (
                  <div className="mt-1 text-xs">
                    <Link href={`/innsendinger/${row.replacedById}`} target="_blank" className="underline">
                      {t("replacedBy")}
                    </Link>
                  </div>
                )}
                {row.replacesSubmissionId && (
                  <div className="mt-1 text-xs">
                    <Link href={`/innsendinger/${row.replacesSubmissionId}`} target="_blank" className="underline">
                      {t("replaces")}
                    </Link>
                  </div>
                )}
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={row.status} nextAttemptAt={row.nextAttemptAt} feedbackStatus={row.feedbackStatus} />
              </td>
              <td className="px-4 py-2 whitespace-nowrap">
                {row.lastAttemptAt ? format.dateTime(new Date(row.lastAttemptAt), { dateStyle: "medium", timeStyle: "short" }) : "–"}
              </td>
              <td className="px-4 py-2">
                {row.lastErrorCode ? (
                  <>
                    <span className="font-mono">{row.lastErrorCode}</span>
                    {row.errorSummary && <div className="text-xs">{row.errorSummary}</div>}
                  </>
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
