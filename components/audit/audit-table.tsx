import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { auditActionLabel } from "@/lib/audit/audit-actions";
import type { AuditEntryRow } from "@/lib/audit/queries";

/** What an entry concerns, linked to where it can be looked at when the reader may go there. */
async function AuditTarget({ entry, canManageUsers }: { entry: AuditEntryRow; canManageUsers: boolean }) {
  const t = await getTranslations();
  const type = t.has(`auditLog.targetTypes.${entry.targetType}`) ? t(`auditLog.targetTypes.${entry.targetType}`) : entry.targetType;
  const shortId = entry.targetId ? entry.targetId.slice(0, 8) : null;
  let target: React.ReactNode = shortId;
  if (entry.targetType === "submission") {
    target = entry.targetId ? (
      <Link href={`/innsendinger/${entry.targetId}`}>
        {entry.targetSubmissionKind ? `${t(`kind.${entry.targetSubmissionKind}`)} ${entry.targetSubmissionSubject}` : shortId}
      </Link>
    ) : (
      t("auditLog.submissionsSet")
    );
  } else if (entry.targetType === "bulk_operation" && entry.targetId) {
    target = <Link href={`/feil/bulk/${entry.targetId}`}>{shortId}</Link>;
  } else if (entry.targetType === "organisation" && entry.targetId) {
    target = <Link href={`/innsendinger?org=${entry.targetId}`}>{entry.organisationName ?? shortId}</Link>;
  } else if (entry.targetType === "user" && entry.targetId) {
    const who = entry.targetUserEmail ?? shortId;
    target = canManageUsers ? <Link href="/brukere">{who}</Link> : who;
  }
  return (
    <>
      <span className="block text-xs text-muted">{type}</span>
      {target}
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
