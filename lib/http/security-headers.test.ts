import { describe, expect, it } from "vitest";
import { isForeignOrigin } from "./same-origin";
import { contentSecurityPolicy, newNonce } from "./security-headers";

describe("Content-Security-Policy", () => {
  it("lets scripts run only with the response's nonce, never inline or eval in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false, https: false });
    const script = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(script).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(
      contentSecurityPolicy({ nonce: "n", dev: false, https: true, formActionOrigins: ["https://idp.example"] }),
    ).toContain("form-action 'self' https://idp.example; frame-ancestors 'none'; upgrade-insecure-requests");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});

describe("isForeignOrigin", () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it("accepts the host the request was sent to, and the public URL's", () => {
    expect(isForeignOrigin(headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBe(false);
    expect(
      isForeignOrigin(headers({ origin: "https://app.example.no", host: "10.0.0.5:3000" }), "https://app.example.no"),
    ).toBe(false);
    expect(isForeignOrigin(headers({ host: "127.0.0.1:3000" }))).toBe(false);
  });

  it("refuses another site, an opaque origin and an unreadable one", () => {
    expect(isForeignOrigin(headers({ origin: "https://evil.example", host: "127.0.0.1:3000" }))).toBe(true);
    expect(isForeignOrigin(headers({ origin: "null", host: "127.0.0.1:3000" }))).toBe(true);
    expect(isForeignOrigin(headers({ origin: "http://127.0.0.1:3000.evil.example", host: "127.0.0.1:3000" }))).toBe(
      true,
    );
  });
});
