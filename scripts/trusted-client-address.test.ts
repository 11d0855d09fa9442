import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const { trustedClientAddress } = createRequire(import.meta.url)("./trusted-client-address.cjs") as {
  trustedClientAddress: (peer: string | undefined, forwardedFor: string | undefined, hops: number) => string;
};

describe("trusted client address", () => {
  it("without trusted proxies takes the socket's peer and ignores what the client claims", () => {
    expect(trustedClientAddress("192.0.2.10", "203.0.113.99", 0)).toBe("192.0.2.10");
    expect(trustedClientAddress("::ffff:192.0.2.10", undefined, 0)).toBe("192.0.2.10");
  });

  it("behind n proxies takes the address the outermost one saw, not entries the client added", () => {
    // Client claims 203.0.113.99; the proxy (peer 10.0.0.2) appended the address it saw.
    expect(trustedClientAddress("10.0.0.2", "203.0.113.99, 192.0.2.10", 1)).toBe("192.0.2.10");
    expect(trustedClientAddress("10.0.0.3", "203.0.113.99, 192.0.2.10, 10.0.0.2", 2)).toBe("192.0.2.10");
    // Fewer entries than proxies configured: the leftmost, never undefined.
    expect(trustedClientAddress("10.0.0.2", undefined, 3)).toBe("10.0.0.2");
  });
});
