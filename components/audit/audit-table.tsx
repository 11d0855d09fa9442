import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Table, type TableColumn } from "@/components/ui/table";
import { auditActionLabel, auditTargetLabel, auditTargetTypeLabel } from "@/lib/audit/audit-labels";
import { describeAuditDetails } from "@/lib/audit/describe-audit-details";
import type { AuditEntryRow } from "@/lib/audit/queries";
import { formatter } from "@/lib/i18n/format";

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
  const locale = await getLocale();
  const format = formatter(locale);
  const columns: TableColumn<AuditEntryRow>[] = [
    {
      key: "time",
      header: t("audit.time"),
      className: "whitespace-nowrap",
      cell: (e) => format.dateTime(e.createdAt, { seconds: true }),
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
      cell: (e) => {
        const lines = describeAuditDetails(t, locale, e.action, e.details);
        return lines.length === 0 ? (
          "–"
        ) : (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs" data-testid="audit-details">
            {lines.map((line) => (
              <div key={line.key} className="contents">
                <dt className="text-muted">{line.label}</dt>
                <dd className="break-all">{line.value}</dd>
              </div>
            ))}
          </dl>
        );
      },
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
