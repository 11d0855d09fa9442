import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import type { ConnectGuard } from "@/lib/http/outbound";

/*
 * Where a webhook may be sent (SSRF): https only, to a host whose every address is public. A
 * subscriber's URL must not reach our own network (the database, the metrics port, a cloud
 * metadata service at 169.254.169.254). Checked when a subscription is saved AND before every
 * delivery, since a name can be pointed elsewhere after it was saved, and once more when the
 * delivery's connection is made (WEBHOOK_CONNECT_GUARD), since it can also be re-pointed between
 * that check and the connection (DNS rebinding). Redirects are never
 * followed (lib/http/outbound.ts). In sandbox and test mode only, http to localhost or
 * 127.0.0.1 is allowed as well, so a receiver on the developer's machine can be tried.
 */

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  BLOCKED.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  BLOCKED.addSubnet(net, prefix, "ipv6");

/** Whether an address is private, loopback, link-local or otherwise not on the public internet. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, "ipv4");
  if (family !== 6) return true;
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return BLOCKED.check(mapped, "ipv4");
  return BLOCKED.check(address, "ipv6");
}

export type WebhookUrlPolicy = { allowLocalHttp: boolean };
export type WebhookUrlRefusal = "invalid" | "scheme" | "credentials" | "address" | "unresolvable";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1"]);
const MAX_URL_LENGTH = 2000;

/** The URL's shape alone (no DNS). */
function checkWebhookUrlShape(
  raw: string,
  policy: WebhookUrlPolicy,
): { ok: true; url: URL; local: boolean } | { ok: false; refusal: WebhookUrlRefusal } {
  if (raw.length > MAX_URL_LENGTH || !URL.canParse(raw)) return { ok: false, refusal: "invalid" };
  const url = new URL(raw);
  if (url.username || url.password) return { ok: false, refusal: "credentials" };
  const local = policy.allowLocalHttp && LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) return { ok: false, refusal: "scheme" };
  return { ok: true, url, local };
}

/**
 * Whether a webhook may be sent to `raw` now: its shape, then every address its host resolves to.
 * `resolve` is replaceable for tests of names pointing at private addresses.
 */
export async function checkWebhookUrl(
  raw: string,
  policy: WebhookUrlPolicy,
  resolve: (host: string) => Promise<string[]> = resolveAll,
): Promise<{ ok: true; local: boolean } | { ok: false; refusal: WebhookUrlRefusal }> {
  const shape = checkWebhookUrlShape(raw, policy);
  if (!shape.ok) return shape;
  if (shape.local) return { ok: true, local: true };
  const host = shape.url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return { ok: false, refusal: "unresolvable" };
  }
  if (addresses.length === 0) return { ok: false, refusal: "unresolvable" };
  return addresses.some(isNonPublicAddress) ? { ok: false, refusal: "address" } : { ok: true, local: false };
}

/** A delivery connects only to public addresses, judged again as the connection is made. */
export const WEBHOOK_CONNECT_GUARD: ConnectGuard = {
  resolve: (host) => resolveAll(host),
  allow: (address) => !isNonPublicAddress(address),
};

async function resolveAll(host: string): Promise<string[]> {
  const found = await lookup(host, { all: true, verbatim: true });
  return found.map((a) => a.address);
}

/** Sandbox and test mode allow http to localhost; production never. */
export function webhookUrlPolicy(appMode: string): WebhookUrlPolicy {
  return { allowLocalHttp: appMode === "sandbox" || appMode === "test" };
}
