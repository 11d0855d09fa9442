import type { Translator } from "@/lib/i18n/translator";
import type { AuditEntryRow } from "./queries";

/**
 * An action's readable name, from the message files under `auditLog.actions` (dots become
 * underscores; every action in lib/audit/audit-events.ts has one, see audit-labels.test.ts). An
 * action stored before it was renamed or removed still shows, by its raw name.
 */
export function auditActionLabel(t: Translator, action: string): string {
  const key = `auditLog.actions.${action.replaceAll(".", "_")}`;
  return t.has(key) ? t(key) : action;
}

export function auditTargetTypeLabel(t: Translator, targetType: string): string {
  const key = `auditLog.targetTypes.${targetType}`;
  return t.has(key) ? t(key) : targetType;
}

/** What makes a target recognisable: the user's e-mail, the submission's kind and subject, the organisation's name. */
export function auditTargetLabel(t: Translator, row: AuditEntryRow): string | null {
  if (row.targetUserEmail) return row.targetUserEmail;
  if (row.targetSubmissionKind) return `${t(`kind.${row.targetSubmissionKind}`)} ${row.targetSubmissionSubject}`;
  if (row.targetType === "organisation") return row.organisationName;
  return null;
}
