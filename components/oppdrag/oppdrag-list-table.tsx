import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/submissions/status-badge";
import { Table, type TableColumn } from "@/components/ui/table";
import { formatter } from "@/lib/i18n/format";
import type { listOppdrag } from "@/lib/oppdrag/list-oppdrag";
import { formatOrgnr } from "@/lib/validation/orgnr";

type Row = Awaited<ReturnType<typeof listOppdrag>>["rows"][number];

/** /oppdrag's rows: status first, then who the oppdrag is for, its value and its period. */
export async function OppdragListTable({ rows }: { rows: Row[] }) {
  const t = await getTranslations();
  const format = formatter(await getLocale());
  const day = (iso: string) => format.date(iso);
  const columns: TableColumn<Row>[] = [
    {
      key: "status",
      header: t("submissions.status"),
      primary: true,
      cell: (row) => (
        <StatusBadge status={row.status} nextAttemptAt={row.nextAttemptAt?.toISOString()} feedbackStatus={null} />
      ),
    },
    {
      key: "contractor",
      header: t("oppdragList.contractor"),
      cell: (row) => (
        <>
          <Link href={`/innsendinger/${row.id}`} className="underline">
            {row.contractorName ?? t("oppdragList.noContractor")}
          </Link>
          <div className="text-xs text-muted">{row.subject}</div>
        </>
      ),
    },
    {
      key: "value",
      header: t("oppdragList.value"),
      className: "sm:text-right tabular-nums whitespace-nowrap",
      cell: (row) => (row.contractValueNok === null ? "–" : format.kroner(Number(row.contractValueNok))),
    },
    {
      key: "period",
      header: t("oppdragList.period"),
      className: "whitespace-nowrap",
      cell: (row) =>
        row.startDate || row.endDate
          ? `${row.startDate ? day(row.startDate) : "?"} – ${row.endDate ? day(row.endDate) : "?"}`
          : "–",
    },
    {
      key: "organisation",
      header: t("submissions.organisation"),
      cell: (row) => (
        <>
          {row.organisationName}
          <div className="text-xs text-muted tabular-nums">{formatOrgnr(row.orgnr)}</div>
        </>
      ),
    },
  ];
  return (
    <Table
      caption={t("oppdragList.caption")}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      rowTestId={(row) => `oppdrag-row-${row.id}`}
      empty={t("oppdragList.empty")}
      cards
    />
  );
}
