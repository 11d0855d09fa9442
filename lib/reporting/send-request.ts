import "server-only";
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
 * Sends one request with the bearer token added here and nowhere else. A timeout or a dropped
 * connection leaves the outcome unknown, which the caller treats as retryable with the same key.
 */
export async function sendRequest(
  request: OutgoingRequest,
  accessToken: string,
  options: { timeoutMs: number },
): Promise<HttpResponse | TransportFailure> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(request.url, {
      method: request.method,
      headers: { ...request.headers, Authorization: `Bearer ${accessToken}` },
      body: request.method === "GET" || request.method === "DELETE" ? undefined : request.body,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: "manual",
    });
    const body = await res.text();
    return { kind: "response", status: res.status, headers: Object.fromEntries(res.headers), body, durationMs: elapsed() };
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") {
      return { kind: "timeout", message: `No answer within ${options.timeoutMs} ms`, durationMs: elapsed() };
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: "network", message: cause?.code ?? cause?.message ?? (error as Error).message, durationMs: elapsed() };
  }
}

/** The headers as stored and shown: the token is replaced, every other header kept. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return { ...headers, Authorization: "Bearer [redacted]" };
}
