import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Table, type TableColumn } from "@/components/ui/table";
import { auditActionLabel, auditTargetLabel, auditTargetTypeLabel } from "@/lib/audit/audit-labels";
import type { AuditEntryRow } from "@/lib/audit/queries";

/** Where a target can be looked at, when there is such a page and the reader may open it. */
function targetHref(entry: AuditEntryRow, canManageUsers: boolean): string | null {
  if (!entry.targetId) return null;
  switch (entry.targetType) {
    case "submission":
      return `/innsendinger/${entry.targetId}`;
    case "bulk_operation":
      return `/feil/bulk/${entry.targetId}`;
    case "organisation":
      return `/innsendinger?org=${entry.targetId}`;
    case "user":
      return canManageUsers ? "/brukere" : null;
    default:
      return null;
  }
}

async function AuditTarget({ entry, canManageUsers }: { entry: AuditEntryRow; canManageUsers: boolean }) {
  const t = await getTranslations();
  // An export concerns the filtered set of submissions, not one of them.
  const label =
    auditTargetLabel(t, entry) ??
    (entry.targetId
      ? entry.targetId.slice(0, 8)
      : entry.targetType === "submission"
        ? t("auditLog.submissionsSet")
        : null);
  const href = targetHref(entry, canManageUsers);
  return (
    <>
      <span className="block text-xs text-muted">{auditTargetTypeLabel(t, entry.targetType)}</span>
      {href && label ? <Link href={href}>{label}</Link> : label}
    </>
  );
}

export async function AuditTable({
  entries,
  showDetails,
  canManageUsers,
}: {
  entries: AuditEntryRow[];
  showDetails: boolean;
  canManageUsers: boolean;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const columns: TableColumn<AuditEntryRow>[] = [
    {
      key: "time",
      header: t("audit.time"),
      className: "whitespace-nowrap",
      cell: (e) => format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "medium" }),
    },
    { key: "actor", header: t("audit.actor"), cell: (e) => e.actorEmail ?? t("audit.system") },
    {
      key: "action",
      header: t("audit.action"),
      primary: true,
      cell: (e) => (
        <>
          {auditActionLabel(t, e.action)}
          <span className="block font-mono text-xs text-muted">{e.action}</span>
        </>
      ),
    },
    {
      key: "target",
      header: t("audit.target"),
      cell: (e) => <AuditTarget entry={e} canManageUsers={canManageUsers} />,
    },
    { key: "organisation", header: t("audit.organisation"), cell: (e) => e.organisationName ?? "–" },
  ];
  if (showDetails) {
    columns.push({
      key: "details",
      header: t("audit.details"),
      cell: (e) => (
        <code className="break-all" data-testid="audit-details">
          {JSON.stringify(e.details)}
        </code>
      ),
    });
  }
  return (
    <Table
      caption={t("auditLog.entries")}
      columns={columns}
      rows={entries}
      rowKey={(e) => String(e.id)}
      rowTestId={() => "audit-row"}
      empty={t("audit.empty")}
      cards
    />
  );
}
