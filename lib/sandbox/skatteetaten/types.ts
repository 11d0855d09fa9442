import "server-only";
import type { DialogStore } from "../altinn/dialogporten/dialog-store";
import type { FeedbackDelay } from "./amelding-feedback-publisher";
import type { ReconciliationAdjustment } from "./avstemmingsrapport";

export type SandboxApi = "oar" | "amelding";

/** Where the sandbox reads the idempotency key: the one place it is configured to (docs/skatteetaten-contract.md, "Idempotency key"). */
export type IdempotencyKeyPlacement = "header" | "query";

export type TokenVerdict =
  /** `audience`: the token's aud, set only when its grant carried a `resource` claim. */
  | { ok: true; systemUserOrg: string | null; clientId: string; audience?: string[] }
  // "missing_systemuser" is accepted too, so the Maskinporten sandbox verifier's own reason can be passed through.
  | { ok: false; reason: "invalid_token" | "expired" | "missing_scope" | "missing_systemuser" };

/** Injected so the sandbox does not depend on one token issuer (tests use a fake, the app the Maskinporten sandbox). */
export type VerifyToken = (token: string, requiredScope: string) => Promise<TokenVerdict>;

export type SandboxSkatteetatenOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  verifyToken: VerifyToken;
  /** Added to every API request, to make the network feel real in demos. */
  latencyMs?: number;
  /** Where accepted A-meldinger get their Dialogporten dialog (shared with the sandbox Altinn); a private store if absent. */
  dialogs?: DialogStore;
  /** How long after acceptance the A-melding feedback appears; default 2000 ms, 0 at once. */
  feedbackDelay?: FeedbackDelay;
  /** Where the APIs read the idempotency key; a key anywhere else counts as missing. Default: header. */
  idempotencyKeyIn?: IdempotencyKeyPlacement;
  /** How long an A-melding upload stays LASTER_OPP before its validation result shows; default 500 ms. */
  uploadValidationDelayMs?: number;
};

export type FaultKind = "status" | "slow" | "drop" | "drop_after_processing" | "rate_limit";

/** The file-upload API's endpoints, as a fault can be aimed at one of them. */
export const UPLOAD_ENDPOINTS = [
  "POST /opplastinger",
  "GET /opplastinger/{id}",
  "DELETE /opplastinger/{id}",
  "PUT /innsending",
] as const;
export type UploadEndpoint = (typeof UPLOAD_ENDPOINTS)[number];

export type SandboxFault = {
  api?: SandboxApi;
  /** OAR: oppdragsgiver.organisasjonsnummer; A-melding: the orgnr in the path (file upload: the A-melding's opplysningspliktig). */
  orgnr?: string;
  /** Only this endpoint of the file-upload API (a fault with it never matches another API's request). */
  endpoint?: UploadEndpoint;
  kind: FaultKind;
  /** "status": the HTTP status, default 500. */
  status?: number;
  /** "status": a main code (OAR_010) or a specification code (AMLD_1053); default OAR_006 / AMLD_001. */
  code?: string;
  /** "slow": how long to wait before handling the request normally. */
  delayMs?: number;
  /** "rate_limit": value of the Retry-After header (429 has no published body: the answer has none). */
  retryAfterSeconds?: number;
  /**
   * "status": detail entries to answer with, e.g. a rule only Skatteetaten checks:
   * `[{ sti: "/oppdrag/beskrivelse", angittVerdi: "…", melding: "…" }]`.
   */
  spesifisering?: { kode?: string | null; melding?: string; sti?: string | null; angittVerdi?: string | null }[];
  /** How many matching requests the fault answers; default 1, Infinity for a persistent scenario. */
  count?: number;
};

export type ProcessedRecord = {
  api: SandboxApi;
  orgnr: string;
  /** The key it was sent with; null for an A-melding sent through the file-upload API, which takes none. */
  idempotencyKey: string | null;
  /** Set for an A-melding sent through the file-upload API (PUT /innsending of this upload). */
  opplastingId?: string;
  forsendelseId: string;
  dialogId: string;
  meldingsId?: string;
  oppdragsreferanse?: string;
  at: Date;
};

export type ProcessedFilter = { api?: SandboxApi; idempotencyKey?: string; orgnr?: string };

export type SandboxSkatteetatenHandle = {
  /** Base URL without a trailing slash. */
  url: string;
  oarBaseUrl: string;
  ameldingBaseUrl: string;
  ameldingFilopplastingBaseUrl: string;
  /** The reconciliation report API (avstemmingsrapport). */
  avstemmingsrapportBaseUrl: string;
  /** Replaces the differences injected into reconciliation reports (as POST /__control/reconciliation). */
  setReconciliationAdjustments(list: ReconciliationAdjustment[]): void;
  processedCount(filter?: ProcessedFilter): number;
  processed(): ProcessedRecord[];
  /** The bodies of every processed submission, as received (the wire JSON, parsed). */
  received(api?: SandboxApi): (ProcessedRecord & { body: unknown })[];
  /** Replaces the fault list. */
  setFaults(faults: SandboxFault[]): void;
  clearFaults(): void;
  /** Forgets every submission, idempotency key, fault, counter, dialog and feedback. */
  reset(): void;
  /** Publishes every A-melding feedback still waiting for its delay; returns how many. */
  releaseFeedback(): number;
  setFeedbackDelay(delay: FeedbackDelay): void;
  /** How long uploads made from now on stay LASTER_OPP. */
  setUploadValidationDelay(ms: number): void;
  close(): Promise<void>;
};
