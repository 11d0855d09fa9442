import type { ImportFormat } from "@/lib/amelding/import/import-result";
import type { AuditListFilter } from "@/lib/audit/audit-filter";
import type { ReportKind, Role, SubmissionStatus, SystemUserRequestStatus } from "@/lib/db/schema";
import type { SubmissionListFilter } from "@/lib/submissions/queries/list-filter";

/*
 * Every event the audit log records: its action, the kind of thing it concerns, and the shape of
 * its details. recordAudit (record-audit.ts) takes only these, and the audit page's filter and
 * labels list the same actions, so a new action is added here once and a test then asks for its
 * names in both languages (audit-labels.test.ts). Stored values are plain text and JSON, as before.
 */

/**
 * Who took the action. A user is stored by id and e-mail; the system (a seed, a worker) is stored
 * as no user at all, so an entry without an e-mail reads as the system's.
 */
export type AuditActor = ({ kind: "user" } & AuditUser) | { kind: "system"; process: "seed" | "worker" };
export type AuditUser = {
  id: string;
  email: string;
  /** Acting through this API key (/api/v1): the user is the key's creator (lib/api-keys/api-keys.ts). */
  apiKeyId?: string;
};

/** The user acting, as the audit log records them. */
export function userActor(user: AuditUser): AuditActor {
  return { kind: "user", id: user.id, email: user.email, ...(user.apiKeyId ? { apiKeyId: user.apiKeyId } : {}) };
}

/** The demo data seed (lib/db/seed.ts). */
export const SEED_ACTOR: AuditActor = { kind: "system", process: "seed" };
/** The system acting on its own, without a user asking (e.g. checking Altinn for an answer). */
export const SYSTEM_ACTOR: AuditActor = { kind: "system", process: "worker" };

export const AUDIT_TARGET_TYPES = [
  "submission",
  "bulk_operation",
  "organisation",
  "user",
  "system",
  "saved_view",
  "api_key",
  "webhook",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** Each action and the kind of target it concerns. */
export const AUDIT_ACTION_TARGETS = {
  "submission.create_draft": "submission",
  "submission.save_draft": "submission",
  "submission.submit": "submission",
  "submission.retry": "submission",
  "submission.send_corrected_version": "submission",
  "submission.cancel": "submission",
  "submission.approval_requested": "submission",
  "submission.approve": "submission",
  "submission.decline_approval": "submission",
  "submission.receipt_downloaded": "submission",
  "submission.bulk_retry": "bulk_operation",
  "submissions.exported": "submission",
  "payments.exported": "submission",
  "amelding.import": "submission",
  "amelding.rules_overridden": "submission",
  "organisation.create": "organisation",
  "organisation.set_owner": "organisation",
  "organisation.set_four_eyes": "organisation",
  "system_user.request": "organisation",
  "system_user.status_change": "organisation",
  "user.create": "user",
  "user.update": "user",
  "user.activate": "user",
  "user.deactivate": "user",
  "audit.exported": "system",
  "saved_view.create": "saved_view",
  "saved_view.delete": "saved_view",
  "retention.raw_bodies_pruned": "system",
  "api_key.create": "api_key",
  "api_key.revoke": "api_key",
  "api.request": "api_key",
  "webhook.create": "webhook",
  "webhook.update": "webhook",
  "webhook.enable": "webhook",
  "webhook.disable": "webhook",
  "webhook.delete": "webhook",
  "webhook.rotate_secret": "webhook",
  "webhook.resend": "webhook",
  "webhook.auto_disable": "webhook",
  "notification.mark_read": "user",
  "notification.settings_update": "user",
  "notification.unsubscribe": "user",
  "reconciliation.fetch": "organisation",
} as const satisfies Record<string, AuditTargetType>;

export type AuditAction = keyof typeof AUDIT_ACTION_TARGETS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_TARGETS) as AuditAction[];

type SubmissionCreated = {
  kind: ReportKind;
  subject: string;
  versionNo: number;
  idempotencyKey: string;
  replacesSubmissionId?: string;
};
type SubmissionMoved = { fromStatus: SubmissionStatus; versionId: string | null };
type UserCreated = { email: string; role: Role; organisationIds?: string[]; password?: boolean; seed?: true };

