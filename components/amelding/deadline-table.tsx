import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Legend } from "@/components/ui/legend";
import { Pager } from "@/components/ui/pager";
import type { DeadlineOverview } from "@/lib/amelding/deadline-overview";
import type { DeadlineStatus } from "@/lib/amelding/deadline-status";
import { formatter } from "@/lib/i18n/format";
import { filterToSearchParams } from "@/lib/submissions/queries/list-filter";
import { formatOrgnr } from "@/lib/validation/orgnr";

/** Colour only supports the status text; every cell says what it means in words. */
const TONE: Record<DeadlineStatus, string> = {
  on_time: "bg-success-light text-success",
  late: "bg-warning-light text-ink",
  missing: "bg-danger-light text-danger font-semibold",
  due_soon: "bg-warning-light text-ink font-semibold",
  not_yet_due: "bg-white text-muted text-xs",
  not_tracked: "bg-surface text-muted text-xs",
};

const MARK: Record<DeadlineStatus, string> = {
  on_time: "✓",
  late: "!",
  missing: "✕",
  due_soon: "…",
  not_yet_due: "",
  not_tracked: "–",
};

/** The grid of one page of organisations; `pageHref` links the other pages. */
export async function DeadlineTable({
  overview,
  pageHref,
}: {
  overview: DeadlineOverview;
  pageHref: (page: number) => string;
}) {
  const t = await getTranslations("ameldingDeadlines");
  const format = formatter(await getLocale());
  const { counts } = overview;
  return (
    <>
      <p className="mb-4" data-testid="deadline-summary">
        {t("summary", { missing: counts.missing, dueSoon: counts.due_soon, late: counts.late })}
      </p>
      <section
        aria-labelledby="deadline-caption"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus so keyboard users can scroll it (axe: scrollable-region-focusable)
        tabIndex={0}
        className="relative overflow-x-auto rounded border border-line bg-white"
      >
        <table className="w-full border-collapse text-left text-sm">
          <caption id="deadline-caption" className="px-4 py-2 text-left font-semibold">
            {t("caption", { today: format.date(overview.today) })}
          </caption>
          <thead>
            <tr className="border-b-2 border-line align-bottom">
              <th scope="col" className="sticky left-0 bg-white px-3 py-2">
                {t("organisation")}
              </th>
              {overview.months.map((m) => (
                <th key={m.kalendermaaned} scope="col" className="px-2 py-2 whitespace-nowrap">
                  {format.month(m.kalendermaaned)}
                  <div className="text-xs font-normal text-muted">
                    {t("deadline", {
                      date: format.dayMonth(m.deadline),
                    })}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overview.organisations.map((org) => (
              <tr key={org.id} className="border-b border-line align-top" data-testid={`deadline-row-${org.orgnr}`}>
                <th scope="row" className="sticky left-0 bg-white px-3 py-2 font-normal">
                  {org.name}
                  <div className="text-xs text-muted tabular-nums">{formatOrgnr(org.orgnr)}</div>
                </th>
                {org.cells.map((cell) => {
                  const href = `/innsendinger?${filterToSearchParams({ kind: "amelding", org: org.id, period: cell.kalendermaaned })}`;
                  return (
                    <td
                      key={cell.kalendermaaned}
                      className={`px-2 py-2 ${TONE[cell.status]}`}
                      data-testid={`deadline-cell-${org.orgnr}-${cell.kalendermaaned}`}
                    >
                      <Link href={href} className="block text-inherit no-underline hover:underline">
                        <span aria-hidden="true">{MARK[cell.status]} </span>
                        {t(`status.${cell.status}`)}
                        {cell.firstAcceptedAt && (
                          <span className="block text-xs font-normal">
                            {format.dayMonth(new Date(cell.firstAcceptedAt))}
                          </span>
                        )}
                        {cell.pending > 0 && (
                          <span className="block text-xs font-normal">{t("pending", { count: cell.pending })}</span>
                        )}
                        <span className="sr-only">
                          {" "}
                          {t("cellContext", {
                            organisation: org.name,
                            month: format.month(cell.kalendermaaned),
                          })}
                        </span>
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Pager
        label={t("pagination")}
        page={overview.page}
        pageSize={overview.pageSize}
        shown={overview.organisations.length}
        total={overview.total}
        href={pageHref}
        testId="deadline-showing"
      />
      <Legend title={t("legendTitle")}>
        {(Object.keys(TONE) as DeadlineStatus[]).map((status) => (
          <div key={status} className="contents">
            <dt className="font-medium">{t(`status.${status}`)}</dt>
            <dd className="text-muted">{t(`statusHelp.${status}`)}</dd>
          </div>
        ))}
      </Legend>
      <p className="mt-4 text-sm text-muted">{t("rule")}</p>
    </>
  );
}
