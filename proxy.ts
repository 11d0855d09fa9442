import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { isForeignOrigin } from "@/lib/http/same-origin";
import { contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

// Auth.js's session cookie names (plain over http, __Secure- prefixed over https), incl. chunks.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;
/** Reachable without a session; each checks what it needs itself (the public API: its key, lib/routes/route-handler.ts). */
const PUBLIC_PATHS =
  /^\/(login|avmelding|api\/auth|api\/health|api\/ready|api\/metrics|api\/altinn-events|api\/v1|api\/notifications\/unsubscribe)(\/|$)/;
/**
 * Not subject to the Origin check: Auth.js (its OIDC callback may be a form post from the identity
 * provider; its own requests carry a CSRF token), the Altinn Events webhook (a server, with a secret) and
 * the public API (servers with a key in a header, never a cookie, so another site's page cannot use it)
 * and the unsubscribe link (a mail program's one-click POST; the signed token is the proof, no cookie).
 */
const CROSS_SITE_PATHS = /^\/api\/(auth|altinn-events|v1|notifications\/unsubscribe)(\/|$)/;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const formActionOrigins = env.AUTH_OIDC_ISSUER ? [new URL(env.AUTH_OIDC_ISSUER).origin] : [];

/**
 * Runs before every page, server action and route handler (except static files and the A-melding
 * import, see `config`):
 * - a server action or other mutating request from another site's page answers 403 (CSRF);
 * - without a session cookie, pages redirect to the login page and APIs answer 401 (every page,
 *   action and route handler still verifies the session and permission itself);
 * - every response gets a Content-Security-Policy with a fresh script nonce, and HSTS over https.
 * Deliberately not Auth.js's `auth()` wrapper: that re-issues the rolling session cookie on every
 * request, and a prefetch still in flight when the user signs out would then put the cookie back.
 */
export default function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (
    !SAFE_METHODS.has(request.method) &&
    !CROSS_SITE_PATHS.test(path) &&
    isForeignOrigin(request.headers, env.AUTH_URL)
  ) {
    return withSecurityHeaders(request, NextResponse.json({ error: "forbidden" }, { status: 403 }));
  }
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (!hasSession && !PUBLIC_PATHS.test(path)) {
    if (path.startsWith("/api/"))
      return withSecurityHeaders(request, NextResponse.json({ error: "unauthenticated" }, { status: 401 }));
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${path}${request.nextUrl.search}`);
    return withSecurityHeaders(request, NextResponse.redirect(login));
  }
  const nonce = newNonce();
  const csp = policy(request, nonce);
  // Next.js takes the nonce for its scripts from the request's CSP header.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  return withSecurityHeaders(request, response, csp);
}

function isHttps(request: NextRequest) {
  return (
    request.nextUrl.protocol === "https:" ||
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ||
    Boolean(env.AUTH_URL?.startsWith("https:"))
  );
}

function policy(request: NextRequest, nonce: string) {
  return contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https: isHttps(request),
    formActionOrigins,
  });
}

function withSecurityHeaders(request: NextRequest, response: NextResponse, csp = policy(request, newNonce())) {
  response.headers.set("Content-Security-Policy", csp);
  if (isHttps(request)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

// api/amelding/import is left out: a proxy buffers request bodies and cuts them at 10 MB, and
// that route takes A-melding files larger than that (it checks the session and Origin itself and
// answers JSON only).
export const config = {
  matcher: ["/((?!api/amelding/import|_next/static|_next/image|favicon.ico|favicon.svg|fonts/).*)"],
};
