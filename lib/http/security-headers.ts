/**
 * The Content-Security-Policy for one response. Scripts run only with this request's nonce (Next.js
 * reads it from the request's CSP header and puts it on its own scripts) or when loaded by such a
 * script ('strict-dynamic'); never inline without it, never eval outside development. Styles may be
 * inline (React renders style attributes, e.g. the charts'), which cannot run code.
 */
export function contentSecurityPolicy(options: {
  nonce: string;
  dev: boolean;
  https: boolean;
  formActionOrigins?: string[];
}) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    // A sign-in through OIDC posts here and is redirected on to the identity provider.
    ["form-action 'self'", ...(options.formActionOrigins ?? [])].join(" "),
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Two years, as browsers' preload lists ask; sent only on responses served over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable nonce per response (128 bits). */
export function newNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
