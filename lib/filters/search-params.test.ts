import { describe, expect, it } from "vitest";
import { prototypeSnapshot } from "@/lib/testing/prototypes";
import { searchParamsRecord } from "./search-params";

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
