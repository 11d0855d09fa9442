import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { type CsvValue, csvStream } from "@/lib/csv/csv";
import { formatCsvTime } from "@/lib/csv/csv-time";
import type { Db } from "@/lib/db/client";
import type { Translator } from "@/lib/i18n/translator";
import { maskPersonalNumbers } from "@/lib/validation/mask-personal-data";
import { userActor } from "./audit-events";
import type { AuditListFilter } from "./audit-filter";
import { auditActionLabel, auditTargetLabel, auditTargetTypeLabel } from "./audit-labels";
import { type AuditEntryRow, auditExportPages, auditScopeFor, beginAuditExport } from "./queries";
import { recordAudit } from "./record-audit";

export function auditCsvHeader(t: Translator, includeDetails: boolean): string[] {
  const columns = [
    "time",
    "actor",
    "action",
    "actionCode",
    "targetType",
    "targetId",
    "target",
    "orgnr",
    "organisation",
  ];
  if (includeDetails) columns.push("details");
  return columns.map((c) => t(`auditLog.csv.${c}`));
}

export function auditCsvRow(
  row: AuditEntryRow,
  options: { t: Translator; includeDetails: boolean; unmasked: boolean },
): CsvValue[] {
  const { t } = options;
  const cells: CsvValue[] = [
    formatCsvTime(row.createdAt),
    row.actorEmail ?? t("audit.system"),
    auditActionLabel(t, row.action),
    row.action,
    auditTargetTypeLabel(t, row.targetType),
    row.targetId,
    auditTargetLabel(t, row),
    row.orgnr,
    row.organisationName,
  ];
  if (options.includeDetails) {
    const json = JSON.stringify(row.details ?? {});
    cells.push(options.unmasked ? json : maskPersonalNumbers(json));
  }
  return cells;
}

/**
 * Starts a CSV export of the audit entries the user may see, recorded as "audit.exported" before
 * the first byte in its own transaction (see startSubmissionsExport for why).
 */
export async function startAuditExport(
  db: Db,
  user: CurrentUser,
  filter: AuditListFilter,
  t: Translator,
  /** Where the entries are read: a read replica (DATABASE_READ_URL) or db; the audit entry always goes to db. */
  readDb: Db = db,
) {
  const scope = auditScopeFor(user);
  const exported = { ...filter, before: undefined };
  const { rowCount, upTo } = await beginAuditExport(readDb, scope, exported);
  await db.transaction((tx) =>
    recordAudit(tx, userActor(user), {
      action: "audit.exported",
      targetType: "system",
      // The export covers one organisation when filtered to it, else every one the user has.
      organisationIds: filter.org && user.organisationIds.includes(filter.org) ? [filter.org] : user.organisationIds,
      details: { format: "csv", filter: exported, rowCount, includesDetails: scope.includeDetails },
    }),
  );
  const unmasked = hasPermission(user.role, "personal_data:read_unmasked");
  async function* rows() {
    for await (const page of auditExportPages(readDb, scope, exported, upTo)) {
      yield page.map((row) => auditCsvRow(row, { t, includeDetails: scope.includeDetails, unmasked }));
    }
  }
  return { rowCount, stream: csvStream(auditCsvHeader(t, scope.includeDetails), rows()) };
}
