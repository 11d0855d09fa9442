import type { ReportKind } from "@/lib/db/schema";

export type OutgoingRequest = {
  method: "POST" | "PUT" | "GET" | "DELETE";
  url: string;
  /** Without Authorization: the sender adds the token, so stored requests never hold it. */
  headers: Record<string, string>;
  body: string;
};

export type AdapterContext = {
  idempotencyKey: string;
  /** Organisation number of the opplysningspliktig / oppdragsgiver the submission is for. */
  orgnr: string;
  /** OAR: whether this oppdrag was accepted by Skatteetaten before (decides innsendingstype). */
  existsAtSkatteetaten: boolean;
};

/**
 * Everything that is specific to one Skatteetaten API's wire format. Parts of both formats are
 * unpublished outside SwaggerHub (docs/skatteetaten-contract.md), so each lives in one file and a
 * corrected spec changes only that file.
 */
export type ReportingAdapter = {
  kind: ReportKind;
  api: "oar" | "amelding";
  scope: string;
  buildRequest(payload: unknown, context: AdapterContext): OutgoingRequest;
  /** Reads the ids from a success answer; unknown fields are kept. */
  readAccepted(body: string): Record<string, string>;
};

export type IdempotencyKeyPlacement = "query" | "header";

/**
 * Where the idempotency key travels, from SKATTEETATEN_IDEMPOTENCY_KEY_IN: an HTTP header named
 * idempotencyKey unless the setting says "query". The pages say only that the parameter is
 * required; every third-party client sends the header (docs/skatteetaten-contract.md,
 * "Idempotency key").
 */
export function idempotencyKeyPlacement(setting: string | undefined): IdempotencyKeyPlacement {
  return setting === "query" ? "query" : "header";
}

/** Puts the idempotency key where the API expects it (see idempotencyKeyPlacement). */
export function withIdempotencyKey(
  url: string,
  headers: Record<string, string>,
  key: string,
  placement: IdempotencyKeyPlacement,
): { url: string; headers: Record<string, string> } {
  if (placement === "header") return { url, headers: { ...headers, idempotencyKey: key } };
  const u = new URL(url);
  u.searchParams.set("idempotencyKey", key);
  return { url: u.toString(), headers };
}

/** Success bodies are read tolerantly: every string or number field at the top level is kept. */
export function readIdsFromJson(body: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(body);
    if (!parsed || typeof parsed !== "object") return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) {
      if (typeof v === "string" || typeof v === "number") out[k] = String(v);
    }
    return out;
  } catch {
    return {};
  }
}

export const JSON_HEADERS = { Accept: "application/json", "Content-Type": "application/json" } as const;
