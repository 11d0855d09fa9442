import "server-only";
import type { LookupAddress, LookupOptions } from "node:dns";
import { isIP } from "node:net";
import { Agent } from "undici";

/**
 * The one way this product calls another service (Skatteetaten, Dialogporten, Altinn,
 * Maskinporten): a timeout on every call, the answer's body read only up to a bound, an outcome
 * that says what happened instead of throwing, retries only for reads, and error messages that
 * never carry a header value or body we sent (tokens, client assertions).
 *
 * Why hand-rolled on Node's global fetch rather than ky, ofetch or got: Node's fetch already is
 * undici, so the transport is the maintained library; what those wrappers add is retry and
 * error policy, and ours is the opposite of their defaults. A report POST must never be retried
 * here (the delivery engine owns those retries, with the same idempotency key, to keep
 * exactly-once delivery); a Maskinporten retry needs a fresh grant, which only the caller can
 * sign; and each caller decodes its own error answers (the engine stores the raw status, headers
 * and body). ky and ofetch also throw on HTTP errors and on timeouts, where the engine needs an
 * outcome value. So this module keeps what every caller shares, about sixty lines, and the
 * callers keep their decisions.
 */

export type OutboundResponse = {
  kind: "response";
  status: number;
  headers: Record<string, string>;
  /** The body decoded as UTF-8, at most maxResponseBytes long. */
  body: string;
  durationMs: number;
};

export type OutboundFailure =
  /** No answer within the timeout: the request may or may not have been processed. */
  | { kind: "timeout"; message: string; durationMs: number }
  /** The connection failed or broke: the request may or may not have been processed. */
  | { kind: "network"; message: string; durationMs: number }
  /** An answer came, but its body is larger than we read; it was not read. */
  | { kind: "too_large"; status: number; message: string; durationMs: number };

export type OutboundOutcome = OutboundResponse | OutboundFailure;

type Common = {
  url: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Default 1 MiB. */
  maxResponseBytes?: number;
  /** Default "manual": a redirect is an answer to decode, never followed with our token. */
  redirect?: RequestRedirect;
  /**
   * For calls to an address a user gave us (webhooks): the host is resolved when the connection
   * is made, and refused unless every address it resolves to is allowed. A check before the call
   * alone would leave a gap: the name can be pointed at our own network between that check and
   * the connection (DNS rebinding). A refusal is the outcome `network` with message
   * CONNECT_REFUSED_BY_GUARD.
   */
  connectGuard?: ConnectGuard;
};

export type ConnectGuard = {
  /** Every address of a host name; the same guard object should be reused (it keeps a connection pool). */
  resolve: (host: string) => Promise<string[]>;
  allow: (address: string) => boolean;
};

/** The `network` outcome's message when the connect guard refused every way to the host. */
export const CONNECT_REFUSED_BY_GUARD = "EADDRNOTALLOWED";

/** Reads may be retried after a network failure or a gateway error (502, 503, 504). */
export type OutboundRead = Common & {
  method: "GET" | "HEAD";
  body?: undefined;
  retries?: number;
  retryDelayMs?: number;
};
/** Writes are sent once; whether to send again is the caller's decision. */
export type OutboundWrite = Common & { method: "POST" | "PUT" | "PATCH" | "DELETE"; body?: string; retries?: never };
export type OutboundRequest = OutboundRead | OutboundWrite;

export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
const RETRYABLE_STATUS = new Set([502, 503, 504]);

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Replaces every header value and the body we sent wherever they appear in a message. */
function redact(message: string, request: OutboundRequest): string {
  const sent = [...Object.values(request.headers ?? {}), request.body ?? ""];
  // Each value whole and each of its words ("Bearer <token>"), longest first, so a message that
  // quotes a value changed on the way (trimmed, control characters replaced) still loses the token.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters separate the words of a value as whitespace does
  const secrets = [...new Set(sent.flatMap((v) => [v, ...v.split(/[\s\x00-\x1f]+/)]))].filter((s) => s.length >= 8);
  secrets.sort((a, b) => b.length - a.length);
  return secrets.reduce((m, s) => m.split(s).join("[redacted]"), message);
}

async function readBounded(res: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(res.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    return null;
  }
  if (!res.body) return "";
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for net/tls.connect that answers only with addresses the guard allows. */
function guardedLookup(guard: ConnectGuard) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    const fail = (code: string, message: string) => callback(Object.assign(new Error(message), { code }), []);
    guard.resolve(hostname).then(
      (resolved) => {
        const addresses = resolved
          .map((address) => ({ address, family: isIP(address) }))
          .filter((a) => a.family !== 0 && (!options.family || options.family === a.family));
        if (addresses.length === 0) return fail("ENOTFOUND", `${hostname} did not resolve`);
        // Every address, not just the one chosen: a host that also points inside is refused whole.
        if (!addresses.every((a) => guard.allow(a.address))) return fail(CONNECT_REFUSED_BY_GUARD, "refused address");
        const [first] = addresses;
        if (options.all || !first) return callback(null, addresses);
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => fail(error.code ?? "ENOTFOUND", `${hostname} did not resolve`),
    );
  };
}

/** One connection pool per guard, so guarded calls still reuse their connections. */
const guardedAgents = new WeakMap<ConnectGuard, Agent>();
function guardedAgent(guard: ConnectGuard): Agent {
  let agent = guardedAgents.get(guard);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(guard) } });
    guardedAgents.set(guard, agent);
  }
  return agent;
}

async function sendOnce(request: OutboundRequest): Promise<OutboundOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const maxBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  try {
    const res = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: request.redirect ?? "manual",
      // Node's fetch is undici (the same major version as the `undici` package pinned beside it),
      // and takes its dispatcher as this non-standard option.
      ...(request.connectGuard ? { dispatcher: guardedAgent(request.connectGuard) } : {}),
    } as RequestInit);
    const body = await readBounded(res, maxBytes);
    if (body === null) {
      return {
        kind: "too_large",
        status: res.status,
        message: `The answer is larger than ${maxBytes} bytes; it was not read`,
        durationMs: elapsed(),
      };
    }
    return {
      kind: "response",
      status: res.status,
      headers: Object.fromEntries(res.headers),
      body,
      durationMs: elapsed(),
    };
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === "TimeoutError" || name === "AbortError") {
      return { kind: "timeout", message: `No answer within ${request.timeoutMs} ms`, durationMs: elapsed() };
    }
    const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
    const message = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    return { kind: "network", message: redact(message, request), durationMs: elapsed() };
  }
}

/** Sends one request; never throws for what the network or the other service does. */
export async function sendOutbound(request: OutboundRequest): Promise<OutboundOutcome> {
  const retries = request.method === "GET" || request.method === "HEAD" ? (request.retries ?? 0) : 0;
  const delayMs = (request.method === "GET" || request.method === "HEAD" ? request.retryDelayMs : undefined) ?? 200;
  for (let attempt = 0; ; attempt++) {
    const outcome = await sendOnce(request);
    const retryable =
      outcome.kind === "network" || (outcome.kind === "response" && RETRYABLE_STATUS.has(outcome.status));
    if (!retryable || attempt >= retries) return outcome;
    await sleep(delayMs * 2 ** attempt);
  }
}
