import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseImport } from "@/lib/amelding/import/parse-import";
import { leveranseUnsentSchema } from "@/lib/amelding/leveranse-schema";
import { checkBetalingsinformasjon } from "@/lib/amelding/sums";
import { upgradeLeveranse } from "@/lib/amelding/upgrade-leveranse";
import { insertOrganisation } from "@/lib/organisations/queries";
import { createAmeldingAdapter } from "@/lib/reporting/amelding/amelding-adapter";
import { startSandboxSkatteetaten } from "@/lib/sandbox/skatteetaten/server";
import { fakeVerifyToken } from "@/lib/sandbox/skatteetaten/test-support";
import type { SandboxSkatteetatenHandle } from "@/lib/sandbox/skatteetaten/types";
import { checkImportText as checkImport } from "@/lib/testing/import-text";
import { connectTestDb, createTestUser } from "@/lib/testing/test-db";

/*
 * Skatteetaten's published A-melding JSON example (README.md beside this file) through our whole
 * path: import and builder validation, the stored payload, the adapter's wire body, the sandbox.
 */

const read = (file: string) => readFileSync(new URL(`./${file}`, import.meta.url), "utf8");
const LATEST = read("amelding-2026-02-19.json");
const EARLIER = read("amelding-2026-02-17.json");
const example = JSON.parse(LATEST) as { leveranse: Record<string, any> };

/** Every leaf of a JSON value by path, with its JSON type ("integer" apart from other numbers). */
function jsonTypes(value: unknown, path = "", out: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) jsonTypes(v, `${path}/${i}`, out);
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) jsonTypes(v, `${path}/${k}`, out);
  else
    out[path] =
      typeof value === "number"
        ? Number.isInteger(value)
          ? "integer"
          : "decimal number"
        : value === null
          ? "null"
          : typeof value;
  return out;
}

/** Leaves by path with numbers and numeric strings as numbers, to compare values across JSON types. */
function leafValues(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, `${path}/${i}`);
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}/${k}`);
    else
      out[path] =
        typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) && !/^0\d/.test(v) && !/^\d{7,}$/.test(v) ? Number(v) : v;
  };
  walk(value, "");
  return out;
}

describe("Skatteetaten's published A-melding example", () => {
  it("passes our import, both published versions", () => {
    for (const text of [LATEST, EARLIER]) {
      const parsed = parseImport(text);
      expect(parsed).toMatchObject({ ok: true, format: "json", warnings: [] });
    }
  });

  it("passes the builder's validation, opened as a stored draft is", () => {
    const { leveringstidspunkt: _, ...draft } = upgradeLeveranse(example.leveranse).leveranse;
    const result = leveranseUnsentSchema.safeParse(draft);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("states sums its few lines do not add up to: shown as warnings, never as errors", () => {
    const parsed = parseImport(LATEST);
    if (!parsed.ok) throw new Error("the example should import");
    // 245428 × 14.1 % = 34605: the arbeidsgiveravgift matches; the forskuddstrekk of one person does not make 178485.
    expect(checkBetalingsinformasjon(parsed.leveranse.oppgave)).toEqual([
      { field: "sumForskuddstrekkPerLoennsutbetalingsdato", expected: 17022, actual: 178485, key: "sumMismatch" },
    ]);
  });

  describe("round trip and acceptance", () => {
    let sandbox: SandboxSkatteetatenHandle;
    beforeAll(async () => {
      sandbox = await startSandboxSkatteetaten({ port: 0, verifyToken: fakeVerifyToken });
    });
    afterAll(() => sandbox.close());

    function wireRequest(text: string) {
      const parsed = parseImport(text);
      if (!parsed.ok) throw new Error("the example should import");
      // As import-leveranse.ts stores it.
      const stored = JSON.parse(JSON.stringify(parsed.leveranse)) as Record<string, unknown>;
      const adapter = createAmeldingAdapter({ baseUrl: sandbox.ameldingBaseUrl, idempotencyKeyIn: "header" });
      return adapter.buildRequest(stored, {
        idempotencyKey: randomUUID(),
        orgnr: example.leveranse.opplysningspliktig.norskIdentifikator,
        existsAtSkatteetaten: false,
      });
    }

    it("comes out of the adapter with every field and every JSON type of the latest example", () => {
      const wire = JSON.parse(wireRequest(LATEST).body);
      expect(jsonTypes(wire)).toEqual(jsonTypes(example));
      expect(leafValues(wire)).toEqual(leafValues(example));
      // Whole kroner as JSON integers, decimals as strings.
      expect(wire.leveranse.oppgave.betalingsinformasjon.sumArbeidsgiveravgift).toBe(34605);
      expect(wire.leveranse.oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0].beloep).toBe("23989.5");
    });

    it("comes out the same way when imported from the earlier version, whose decimals are numbers", () => {
      const wire = JSON.parse(wireRequest(EARLIER).body);
      const earlier = JSON.parse(EARLIER);
      expect(jsonTypes(wire.leveranse.oppgave)).toEqual(jsonTypes(example.leveranse.oppgave));
      expect(leafValues(wire)).toEqual(leafValues(earlier));
    });

    it("is accepted by the sandbox as our adapter sends it", async () => {
      const request = wireRequest(LATEST);
      expect(request.url).toBe(`${sandbox.ameldingBaseUrl}/innsending/2026-01/211785462`);
      const answer = await fetch(request.url, {
        method: "POST",
        headers: { ...request.headers, Authorization: "Bearer good-token" },
        body: request.body,
      });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ meldingsId: example.leveranse.meldingsId });
    });
  });

  describe("import against real PostgreSQL", () => {
    const db = connectTestDb();

    it("is checked and summarised for the organisation it names", async () => {
      const user = await createTestUser(db, "admin");
      const org = await insertOrganisation(db, { orgnr: "211785462", name: "Skatteetatens eksempel AS" }, user.id);
      const result = await checkImport(db, [org!.id], LATEST);
      expect(result).toMatchObject({
        ok: true,
        format: "json",
        organisation: { orgnr: "211785462" },
        summary: {
          kalendermaaned: "2026-01",
          persons: 1,
          reportedSumForskuddstrekk: 178485,
          reportedSumArbeidsgiveravgift: 34605,
        },
      });
    });
  });
});
