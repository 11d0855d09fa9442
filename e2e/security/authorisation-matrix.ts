/**
 * THE authorisation matrix: one entry per server action and per route handler of the build. The
 * security suite (e2e/security.spec.ts) reads the build's manifests and fails when an action or
 * route has no entry here (or an entry names one that no longer exists), then calls each one as
 * anonymous, admin, support and manager, for the caller's own organisation and for another
 * organisation none of them has, and checks that what must be refused is refused and that a
 * refused call changed nothing in the database.
 *
 * Adding an action or route: add its entry with the permission it requires and the arguments for
 * a call about the caller's own organisation (`own`) and another organisation (`other`). `own`
 * must be valid input that changes nothing for a caller who is allowed (e.g. aimed at a
 * submission in a state that makes the operation a conflict), so the suite can run it for every
 * role; `other` must be valid input that only organisation scoping can refuse.
 */
import type { Permission } from "../../lib/auth/permissions";

/** What the suite set up (see e2e/security/matrix-fixture.ts). */
export type MatrixFixture = {
  /** A demo organisation every demo user has. */
  ownOrg: { id: string; orgnr: string };
  /** An organisation no demo user has, with a user, a failed submission and a bulk operation of its own. */
  otherOrg: { id: string; orgnr: string };
  /** In ownOrg: an accepted OAR submission (neither retryable nor correctable, so calls on it change nothing). */
  ownSubmissionId: string;
  /** In otherOrg: a failed OAR submission (retryable and correctable: any leak would change it). */
  otherSubmissionId: string;
  otherBulkOperationId: string;
  /** A key of the other organisation's user. */
  otherApiKeyId: string;
  /** A webhook subscription of the other organisation, and a delivery of it already delivered. */
  otherWebhookId: string;
  otherWebhookDeliveryId: string;
  /** A saved view of the other organisation's user. */
  otherUsersViewId: string;
  /** Keys of ownOrg made by the demo admin (e2e/security/matrix-fixture.ts): both scopes, and read only. */
  apiKey: string;
  readOnlyApiKey: string;
  /** A manager granted only ownOrg, and one granted only otherOrg. */
  ownUserId: string;
  otherUserId: string;
  unique: () => string;
};

/**
 * Who may call: a permission from lib/auth/permissions.ts, any signed-in user, anyone, or (the
 * public API, /api/v1) an API key with this scope and no session at all: the suite calls those
 * with keys of the caller's own organisation too (e2e/security.spec.ts, "API keys").
 */
export type Requirement = Permission | Permission[] | "authenticated" | "public" | { apiKeyScope: "read" | "submit" };

type Call = { args: unknown[] } | { skip: string };

export type ActionEntry = {
  requires: Requirement;
  own: (f: MatrixFixture) => Call;
  /** Omitted when the action is not about an organisation; then only `own` is called. */
  other?: (f: MatrixFixture) => Call;
};

export type RouteRequest = {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
};
export type RouteEntry = {
  /** The methods the route exports (checked against Next's own Allow header). */
  methods: string[];
  requires: Requirement;
  own: (f: MatrixFixture) => RouteRequest | { skip: string };
  /**
   * For another organisation: "refused" (401/403/404 or a refusal in the body) or "empty" (a read
   * that must answer with nothing of that organisation), checked by `isEmpty`.
   */
  other?: (
    f: MatrixFixture,
  ) => RouteRequest & ({ expect: "refused" } | { expect: "empty"; isEmpty: (status: number, body: string) => boolean });
};

