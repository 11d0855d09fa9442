import { formatter } from "@/lib/i18n/format";
import type { Translator } from "@/lib/i18n/translator";
import type { AuditAction, AuditDetailsByAction } from "./audit-events";

/*
 * An audit entry's details as a reader takes them in: labelled lines in the reader's language
 * instead of raw JSON. Each action lists the fields it shows, in order (checked against its type
 * in audit-events.ts); each field says how its value is written. The details are stored JSON, so
 * every value is checked before it is written; a field that is not what its type says, a field
 * of an older shape, or an action this code does not know, is listed as key and value as stored.
 * Nothing is shown that the stored details do not hold.
 */

type FieldKind =
  | "text"
  | "count"
  | "listCount"
  | "yesNo"
  | "status"
  | "reportKind"
  | "role"
  | "systemUserStatus"
  | "month"
  | "dateTime"
  | "filter"
  | "list"
  | "shortId"
  | "csv";

type DetailKey = { [A in AuditAction]: keyof AuditDetailsByAction[A] }[AuditAction];

/** How each field is written, whatever action it belongs to. */
const FIELD_KINDS: Record<DetailKey, FieldKind> = {
  kind: "reportKind",
  subject: "text",
  versionNo: "count",
  idempotencyKey: "text",
  replacesSubmissionId: "shortId",
  fromStatus: "status",
  versionId: "shortId",
  filter: "filter",
  total: "count",
  submissionIds: "listCount",
  organisationIds: "listCount",
  format: "csv",
  rowCount: "count",
  until: "dateTime",
  fromMonth: "month",
  toMonth: "month",
  personalDataMasked: "yesNo",
  xmlVersion: "text",
  kalendermaaned: "month",
  meldingsId: "text",
  virksomheter: "count",
  persons: "count",
  unknownElements: "list",
  queued: "yesNo",
  orgnr: "text",
  ownerUserId: "shortId",
  fromOwnerUserId: "shortId",
  name: "text",
  altinnRequestId: "text",
  systemId: "text",
  altinnStatus: "text",
  resources: "list",
  confirmUrl: "text",
  adoptedExistingRequest: "yesNo",
  replacesRejectedRequest: "text",
  replacesRevokedSystemUser: "text",
  from: "systemUserStatus",
  to: "systemUserStatus",
  seed: "yesNo",
  email: "text",
  role: "role",
  password: "yesNo",
  fromRole: "role",
  fromOrganisationIds: "listCount",
  includesDetails: "yesNo",
  list: "text",
  query: "text",
  revision: "count",
  retentionMonths: "count",
  attempts: "count",
  feedbackDocuments: "count",
  publicId: "text",
  scopes: "list",
  expiresAt: "dateTime",
  method: "text",
  path: "text",
  httpStatus: "count",
  url: "text",
  events: "list",
  deliveryId: "shortId",
  eventType: "text",
  consecutiveFailures: "count",
  rules: "list",
  findings: "count",
  overrideReason: "text",
  marked: "count",
  all: "yesNo",
  emailEnabled: "yesNo",
  emailMode: "text",
  mutedKinds: "list",
  via: "text",
  submissionId: "shortId",
  differences: "count",
  errorCode: "text",
  preparedBy: "shortId",
  declineReason: "text",
  fourEyes: "yesNo",
  fromFourEyes: "yesNo",
};

/** Every field name the actions above record, each with a label in the message files. */
export const AUDIT_DETAIL_FIELDS = Object.keys(FIELD_KINDS);

/** The fields each action shows, in reading order. */
const ACTION_FIELDS: { [A in AuditAction]: (keyof AuditDetailsByAction[A])[] } = {
  "submission.create_draft": ["kind", "subject", "versionNo", "replacesSubmissionId", "idempotencyKey"],
  "submission.save_draft": ["kind", "subject", "versionNo", "revision"],
  "submission.submit": ["kind", "subject", "versionNo", "replacesSubmissionId", "idempotencyKey"],
  "submission.retry": ["fromStatus", "versionId"],
  "submission.send_corrected_version": ["fromStatus", "versionNo", "idempotencyKey"],
  "submission.cancel": ["fromStatus", "versionId"],
  "submission.approval_requested": ["versionNo", "idempotencyKey"],
  "submission.approve": ["versionNo", "preparedBy", "idempotencyKey"],
  "submission.decline_approval": ["versionNo", "declineReason"],
  "submission.receipt_downloaded": ["format", "versionNo"],
  "submission.bulk_retry": ["total", "organisationIds", "filter", "submissionIds"],
  "submissions.exported": ["format", "rowCount", "filter", "personalDataMasked", "until"],
  "payments.exported": ["format", "fromMonth", "toMonth", "rowCount"],
  "amelding.import": [
    "format",
    "xmlVersion",
    "kalendermaaned",
    "meldingsId",
    "virksomheter",
    "persons",
    "unknownElements",
    "replacesSubmissionId",
    "queued",
  ],
  "amelding.rules_overridden": ["rules", "findings", "overrideReason"],
  "organisation.create": ["name", "orgnr"],
  "organisation.set_owner": ["orgnr", "ownerUserId", "fromOwnerUserId"],
  "organisation.set_four_eyes": ["orgnr", "fromFourEyes", "fourEyes"],
  "system_user.request": [
    "orgnr",
    "altinnStatus",
    "altinnRequestId",
    "systemId",
    "resources",
    "confirmUrl",
    "adoptedExistingRequest",
    "replacesRejectedRequest",
    "replacesRevokedSystemUser",
  ],
  "system_user.status_change": ["orgnr", "from", "to", "altinnStatus", "altinnRequestId", "seed"],
  "user.create": ["email", "role", "organisationIds", "password", "seed"],
  "user.update": ["fromRole", "role", "fromOrganisationIds", "organisationIds"],
  "user.activate": ["email"],
  "user.deactivate": ["email"],
  "audit.exported": ["format", "rowCount", "filter", "includesDetails"],
  "saved_view.create": ["list", "name", "query"],
  "saved_view.delete": ["list", "name", "query"],
  "retention.raw_bodies_pruned": ["retentionMonths", "attempts", "feedbackDocuments"],
  "api_key.create": ["name", "publicId", "scopes", "organisationIds", "expiresAt"],
  "api_key.revoke": ["name", "publicId"],
  "api.request": ["method", "path", "httpStatus"],
  "webhook.create": ["name", "url", "events", "organisationIds"],
  "webhook.update": ["name", "url", "events", "organisationIds"],
  "webhook.enable": ["name"],
  "webhook.disable": ["name"],
  "webhook.delete": ["name", "url"],
  "webhook.rotate_secret": ["name", "expiresAt"],
  "webhook.resend": ["name", "deliveryId", "eventType"],
  "webhook.auto_disable": ["name", "url", "consecutiveFailures"],
  "notification.mark_read": ["marked", "all"],
  "notification.settings_update": ["emailEnabled", "emailMode", "mutedKinds", "organisationIds"],
  "notification.unsubscribe": ["via"],
  "reconciliation.fetch": ["orgnr", "kalendermaaned", "submissionId", "differences", "errorCode"],
};

