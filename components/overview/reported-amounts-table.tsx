import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Pager } from "@/components/ui/pager";
import { Table, type TableColumn } from "@/components/ui/table";
import { formatter } from "@/lib/i18n/format";
import { type MonthAmounts, REPORTED_AMOUNTS_PAGE_SIZE } from "@/lib/overview/reported-amounts";

/** Which page of the organisation-months this is, how many there are, and where the others are. */
export type AmountsPaging = { page: number; total: number; href: (page: number) => string };

/**
 * Reported forskuddstrekk and arbeidsgiveravgift per organisation and month, with the month
 * before and the change, in the reader's number format. Each month links to its A-melding.
 * One page of the organisation-months: an admin of 2 000 organisations has thousands of them.
 */
export async function ReportedAmountsTable({
  rows,
  from,
  to,
  paging,
}: {
  rows: MonthAmounts[];
  from: string;
  to: string;
  paging: AmountsPaging;
}) {
  const t = await getTranslations("reportedAmounts");
  const format = formatter(await getLocale());
  const monthName = (month: string) => format.month(month);
  const kroner = (value: number | null | undefined) =>
    value === null || value === undefined ? t("notReported") : format.kroner(value);
  const change = (value: number | null, previous: number | null | undefined) =>
    value === null || previous === null || previous === undefined
      ? t("notReported")
      : format.kronerChange(value - previous);
  const amount = "text-right tabular-nums whitespace-nowrap";
  const columns: TableColumn<MonthAmounts>[] = [
    { key: "organisation", header: t("organisation"), primary: true, cell: (r) => r.organisationName },
    {
      key: "month",
      header: t("month"),
      className: "whitespace-nowrap",
      cell: (r) => <Link href={`/innsendinger/${r.submissionId}`}>{monthName(r.month)}</Link>,
    },
    { key: "ft", header: t("forskuddstrekk"), className: amount, cell: (r) => kroner(r.forskuddstrekk) },
    {
      key: "ftPrevious",
      cardLabel: `${t("forskuddstrekk")}: ${t("previous")}`,
      header: t("previous"),
      className: amount,
      cell: (r) => kroner(r.previous?.forskuddstrekk),
    },
    {
      key: "ftChange",
      cardLabel: `${t("forskuddstrekk")}: ${t("change")}`,
      header: t("change"),
      className: amount,
      cell: (r) => change(r.forskuddstrekk, r.previous?.forskuddstrekk),
    },
    { key: "aga", header: t("arbeidsgiveravgift"), className: amount, cell: (r) => kroner(r.arbeidsgiveravgift) },
    {
      key: "agaPrevious",
      cardLabel: `${t("arbeidsgiveravgift")}: ${t("previous")}`,
      header: t("previous"),
      className: amount,
      cell: (r) => kroner(r.previous?.arbeidsgiveravgift),
    },
    {
      key: "agaChange",
      cardLabel: `${t("arbeidsgiveravgift")}: ${t("change")}`,
      header: t("change"),
      className: amount,
      cell: (r) => change(r.arbeidsgiveravgift, r.previous?.arbeidsgiveravgift),
    },
  ];
  return (
    <div data-testid="reported-amounts">
      <Table
        caption={t("caption", { from: monthName(from), to: monthName(to) })}
        columns={columns}
        rows={rows}
        rowKey={(r) => `${r.organisationId}-${r.month}`}
        empty={t("none")}
        cards
      />
      {paging.total > rows.length && (
        <Pager
          label={t("pagination")}
          page={paging.page}
          pageSize={REPORTED_AMOUNTS_PAGE_SIZE}
          shown={rows.length}
          total={paging.total}
          href={paging.href}
          testId="reported-amounts-showing"
        />
      )}
    </div>
  );
}
