import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, filterToSearchParams, parseSubmissionListFilter } from "./list-filter";

describe("submission list filter", () => {
  it("round-trips through the URL, including repeated statuses", () => {
    const filter = parseSubmissionListFilter(
      new URLSearchParams("status=failed&status=rejected&kind=oar&period=2026-10&q=%20abc%20&code=OAR_005"),
    );
    expect(filter).toMatchObject({
      // In the order of the form's checkboxes, whatever the URL's order.
      status: ["rejected", "failed"],
      kind: "oar",
      period: "2026-10",
      q: "abc",
      code: "OAR_005",
    });
    expect(parseSubmissionListFilter(filterToSearchParams(filter))).toEqual(filter);
  });

  it("keeps the error-group and bulk filters in the URL, dropping invalid ones", () => {
    const bulk = "3f2b8c1e-1111-4a2b-9c3d-123456789abc";
    const filter = parseSubmissionListFilter(
      new URLSearchParams(`status=failed&code=OAR_010&spec=OAR_1009&cause=transport&bulk=${bulk}`),
    );
    expect(filter).toMatchObject({ spec: "OAR_1009", cause: "transport", bulk });
    expect(parseSubmissionListFilter(filterToSearchParams(filter))).toEqual(filter);
    expect(parseSubmissionListFilter({ cause: "weather", bulk: "x", code: "OAR_010" })).toMatchObject({
      cause: undefined,
      bulk: undefined,
      code: "OAR_010",
    });
  });

  it("drops invalid values instead of failing the whole page", () => {
    const filter = parseSubmissionListFilter({
      status: "bogus",
      kind: "x",
      period: "2026-13",
      q: "ok",
      org: "not-a-uuid",
      from: "2026-02-30",
    });
    expect(filter).toMatchObject({
      status: undefined,
      kind: undefined,
      period: undefined,
      org: undefined,
      from: undefined,
      q: "ok",
    });
  });

  it("keeps a time range with or without time of day", () => {
    expect(parseSubmissionListFilter({ from: "2026-11-20T08:00", to: "2026-11-21" })).toMatchObject({
      from: "2026-11-20T08:00",
      to: "2026-11-21",
    });
  });

  it("encodes a keyset cursor at microsecond precision and rejects a tampered one", () => {
    const at = "2026-11-20T10:00:00.123456Z";
    const id = "3f2b8c1e-1111-4a2b-9c3d-123456789abc";
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ createdAt: at, id });
    expect(decodeCursor(encodeCursor("2026-11-20'; drop table x", id))).toBeNull();
    expect(decodeCursor("garbage")).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });
});
