import { isIP } from "node:net";

/**
 * The client's address as the server trusts it. `scripts/trusted-client-address.cjs` (preloaded by
 * `npm start`) replaces `x-forwarded-for` with exactly that address, taking TRUSTED_PROXY_HOPS
 * into account; null when it is missing or not an IP address.
 */
export function clientAddress(headers: Headers): string | null {
  const value = headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "";
  return isIP(value) ? value : null;
}
