"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useLiveQuery } from "@/components/live/use-live-query";
import { anyPending, organisationSystemUsersSchema, type OrganisationSystemUserRow } from "@/lib/system-users/organisation-rows";
import { formatOrgnr } from "@/lib/validation/orgnr";
import { AltinnErrorView } from "./altinn-error-view";
import { SystemUserActions } from "./system-user-actions";
import { SystemUserStatus } from "./system-user-status";

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

  if (data.rows.length === 0) return <p>{t("empty")}</p>;
  return (
    <>
      {canManage && anyPending(data.rows) && <p className="mb-2 text-sm text-muted">{ts("polling")}</p>}
      {data.failures.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered once from one answer and never reordered; its items have no identity of their own
        <AltinnErrorView key={i} error={f.error} title={ts("altinnError.pollTitle")} />
      ))}
      <table className="w-full text-left">
        <thead>
          <tr className="border-b-2 border-line">
            <th scope="col" className="py-2 pr-4">{t("name")}</th>
            <th scope="col" className="py-2 pr-4">{t("orgnr")}</th>
            <th scope="col" className="py-2 pr-4">{t("created")}</th>
            <th scope="col" className="py-2 pr-4">{ts("column")}</th>
            {canManage && <th scope="col" className="py-2">{ts("actionsColumn")}</th>}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((o) => (
            <tr key={o.id} className="border-b border-line align-top" data-testid={`org-row-${o.orgnr}`}>
              <td className="py-2 pr-4">{o.name}</td>
              <td className="py-2 pr-4 tabular-nums whitespace-nowrap">{formatOrgnr(o.orgnr)}</td>
              <td className="py-2 pr-4">{format.dateTime(new Date(o.createdAt), { dateStyle: "long" })}</td>
              <td className="py-2 pr-4">
                <SystemUserStatus row={o} />
              </td>
              {canManage && (
                <td className="py-2">
                  <SystemUserActions row={o} onCheckNow={() => void refetch()} checking={isFetching} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