export type AuditDetailLine = { key: string; label: string; value: string };

const MAX_RAW_VALUE = 300;

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(ACTION_FIELDS, action);
}

function raw(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_RAW_VALUE ? `${text.slice(0, MAX_RAW_VALUE)}…` : text;
}

function translated(t: Translator, key: string, fallback: string): string {
  return t.has(key) ? t(key) : fallback;
}

/** A list filter as "Status: Feilet, Avvist · Periode: 2026-10"; empty parts left out. */
function describeFilter(t: Translator, filter: object): string {
  return Object.entries(filter)
    .filter(([, v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => {
      const label = translated(t, `auditLog.detailFilter.${k}`, k);
      const values = (Array.isArray(v) ? v : [v]).map((item) =>
        k === "status" && typeof item === "string"
          ? translated(t, `status.${item}`, item)
          : k === "kind" && typeof item === "string"
            ? translated(t, `kind.${item}`, item)
            : raw(item),
      );
      return `${label}: ${values.join(", ")}`;
    })
    .join(" · ");
}

/** The value written per its kind, or null when it is not what the kind expects. */
function describeValue(t: Translator, locale: string, kind: FieldKind, value: unknown): string | null {
  const format = formatter(locale);
  switch (kind) {
    case "text":
      return typeof value === "string" ? raw(value) : null;
    case "count":
      return typeof value === "number" ? format.number(value) : null;
    case "listCount":
      return Array.isArray(value) ? format.number(value.length) : null;
    case "list":
      return Array.isArray(value) && value.every((v) => typeof v === "string")
        ? value.length === 0
          ? t("auditLog.detailValues.none")
          : raw(value.join(", "))
        : null;
    case "yesNo":
      return typeof value === "boolean" ? t(value ? "auditLog.detailValues.yes" : "auditLog.detailValues.no") : null;
    case "status":
      return typeof value === "string" ? translated(t, `status.${value}`, value) : null;
    case "reportKind":
      return typeof value === "string" ? translated(t, `kind.${value}`, value) : null;
    case "role":
      return typeof value === "string" ? translated(t, `roles.${value}`, value) : null;
    case "systemUserStatus":
      if (value === null) return t("systemUsers.status.none");
      return typeof value === "string" ? translated(t, `systemUsers.status.${value}`, value) : null;
    case "month":
      return typeof value === "string" && /^\d{4}-\d{2}$/.test(value) ? format.month(value) : null;
    case "dateTime":
      return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? format.dateTime(value) : null;
    case "filter":
      return value && typeof value === "object" && !Array.isArray(value)
        ? describeFilter(t, value) || t("auditLog.detailValues.noFilter")
        : null;
    case "shortId":
      return typeof value === "string" ? value.slice(0, 8) : null;
    case "csv":
      return typeof value === "string" ? value.toUpperCase() : null;
  }
}

/**
 * The details of one audit entry as labelled lines: the action's own fields first, in its order,
 * then anything else stored (as key and value), so nothing the entry holds is hidden.
 */
export function describeAuditDetails(
  t: Translator,
  locale: string,
  action: string,
  details: unknown,
): AuditDetailLine[] {
  if (!details || typeof details !== "object" || Array.isArray(details))
    return details === null || details === undefined ? [] : [{ key: "details", label: "details", value: raw(details) }];
  const stored = details as Record<string, unknown>;
  const known = isAuditAction(action) ? (ACTION_FIELDS[action] as string[]) : [];
  const lines: AuditDetailLine[] = [];
  for (const key of known) {
    if (!Object.hasOwn(stored, key) || stored[key] === undefined) continue;
    const value = describeValue(t, locale, FIELD_KINDS[key as DetailKey], stored[key]);
    if (value === null) continue;
    lines.push({ key, label: t(`auditLog.detailFields.${key}`), value });
  }
  const shown = new Set(lines.map((l) => l.key));
  for (const [key, value] of Object.entries(stored)) {
    if (shown.has(key) || value === undefined || value === null) continue;
    // Only our own field names are looked up; a stored key is shown as it is.
    const label = Object.hasOwn(FIELD_KINDS, key) ? t(`auditLog.detailFields.${key}`) : key;
    lines.push({ key, label, value: raw(value) });
  }
  return lines;
}
