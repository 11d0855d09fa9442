import type { Translator } from "@/lib/i18n/translator";
import type { AuditEntryRow } from "./queries";

/**
 * The actions the app records, for the audit log's action filter. Each has a readable name in
 * the message files under `auditLog.actions` (dots become underscores); an action missing here or
 * there still shows and filters, by its raw name.
 */
export const KNOWN_AUDIT_ACTIONS = [
  "submission.create_draft",
  "submission.submit",
  "submission.retry",
  "submission.send_corrected_version",
  "submission.cancel",
  "submission.bulk_retry",
  "submissions.exported",
  "amelding.import",
  "organisation.create",
  "system_user.request",
  "system_user.status_change",
  "user.create",
  "user.update",
  "user.activate",
  "user.deactivate",
  "audit.exported",
] as const;

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
