import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import { testTranslator } from "@/lib/testing/test-translator";
import { AUDIT_DETAIL_FIELDS, describeAuditDetails } from "./describe-audit-details";

const nbT = testTranslator("nb");
const enT = testTranslator("en");
const lines = (t = nbT, locale = "nb", action: string, details: unknown) =>
  Object.fromEntries(describeAuditDetails(t, locale, action, details).map((l) => [l.label, l.value]));

describe("audit entry details", () => {
  it("writes a submission's submit as labelled, translated lines", () => {
    const details = {
      kind: "amelding",
      subject: "2026-10",
      versionNo: 2,
      idempotencyKey: "6f1c2f0e-5c7a-4d2e-9a51-3b1f3a7b9d10",
    };
    expect(lines(nbT, "nb", "submission.submit", details)).toEqual({
      Type: "A-melding",
      Gjelder: "2026-10",
      Versjon: "2",
      Idempotensnøkkel: "6f1c2f0e-5c7a-4d2e-9a51-3b1f3a7b9d10",
    });
    expect(lines(enT, "en", "submission.submit", details)).toMatchObject({ Kind: "A-melding", Version: "2" });
  });

  it("translates statuses, roles and yes/no, and counts lists instead of listing ids", () => {
    expect(lines(nbT, "nb", "submission.retry", { fromStatus: "failed", versionId: "abcdef12-3456" })).toEqual({
      "Status før": "Feilet",
      "Versjon (id)": "abcdef12",
    });
    expect(
      lines(nbT, "nb", "user.update", {
        role: "manager",
        fromRole: "support",
        organisationIds: ["a", "b"],
        fromOrganisationIds: ["a"],
      }),
    ).toEqual({ "Rolle før": "Brukerstøtte", Rolle: "Leder", "Organisasjoner før": "1", Organisasjoner: "2" });
    expect(
      lines(nbT, "nb", "submissions.exported", {
        format: "csv",
        filter: { status: ["failed", "rejected"], period: "2026-10" },
        rowCount: 12345,
        until: "2026-11-29T13:30:00.000Z",
        personalDataMasked: true,
      }),
    ).toEqual({
      Format: "CSV",
      "Antall rader": "12\u00a0345",
      Filter: "Status: Feilet, Avvist · Periode: 2026-10",
      "Personopplysninger maskert": "Ja",
      "Til og med": "29. nov. 2026, 14:30",
    });
  });

  it("writes a system user's change of status in words", () => {
    expect(lines(enT, "en", "system_user.status_change", { orgnr: "310000001", from: null, to: "accepted" })).toEqual({
      "Organisation number": "310000001",
      From: "None",
      To: "Accepted",
    });
  });

  it("lists what it cannot read, and unknown actions, as stored key and value", () => {
    expect(lines(nbT, "nb", "submission.retry", { fromStatus: 42, extra: { a: 1 } })).toEqual({
      "Status før": "42",
      extra: '{"a":1}',
    });
    expect(lines(nbT, "nb", "legacy.action", { reason: "x", count: 3 })).toEqual({ reason: "x", count: "3" });
    expect(describeAuditDetails(nbT, "nb", "user.activate", null)).toEqual([]);
  });

  it("is never fooled by keys on Object.prototype", () => {
    const details = JSON.parse('{"__proto__": {"email": "x"}, "email": "a@b.no"}');
    expect(lines(nbT, "nb", "user.activate", details)).toMatchObject({ "E-post": "a@b.no" });
  });

  it("has a label in both languages for every field the actions record", () => {
    for (const messages of [nb, en]) {
      const labels = messages.auditLog.detailFields as Record<string, string>;
      expect(AUDIT_DETAIL_FIELDS.filter((key) => !labels[key])).toEqual([]);
    }
  });
});
