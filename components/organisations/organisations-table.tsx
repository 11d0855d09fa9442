"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Table, type TableColumn } from "@/components/ui/table";
import { refreshSystemUserRequestsAction } from "@/lib/system-users/actions";
import { anyPending, type OrganisationSystemUserRow } from "@/lib/system-users/organisation-rows";
import type { AltinnErrorDetails } from "@/lib/system-users/request-system-user";
import { formatOrgnr } from "@/lib/validation/orgnr";
import { AltinnErrorView } from "./altinn-error-view";
import { SystemUserActions } from "./system-user-actions";
import { SystemUserStatus } from "./system-user-status";

type TableData = { rows: OrganisationSystemUserRow[]; failures: { error: AltinnErrorDetails }[] };

const POLL_MS = 3000;

/**
 * The organisations with their system-user status. For admins, the page asks Altinn again
 * every few seconds while a customer has yet to answer a request, and stops once all are answered.
 */
export function OrganisationsTable({ initial, canManage }: { initial: OrganisationSystemUserRow[]; canManage: boolean }) {
  const t = useTranslations("organisations");
  const ts = useTranslations("systemUsers");
  const format = useFormatter();
  // A new server render (an organisation added, a request made) starts a new query from its rows.
  const signature = initial.map((r) => `${r.id}:${r.systemUser?.status ?? "none"}:${r.systemUser?.requestedAt ?? ""}`).join(",");
  const { data, refetch, isFetching } = useQuery<TableData>({
    queryKey: ["organisation-system-users", signature],
    queryFn: async () => {
      const result = await refreshSystemUserRequestsAction({});
      if (!result.ok) throw new Error(result.error.messageKey);
      return result.data;
    },
    initialData: { rows: initial, failures: [] },
    enabled: canManage,
    refetchInterval: (q) => (canManage && anyPending(q.state.data?.rows ?? []) ? POLL_MS : false),
  });

  const columns: TableColumn<OrganisationSystemUserRow>[] = [
    { key: "name", header: t("name"), cell: (o) => o.name },
    { key: "orgnr", header: t("orgnr"), className: "tabular-nums whitespace-nowrap", cell: (o) => formatOrgnr(o.orgnr) },
    { key: "created", header: t("created"), cell: (o) => format.dateTime(new Date(o.createdAt), { dateStyle: "long" }) },
    { key: "systemUser", header: ts("column"), cell: (o) => <SystemUserStatus row={o} /> },
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
        <AltinnErrorView key={i} error={f.error} title={ts("altinnError.pollTitle")} />
      ))}
      <Table columns={columns} rows={data.rows} rowKey={(o) => o.id} rowTestId={(o) => `org-row-${o.orgnr}`} empty={t("empty")} />
    </>
  );
}