/** The details each action records. */
export type AuditDetailsByAction = {
  "submission.create_draft": SubmissionCreated;
  /** A draft saved over in place (autosave or "Lagre utkast"); revision counts the saves of that version. */
  "submission.save_draft": { kind: ReportKind; subject: string; versionNo: number; revision: number };
  "submission.submit": SubmissionCreated;
  "submission.retry": SubmissionMoved;
  "submission.send_corrected_version": { fromStatus: SubmissionStatus; versionNo: number; idempotencyKey: string };
  "submission.cancel": SubmissionMoved;
  /** Four-eyes (docs/four-eyes.md): the preparer asked for approval of this version instead of sending it. */
  "submission.approval_requested": { versionNo: number; idempotencyKey: string };
  /** Another user approved the version, which queued it (the approver is its sender). */
  "submission.approve": { versionNo: number; idempotencyKey: string; preparedBy: string | null };
  "submission.decline_approval": { versionNo: number; declineReason: string };
  /** The receipt (PDF) of a submission was downloaded (lib/submissions/receipt/receipt-pdf.ts). */
  "submission.receipt_downloaded": { format: "pdf"; versionNo: number | null };
  "submission.bulk_retry": {
    filter: Partial<SubmissionListFilter>;
    total: number;
    submissionIds: string[];
    organisationIds: string[];
  };
  "submissions.exported": {
    format: "csv";
    filter: Partial<SubmissionListFilter>;
    rowCount: number;
    until: string;
    personalDataMasked: boolean;
  };
  /** The payment list (/a-melding/betalinger) as CSV, for the months fromMonth–toMonth. */
  "payments.exported": { format: "csv"; fromMonth: string; toMonth: string; rowCount: number };
  "amelding.import": {
    format: ImportFormat;
    xmlVersion?: string;
    kalendermaaned: string;
    meldingsId: string;
    virksomheter: number;
    persons: number;
    unknownElements: string[];
    replacesSubmissionId?: string | null;
    queued: boolean;
  };
  /** Sent past Avvisning-level control rules (lib/amelding/rules/rule-gate.ts): the rules' codes, how many findings, why. */
  "amelding.rules_overridden": { rules: string[]; findings: number; overrideReason: string };
  "organisation.create": { orgnr: string; name: string };
  /** The user responsible for the organisation on the board (/tavle), or none. */
  "organisation.set_owner": { orgnr: string; ownerUserId: string | null; fromOwnerUserId: string | null };
  /** The four-eyes rule of the organisation turned on or off (docs/four-eyes.md). */
  "organisation.set_four_eyes": { orgnr: string; fourEyes: boolean; fromFourEyes: boolean };
  "system_user.request": {
    orgnr: string;
    altinnRequestId: string;
    systemId: string;
    altinnStatus: string;
    resources: string[];
    confirmUrl: string | null;
    adoptedExistingRequest?: true;
    replacesRejectedRequest?: string;
    replacesRevokedSystemUser?: string;
  };
  "system_user.status_change": {
    orgnr: string | undefined;
    altinnRequestId?: string;
    from: SystemUserRequestStatus | null;
    to: SystemUserRequestStatus;
    altinnStatus?: string;
    seed?: true;
  };
  "user.create": UserCreated;
  "user.update": { role: Role; fromRole: Role; organisationIds: string[]; fromOrganisationIds: string[] };
  "user.activate": { email: string };
  "user.deactivate": { email: string };
  "audit.exported": { format: "csv"; filter: Partial<AuditListFilter>; rowCount: number; includesDetails: boolean };
  /** A user's own list view (lib/saved-views/saved-views.ts); concerns the user's organisations, as an entry about a user does. */
  "saved_view.create": SavedViewDetails;
  "saved_view.delete": SavedViewDetails;
  /**
   * The retention job emptied raw bodies older than retentionMonths (lib/submissions/retention/
   * raw-body-retention.ts): how many attempts and feedback documents of one organisation.
   */
  "retention.raw_bodies_pruned": { retentionMonths: number; attempts: number; feedbackDocuments: number };
  "api_key.create": {
    name: string;
    publicId: string;
    scopes: string[];
    organisationIds: string[];
    expiresAt: string;
  };
  "api_key.revoke": { name: string; publicId: string };
  /** One call of the public API with a key (every call is recorded, with its answer's status). */
  "api.request": { method: string; path: string; httpStatus: number };
  "webhook.create": WebhookDetails;
  "webhook.update": WebhookDetails;
  "webhook.enable": { name: string };
  "webhook.disable": { name: string };
  "webhook.delete": { name: string; url: string };
  /** The previous secret keeps signing beside the new one until expiresAt. */
  "webhook.rotate_secret": { name: string; expiresAt: string };
  "webhook.resend": { name: string; deliveryId: string; eventType: string };
  /** The worker turned a subscription off after this many deliveries in a row failed (lib/webhooks/delivery.ts). */
  "webhook.auto_disable": { name: string; url: string; consecutiveFailures: number };
  /** A user marked notifications read (lib/notifications/notification-queries.ts). */
  "notification.mark_read": { marked: number; all: boolean };
  "notification.settings_update": {
    emailEnabled: boolean;
    emailMode: "immediate" | "daily";
    mutedKinds: string[];
    organisationIds: string[] | null;
  };
  /** E-mail turned off through the signed link in a notification e-mail (no sign-in; lib/notifications/unsubscribe-token.ts). */
  "notification.unsubscribe": { via: "link" };
  /**
   * A user fetched an A-melding month's reconciliation report (lib/reconciliation/reconcile.ts):
   * the accepted A-melding compared, how many differences, and Skatteetaten's code when it failed.
   */
  "reconciliation.fetch": {
    orgnr: string;
    kalendermaaned: string;
    submissionId: string;
    differences: number;
    errorCode: string | null;
  };
};
type WebhookDetails = { name: string; url: string; events: string[]; organisationIds: string[] };
type SavedViewDetails = { list: string; name: string; query: string };

/** One event to record; `action` decides its target type and the shape of its details. */
export type AuditEvent = {
  [A in AuditAction]: {
    action: A;
    targetType: (typeof AUDIT_ACTION_TARGETS)[A];
    targetId?: string | null;
    /**
     * Every organisation the entry concerns. A reader sees the entry only with access to all of
     * them; an entry concerning none is shown to no one. For an entry about a user: the user's
     * organisations before and after the change.
     */
    organisationIds: readonly string[];
    details: AuditDetailsByAction[A];
  };
}[AuditAction];

/** What `audit_log.details` holds: the details of one of the events above. */
export type AuditDetails = AuditDetailsByAction[AuditAction];
