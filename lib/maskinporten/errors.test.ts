import { describe, expect, it } from "vitest";
import { DOCUMENTED_MP_CODES, decodeMaskinportenErrorBody } from "./error-codes";
import { grantRejectedError, MaskinportenConfigError, MaskinportenError } from "./errors";

describe("decoding Maskinporten errors", () => {
  it(`has an explanation and a hint for every code in docs/domain.md, "Maskinporten"`, () => {
    for (const code of [
      "MP-100",
      "MP-110",
      "MP-121",
      "MP-124",
      "MP-130",
      "MP-012",
      "MP-200",
      "MP-201",
      "MP-250",
      "MP-301",
      "MP-302",
      "MP-303",
    ]) {
      expect(DOCUMENTED_MP_CODES).toContain(code);
      const d = decodeMaskinportenErrorBody({ error: "invalid_grant", error_description: `x (${code})` });
      expect(d.mpCode).toBe(code);
      expect(d.reason).not.toBe("unknown");
      expect(d.explanation).toBeTruthy();
      expect(d.hint).toBeTruthy();
    }
  });

  it("reads the code from error_uri, as the real Maskinporten sends it", () => {
    const e = grantRejectedError(400, {
      error: "invalid_grant",
      error_description:
        "Invalid assertion. Client authentication failed. Expired key. (trace_id: 356666143081bbec11d293753e9702ca)",
      error_uri: "https://maskinporten.no/errors/MP-121",
    });
    expect(e).toMatchObject({ kind: "grant_rejected", httpStatus: 400, mpCode: "MP-121", reason: "expired_key" });
  });

  it("recognises known wording when there is no code", () => {
    const cases: [string, string][] = [
      ["Invalid assertion. Client authentication failed. Invalid JWT claim aud. (trace_id: 5d5d)", "wrong_audience"],
      ["Invalid assertion. Client authentication failed. Invalid JWT signature.", "bad_signature"],
      ["Invalid assertion. Client authentication failed. Unknown key identifier (kid) for client", "unknown_kid"],
      ["Invalid JWT. The client requires pre-registered jwk and no key identifier (kid) provided", "missing_kid"],
      ["Grant is used before", "reused_grant"],
      ["Consumer 310900125 has not been granted access to the scope skatteetaten:x", "no_access_to_scope"],
      ["Invalid assertion", "invalid_assertion"],
    ];
    for (const [text, reason] of cases) {
      expect(decodeMaskinportenErrorBody({ error: "invalid_grant", error_description: text }).reason).toBe(reason);
    }
    expect(
      decodeMaskinportenErrorBody({ error: "invalid_grant", error_description: "Invalid JWT claim aud" }).mpCode,
    ).toBe("MP-110");
  });

  it("keeps an unknown code and says it is unknown", () => {
    const e = grantRejectedError(400, { error: "invalid_grant", error_description: "Something new (MP-999)" });
    expect(e).toMatchObject({ mpCode: "MP-999", reason: "unknown", kind: "grant_rejected" });
    expect(e.explanation).toMatch(/does not know/);
  });

  it("falls back to the OAuth error", () => {
    expect(decodeMaskinportenErrorBody({ error: "unsupported_grant_type" }).reason).toBe("unsupported_grant_type");
    expect(decodeMaskinportenErrorBody({ error: "weird" }).reason).toBe("unknown");
  });

  it("treats a 4xx without an OAuth body as a bad response", () => {
    expect(grantRejectedError(404, "<html>")).toMatchObject({ kind: "bad_response", httpStatus: 404 });
  });

  it("serialises to the decoded fields only", () => {
    const e = grantRejectedError(400, { error: "invalid_scope", error_description: "Invalid scope (MP-200)" });
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: "MaskinportenError",
      message: `MP-200: ${e.explanation}`,
      kind: "grant_rejected",
      reason: "invalid_scope",
      httpStatus: 400,
      error: "invalid_scope",
      errorDescription: "Invalid scope (MP-200)",
      mpCode: "MP-200",
      explanation: e.explanation,
      hint: e.hint,
    });
    expect(e.transient).toBe(false);
    expect(new MaskinportenError({ kind: "server", explanation: "x", hint: "y" }).transient).toBe(true);
  });

  it("config errors carry the variable and are not transient", () => {
    const e = new MaskinportenConfigError("MASKINPORTEN_KID", "MASKINPORTEN_KID is required");
    expect(e).toMatchObject({
      kind: "config",
      variable: "MASKINPORTEN_KID",
      message: "MASKINPORTEN_KID is required",
      transient: false,
    });
    expect(e).toBeInstanceOf(MaskinportenError);
  });
});
