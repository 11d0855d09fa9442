import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/submissions/status-badge";
import { Table, type TableColumn } from "@/components/ui/table";
import type { listOppdrag } from "@/lib/oppdrag/list-oppdrag";
import { formatOrgnr } from "@/lib/validation/orgnr";

type Row = Awaited<ReturnType<typeof listOppdrag>>["rows"][number];

/** /oppdrag's rows: status first, then who the oppdrag is for, its value and its period. */
export async function OppdragListTable({ rows }: { rows: Row[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
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
      cell: (row) =>
        row.contractValueNok === null
          ? "–"
          : format.number(Number(row.contractValueNok), { style: "currency", currency: "NOK" }),
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