/** A valid OAR form as the OAR form's schema takes it (lib/oppdrag/oppdrag-form-schema.ts). */
const oppdrag = (org: { id: string; orgnr: string }, submissionId?: string) => ({
  organisationId: org.id,
  intent: "draft",
  ...(submissionId ? { submissionId } : {}),
  // The oppdragsgiver is the organisation reported for, so no confirmation is needed.
  oppdragsgiver: { variant: "norsk", navn: "Matrise AS", organisasjonsnummer: org.orgnr },
  oppdragstaker: {
    variant: "utenlandsk",
    navn: "Baltic Steel UAB",
    registreringsnummer: "LT-300400",
    adresseHjemland: { adresselinje: "Gatve 1", poststed: "Vilnius", landkode: "LT" },
  },
  oppdrag: {
    beskrivelse: "Stålmontasje",
    arbeidssted: { type: "land", adresse: { adresselinje: "Kaia 2", postnummer: "5003", poststed: "Bergen" } },
    startdato: "2026-11-01",
    forventetSluttdato: "2027-02-28",
    kontraktsverdiNok: "450000",
  },
});

/** Keyed `<source file>#<exported name>` as in .next/server/server-reference-manifest.json. */
export const ACTIONS: Record<string, ActionEntry> = {
  "lib/users/actions.ts#createUserAction": {
    requires: "user:manage",
    // An address taken already: refused at the field after every authorisation check passed.
    own: (f) => ({
      args: [{ email: "admin@innrapportering.test", name: "Matrise", role: "manager", organisationIds: [f.ownOrg.id] }],
    }),
    other: (f) => ({
      args: [
        {
          email: `matrise-${f.unique()}@innrapportering.test`,
          name: "Matrise",
          role: "admin",
          organisationIds: [f.otherOrg.id],
        },
      ],
    }),
  },
  "lib/users/actions.ts#updateUserAction": {
    requires: "user:manage",
    // The same role and organisations it has: allowed, changes no grant and ends no session.
    own: (f) => ({ args: [{ userId: f.ownUserId, role: "manager", organisationIds: [f.ownOrg.id] }] }),
    other: (f) => ({ args: [{ userId: f.otherUserId, role: "admin", organisationIds: [f.ownOrg.id] }] }),
  },
  "lib/users/actions.ts#setUserActiveAction": {
    requires: "user:manage",
    own: (f) => ({ args: [{ userId: f.ownUserId, active: true }] }),
    other: (f) => ({ args: [{ userId: f.otherUserId, active: false }] }),
  },
  "lib/saved-views/actions.ts#saveViewAction": {
    requires: "submission:read",
    // A user's own view, about no organisation; a search holding a fødselsnummer is refused, nothing saved.
    own: () => ({ args: [{ list: "submissions", name: "Matrise", query: "q=01019012345" }] }),
  },
  "lib/saved-views/actions.ts#deleteViewAction": {
    requires: "submission:read",
    // A view is its user's alone: another user's view is not found and stays.
    own: () => ({ skip: "deleting one's own view: lib/saved-views/saved-views.test.ts and e2e/filters.spec.ts" }),
    other: (f) => ({ args: [{ viewId: f.otherUsersViewId }] }),
  },
  "lib/organisations/actions.ts#createOrganisationAction": {
    requires: "organisation:manage",
    // An orgnr the caller has already: refused at the field. Any other orgnr is registered for the
    // caller by design (README, "Roles"), so there is no "other organisation" call to refuse.
    own: (f) => ({ args: [{ orgnr: f.ownOrg.orgnr, name: "Matrise AS" }] }),
  },
  "lib/board/actions.ts#setOrganisationOwnerAction": {
    requires: "organisation:manage",
    // A user of the other organisation only: refused (not the caller's to assign), nothing changes.
    own: (f) => ({ args: [{ organisationId: f.ownOrg.id, ownerUserId: f.otherUserId }] }),
    // Clearing the other organisation's owner: only organisation scoping stands in the way.
    other: (f) => ({ args: [{ organisationId: f.otherOrg.id, ownerUserId: "" }] }),
  },
  "lib/reconciliation/actions.ts#fetchReconciliationAction": {
    requires: "submission:edit",
    // A month with no accepted A-melding: refused as nothing to reconcile, nothing fetched or stored.
    own: (f) => ({ args: [{ organisationId: f.ownOrg.id, kalendermaaned: "2001-01" }] }),
    other: (f) => ({ args: [{ organisationId: f.otherOrg.id, kalendermaaned: "2001-01" }] }),
  },
  "lib/system-users/actions.ts#requestSystemUserAction": {
    requires: "organisation:manage",
    // The demo organisations have an accepted system user: a conflict, nothing sent to Altinn.
    own: (f) => ({ args: [{ organisationId: f.ownOrg.id }] }),
    other: (f) => ({ args: [{ organisationId: f.otherOrg.id }] }),
  },
  "lib/maskinporten/diagnostics-actions.ts#testMaskinportenConnectionAction": {
    requires: "maskinporten:diagnose",
    own: (f) => ({
      args: [{ organisationId: f.ownOrg.id, scope: "skatteetaten:innrapporteringoppdragtilutenlandske" }],
    }),
    other: (f) => ({
      args: [{ organisationId: f.otherOrg.id, scope: "skatteetaten:innrapporteringoppdragtilutenlandske" }],
    }),
  },
  "lib/submissions/operations/actions.ts#retrySubmissionAction": {
    requires: "submission:retry",
    own: (f) => ({ args: [{ submissionId: f.ownSubmissionId }] }),
    other: (f) => ({ args: [{ submissionId: f.otherSubmissionId }] }),
  },
  "lib/submissions/operations/actions.ts#cancelSubmissionAction": {
    requires: "submission:cancel",
    // Accepted: not cancellable, so an allowed caller gets a conflict and nothing changes.
    own: (f) => ({ args: [{ submissionId: f.ownSubmissionId }] }),
    // Failed, so cancellable: only organisation scoping stands in the way.
    other: (f) => ({ args: [{ submissionId: f.otherSubmissionId }] }),
  },
  "lib/submissions/four-eyes/actions.ts#approveSubmissionAction": {
    requires: "submission:edit",
    // Accepted, so not awaiting approval: a conflict for an allowed caller, nothing sent.
    own: (f) => ({ args: [{ submissionId: f.ownSubmissionId }] }),
    other: (f) => ({ args: [{ submissionId: f.otherSubmissionId }] }),
  },
  "lib/submissions/four-eyes/actions.ts#declineApprovalAction": {
    requires: "submission:edit",
    own: (f) => ({ args: [{ submissionId: f.ownSubmissionId, reason: "Matrise" }] }),
    other: (f) => ({ args: [{ submissionId: f.otherSubmissionId, reason: "Matrise" }] }),
  },
  "lib/submissions/four-eyes/actions.ts#setFourEyesAction": {
    requires: "organisation:manage",
    // Off, as the demo organisation is: unchanged, so nothing is written.
    own: (f) => ({ args: [{ organisationId: f.ownOrg.id, fourEyes: false }] }),
    // Turning it on for another's organisation: only organisation scoping stands in the way.
    other: (f) => ({ args: [{ organisationId: f.otherOrg.id, fourEyes: true }] }),
  },
  "lib/submissions/operations/bulk-retry-actions.ts#startBulkRetryAction": {
    requires: "submission:retry",
    // The caller's own failures, with a count that cannot match: refused as changed, nothing queued.
    own: (f) => ({ args: [{ query: `org=${f.ownOrg.id}&status=failed`, confirmedCount: 999_999 }] }),
    other: (f) => ({ args: [{ query: `org=${f.otherOrg.id}&status=failed`, confirmedCount: 1 }] }),
  },
  "lib/oppdrag/actions.ts#saveOppdragAction": {
    requires: "submission:edit",
    // A corrected version of an accepted submission: not correctable, nothing saved.
    own: (f) => ({ args: [oppdrag(f.ownOrg, f.ownSubmissionId)] }),
    other: (f) => ({ args: [oppdrag(f.otherOrg, f.otherSubmissionId)] }),
  },
  "lib/amelding/actions.ts#saveAmeldingAction": {
    requires: "submission:edit",
    // A month that is not one: refused by validation after the organisation check passed.
    own: (f) => ({
      args: [{ organisationId: f.ownOrg.id, intent: "draft", leveranse: { kalendermaaned: "ikke-en-maaned" } }],
    }),
    other: (f) => ({
      args: [{ organisationId: f.otherOrg.id, intent: "draft", leveranse: { kalendermaaned: "2026-10" } }],
    }),
  },
  "lib/api-keys/actions.ts#createApiKeyAction": {
    requires: "api_key:manage",
    // No scope chosen: refused at the field after the permission check; nothing created.
    own: (f) => ({ args: [{ name: "Matrise", scopes: [], organisationIds: [f.ownOrg.id], expiresInDays: 30 }] }),
    other: (f) => ({
      args: [{ name: "Matrise", scopes: ["read"], organisationIds: [f.otherOrg.id], expiresInDays: 30 }],
    }),
  },
  "lib/api-keys/actions.ts#revokeApiKeyAction": {
    requires: "api_key:manage",
    own: () => ({ skip: "revoking would end the suite's own keys; covered by lib/api/api-v1.test.ts" }),
    other: (f) => ({ args: [{ apiKeyId: f.otherApiKeyId }] }),
  },
  "lib/webhooks/actions.ts#createWebhookAction": {
    requires: "webhook:manage",
    // No event chosen: refused at the field after the permission check; nothing created.
    own: (f) => ({
      args: [{ name: "Matrise", url: "https://hooks.example.com/x", events: [], organisationIds: [f.ownOrg.id] }],
    }),
    other: (f) => ({
      args: [
        {
          name: "Matrise",
          url: "http://127.0.0.1:9/x",
          events: ["submission.accepted"],
          organisationIds: [f.otherOrg.id],
        },
      ],
    }),
  },
  "lib/webhooks/actions.ts#updateWebhookAction": {
    requires: "webhook:manage",
    // No event chosen: refused at the field after the permission check; nothing changed.
    own: (f) => ({
      args: [
        {
          subscriptionId: f.otherWebhookId,
          name: "Matrise",
          url: "http://127.0.0.1:9/x",
          events: [],
          organisationIds: [f.ownOrg.id],
        },
      ],
    }),
    other: (f) => ({
      args: [
        {
          subscriptionId: f.otherWebhookId,
          name: "Endret",
          url: "http://127.0.0.1:9/x",
          events: ["submission.failed"],
          organisationIds: [f.ownOrg.id],
        },
      ],
    }),
  },
  "lib/webhooks/actions.ts#setWebhookEnabledAction": {
    requires: "webhook:manage",
    // Neither on nor off: refused by validation after the permission check.
    own: (f) => ({ args: [{ subscriptionId: f.otherWebhookId, enabled: "maybe" }] }),
    other: (f) => ({ args: [{ subscriptionId: f.otherWebhookId, enabled: "false" }] }),
  },
  "lib/webhooks/actions.ts#deleteWebhookAction": {
    requires: "webhook:manage",
    // Not an id: refused by validation after the permission check (a real one is in lib/webhooks/webhooks.test.ts).
    own: () => ({ args: [{ subscriptionId: "ikke-en-id" }] }),
    other: (f) => ({ args: [{ subscriptionId: f.otherWebhookId }] }),
  },
  "lib/webhooks/actions.ts#rotateWebhookSecretAction": {
    requires: "webhook:manage",
    own: () => ({ args: [{ subscriptionId: "ikke-en-id" }] }),
    other: (f) => ({ args: [{ subscriptionId: f.otherWebhookId }] }),
  },
  "lib/webhooks/actions.ts#resendWebhookDeliveryAction": {
    requires: "webhook:manage",
    own: () => ({ args: [{ deliveryId: "ikke-en-id" }] }),
    other: (f) => ({ args: [{ deliveryId: f.otherWebhookDeliveryId }] }),
  },
  "lib/notifications/actions.ts#markNotificationsReadAction": {
    requires: "submission:read",
    // A notification that does not exist: nothing of anyone's is marked.
    own: () => ({ args: [{ ids: ["00000000-0000-4000-8000-000000000000"] }] }),
  },
  "lib/notifications/actions.ts#saveNotificationSettingsAction": {
    requires: "submission:read",
    // Not a boolean: refused by validation after the permission check; nothing saved.
    own: () => ({ args: [{ emailEnabled: "yes", emailMode: "immediate", mutedKinds: [], organisationIds: null }] }),
  },
  "lib/i18n/actions.ts#setLocaleAction": {
    requires: "public",
    own: () => ({ args: ["nb"] }),
  },
  "lib/auth/login-action.ts#loginAction": {
    requires: "public",
    own: () => ({ skip: "sign-in itself; covered by e2e/sign-in.spec.ts and lib/auth/authenticate.test.ts" }),
  },
  "lib/auth/login-action.ts#oidcLoginAction": {
    requires: "public",
    own: () => ({ skip: "redirects to the OIDC provider (not configured in e2e)" }),
  },
  "components/shell/app-shell.tsx#$$RSC_SERVER_ACTION_0": {
    requires: "authenticated",
    own: () => ({
      skip: "sign-out would end the shared role sessions; covered by the session tests in e2e/security.spec.ts",
    }),
  },
};

