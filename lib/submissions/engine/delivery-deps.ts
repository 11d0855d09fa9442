import "server-only";
import type { Db } from "@/lib/db/client";
import { MaskinportenError, maskinportenErrorMessage } from "@/lib/maskinporten/errors";
import type { IdempotencyKeyPlacement } from "@/lib/reporting/adapter";
import { createAmeldingAdapter } from "@/lib/reporting/amelding/amelding-adapter";
import { createAmeldingUploadAdapter } from "@/lib/reporting/amelding/filopplasting-adapter";
import { createOarAdapter } from "@/lib/reporting/oar/oar-adapter";
import { type DeliveryDeps, TokenUnavailableError } from "./deliver";
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_RETRY_AFTER_MS } from "./retry-policy";
import type { UploadPolling } from "./upload-progress";

/** "innsendinger større enn 10MB" (docs/api/innrapportering-amelding-filopplasting.md): 10 000 000 bytes, the smaller reading of "10 MB". */
export const DEFAULT_UPLOAD_THRESHOLD_BYTES = 10_000_000;

/** The part of the Maskinporten client delivery needs; errors expose whether they are transient. */
export type TokenSource = {
  getToken(request: { scopes: string[]; systemUserOrg?: string }): Promise<{ accessToken: string }>;
};

export type DeliveryConfig = {
  oarApiUrl: string;
  ameldingApiUrl: string;
  ameldingFilopplastingApiUrl: string;
  /** A-meldinger whose wire body is larger go through the file-upload API (AMELDING_UPLOAD_THRESHOLD_BYTES). */
  uploadThresholdBytes?: number;
  uploadPolling?: UploadPolling;
  idempotencyKeyIn: IdempotencyKeyPlacement;
  workerId: string;
  leaseMs?: number;
  requestTimeoutMs?: number;
  maxAttempts?: number;
  maxRetryAfterSeconds?: number;
};

function isTransient(error: unknown) {
  const kind = (error as { kind?: string } | null)?.kind;
  return kind === undefined || kind === "network" || kind === "server";
}

/** Explanation without secrets: the Maskinporten client's errors never carry the token or key. */
function explain(error: unknown) {
  const e = error as { mpCode?: string; explanation?: string; message?: string };
  return [e.mpCode, e.explanation ?? e.message].filter(Boolean).join(" ");
}

export function createDeliveryDeps(db: Db, tokens: TokenSource, config: DeliveryConfig): DeliveryDeps {
  return {
    db,
    adapters: {
      oar: createOarAdapter({ baseUrl: config.oarApiUrl, idempotencyKeyIn: config.idempotencyKeyIn }),
      amelding: createAmeldingAdapter({ baseUrl: config.ameldingApiUrl, idempotencyKeyIn: config.idempotencyKeyIn }),
    },
    ameldingUpload: {
      adapter: createAmeldingUploadAdapter({ baseUrl: config.ameldingFilopplastingApiUrl }),
      thresholdBytes: config.uploadThresholdBytes ?? DEFAULT_UPLOAD_THRESHOLD_BYTES,
      polling: config.uploadPolling,
    },
    async getAccessToken({ scope, systemUserOrg }) {
      try {
        return (await tokens.getToken({ scopes: [scope], systemUserOrg })).accessToken;
      } catch (error) {
        throw new TokenUnavailableError(
          explain(error),
          isTransient(error),
          error instanceof MaskinportenError ? maskinportenErrorMessage(error) : undefined,
        );
      }
    },
    workerId: config.workerId,
    leaseMs: config.leaseMs ?? 90_000,
    requestTimeoutMs: config.requestTimeoutMs ?? 30_000,
    maxAttempts: config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    maxRetryAfterMs:
      config.maxRetryAfterSeconds === undefined ? DEFAULT_MAX_RETRY_AFTER_MS : config.maxRetryAfterSeconds * 1000,
  };
}
