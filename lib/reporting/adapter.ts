import { z } from "zod/mini";
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
  /**
   * Reads the ids from a success answer (unknown scalar fields are kept), or "unreadable" when
   * the body is not the API's answer (empty, a gateway's HTML page, another shape): then the
   * outcome is unknown and the request is sent again with the same key.
   */
  readAccepted(body: string): Record<string, string> | "unreadable";
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

/** An id as an answer carries it: a short printable string. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the class excludes control characters, which is the point
export const ANSWER_ID = /^[^\u0000-\u001f\u007f]{1,200}$/;
const MAX_ANSWER_BYTES = 64 * 1024;
// Plain names only: never __proto__, constructor or prototype, which reach an object's prototype.
const FIELD_NAME = /^(?!(constructor|prototype)$)[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * Reads a success answer with the API's schema: "unreadable" unless the body is JSON of that
 * shape. Besides the schema's ids, every other string or number field at the top level is kept
 * (at most 20, with plain names), as the ids a later API version may add.
 */
export function readAnswerWith(
  schema: z.core.$ZodType<Record<string, string>>,
  body: string,
): Record<string, string> | "unreadable" {
  if (body.length === 0 || body.length > MAX_ANSWER_BYTES) return "unreadable";
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return "unreadable";
  }
  const ids = z.safeParse(schema, parsed);
  if (!ids.success) return "unreadable";
  const extra = Object.entries(parsed as Record<string, unknown>)
    .filter(
      ([k, v]) => FIELD_NAME.test(k) && (typeof v === "string" || typeof v === "number") && ANSWER_ID.test(String(v)),
    )
    .slice(0, 20)
    .map(([k, v]) => [k, String(v)] as const);
  return Object.fromEntries([...extra, ...Object.entries(ids.data)]);
}

export const JSON_HEADERS = { Accept: "application/json", "Content-Type": "application/json" } as const;