const csvRows = (body: string) =>
  body
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/).length - 1;

/** An A-melding draft for the public API's create and validate (valid, so only scoping can refuse `other`). */
const apiAmelding = (org: { id: string; orgnr: string }, f: MatrixFixture) =>
  JSON.stringify({
    kind: "amelding",
    organisationId: org.id,
    intent: "draft",
    leveranse: {
      kildesystem: "matrise",
      kalendermaaned: "2026-10",
      meldingsId: `matrise-api-${f.unique()}`,
      opplysningspliktig: { norskIdentifikator: org.orgnr },
    },
  });
const apiPost = (path: string, body: string, f: MatrixFixture) => ({
  method: "POST",
  path,
  body,
  headers: { "Idempotency-Key": `matrise-${f.unique()}` },
});

/** Keyed by the route's path as in .next/server/app-paths-manifest.json (without "/route"). */
export const ROUTES: Record<string, RouteEntry> = {
  "/api/v1/openapi.json": {
    methods: ["GET"],
    requires: "public",
    own: () => ({ method: "GET", path: "/api/v1/openapi.json" }),
  },
  "/api/v1/reference": {
    methods: ["GET"],
    requires: "public",
    own: () => ({ method: "GET", path: "/api/v1/reference" }),
  },
  "/api/v1/organisations": {
    methods: ["GET"],
    requires: { apiKeyScope: "read" },
    own: () => ({ method: "GET", path: "/api/v1/organisations" }),
  },
  "/api/v1/submissions": {
    methods: ["GET", "POST"],
    requires: { apiKeyScope: "submit" },
    // A draft of the caller's own organisation: for a key it is created (the suite's only write that is allowed).
    own: (f) => apiPost("/api/v1/submissions", apiAmelding(f.ownOrg, f), f),
    other: (f) => ({ ...apiPost("/api/v1/submissions", apiAmelding(f.otherOrg, f), f), expect: "refused" }),
  },
  "/api/v1/submissions/validate": {
    methods: ["POST"],
    requires: { apiKeyScope: "submit" },
    own: (f) => apiPost("/api/v1/submissions/validate", apiAmelding(f.ownOrg, f), f),
    other: (f) => ({ ...apiPost("/api/v1/submissions/validate", apiAmelding(f.otherOrg, f), f), expect: "refused" }),
  },
  "/api/v1/submissions/[id]": {
    methods: ["GET"],
    requires: { apiKeyScope: "read" },
    own: (f) => ({ method: "GET", path: `/api/v1/submissions/${f.ownSubmissionId}` }),
    other: (f) => ({ method: "GET", path: `/api/v1/submissions/${f.otherSubmissionId}`, expect: "refused" }),
  },
  "/api/v1/submissions/[id]/versions": {
    methods: ["POST"],
    requires: { apiKeyScope: "submit" },
    own: () => ({
      skip: "a correction needs a rejected A-melding of the own organisation; e2e/api-v1.spec.ts and lib/api/api-v1.test.ts",
    }),
    other: (f) => ({
      ...apiPost(
        `/api/v1/submissions/${f.otherSubmissionId}/versions`,
        JSON.stringify({ intent: "draft", leveranse: {} }),
        f,
      ),
      expect: "refused",
    }),
  },
  "/api/v1/board": {
    methods: ["GET"],
    requires: { apiKeyScope: "read" },
    own: () => ({ method: "GET", path: "/api/v1/board" }),
    // Another organisation's row, searched for by its number: the key's board has none.
    other: (f) => ({
      method: "GET",
      path: `/api/v1/board?q=${f.otherOrg.orgnr}`,
      expect: "empty",
      isEmpty: (s, b) => s === 200 && (JSON.parse(b) as { total: number }).total === 0,
    }),
  },
  "/api/v1/submissions/[id]/submit": {
    methods: ["POST"],
    requires: { apiKeyScope: "submit" },
    own: () => ({ skip: "sending the own draft would queue it; lib/api/api-v1.test.ts sends drafts over the API" }),
    other: (f) => ({ ...apiPost(`/api/v1/submissions/${f.otherSubmissionId}/submit`, "", f), expect: "refused" }),
  },
  "/api/v1/submissions/[id]/attempts": {
    methods: ["GET"],
    requires: { apiKeyScope: "read" },
    own: (f) => ({ method: "GET", path: `/api/v1/submissions/${f.ownSubmissionId}/attempts` }),
    other: (f) => ({ method: "GET", path: `/api/v1/submissions/${f.otherSubmissionId}/attempts`, expect: "refused" }),
  },
  "/api/v1/submissions/[id]/feedback": {
    methods: ["GET"],
    requires: { apiKeyScope: "read" },
    own: (f) => ({ method: "GET", path: `/api/v1/submissions/${f.ownSubmissionId}/feedback` }),
    other: (f) => ({ method: "GET", path: `/api/v1/submissions/${f.otherSubmissionId}/feedback`, expect: "refused" }),
  },
  "/api/notifications": {
    methods: ["GET"],
    requires: "submission:read",
    own: () => ({ method: "GET", path: "/api/notifications" }),
  },
  "/api/notifications/unsubscribe": {
    methods: ["POST"],
    // The signed token is the proof (lib/notifications/unsubscribe-token.ts); a forged one changes nothing.
    requires: "public",
    own: () => ({ method: "POST", path: "/api/notifications/unsubscribe?token=v1.forged" }),
  },
  "/api/health": { methods: ["GET"], requires: "public", own: () => ({ method: "GET", path: "/api/health" }) },
  "/api/ready": { methods: ["GET"], requires: "public", own: () => ({ method: "GET", path: "/api/ready" }) },
  "/api/metrics": {
    methods: ["GET"],
    // For Prometheus: no session, a bearer token instead (METRICS_TOKEN; unset, 404).
    requires: "public",
    own: () => ({
      skip: "authenticated by its bearer token; covered by lib/routes/route-handler.test.ts and lib/metrics/metrics.test.ts",
    }),
  },
  "/api/auth/[...nextauth]": {
    methods: ["GET", "POST"],
    requires: "public",
    own: () => ({ method: "GET", path: "/api/auth/csrf" }),
  },
  "/api/altinn-events": {
    methods: ["POST"],
    // A webhook for Altinn: no session, a shared secret instead (lib/submissions/feedback/altinn-events-webhook.ts).
    requires: "public",
    own: () => ({
      skip: "authenticated by its shared secret; covered by lib/submissions/feedback/altinn-events-webhook.test.ts",
    }),
  },
  "/api/submissions": {
    methods: ["GET"],
    requires: "submission:read",
    own: (f) => ({ method: "GET", path: `/api/submissions?org=${f.ownOrg.id}` }),
    other: (f) => ({
      method: "GET",
      path: `/api/submissions?org=${f.otherOrg.id}`,
      expect: "empty",
      isEmpty: (status, body) => status === 200 && (JSON.parse(body) as { rows: unknown[] }).rows.length === 0,
    }),
  },
  "/api/submissions/[id]": {
    methods: ["GET"],
    requires: "submission:read",
    own: (f) => ({ method: "GET", path: `/api/submissions/${f.ownSubmissionId}` }),
    other: (f) => ({ method: "GET", path: `/api/submissions/${f.otherSubmissionId}`, expect: "refused" }),
  },
  "/api/organisations/system-users": {
    methods: ["POST"],
    requires: "organisation:manage",
    // The demo organisations have an accepted system user: nothing pending, nothing asked of Altinn.
    own: (f) => ({
      method: "POST",
      path: "/api/organisations/system-users",
      body: JSON.stringify({ organisationId: f.ownOrg.id }),
    }),
    other: (f) => ({
      method: "POST",
      path: "/api/organisations/system-users",
      body: JSON.stringify({ organisationId: f.otherOrg.id }),
      expect: "refused",
    }),
  },
  "/api/submissions/export": {
    methods: ["GET"],
    requires: ["export:read", "submission:read"],
    own: (f) => ({ method: "GET", path: `/api/submissions/export?org=${f.ownOrg.id}` }),
    other: (f) => ({
      method: "GET",
      path: `/api/submissions/export?org=${f.otherOrg.id}`,
      expect: "empty",
      isEmpty: (s, b) => s === 200 && csvRows(b) === 0,
    }),
  },
  "/api/submissions/[id]/receipt": {
    methods: ["GET"],
    requires: "submission:read",
    own: (f) => ({ method: "GET", path: `/api/submissions/${f.ownSubmissionId}/receipt` }),
    other: (f) => ({ method: "GET", path: `/api/submissions/${f.otherSubmissionId}/receipt`, expect: "refused" }),
  },
  "/api/amelding/payments/export": {
    methods: ["GET"],
    requires: ["submission:read", "export:read"],
    // Scoped to the caller's organisations only (no organisation parameter to point elsewhere).
    own: () => ({ method: "GET", path: "/api/amelding/payments/export?fra=2026-01&til=2026-12" }),
  },
  "/api/audit/export": {
    methods: ["GET"],
    requires: ["audit:read", "export:read"],
    own: (f) => ({ method: "GET", path: `/api/audit/export?org=${f.ownOrg.id}` }),
    other: (f) => ({
      method: "GET",
      path: `/api/audit/export?org=${f.otherOrg.id}`,
      expect: "empty",
      isEmpty: (s, b) => s === 200 && csvRows(b) === 0,
    }),
  },
  "/api/bulk-operations/[id]": {
    methods: ["GET"],
    requires: "submission:read",
    own: () => ({
      skip: "no bulk operation of the demo organisations is guaranteed to exist; e2e/errors-bulk.spec.ts reads one",
    }),
    other: (f) => ({ method: "GET", path: `/api/bulk-operations/${f.otherBulkOperationId}`, expect: "refused" }),
  },
  "/api/amelding/import": {
    methods: ["POST"],
    requires: "submission:edit",
    own: (f) => ({
      method: "POST",
      path: "/api/amelding/import?intent=check",
      body: ameldingFile(f.ownOrg.orgnr),
      contentType: "application/json",
    }),
    other: (f) => ({
      method: "POST",
      path: "/api/amelding/import?intent=draft",
      body: ameldingFile(f.otherOrg.orgnr),
      contentType: "application/json",
      expect: "refused",
    }),
  },
};

/** A small A-melding file for the organisation (valid enough to reach the organisation check). */
function ameldingFile(orgnr: string) {
  return JSON.stringify({
    leveranse: {
      kildesystem: "matrise",
      kalendermaaned: "2026-10",
      meldingsId: `matrise-${orgnr}-${Date.now()}`,
      opplysningspliktig: { norskIdentifikator: orgnr },
      oppgave: { virksomhet: [] },
    },
  });
}
