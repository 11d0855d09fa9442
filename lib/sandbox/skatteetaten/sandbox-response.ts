import "server-only";
import { randomUUID } from "node:crypto";
import { errorText } from "./error-texts";

/** A response computed before it is sent, so it can be stored for idempotent replay or dropped on purpose. */
export type SandboxResponse = { status: number; headers: Record<string, string>; body: string };

export type Spesifisering = { kode: string | null; melding: string; sti: string | null; angittVerdi: string | null };

export type ErrorBody = { kode: string; melding: string; korrelasjonsid: string; spesifisering?: Spesifisering[] };

/**
 * A JSON answer. No other headers: Skatteetaten publishes none, and the korrelasjonsid its
 * support asks for travels in the error body (docs/skatteetaten-contract.md, "Error body").
 */
export function jsonResponse(
  status: number,
  payload: unknown,
  extraHeaders: Record<string, string> = {},
): SandboxResponse {
  return {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...extraHeaders },
    body: JSON.stringify(payload),
  };
}

/** An answer without a body ("200 OK uten mer data", or a gateway's 413 and 429). */
export function emptyResponse(status: number, extraHeaders: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { ...extraHeaders }, body: "" };
}

/** A specification entry whose text is the code's own text unless a more precise one is given. */
export function spec(
  kode: string | null,
  detail: { melding?: string; sti?: string | null; angittVerdi?: string | null } = {},
): Spesifisering {
  return {
    kode,
    melding: detail.melding ?? (kode ? errorText(kode) : "Ugyldig verdi"),
    sti: detail.sti ?? null,
    angittVerdi: detail.angittVerdi ?? null,
  };
}

/** The documented error body (docs/om/feil.md); `spesifisering` only when there is detail. */
export function errorResponse(
  status: number,
  kode: string,
  spesifisering: Spesifisering[] = [],
  extraHeaders: Record<string, string> = {},
): SandboxResponse {
  const body: ErrorBody = { kode, melding: errorText(kode), korrelasjonsid: randomUUID() };
  if (spesifisering.length > 0) body.spesifisering = spesifisering;
  return jsonResponse(status, body, extraHeaders);
}
