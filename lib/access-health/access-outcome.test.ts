import { describe, expect, it } from "vitest";
import { classifyAnswer, classifyTokenFailure } from "./access-outcome";

describe("classifyAnswer", () => {
  it.each([
    ["AMLD_005", 403, [], "refused", "AMLD_005"],
    ["AMLD_004", 401, [], "refused", "AMLD_004"],
    ["AMLD_005", 403, ["AMLD_1015"], "refused", "AMLD_1015"],
    ["AMLD_004", 401, ["AMLD_1063"], "system_user_missing", "AMLD_1063"],
    ["OAR_001", 403, ["OAR_1011"], "system_user_missing", "OAR_1011"],
    [null, 403, [], "refused", null],
    ["SOMETHING_NEW", 401, [], "refused", "SOMETHING_NEW"],
  ] as const)("reads %s (HTTP %i, %j) as %s", (code, status, specs, state, named) => {
    expect(classifyAnswer("amelding", status, code, specs)).toEqual({
      kind: "failure",
      state,
      code: named,
      api: "amelding",
    });
  });

  it("takes an answer about the content as proof that access works", () => {
    expect(classifyAnswer("amelding", 200, null)).toEqual({ kind: "ok", api: "amelding" });
    expect(classifyAnswer("oar", 400, "OAR_005", ["OAR_1004"])).toEqual({ kind: "ok", api: "oar" });
    expect(classifyAnswer("amelding", 409, "AMLD_019")).toEqual({ kind: "ok", api: "amelding" });
  });

  it("reads a server error, a timeout status or 429 as a token that worked, saying nothing of access", () => {
    for (const status of [500, 503, 429, 408])
      expect(classifyAnswer("amelding", status, "AMLD_023")).toEqual({ kind: "token_ok" });
  });
});

describe("classifyTokenFailure", () => {
  it("reads Maskinporten's MP-303 (no system user for the organisation) as a revoked system user", () => {
    expect(classifyTokenFailure({ reason: "authorization_details_values", mpCode: "MP-303" })).toEqual({
      kind: "failure",
      state: "system_user_revoked",
      code: "MP-303",
      api: null,
    });
    // Maskinporten does not always include the code; its wording is read as the same reason.
    expect(classifyTokenFailure({ reason: "authorization_details_values", mpCode: null })).toMatchObject({
      state: "system_user_revoked",
    });
  });

  it("reads every other token failure as a failing token, with its code", () => {
    expect(classifyTokenFailure({ reason: "expired_key", mpCode: "MP-121" })).toEqual({
      kind: "failure",
      state: "token_failing",
      code: "MP-121",
      api: null,
    });
    expect(classifyTokenFailure({ reason: "network", mpCode: null })).toMatchObject({
      state: "token_failing",
      code: "network",
    });
    expect(classifyTokenFailure({ reason: "unexpected", mpCode: null })).toMatchObject({
      state: "token_failing",
      code: null,
    });
  });
});
