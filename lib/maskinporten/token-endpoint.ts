import "server-only";
import { z } from "zod";
import { sendOutbound } from "@/lib/http/outbound";

export type TokenEndpoint = { url: string; source: "configured" | "discovered" | "fallback" };

const metadataSchema = z.object({ token_endpoint: z.url() });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Finds the token endpoint: the configured URL, else the issuer's metadata, else the documented
 * `<issuer>token`. A discovery answer (or a definite "not there") is remembered; a network
 * failure is not, so a Maskinporten that was briefly unreachable is asked again next time.
 */
export function createTokenEndpointResolver(options: {
  issuer: string;
  tokenUrl?: string;
  timeoutMs: number;
}): () => Promise<TokenEndpoint> {
  if (options.tokenUrl) {
    const configured: TokenEndpoint = { url: options.tokenUrl, source: "configured" };
    return async () => configured;
  }
  const fallback: TokenEndpoint = { url: `${options.issuer}token`, source: "fallback" };
  let known: TokenEndpoint | undefined;

  return async () => {
    if (known) return known;
    const outcome = await sendOutbound({
      method: "GET",
      url: `${options.issuer}.well-known/oauth-authorization-server`,
      headers: { accept: "application/json" },
      timeoutMs: options.timeoutMs,
      maxResponseBytes: 64 * 1024,
      redirect: "follow",
    });
    if (outcome.kind === "timeout" || outcome.kind === "network") return fallback;
    if (outcome.status >= 500) return fallback;
    const parsed = outcome.kind === "response" ? metadataSchema.safeParse(parseJson(outcome.body)) : null;
    const ok = outcome.status >= 200 && outcome.status <= 299;
    known = ok && parsed?.success ? { url: parsed.data.token_endpoint, source: "discovered" } : fallback;
    return known;
  };
}
