import { NextResponse, type NextRequest } from "next/server";

// Auth.js's session cookie names (plain over http, __Secure- prefixed over https), incl. chunks.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Only the cheap "is there a session cookie at all?" redirect lives here; every page, action and
 * route handler verifies the session and permission itself. Deliberately not Auth.js's `auth()`
 * wrapper: that re-issues the rolling session cookie on every request, and a prefetch still in
 * flight when the user signs out would then put the cookie back.
 */
export default function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (hasSession) return NextResponse.next();
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

// api/amelding/import is left out: a proxy buffers request bodies and cuts them at 10 MB, and
// that route takes A-melding files larger than that (it checks the session itself, like all routes).
export const config = {
  matcher: ["/((?!api/auth|api/health|api/amelding/import|api/altinn-events|login|_next/static|_next/image|favicon.ico|favicon.svg|fonts/).*)"],
};
