import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import type { AccessProblemState, AccessState } from "@/lib/access-health/access-outcome";
import type { AltinnRight } from "@/lib/altinn/system-user-request-wire";
import type { ApiKeyScope } from "@/lib/api-keys/validation";
import type { AuditDetails } from "@/lib/audit/audit-events";
import type { NotificationKind } from "@/lib/notifications/notification-kinds";
import type { Difference } from "@/lib/reconciliation/differences";
import type { ParsedFeedback } from "@/lib/reporting/amelding/feedback-adapter";
import type { DecodedSkatteetatenError } from "@/lib/reporting/errors/decoded-error";
import type { FeedbackProblemParams } from "@/lib/submissions/feedback/feedback-problem";
import type { StoredPayload } from "@/lib/submissions/payload-kind";
import type { SubmissionListFilter } from "@/lib/submissions/queries/list-filter";
import type { StatusReasonParams } from "@/lib/submissions/status-reason";
import type { WebhookEventType } from "@/lib/webhooks/validation";

// JSON columns carry their domain types ($type is compile-time only: no migration). Each is
// written only by our own code from parsed values, so reading one back needs no cast.

export const roleEnum = pgEnum("role", ["admin", "support", "manager"]);

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Stored lower-cased so sign-in and uniqueness do not depend on how an address was typed.
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: roleEnum("role").notNull(),
  // Null for accounts that may only sign in through the organisation's OIDC provider.
  passwordHash: text("password_hash"),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An organisation as one admin's registration of it. The same orgnr may be registered more than
 * once (by admins who cannot see each other's registrations); each registration has its own
 * grants, submissions and system user, so creating one never reveals whether the orgnr is
 * registered elsewhere. Within one user's organisations an orgnr appears at most once (checked
 * when creating, under an advisory lock on the orgnr).
 */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgnr: text("orgnr").notNull(),
    name: text("name").notNull(),
    // The user responsible for this client on the board (/tavle, docs/board.md); set by an admin.
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    // Four-eyes rule (docs/four-eyes.md): a version is sent only after a user other than its preparer approves it.
    fourEyes: boolean("four_eyes").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("organisations_orgnr_idx").on(t.orgnr),
    index("organisations_owner_idx").on(t.ownerUserId).where(sql`${t.ownerUserId} is not null`),
  ],
);

export const userOrganisations = pgTable(
  "user_organisations",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index("user_organisations_org_idx").on(t.organisationId),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // Null for actions the system takes on its own (worker, seed).
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    // Kept as text so the entry stays readable after the user is renamed or removed.
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    // The organisation shown with the entry: set when the entry concerns exactly one.
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    // Every organisation the entry concerns; a reader sees the entry only with access to all of
    // them. Empty: concerns no organisation we can name, shown to no one (see lib/audit/queries.ts).
    organisationIds: uuid("organisation_ids").array().notNull().default(sql`'{}'::uuid[]`),
    details: jsonb("details").$type<AuditDetails>().notNull().default(sql`'{}'::jsonb`),
    // The API key the action came through (/api/v1); the actor is then the key's creator.
    apiKeyId: uuid("api_key_id").references((): AnyPgColumn => apiKeys.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("audit_log_org_idx").on(t.organisationId, t.createdAt.desc()),
    index("audit_log_actor_idx").on(t.actorId, t.createdAt.desc()),
    index("audit_log_organisation_ids_idx").using("gin", t.organisationIds),
  ],
);

/**
 * One row per signed-in session; its id travels in the Auth.js JWT. A session cookie counts only
 * while its row exists, so signing out, deactivation and a role change end it at once.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Sign-in throttling counters, in the layout rate-limiter-flexible's PostgreSQL store expects
 * (lib/auth/login-throttle.ts): key, points consumed, expiry in epoch milliseconds.
 */
export const rateLimits = pgTable("rate_limits", {
  key: varchar("key", { length: 255 }).primaryKey(),
  points: integer("points").notNull().default(0),
  expire: bigint("expire", { mode: "number" }),
});

/**
 * Keys for the public API (/api/v1), each for a set of organisations (lib/api-keys/api-keys.ts).
 * Only a SHA-256 digest of the key is stored; `publicId` is the part of the key after its prefix
 * and before its secret, by which a presented key is looked up.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    publicId: text("public_id").notNull().unique(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().$type<ApiKeyScope[]>().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    // The admin who created it: the key acts as them (within its scopes and organisations) while they are active.
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("api_keys_created_by_idx").on(t.createdBy)],
);

export const apiKeyOrganisations = pgTable(
  "api_key_organisations",
  {
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.apiKeyId, t.organisationId] }),
    index("api_key_organisations_org_idx").on(t.organisationId),
  ],
);

/**
 * The first answer to each POST of the API per key and Idempotency-Key, written in the same
 * transaction as what the POST created (lib/api/idempotency.ts): a replay gets it back, a reuse
 * with another body is refused.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status").notNull(),
    responseBody: jsonb("response_body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] })],
);

export type User = typeof users.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];

export const reportKindEnum = pgEnum("report_kind", ["oar", "amelding"]);
export const submissionStatusEnum = pgEnum("submission_status", [
  "draft",
  "queued",
  "sending",
  "retrying",
  "accepted",
  "rejected",
  "conflict",
  "failed",
  // Stopped by a user; never claimed again (lib/submissions/operations/operations.ts, cancelSubmission).
  "cancelled",
]);
export const attemptOutcomeEnum = pgEnum("attempt_outcome", [
  "in_flight",
  "accepted",
  "rejected",
  "conflict",
  "retryable_error",
  "network_error",
  "timeout",
  "interrupted",
  "not_sent",
  // A 2xx whose body is not the API's answer: the outcome is unknown, so it is sent again.
  "unreadable_answer",
  // Steps of an A-melding sent through the file-upload API (lib/submissions/engine/upload-progress.ts):
  // POST /opplastinger answered with the upload's id; GET /opplastinger/{id} answered that
  // Skatteetaten is still validating it, or that it is ready to send in; GET or PUT answered that
  // the upload does not exist (any more).
  "uploaded",
  "validating",
  "validated",
  "upload_not_found",
]);

/**
 * Which request an attempt is: the submission endpoint (`send`), or a step of the file-upload
 * API an A-melding over AMELDING_UPLOAD_THRESHOLD_BYTES goes through (docs/skatteetaten-contract.md,
 * "File upload"): POST /opplastinger, GET /opplastinger/{id}, PUT /innsending.
 */
