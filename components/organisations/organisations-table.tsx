"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useLiveQuery } from "@/components/live/use-live-query";
import { Table, type TableColumn } from "@/components/ui/table";
import { formatter } from "@/lib/i18n/format";
import {
  anyPending,
  type OrganisationSystemUserRow,
  organisationSystemUsersSchema,
} from "@/lib/system-users/organisation-rows";
import { formatOrgnr } from "@/lib/validation/orgnr";
import { AltinnErrorView } from "./altinn-error-view";
import { SystemUserActions } from "./system-user-actions";
import { SystemUserStatus } from "./system-user-status";

const POLL_MS = 3000;

/**
 * The organisations with their system-user status. For admins, the page asks Altinn again
 * every few seconds while a customer has yet to answer a request, and stops once all are answered.
 */
export function OrganisationsTable({
  initial,
  canManage,
}: {
  initial: OrganisationSystemUserRow[];
  canManage: boolean;
}) {
  const t = useTranslations("organisations");
  const ts = useTranslations("systemUsers");
  const ta = useTranslations("accessHealth");
  const format = formatter(useLocale());
  // A new server render (an organisation added, a request made) starts a new query from its rows.
  const signature = initial
    .map((r) => `${r.id}:${r.systemUser?.status ?? "none"}:${r.systemUser?.requestedAt ?? ""}`)
    .join(",");
  const { data, refetch, isFetching } = useLiveQuery({
    queryKey: ["organisation-system-users", signature],
    url: "/api/organisations/system-users",
    method: "POST",
    body: {},
    schema: organisationSystemUsersSchema,
    initial: { rows: initial, failures: [] },
    enabled: canManage,
    pollMs: (table) => (canManage && anyPending(table.rows) ? POLL_MS : false),
  });

  const columns: TableColumn<OrganisationSystemUserRow>[] = [
    { key: "name", header: t("name"), cell: (o) => o.name },
    {
      key: "orgnr",
      header: t("orgnr"),
      className: "tabular-nums whitespace-nowrap",
      cell: (o) => formatOrgnr(o.orgnr),
    },
    {
      key: "created",
      header: t("created"),
      cell: (o) => format.date(new Date(o.createdAt)),
    },
    { key: "systemUser", header: ts("column"), cell: (o) => <SystemUserStatus row={o} /> },
    {
      key: "access",
      header: ta("column"),
      cell: (o) => (
        <Link href={`/organisasjoner/${o.id}/tilgang`} data-testid={`org-access-${o.orgnr}`}>
          {ta("open")}
          <span className="sr-only"> – {o.name}</span>
        </Link>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      key: "actions",
      header: ts("actionsColumn"),
      cell: (o) => <SystemUserActions row={o} onCheckNow={() => void refetch()} checking={isFetching} />,
    });
  }
  return (
    <>
      {canManage && anyPending(data.rows) && <p className="mb-2 text-sm text-muted">{ts("polling")}</p>}
      {data.failures.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered once from one answer and never reordered; its items have no identity of their own
        <AltinnErrorView key={i} error={f.error} title={ts("altinnError.pollTitle")} />
      ))}
      <Table
        columns={columns}
        rows={data.rows}
        rowKey={(o) => o.id}
        rowTestId={(o) => `org-row-${o.orgnr}`}
        empty={t("empty")}
      />
    </>
  );
}
