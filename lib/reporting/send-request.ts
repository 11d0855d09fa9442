import "server-only";
import { sendOutbound } from "@/lib/http/outbound";
import type { OutgoingRequest } from "./adapter";

export type HttpResponse = {
  kind: "response";
  status: number;
  headers: Record<string, string>;
  body: string;
  durationMs: number;
};
export type TransportFailure = { kind: "timeout" | "network"; message: string; durationMs: number };

/**
 * Skatteetaten's answers are read up to this size: an innsending answer is a few kilobytes, an
 * A-melding's feedback grows with the number of deviations it lists.
 */
export const MAX_SKATTEETATEN_ANSWER_BYTES = 32 * 1024 * 1024;

/**
 * Sends one request with the bearer token added here and nowhere else, exactly once: whether to
 * send a report again is the delivery engine's decision. A timeout, a dropped connection or an
 * answer too large to read leaves the outcome unknown, which the caller treats as retryable with
 * the same key.
 */
export async function sendRequest(
  request: OutgoingRequest,
  accessToken: string,
  options: { timeoutMs: number },
): Promise<HttpResponse | TransportFailure> {
  const headers = { ...request.headers, Authorization: `Bearer ${accessToken}` };
  const common = {
    url: request.url,
    headers,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: MAX_SKATTEETATEN_ANSWER_BYTES,
  };
  const outcome = await sendOutbound(
    request.method === "GET"
      ? { ...common, method: "GET" }
      : { ...common, method: request.method, body: request.method === "DELETE" ? undefined : request.body },
  );
  if (outcome.kind === "too_large")
    return { kind: "network", message: outcome.message, durationMs: outcome.durationMs };
  return outcome;
}

/** The headers as stored and shown: the token is replaced, every other header kept. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return { ...headers, Authorization: "Bearer [redacted]" };
}
