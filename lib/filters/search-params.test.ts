import { describe, expect, it } from "vitest";
import { prototypeSnapshot } from "@/lib/testing/prototypes";
import { canonicalListUrl, searchParamsRecord } from "./search-params";

describe("searchParamsRecord", () => {
  it("keeps repeated keys as lists", () => {
    expect(searchParamsRecord(new URLSearchParams("status=failed&status=rejected&kind=oar"))).toEqual({
      status: ["failed", "rejected"],
      kind: "oar",
    });
    expect(searchParamsRecord({ status: ["failed"], kind: "oar", org: undefined })).toEqual({
      status: ["failed"],
      kind: "oar",
    });
  });

  it("leaves out keys that would reach the prototype and values PostgreSQL cannot hold", () => {
    const before = prototypeSnapshot();
    const record = searchParamsRecord(
      new URLSearchParams("__proto__=x&constructor=y&toString=z&q=a%00b&status=failed"),
    );
    expect(record).toEqual({ status: "failed" });
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(prototypeSnapshot()).toEqual(before);
  });
});

describe("canonicalListUrl", () => {
  it("leaves out the empty fields a GET form sends, keeping repeated keys and their order", () => {
    expect(canonicalListUrl("/innsendinger", new URLSearchParams("status=rejected&kind=&status=failed&q="))).toBe(
      "/innsendinger?status=rejected&status=failed",
    );
    expect(canonicalListUrl("/feil", { kind: "", org: "" })).toBe("/feil");
    expect(canonicalListUrl("/feil", { kind: "oar", org: undefined })).toBeNull();
  });

  it("writes a bound that covers whole days as a date, as links do", () => {
    expect(canonicalListUrl("/feil", new URLSearchParams("from=2026-11-01T00:00&to=2026-11-29T23:59"))).toBe(
      "/feil?from=2026-11-01&to=2026-11-29",
    );
    expect(canonicalListUrl("/feil", new URLSearchParams("from=2026-11-01T00:01&to=2026-11-29T23:58"))).toBeNull();
  });
});
