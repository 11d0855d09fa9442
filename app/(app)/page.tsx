import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ReportedAmountsTable } from "@/components/overview/reported-amounts-table";
import { SubmissionsChart } from "@/components/overview/submissions-chart";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Tag } from "@/components/ui/tag";
import { getDeadlineAlerts } from "@/lib/amelding/deadline-overview";
import { addDays, osloDate } from "@/lib/amelding/deadlines";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import type { SubmissionStatus } from "@/lib/db/schema";
import { parsePageNumber } from "@/lib/filters/page-number";
import { formatter } from "@/lib/i18n/format";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { datesBetween, firstOfMonth } from "@/lib/overview/oslo-dates";
import { NEEDS_ACTION_STATUSES, overviewCounts } from "@/lib/overview/overview-queries";
import { previousMonth, reportedAmountsByMonth } from "@/lib/overview/reported-amounts";
import {
  filterToSearchParams,
  IN_FLIGHT_STATUSES,
  SUBMISSION_STATUSES,
  type SubmissionListFilter,
} from "@/lib/submissions/queries/list-filter";
import { formatOrgnr } from "@/lib/validation/orgnr";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PERIOD_DAYS = 366;
/** The most urgent deadline alerts shown; the rest are one link away (all deadlines, the board). */
const DEADLINE_ALERTS_SHOWN = 10;
/** Organisations listed by name; all of them are on /organisasjoner (an admin may have thousands). */
const ORGANISATIONS_SHOWN = 12;

function listHref(filter: Partial<SubmissionListFilter>) {
  return `/innsendinger?${filterToSearchParams(filter)}`;
}

function sum(counts: Partial<Record<SubmissionStatus, number>>, statuses: readonly SubmissionStatus[]) {
  return statuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
}

/** The chosen period from the URL; the last 30 days when absent, invalid or too long. */
function chosenPeriod(params: Record<string, string | string[] | undefined>, today: string) {
  const from = typeof params.from === "string" && ISO_DATE.test(params.from) ? params.from : addDays(today, -29);
  const to = typeof params.to === "string" && ISO_DATE.test(params.to) ? params.to : today;
  if (from > to || datesBetween(from, to).length > MAX_PERIOD_DAYS)
    return { from: addDays(today, -29), to: today, adjusted: true };
  return { from, to, adjusted: false };
}

