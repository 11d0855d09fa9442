import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
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
    auditTargetLabel(t, entry) ?? (entry.targetId ? entry.targetId.slice(0, 8) : entry.targetType === "submission" ? t("auditLog.submissionsSet") : null);
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
  if (entries.length === 0) return <p className="rounded border border-line bg-white p-4">{t("audit.empty")}</p>;
  return (
    <div className="overflow-x-auto rounded border border-line bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("auditLog.entries")}</caption>
        <thead>
          <tr className="border-b-2 border-line">
            <th scope="col" className="px-4 py-2">{t("audit.time")}</th>
            <th scope="col" className="px-4 py-2">{t("audit.actor")}</th>
            <th scope="col" className="px-4 py-2">{t("audit.action")}</th>
            <th scope="col" className="px-4 py-2">{t("audit.target")}</th>
            <th scope="col" className="px-4 py-2">{t("audit.organisation")}</th>
            {showDetails && <th scope="col" className="px-4 py-2">{t("audit.details")}</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-line align-top" data-testid="audit-row">
              <td className="px-4 py-2 whitespace-nowrap">{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</td>
              <td className="px-4 py-2">{e.actorEmail ?? t("audit.system")}</td>
              <td className="px-4 py-2">
                {auditActionLabel(t, e.action)}
                <span className="block font-mono text-xs text-muted">{e.action}</span>
              </td>
              <td className="px-4 py-2">
                <AuditTarget entry={e} canManageUsers={canManageUsers} />
              </td>
              <td className="px-4 py-2">{e.organisationName ?? "–"}</td>
              {showDetails && (
                <td className="px-4 py-2">
                  <code className="break-all" data-testid="audit-details">
                    {JSON.stringify(e.details)}
                  </code>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
