import { z } from "zod";

export type TokenEndpoint = { url: string; source: "configured" | "discovered" | "fallback" };

const metadataSchema = z.object({ token_endpoint: z.url() });

/**
 * Finds the token endpoint: the configured URL, else the issuer's metadata, else the documented
 * `<issuer>token`. A discovery answer (or a definite "not there") is remembered; a network
 * failure is not, so a Maskinporten that was briefly unreachable is asked again next time.
 */
export function createTokenEndpointResolver(options: {
  issuer: string;
  tokenUrl?: string;
  fetch: typeof fetch;
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
    let response: Response;
    try {
      response = await options.fetch(`${options.issuer}.well-known/oauth-authorization-server`, {
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch {
      return fallback;
    }
    if (response.status >= 500) return fallback;
    const parsed = metadataSchema.safeParse(await response.json().catch(() => null));
    known = response.ok && parsed.success ? { url: parsed.data.token_endpoint, source: "discovered" } : fallback;
    return known;
  };
}