/** The overview with the same period at another page of the reported amounts. */
function amountsHref(period: { from: string; to: string }, page: number) {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  if (page > 1) params.set("belop", String(page));
  return `/?${params}#amounts-heading`;
}

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const t = await getTranslations();
  const format = formatter(await getLocale());
  const db = getDb();
  const today = osloDate(new Date());
  const params = await searchParams;
  const period = chosenPeriod(params, today);
  // The page of the reported amounts (`belop`).
  const page = parsePageNumber(params.belop);
  const columns = [
    { key: "today" as const, label: t("overview.today"), filter: { from: today, to: today } },
    { key: "month" as const, label: t("overview.thisMonth"), filter: { from: firstOfMonth(today), to: today } },
    {
      key: "period" as const,
      label: t("overview.periodColumn", { from: format.date(period.from), to: format.date(period.to) }),
      filter: { from: period.from, to: period.to },
    },
  ];
  // The months of the period, and the one before it (its A-melding is reported within the period).
  const amountMonths = { from: previousMonth(period.from.slice(0, 7)), to: period.to.slice(0, 7) };
  const [orgs, deadlineAlerts, counts, amounts] = await Promise.all([
    listOrganisationsForUser(db, user.organisationIds, { limit: ORGANISATIONS_SHOWN }),
    getDeadlineAlerts(db, user.organisationIds, { limit: DEADLINE_ALERTS_SHOWN }),
    overviewCounts(db, user.organisationIds, { today, period }),
    reportedAmountsByMonth(db, user.organisationIds, amountMonths.from, amountMonths.to, { page }),
  ]);
  const allTime = counts.allTime;
  const countedColumns = columns.map((c) => ({ ...c, counts: counts[c.key] }));
  const byDay = new Map(counts.series.map((p) => [p.day, p]));
  const points = datesBetween(period.from, period.to).map(
    (day) => byDay.get(day) ?? { day, submitted: 0, rejected: 0 },
  );
  const input = "mt-1 block rounded border border-muted px-2 py-1.5";

  return (
    <>
      <PageHeader title={t("overview.title")} intro={t("overview.welcome", { name: user.name })} />

      <section aria-labelledby="attention-heading" className="mb-8">
        <h2 id="attention-heading" className="mb-3 text-lg font-semibold">
          {t("overview.attention")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          <li className="rounded border border-line bg-white p-4">
            <Link href={listHref({ status: [...IN_FLIGHT_STATUSES] })} className="block">
              <span className="block text-3xl font-semibold">{sum(allTime, IN_FLIGHT_STATUSES)}</span>
              <span>{t("overview.inFlight")}</span>
            </Link>
          </li>
          <li className="rounded border border-line bg-white p-4">
            <Link href={listHref({ status: [...NEEDS_ACTION_STATUSES] })} className="block">
              <span className="block text-3xl font-semibold text-danger">{sum(allTime, NEEDS_ACTION_STATUSES)}</span>
              <span>{t("overview.needsAction")}</span>
            </Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="deadlines-heading" className="mb-8">
        <h2 id="deadlines-heading" className="mb-3 text-lg font-semibold">
          {t("overview.deadlinesHeading")}
        </h2>
        {deadlineAlerts.total === 0 ? (
          <p>{t("overview.noDeadlineAlerts")}</p>
        ) : (
          <ul className="divide-y divide-line rounded border border-line bg-white">
            {deadlineAlerts.alerts.map(({ organisation, kalendermaaned, status, deadline }) => (
              <li key={`${organisation.id}-${kalendermaaned}`} className="flex flex-wrap items-center gap-3 p-3">
                <Tag tone={status === "missing" ? "danger" : "warning"}>{t(`ameldingDeadlines.status.${status}`)}</Tag>
                <Link href={listHref({ kind: "amelding", org: organisation.id, period: kalendermaaned })}>
                  {t("overview.deadlineLine", {
                    organisation: organisation.name,
                    month: format.month(kalendermaaned),
                    deadline: format.date(deadline),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2">
          {deadlineAlerts.total > deadlineAlerts.alerts.length && (
            <span className="mr-3">
              {t("overview.moreDeadlineAlerts", {
                shown: deadlineAlerts.alerts.length,
                total: deadlineAlerts.total,
              })}
            </span>
          )}
          <Link href="/a-melding/frister">{t("overview.allDeadlines")}</Link>
        </p>
      </section>

      <section aria-labelledby="counts-heading" className="mb-8">
        <h2 id="counts-heading" className="mb-3 text-lg font-semibold">
          {t("overview.countsHeading")}
        </h2>
        <form
          method="get"
          action="/"
          className="mb-4 flex flex-wrap items-end gap-4"
          aria-label={t("overview.periodForm")}
        >
          <label className="text-sm font-medium">
            {t("overview.from")}
            <input type="date" name="from" defaultValue={period.from} className={input} />
          </label>
          <label className="text-sm font-medium">
            {t("overview.to")}
            <input type="date" name="to" defaultValue={period.to} className={input} />
          </label>
          <Button type="submit">{t("overview.showPeriod")}</Button>
          {period.adjusted && <p role="status">{t("overview.periodAdjusted", { days: MAX_PERIOD_DAYS })}</p>}
        </form>
        <div className="relative overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <caption className="sr-only">{t("overview.countsCaption")}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="p-2">
                  {t("overview.statusColumn")}
                </th>
                {columns.map((c) => (
                  <th key={c.key} scope="col" className="p-2 text-right">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {SUBMISSION_STATUSES.map((status) => (
                <tr key={status} className="border-b border-line">
                  <th scope="row" className="p-2 font-normal">
                    {t(`status.${status}`)}
                  </th>
                  {countedColumns.map((c) => (
                    <td key={c.key} className="p-2 text-right tabular-nums">
                      <Link
                        href={listHref({ ...c.filter, status: [status] })}
                        aria-label={`${t(`status.${status}`)}, ${c.label}: ${c.counts[status] ?? 0}`}
                      >
                        {c.counts[status] ?? 0}
                      </Link>
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row" className="p-2">
                  {t("overview.total")}
                </th>
                {countedColumns.map((c) => (
                  <td key={c.key} className="p-2 text-right font-semibold tabular-nums">
                    <Link href={listHref(c.filter)}>{sum(c.counts, SUBMISSION_STATUSES)}</Link>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="amounts-heading" className="mb-8">
        <h2 id="amounts-heading" className="mb-1 text-lg font-semibold">
          {t("reportedAmounts.heading")}
        </h2>
        <p className="mb-3 text-sm text-muted">{t("reportedAmounts.intro")}</p>
        <ReportedAmountsTable
          rows={amounts.rows}
          from={amountMonths.from}
          to={amountMonths.to}
          paging={{ page, total: amounts.total, href: (to) => amountsHref(period, to) }}
        />
      </section>

      <section aria-labelledby="chart-heading" className="mb-8">
        <h2 id="chart-heading" className="mb-3 text-lg font-semibold">
          {t("overview.chart.heading", { from: format.date(period.from), to: format.date(period.to) })}
        </h2>
        <SubmissionsChart points={points} />
        <details className="mt-2">
          <summary className="cursor-pointer">{t("overview.chart.asTable")}</summary>
          <table className="mt-2 border-collapse bg-white text-left text-sm">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="p-1">
                  {t("overview.chart.day")}
                </th>
                <th scope="col" className="p-1 text-right">
                  {t("overview.chart.submitted")}
                </th>
                <th scope="col" className="p-1 text-right">
                  {t("overview.chart.rejected")}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.day} className="border-b border-line">
                  <th scope="row" className="p-1 font-normal">
                    <Link href={listHref({ from: p.day, to: p.day })}>{format.date(p.day)}</Link>
                  </th>
                  <td className="p-1 text-right tabular-nums">{p.submitted}</td>
                  <td className="p-1 text-right tabular-nums">
                    <Link href={listHref({ from: p.day, to: p.day, status: [...NEEDS_ACTION_STATUSES] })}>
                      {p.rejected}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <section aria-labelledby="orgs-heading">
        <h2 id="orgs-heading" className="mb-3 text-lg font-semibold">
          {t("overview.organisations")}
        </h2>
        {orgs.length === 0 ? (
          <p>{t("overview.noOrganisations")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {orgs.map((o) => (
              <li key={o.id} className="rounded border border-line bg-white p-4">
                <Link href={listHref({ org: o.id })} className="font-medium">
                  {o.name}
                </Link>
                <p className="text-sm text-muted">{formatOrgnr(o.orgnr)}</p>
              </li>
            ))}
          </ul>
        )}
        {user.organisationIds.length > orgs.length && (
          <p className="mt-2">
            <Link href="/organisasjoner">{t("overview.allOrganisations", { total: user.organisationIds.length })}</Link>
          </p>
        )}
      </section>
    </>
  );
}
