import { describe, expect, it } from "vitest";
import { filterChipLinks } from "./filter-chips";

describe("filterChipLinks", () => {
  it("gives one chip per value, each linking to the list without that value and without the cursor", () => {
    const chips = filterChipLinks(
      "/innsendinger",
      { status: ["rejected", "conflict", "failed"], kind: "oar", q: undefined, cursor: "abc" },
      ["cursor"],
    );
    expect(chips).toEqual([
      { key: "status", value: "rejected", href: "/innsendinger?status=conflict&status=failed&kind=oar" },
      { key: "status", value: "conflict", href: "/innsendinger?status=rejected&status=failed&kind=oar" },
      { key: "status", value: "failed", href: "/innsendinger?status=rejected&status=conflict&kind=oar" },
      { key: "kind", value: "oar", href: "/innsendinger?status=rejected&status=conflict&status=failed" },
    ]);
  });

  it("links the last chip to the bare page", () => {
    expect(filterChipLinks("/feil", { org: "x" })).toEqual([{ key: "org", value: "x", href: "/feil" }]);
    expect(filterChipLinks("/feil", {})).toEqual([]);
  });
});