export const deliveryStepEnum = pgEnum("delivery_step", ["send", "upload", "upload_status", "upload_submit"]);

/**
 * One report to Skatteetaten (an oppdrag or a month's A-melding) and where its delivery stands.
 * Its versions and attempts are append-only; this row only points at the current state.
 */
export const submissions = pgTable(
  "submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    kind: reportKindEnum("kind").notNull(),
    // What the report concerns: our oppdrag reference for OAR, the month (YYYY-MM) for A-melding.
    subject: text("subject").notNull(),
    status: submissionStatusEnum("status").notNull().default("draft"),
    currentVersionId: uuid("current_version_id"),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    // A worker owns the submission while sending until this time; after it, another may take over.
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    queuedAt: timestamp("queued_at", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    lastErrorCode: text("last_error_code"),
    // Why the submission stands where it does, as a code and parameters translated on display
    // (lib/submissions/status-reason.ts); Skatteetaten's own text is a parameter.
    statusReasonCode: text("status_reason_code"),
    statusReasonParams: jsonb("status_reason_params").$type<StatusReasonParams>(),
    receivedIds: jsonb("received_ids").$type<Record<string, string>>(),
    // An A-melding sent to replace an earlier accepted one (its payload carries erstatterMeldingsId).
    replacesSubmissionId: uuid("replaces_submission_id"),
    // An oppdrag's contractor, value and period, copied from its current version's payload
    // whenever that changes (lib/submissions/oar-list-columns.ts), so /oppdrag lists and filters
    // them without reading payloads. Null for A-meldinger and for a draft without the field.
    oarContractorName: text("oar_contractor_name"),
    oarContractValueNok: numeric("oar_contract_value_nok"),
    oarStartDate: date("oar_start_date"),
    oarEndDate: date("oar_end_date"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // A failure's error-group signature (docs/rollups.md, "Stored failure signature"): its latest
    // attempt's first specification code and, without an error code, its cause, as
    // lib/submissions/queries/failure-signature.ts computes them. Kept by triggers (migration 0025)
    // while the submission stands rejected, conflict or failed; null otherwise.
    failureSpecCode: text("failure_spec_code"),
    failureCause: text("failure_cause"),
  },
  (t) => [
    // Partial: most submissions replace nothing, and a row outside the index costs nothing to update.
    index("submissions_replaces_idx").on(t.replacesSubmissionId).where(sql`${t.replacesSubmissionId} is not null`),
    // The lists' one order (newest first, keyset on created_at and id): walked per organisation
    // for a reader of one, and across all for a reader of many, with the organisation checked per
    // row, so the first page reads about its 50 rows, not the reader's whole set (`npm run bench:scale`).
    index("submissions_org_created_idx").on(t.organisationId, t.createdAt.desc(), t.id.desc()),
    index("submissions_created_idx").on(t.createdAt.desc(), t.id.desc()),
    // The same order within the sets a status filter asks for. In flight is named by
    // next_attempt_at (set exactly while queued, sending or retrying, see below), not status, so
    // this index does not stop a claim from being a HOT update. Needs action (rejected, conflict,
    // failed) has no such column: naming status makes claims non-HOT (migration 0005), accepted so
    // that the list finds a few failures among a million rows without reading the rest.
    index("submissions_in_flight_created_idx")
      .on(t.createdAt.desc(), t.id.desc())
      .where(sql`${t.nextAttemptAt} is not null`),
    index("submissions_needs_action_created_idx")
      .on(t.createdAt.desc(), t.id.desc())
      .where(sql`${t.status} in ('rejected', 'conflict', 'failed')`),
    // `period=`: the month an A-melding reports or an oppdrag was created in (Norwegian time), as
    // the function submission_period (migration 0014) computes it, then newest first.
    index("submissions_period_created_idx").on(
      sql`submission_period(${t.kind}, ${t.subject}, ${t.createdAt})`,
      t.createdAt.desc(),
      t.id.desc(),
    ),
    // `code=` (the error groups' links): upper-cased as errorCodeSql reads it.
    index("submissions_error_code_created_idx")
      .on(sql`upper(${t.lastErrorCode})`, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.lastErrorCode} is not null`),
    // Neither index below names a column a claim changes (status, lease), so claiming is a HOT
    // update that touches no index; see migration 0005. next_attempt_at is set exactly while a
    // submission waits or is being sent, and accepted_at once, when it is accepted.
    index("submissions_due_idx").on(t.nextAttemptAt).where(sql`${t.nextAttemptAt} is not null`),
    index("submissions_amelding_accepted_idx")
      .on(t.acceptedAt)
      .where(sql`${t.kind} = 'amelding' and ${t.acceptedAt} is not null`),
    index("submissions_subject_idx").on(t.organisationId, t.kind, t.subject),
    // /oppdrag and `kind=oar`: newest first, oppdrag only, per organisation and across all.
    index("submissions_oar_org_created_idx")
      .on(t.organisationId, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.kind} = 'oar'`),
    index("submissions_oar_created_idx").on(t.createdAt.desc(), t.id.desc()).where(sql`${t.kind} = 'oar'`),
    // The error groups' links (`status=` unsuccessful with `code=` or `cause=`, and `spec=`), newest
    // first: the group's members in index order, only failures in the index.
    index("submissions_failure_code_spec_created_idx")
      .on(sql`upper(${t.lastErrorCode})`, t.failureSpecCode, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.status} in ('rejected', 'conflict', 'failed') and ${t.lastErrorCode} is not null`),
    index("submissions_failure_cause_spec_created_idx")
      .on(t.failureCause, t.failureSpecCode, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.failureCause} is not null`),
    // The same links to a group without a specification code (`spec=none`): `failure_spec_code is null`
    // is an index condition but gives no order on the columns after it, so with the indexes above
    // the planner read every member of the group and sorted them (0.8 s for 20 000 at a million rows).
    index("submissions_failure_code_no_spec_created_idx")
      .on(sql`upper(${t.lastErrorCode})`, t.createdAt.desc(), t.id.desc())
      .where(
        sql`${t.status} in ('rejected', 'conflict', 'failed') and ${t.lastErrorCode} is not null and ${t.failureSpecCode} is null`,
      ),
    index("submissions_failure_cause_no_spec_created_idx")
      .on(t.failureCause, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.failureCause} is not null and ${t.failureSpecCode} is null`),
    // The free-text search's lookup of ids Skatteetaten answered (forsendelseId, meldingsId, dialogId).
    index("submissions_received_ids_idx")
      .using("gin", sql`${t.receivedIds} jsonb_path_ops`)
      .where(sql`${t.receivedIds} is not null`),
  ],
);

/** The payload as it was at each version; a corrected version gets a new idempotency key. */
export const submissionVersions = pgTable(
  "submission_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id),
    versionNo: integer("version_no").notNull(),
    // A report of its submission's kind (checked before it is queued, lib/submissions/payload-kind.ts),
    // or a draft's partial payload while the submission is a draft.
    payload: jsonb("payload").$type<StoredPayload>().notNull(),
    idempotencyKey: uuid("idempotency_key").notNull().unique(),
    // How often a draft's version was saved over in place (autosave); with the version's id it is
    // the token that keeps two tabs from silently overwriting each other (lib/submissions/operations/save-draft.ts).
    revision: integer("revision").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Who did it (docs/four-eyes.md). The preparer is the user who last saved the version's content
    // (through an API key: the key's creator, and the key); null when unknown (rows from before).
    preparedBy: uuid("prepared_by").references(() => users.id, { onDelete: "set null" }),
    preparedByApiKeyId: uuid("prepared_by_api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    // The four-eyes request: set when the preparer asked for approval, cleared when the content is saved over.
    approvalRequestedAt: timestamp("approval_requested_at", { withTimezone: true }),
    approvedBy: uuid("approved_by").references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    declinedBy: uuid("declined_by").references(() => users.id, { onDelete: "set null" }),
    declinedAt: timestamp("declined_at", { withTimezone: true }),
    declineReason: text("decline_reason"),
    // Who put the version in the queue (its first send); a retry of the same version is audited only.
    sentBy: uuid("sent_by").references(() => users.id, { onDelete: "set null" }),
    sentByApiKeyId: uuid("sent_by_api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // An A-melding's sums as its betalingsinformasjon states them (what was reported to pay),
    // read from the payload when the version is saved (lib/submissions/search/search-index.ts),
    // so the overview and the export never parse payloads. Null for OAR, or when not stated.
    reportedForskuddstrekk: numeric("reported_forskuddstrekk", { mode: "number" }),
    reportedArbeidsgiveravgift: numeric("reported_arbeidsgiveravgift", { mode: "number" }),
    // False while the version's search terms and sums are still to be written: only for versions
    // saved before the search index existed, indexed at start-up (lib/submissions/search/search-index.ts).
    searchIndexed: boolean("search_indexed").notNull().default(true),
  },
  (t) => [
    index("submission_versions_submission_idx").on(t.submissionId, t.versionNo),
    index("submission_versions_search_pending_idx").on(t.id).where(sql`not ${t.searchIndexed}`),
  ],
);

/**
 * What the free-text search of the submissions list finds a submission by, written in the same
 * transaction as its current version (lib/submissions/search/search-index.ts): names (normalised,
 * one row per word onwards so any word is a prefix), orgnr, references (meldingsId,
 * oppdragsreferanse, foreign registration numbers) and fødselsnumre/d-numre as keyed hashes only
 * (HMAC-SHA256 with SEARCH_HASH_SECRET; the number itself is never stored here).
 */
export const searchTermKindEnum = pgEnum("search_term_kind", ["name", "person_id", "orgnr", "reference"]);

export const submissionSearchTerms = pgTable(
  "submission_search_terms",
  {
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    kind: searchTermKindEnum("kind").notNull(),
    term: text("term").notNull(),
    // The submission's created_at (immutable, like organisation_id), so the list's newest page of
    // a search's matches is chosen from the index below without reading `submissions`. Written
    // with the terms (search-index.ts) and kept equal by a trigger on submissions (migration 0037).
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.kind, t.term] }),
    // Scoped lookups: equality, and prefixes as byte ranges (text_pattern_ops), for every kind.
    index("submission_search_terms_lookup_idx").on(t.organisationId, t.kind, t.term.op("text_pattern_ops")),
    // The same across organisations, for a reader of many: one range instead of one per
    // organisation, carrying what the list scopes and orders by, so the matches' newest page is
    // read from this index alone (docs/benchmarks.md, "Search by surname from the terms' index (30 November 2026)").
    index("submission_search_terms_term_idx").on(
      t.kind,
      t.term.op("text_pattern_ops"),
      t.organisationId,
      t.createdAt,
      t.submissionId,
    ),
  ],
);

/**
 * What an oppdrag's report must cover, each with the date its 14-day deadline counts from
 * (docs/skatteetaten-contract.md, "OAR"): the work starting (`start`), each arbeidstaker's first and
 * last day (`employee_first_day`, `employee_last_day`) and a change (`change`). Written from each
 * OAR submission's current version in the same transaction as it is saved
 * (lib/oppdrag/oar-obligations.ts), so the deadline scan and the board read dates, never payloads.
 * An arbeidstaker is named by a keyed hash of their identification (`subject_key`), never the number.
 * `accepted` follows the submission's acceptance (a trigger, migration 0028): an accepted version
 * covers the obligations it carries for every version of the same oppdrag (organisation and
 * `oppdragsreferanse`).
 */
export const OAR_OBLIGATIONS = ["start", "employee_first_day", "employee_last_day", "change"] as const;
export type OarObligation = (typeof OAR_OBLIGATIONS)[number];

export const oarObligations = pgTable(
  "oar_obligations",
  {
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    oppdragsreferanse: text("oppdragsreferanse").notNull(),
    obligation: text("obligation").$type<OarObligation>().notNull(),
    subjectKey: text("subject_key").notNull(),
    obligationDate: date("obligation_date").notNull(),
    accepted: boolean("accepted").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.obligation, t.subjectKey] }),
    // The deadline scan across all organisations, and the board per organisation: open ones by date.
    index("oar_obligations_open_date_idx").on(t.obligationDate).where(sql`not ${t.accepted}`),
    index("oar_obligations_open_org_date_idx").on(t.organisationId, t.obligationDate).where(sql`not ${t.accepted}`),
    // "Covered": an accepted report of the same oppdrag carries the same obligation and date.
    index("oar_obligations_covered_idx")
      .on(t.organisationId, t.oppdragsreferanse, t.obligation, t.subjectKey, t.obligationDate)
      .where(sql`${t.accepted}`),
  ],
);

/** Every request sent (or about to be sent) and what came back. Written before the request. */
export const deliveryAttempts = pgTable(
  "delivery_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => submissionVersions.id),
    attemptNo: integer("attempt_no").notNull(),
    // The version's key; on the file-upload API's steps recorded but not sent (that API takes none).
    idempotencyKey: uuid("idempotency_key").notNull(),
    step: deliveryStepEnum("step").notNull().default("send"),
    // The upload a file-upload step concerns: for POST /opplastinger the id it answered (stored
    // before it is used), for GET and PUT the id they name.
    uploadId: text("upload_id"),
    outcome: attemptOutcomeEnum("outcome").notNull().default("in_flight"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
    requestMethod: text("request_method").notNull(),
    requestUrl: text("request_url").notNull(),
    // Headers as sent, with the Authorization value replaced; the token is never stored.
    requestHeaders: jsonb("request_headers").$type<Record<string, string>>().notNull(),
    requestBody: text("request_body").notNull(),
    responseStatus: integer("response_status"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    responseBody: text("response_body"),
    errorCode: text("error_code"),
    decodedError: jsonb("decoded_error").$type<DecodedSkatteetatenError>(),
    korrelasjonsid: text("korrelasjonsid"),
    transportError: text("transport_error"),
    workerId: text("worker_id"),
    // Set when the retention job (lib/submissions/retention/raw-body-retention.ts) emptied the
    // request and response bodies; the decoded result (status, codes, korrelasjonsid) stays.
    rawBodiesPrunedAt: timestamp("raw_bodies_pruned_at", { withTimezone: true }),
  },
  (t) => [
    index("delivery_attempts_submission_idx").on(t.submissionId, t.attemptNo),
    // The retention job's oldest-first walk; a pruned attempt leaves the index.
    index("delivery_attempts_raw_bodies_kept_idx").on(t.startedAt).where(sql`${t.rawBodiesPrunedAt} is null`),
    index("delivery_attempts_version_idx").on(t.versionId, t.attemptNo),
    index("delivery_attempts_key_idx").on(t.idempotencyKey),
    // Partial: only error answers carry a korrelasjonsid, and accepted attempts stay out of it.
    index("delivery_attempts_korrelasjonsid_idx").on(t.korrelasjonsid).where(sql`${t.korrelasjonsid} is not null`),
    // A submission's latest korrelasjonsid, read from the index alone (the CSV export looks it up
    // for every row: docs/benchmarks.md, "CSV export").
    index("delivery_attempts_latest_korrelasjonsid_idx")
      .on(t.submissionId, t.attemptNo, t.korrelasjonsid)
      .where(sql`${t.korrelasjonsid} is not null`),
  ],
);

export const feedbackStatusEnum = pgEnum("feedback_status", [
  // Accepted by the API; the feedback transmission has not appeared in Dialogporten yet.
  "waiting",
  // Feedback fetched, no deviations of severity Avvisning or Øyeblikkelig.
  "ok",
  // Accepted with errors (Øyeblikkelig): fix with a replacement.
  "deviations",
  // Rejected in the feedback (Avvisning): send anew.
  "rejected",
  // Following the dialog failed permanently (e.g. the dialog cannot be found); see lastErrorCode.
  "error",
]);

/**
 * The A-melding feedback (tilbakemelding) for one accepted submission: found by following its
 * dialog in Dialogporten, fetched from the feedback API. One row per submission.
 */
export const ameldingFeedback = pgTable(
  "amelding_feedback",
  {
    submissionId: uuid("submission_id")
      .primaryKey()
      .references(() => submissions.id),
    status: feedbackStatusEnum("status").notNull().default("waiting"),
    dialogId: text("dialog_id"),
    checkCount: integer("check_count").notNull().default(0),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    nextCheckAt: timestamp("next_check_at", { withTimezone: true }).notNull().defaultNow(),
    // A worker owns the row while checking until this time.
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    // Why the feedback could not (yet) be had, as a code and parameters translated on display
    // (lib/submissions/feedback/feedback-problem.ts). last_error is the English text written
    // before codes; migration 0013 read what it could into the code and kept the rest as `legacy`.
    lastError: text("last_error"),
    lastErrorCode: text("last_error_code"),
    lastErrorParams: jsonb("last_error_params").$type<FeedbackProblemParams>(),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    // The document as the feedback API returned it, and our adapter's reading of it.
    document: jsonb("document").$type<Record<string, unknown>>(),
    parsed: jsonb("parsed").$type<ParsedFeedback>(),
    // Set when the retention job removed `document`; `parsed` stays.
    documentPrunedAt: timestamp("document_pruned_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("amelding_feedback_due_idx").on(t.status, t.nextCheckAt),
    // The retention job's oldest-first walk over documents still kept.
    index("amelding_feedback_document_kept_idx").on(t.receivedAt).where(sql`${t.document} is not null`),
  ],
);

export const systemUserRequestStatusEnum = pgEnum("system_user_request_status", [
  "new",
  "accepted",
  "rejected",
  "timed_out",
]);

/** Requests to Altinn for a system user per organisation served (the vendor request flow). */
export const systemUserRequests = pgTable(
  "system_user_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    // Altinn's id for the request.
    externalId: text("external_id").notNull(),
    status: systemUserRequestStatusEnum("status").notNull().default("new"),
    confirmUrl: text("confirm_url"),
    rights: jsonb("rights").$type<AltinnRight[]>().notNull(),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("system_user_requests_org_idx").on(t.organisationId, t.createdAt.desc())],
);

export const bulkOperationStatusEnum = pgEnum("bulk_operation_status", ["running", "done"]);

/** One bulk action over many submissions (e.g. retry every retryable failure of a filter). */
export const bulkOperations = pgTable("bulk_operations", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind").notNull(),
  // The list filter the operation was started from, as the URL had it.
  filter: jsonb("filter").$type<Partial<SubmissionListFilter>>().notNull(),
  total: integer("total").notNull(),
  status: bulkOperationStatusEnum("status").notNull().default("running"),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

export const bulkOperationMembers = pgTable(
  "bulk_operation_members",
  {
    operationId: uuid("operation_id")
      .notNull()
      .references(() => bulkOperations.id),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id),
  },
  (t) => [
    primaryKey({ columns: [t.operationId, t.submissionId] }),
    index("bulk_operation_members_submission_idx").on(t.submissionId),
  ],
);

/**
 * A list filter a user saved under a name (lib/saved-views/saved-views.ts): the query string as
 * the list's own parser wrote it back. Each user sees and changes only their own; opening one goes
 * through the list's parser and the caller's organisations like any URL.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    list: text("list").notNull(),
    name: text("name").notNull(),
    query: text("query").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("saved_views_user_list_name_idx").on(t.userId, t.list, t.name)],
);

/**
 * Rollups of `submissions`, kept by triggers in the same transaction as every change to a
 * submission (drizzle/0014_rollups.sql, docs/rollups.md), so the overview and the error groups
 * read a few rows per organisation instead of aggregating every submission on each visit.
 * No foreign keys: a deleted submission takes its counts down through the same triggers.
 */
export const submissionDailyCounts = pgTable(
  "submission_daily_counts",
  {
    organisationId: uuid("organisation_id").notNull(),
    /** The Norwegian date the submission was created on (the list's from/to boundaries). */
    day: date("day").notNull(),
    kind: reportKindEnum("kind").notNull(),
    status: submissionStatusEnum("status").notNull(),
    submissions: integer("submissions").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.day, t.kind, t.status] }),
    // The overview's days for many organisations: one range of days, read from the index alone,
    // with the organisations as a hash (lib/overview/overview-queries.ts); the primary key serves one.
    index("submission_daily_counts_day_idx").on(t.day, t.organisationId, t.status, t.submissions),
  ],
);

/** The same counts over all time, for the overview's "in flight" and "needs action". */
export const submissionStatusTotals = pgTable(
  "submission_status_totals",
  {
    organisationId: uuid("organisation_id").notNull(),
    kind: reportKindEnum("kind").notNull(),
    status: submissionStatusEnum("status").notNull(),
    submissions: integer("submissions").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kind, t.status] })],
);

/**
 * Unsuccessful submissions of one organisation, kind and Norwegian creation date grouped by what
 * went wrong (lib/submissions/queries/error-groups.ts); each (organisation, kind, day) bucket is
 * recomputed whole when one of its failures changes.
 */
export const errorGroupDailyRollups = pgTable(
  "error_group_daily_rollups",
  {
    organisationId: uuid("organisation_id").notNull(),
    day: date("day").notNull(),
    kind: reportKindEnum("kind").notNull(),
    status: submissionStatusEnum("status").notNull(),
    code: text("code"),
    specCode: text("spec_code"),
    cause: text("cause"),
    submissions: integer("submissions").notNull(),
    firstSeen: timestamp("first_seen", { withTimezone: true }).notNull(),
    lastSeen: timestamp("last_seen", { withTimezone: true }).notNull(),
    /** The first few distinct specification fields, sorted (enough for the groups' first few). */
    fields: text("fields").array().notNull(),
    /** The status reason of the bucket's most recent failure. */
    latestReason: jsonb("latest_reason"),
  },
  (t) => [
    index("error_group_daily_rollups_org_day_idx").on(t.organisationId, t.day, t.kind),
    // A group's days within one organisation, to recompute its all-time row (error_group_totals).
    index("error_group_daily_rollups_org_group_idx").on(
      t.organisationId,
      t.kind,
      t.status,
      t.code,
      t.specCode,
      t.cause,
    ),
  ],
);

/**
 * The error groups over all time, one row per organisation × kind × group: the sum of that
 * group's error_group_daily_rollups rows, recomputed with them (docs/rollups.md), so `/feil`
 * without a period reads one row per organisation and group, however long the history.
 */
export const errorGroupTotals = pgTable(
  "error_group_totals",
  {
    organisationId: uuid("organisation_id").notNull(),
    kind: reportKindEnum("kind").notNull(),
    status: submissionStatusEnum("status").notNull(),
    code: text("code"),
    specCode: text("spec_code"),
    cause: text("cause"),
    submissions: integer("submissions").notNull(),
    firstSeen: timestamp("first_seen", { withTimezone: true }).notNull(),
    lastSeen: timestamp("last_seen", { withTimezone: true }).notNull(),
    fields: text("fields").array().notNull(),
    latestReason: jsonb("latest_reason"),
  },
  (t) => [
    unique("error_group_totals_key")
      .on(t.organisationId, t.kind, t.status, t.code, t.specCode, t.cause)
      .nullsNotDistinct(),
    // A group's rows in every organisation, to recompute its summary (error_group_summaries). The
    // array compares nulls as equal, as group membership does, and unlike `is not distinct from`
    // it can walk this index.
    index("error_group_totals_group_idx").on(t.status, sql`(array[${t.code}, ${t.specCode}, ${t.cause}])`),
  ],
);

/**
 * The error groups over all time across every organisation, one row per kind × group and one per
 * group over both kinds (kind null): what `/feil` shows a reader of every organisation without a
 * period or an organisation, so that page reads a few rows instead of one per organisation and
 * group. Recomputed from error_group_totals by the worker's drain of error_group_summary_changes
 * after a group's totals or an organisation's name change; until then `/feil` reads that group
 * from error_group_totals (docs/rollups.md).
 */
export const errorGroupSummaries = pgTable(
  "error_group_summaries",
  {
    /** Null: both kinds together (organisations counted once). */
    kind: reportKindEnum("kind"),
    status: submissionStatusEnum("status").notNull(),
    code: text("code"),
    specCode: text("spec_code"),
    cause: text("cause"),
    submissions: integer("submissions").notNull(),
    organisations: integer("organisations").notNull(),
    /** The first three distinct organisation names, in name order. */
    organisationNames: text("organisation_names").array().notNull(),
    /** How many distinct organisation names (organisations may share a name). */
    organisationNameCount: integer("organisation_name_count").notNull(),
    firstSeen: timestamp("first_seen", { withTimezone: true }).notNull(),
    lastSeen: timestamp("last_seen", { withTimezone: true }).notNull(),
    fields: text("fields").array().notNull(),
    latestReason: jsonb("latest_reason"),
  },
  (t) => [unique("error_group_summaries_key").on(t.kind, t.status, t.code, t.specCode, t.cause).nullsNotDistinct()],
);

/**
 * The groups whose error_group_summaries rows may be stale: the rollup triggers append a group's key
 * here, in the writer's transaction, where they used to recompute its summary. Append-only and
 * without a unique key on the group, so writers of different organisations never wait for each
 * other. `/feil` reads a group with a row here from error_group_totals instead of its summary, and
 * the worker's drain (lib/submissions/rollups/error-group-summary-drain.ts) recomputes the
 * summaries and deletes the rows it picked (docs/rollups.md).
 */
export const errorGroupSummaryChanges = pgTable("error_group_summary_changes", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  status: submissionStatusEnum("status").notNull(),
  code: text("code"),
  specCode: text("spec_code"),
  cause: text("cause"),
});

/**
 * Per organisation and A-melding month, what the board (/tavle) derives its state from: the newest
 * accepted A-melding and its feedback (deviations counted by severity), the newest one sent and not
 * accepted, and the newest draft. Kept by triggers on submissions and amelding_feedback
 * (docs/board.md), so the board reads one row per organisation-month instead of the submissions.
 * No foreign keys, as the rollups above: a row goes when its last A-melding does.
 */
export const boardMonthFacts = pgTable(
  "board_month_facts",
  {
    organisationId: uuid("organisation_id").notNull(),
    kalendermaaned: text("kalendermaaned").notNull(),
    acceptedId: uuid("accepted_id"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedReplaces: boolean("accepted_replaces").notNull().default(false),
    feedbackStatus: feedbackStatusEnum("feedback_status"),
    avvisning: integer("avvisning").notNull().default(0),
    oyeblikkelig: integer("oyeblikkelig").notNull().default(0),
    retningslinje: integer("retningslinje").notNull().default(0),
    openId: uuid("open_id"),
    openStatus: submissionStatusEnum("open_status"),
    openCreatedAt: timestamp("open_created_at", { withTimezone: true }),
    draftId: uuid("draft_id"),
    /** The month's first acceptance: it decides whether the month was reported on time. */
    firstAcceptedAt: timestamp("first_accepted_at", { withTimezone: true }),
    /** Drafts and A-meldinger on their way (queued, sending, retrying) for the month. */
    pending: integer("pending").notNull().default(0),
    /** Sums over the month's current A-meldinger (lib/amelding/current-ameldinger.ts); null without one. */
    currentForskuddstrekk: numeric("current_forskuddstrekk", { mode: "number" }),
    currentArbeidsgiveravgift: numeric("current_arbeidsgiveravgift", { mode: "number" }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.kalendermaaned] }),
    // The reconciliation worker's due months: the window's accepted months, read from the index
    // alone, however many months of history the table holds (docs/reconciliation.md, "When").
    index("board_month_facts_accepted_month_idx")
      .on(t.kalendermaaned, t.organisationId, t.acceptedId)
      .where(sql`${t.acceptedId} is not null`),
  ],
);

export const reconciliationStateEnum = pgEnum("reconciliation_state", ["reconciled", "differs", "failed"]);

/**
 * The last reconciliation of an organisation's A-melding month against Skatteetaten's
 * reconciliation report (avstemmingsrapport; docs/reconciliation.md): which accepted A-melding it
 * compared (submission_id; a newer acceptance makes the row stale, shown as not fetched), the
 * outcome, and the differences per person, virksomhet and total (typed by
 * lib/reconciliation/differences.ts). "Not fetched" is no row, or a stale one.
 */
export const ameldingReconciliations = pgTable(
  "amelding_reconciliations",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kalendermaaned: text("kalendermaaned").notNull(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    state: reconciliationStateEnum("state").notNull(),
    /** failed: why, in English for the log and the page's detail (the other party's words kept as such). */
    reason: text("reason"),
    /** failed with an answer from Skatteetaten: its code (AMLD_…), shown decoded. */
    errorCode: text("error_code"),
    differences: jsonb("differences").$type<Difference[]>().notNull().default([]),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kalendermaaned] })],
);

/**
 * Per organisation, its board months in one string, for ranking and filtering the board without
 * reading every organisation-month (docs/board.md, "Ranking"): one letter per month from
 * `firstMonth` on, the standing state of that month's board_month_facts row, upper case when the
 * month counts as serious. Kept with board_month_facts, in the same transaction.
 */
export const boardOrganisationTimelines = pgTable("board_organisation_timelines", {
  organisationId: uuid("organisation_id").primaryKey(),
  firstMonth: text("first_month").notNull(),
  timeline: text("timeline").notNull(),
});

export type Submission = typeof submissions.$inferSelect;
export type SubmissionVersion = typeof submissionVersions.$inferSelect;
export type DeliveryAttempt = typeof deliveryAttempts.$inferSelect;
export type DeliveryStep = (typeof deliveryStepEnum.enumValues)[number];
export type AttemptOutcome = (typeof attemptOutcomeEnum.enumValues)[number];
export type SubmissionStatus = (typeof submissionStatusEnum.enumValues)[number];
export type ReportKind = (typeof reportKindEnum.enumValues)[number];
export type SearchTermKind = (typeof searchTermKindEnum.enumValues)[number];
export type AmeldingFeedback = typeof ameldingFeedback.$inferSelect;
export type FeedbackStatus = (typeof feedbackStatusEnum.enumValues)[number];
export type SystemUserRequest = typeof systemUserRequests.$inferSelect;
export type SystemUserRequestStatus = (typeof systemUserRequestStatusEnum.enumValues)[number];

/**
 * A webhook subscription (lib/webhooks): an https endpoint that is sent the chosen events of a
 * set of organisations, signed per the Standard Webhooks specification. The secret must be known
 * to sign, so it is stored as is (never shown again after creation or rotation). After a rotation
 * the previous secret keeps signing beside the new one until previous_secret_expires_at.
 */
export const webhookSubscriptions = pgTable("webhook_subscriptions", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  url: text("url").notNull(),
  events: text("events").array().$type<WebhookEventType[]>().notNull(),
  secret: text("secret").notNull(),
  previousSecret: text("previous_secret"),
  previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
  enabled: boolean("enabled").notNull().default(true),
  // Why it is off: "manual" (an admin) or "failures" (lib/webhooks/delivery.ts, automatic).
  disabledReason: text("disabled_reason"),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  // Deliveries in a row whose every attempt failed; a delivered one resets it.
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  // Set while one of its deliveries is being sent, to that claim's lease end, so no worker process
  // claims a second one meanwhile (lib/webhooks/delivery.ts); a dead worker's hold expires.
  deliveringUntil: timestamp("delivering_until", { withTimezone: true }),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const webhookSubscriptionOrganisations = pgTable(
  "webhook_subscription_organisations",
  {
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.subscriptionId, t.organisationId] }),
    // The enqueue triggers look subscriptions up by organisation.
    index("webhook_subscription_organisations_org_idx").on(t.organisationId),
  ],
);

export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", [
  "pending",
  "delivered",
  // Every attempt of its round failed; "resend" starts a new round.
  "failed",
]);

/**
 * The durable outbox: one row per event and subscription, written by triggers in the same
 * transaction as the change it reports (migration 0018), delivered by the worker
 * (lib/webhooks/delivery.ts). Its id is the message's `webhook-id`, the same on every attempt.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    eventType: text("event_type").$type<WebhookEventType>().notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatusEnum("status").notNull().default("pending"),
    // Attempts made in all; attempts of the current round (a resend starts a new one).
    attemptCount: integer("attempt_count").notNull().default(0),
    roundAttempts: integer("round_attempts").notNull().default(0),
    // Set exactly while pending: when it is due.
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).defaultNow(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastResponseStatus: integer("last_response_status"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The worker's claim walks each enabled subscription's due deliveries, oldest first.
    index("webhook_deliveries_due_idx")
      .on(t.subscriptionId, t.nextAttemptAt)
      .where(sql`${t.nextAttemptAt} is not null`),
    index("webhook_deliveries_subscription_created_idx").on(t.subscriptionId, t.createdAt.desc()),
  ],
);

/** One request of a delivery, as the delivery log shows it. */
export const webhookDeliveryAttempts = pgTable(
  "webhook_delivery_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptNo: integer("attempt_no").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    durationMs: integer("duration_ms").notNull(),
    responseStatus: integer("response_status"),
    // At most 2,000 characters of the answer.
    responseBody: text("response_body"),
    error: text("error"),
  },
  (t) => [index("webhook_delivery_attempts_delivery_idx").on(t.deliveryId, t.attemptNo)],
);

/** deadline.approaching is enqueued once per organisation and month (lib/webhooks/deadline-job.ts). */
export const webhookDeadlineNotices = pgTable(
  "webhook_deadline_notices",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.period] })],
);

export const notificationEmailStatusEnum = pgEnum("notification_email_status", [
  // Due for its own e-mail at email_next_at (lib/notifications/mail-queue.ts).
  "pending",
  // A worker holds it until email_next_at (its lease); after that another worker may take it.
  "sending",
  "sent",
  // Gave up after NOTIFICATION_MAIL_MAX_ATTEMPTS; email_error says why (a code, never an address).
  "failed",
  // The user wants no e-mail (for this kind), or unsubscribed.
  "skipped",
  // Goes out in the user's daily digest.
  "digest",
]);

/**
 * One in-app notification for one user, about one subject in one organisation; the row is also
 * its e-mail's place in the durable mail queue (email_*). Raised only through the SQL function
 * raise_notification (migration 0020; from TypeScript: lib/notifications/raise-notification.ts),
 * at most once per user, kind and dedupe key.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind").$type<NotificationKind>().notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    params: jsonb("params").$type<Record<string, string | number>>().notNull().default(sql`'{}'::jsonb`),
    // A path inside the app where the user fixes what it is about.
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailStatus: notificationEmailStatusEnum("email_status").notNull(),
    emailAttempts: integer("email_attempts").notNull().default(0),
    emailNextAt: timestamp("email_next_at", { withTimezone: true }),
    emailSentAt: timestamp("email_sent_at", { withTimezone: true }),
    emailError: text("email_error"),
  },
  (t) => [
    // Per organisation: the same subject (a month, a day) is its own notification for each organisation.
    uniqueIndex("notifications_dedupe_idx").on(t.userId, t.organisationId, t.kind, t.dedupeKey),
    index("notifications_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    index("notifications_mail_due_idx").on(t.emailNextAt).where(sql`${t.emailStatus} in ('pending', 'sending')`),
    index("notifications_digest_idx").on(t.userId, t.createdAt).where(sql`${t.emailStatus} = 'digest'`),
  ],
);

export const notificationEmailModeEnum = pgEnum("notification_email_mode", ["immediate", "daily"]);

/** A user's choices; no row means the defaults (every kind, every organisation, e-mail at once). */
export const notificationSettings = pgTable("notification_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  emailEnabled: boolean("email_enabled").notNull().default(true),
  emailMode: notificationEmailModeEnum("email_mode").notNull().default("immediate"),
  mutedKinds: text("muted_kinds").array().$type<NotificationKind[]>().notNull().default(sql`'{}'::text[]`),
  // Null: every organisation the user has; otherwise only these.
  organisationIds: uuid("organisation_ids").array(),
  lastDigestAt: timestamp("last_digest_at", { withTimezone: true }),
  // A digest a worker is sending holds this until then (its lease).
  digestLeaseUntil: timestamp("digest_lease_until", { withTimezone: true }),
  // Failed tries of today's digest; at the queue's attempt limit the day is given up (the
  // notifications stay held for the next day's digest), so a refused address is not retried forever.
  digestAttempts: integer("digest_attempts").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Notification = typeof notifications.$inferSelect;
export type NotificationSettings = typeof notificationSettings.$inferSelect;

/**
 * Per organisation, what the latest delivery attempts said about its access to Skatteetaten
 * (docs/access-health.md): the last token and call that worked and the last failure. Written by
 * the delivery engine's settlement statement, in the same statement as the outcome it records;
 * read by primary key for the board and the access page. Never holds a token or personal data:
 * a failure is a kind, a code and when.
 */
export const organisationAccessHealth = pgTable("organisation_access_health", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  state: text("state").$type<AccessState>().notNull(),
  /** When the state last changed: a transition to system_user_revoked notifies once per such time. */
  stateSince: timestamp("state_since", { withTimezone: true }).notNull().defaultNow(),
  lastTokenAt: timestamp("last_token_at", { withTimezone: true }),
  lastCallAt: timestamp("last_call_at", { withTimezone: true }),
  lastCallApi: reportKindEnum("last_call_api"),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }),
  lastFailureState: text("last_failure_state").$type<AccessProblemState>(),
  lastFailureCode: text("last_failure_code"),
  lastFailureApi: reportKindEnum("last_failure_api"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
