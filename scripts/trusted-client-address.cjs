// Preloaded into the Next.js server process by scripts/start.ts (node --require). Next.js exposes
// a request's peer address to the app only as `x-forwarded-for`, and keeps that header as the
// client sent it when present, so without this any client could choose its address (and slip
// past per-address sign-in throttling). Here, before Next sees the request, the header is
// replaced by the one address we trust: the socket's peer, or with TRUSTED_PROXY_HOPS = n
// reverse proxies in front, the address the outermost of them saw (the n-th entry from the
// right once the peer is appended). TRUSTED_PROXY_HOPS is validated in lib/env.ts by start.ts.
"use strict";
const http = require("node:http");

/** The trusted client address from the socket peer, the incoming x-forwarded-for and the number of trusted proxies. */
function trustedClientAddress(peer, forwardedFor, hops) {
  const chain = String(forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  chain.push(peer ?? "");
  const address = chain[Math.max(0, chain.length - 1 - hops)] ?? "";
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

function install(hops) {
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithClientAddress(event, request, ...rest) {
    if (event === "request" && request && request.headers) {
      request.headers["x-forwarded-for"] = trustedClientAddress(
        request.socket?.remoteAddress,
        request.headers["x-forwarded-for"],
        hops,
      );
    }
    return emit.call(this, event, request, ...rest);
  };
}

if (require.main !== module && process.env.INNRAPPORTERING_CLIENT_ADDRESS_PRELOAD === "1") {
  install(Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0);
}

module.exports = { trustedClientAddress };
