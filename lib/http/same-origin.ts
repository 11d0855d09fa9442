/**
 * Whether a request comes from a page of another site: its Origin names a host other than the one
 * it was sent to (x-forwarded-host or host, as Next.js itself compares for server actions) and
 * other than AUTH_URL's. No Origin (not a browser) is not foreign; "null" and unreadable ones are.
 */
export function isForeignOrigin(headers: Headers, publicUrl?: string): boolean {
  const origin = headers.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const hosts = [headers.get("x-forwarded-host") ?? headers.get("host")];
  if (publicUrl) hosts.push(new URL(publicUrl).host);
  return !hosts.includes(originHost);
}
