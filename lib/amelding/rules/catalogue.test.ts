import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { randomOrgnr } from "@/lib/testing/test-db";
import { AMELDING_RULES } from "./catalogue";
import { RULE_SEVERITIES } from "./rule-types";
import { blockingHits, rulesFor, runRules } from "./run-rules";

/*
 * Each rule of the catalogue with a case that passes and one that fails, built from Skatteetaten's
 * published example (lib/amelding/official-examples) or the synthetic generator.
 */

const OFFICIAL = JSON.parse(
  readFileSync(new URL("../official-examples/amelding-2026-02-19.json", import.meta.url), "utf8"),
) as { leveranse: Record<string, any> };

const clone = <T>(value: T): T => structuredClone(value);
const official = () => clone(OFFICIAL.leveranse);
const generated = (kalendermaaned = "2026-10", persons = 2) =>
  clone(
    generateLeveranse({ opplysningspliktig: randomOrgnr(), virksomhet: randomOrgnr(), persons, kalendermaaned }),
  ) as any;
const person = (leveranse: any, i = 0) => leveranse.oppgave.virksomhet[0].inntektsmottaker[i];
const ids = (hits: { ruleId: string }[]) => hits.map((h) => h.ruleId);

describe("the rule catalogue", () => {
  it("gives every rule an id, a known severity, a message, a source and a validity", () => {
    const seen = new Set<string>();
    for (const rule of AMELDING_RULES) {
      expect(seen.has(rule.id), rule.id).toBe(false);
      seen.add(rule.id);
      expect(RULE_SEVERITIES).toContain(rule.severity);
      expect(rule.messageKey).toBe(`ameldingRules.messages.${rule.id}`);
      expect(rule.source.url).toMatch(/^https:\/\//);
      expect(rule.source.section.length).toBeGreaterThan(10);
      // What is not published says so in the rule's data.
      if (!rule.severityPublished || rule.skatteetatenCode === null) expect(rule.source.note).toBeTruthy();
      if (rule.skatteetatenCode !== null) expect(rule.skatteetatenCode).toMatch(/^MAGNET_EDAG-\d{3}$/);
      expect(rule.validFrom).toMatch(/^\d{4}-\d{2}$/);
    }
  });

  it("finds nothing in Skatteetaten's published example nor in a generated A-melding", () => {
    expect(runRules(official())).toEqual([]);
    const leveranse = generated();
    expect(runRules(leveranse, { previous: leveranse })).toEqual([]);
  });

  it("runs a rule only in the months it is valid for (versioned per year)", () => {
    const rule = { ...AMELDING_RULES[0]!, validFrom: "2026-01", validTo: "2026-12" };
    expect(rulesFor("2026-06", [rule])).toHaveLength(1);
    expect(rulesFor("2025-12", [rule])).toHaveLength(0);
    expect(rulesFor("2027-01", [rule])).toHaveLength(0);
    const leveranse = generated("2025-10");
    delete person(leveranse).arbeidsforhold[0].formForAnsettelse;
    expect(runRules(leveranse)).toEqual([]);
  });
});

describe("incomeWithoutEmployment (MAGNET_EDAG-219)", () => {
  it("marks the arbeidsforhold of a person with wages and no employment", () => {
    const leveranse = official();
    delete leveranse.oppgave.virksomhet[0].inntektsmottaker[0].arbeidsforhold;
    const hits = runRules(leveranse).filter((h) => h.ruleId === "incomeWithoutEmployment");
    expect(hits).toEqual([
      expect.objectContaining({
        path: "oppgave.virksomhet.0.inntektsmottaker.0.arbeidsforhold",
        skatteetatenCode: "MAGNET_EDAG-219",
        severity: "Oeyeblikkelig",
      }),
    ]);
    // The person is named with the fødselsnummer masked.
    expect(hits[0]!.params?.person).not.toContain("08842199736");
  });

  it("does not ask for an employment for a pension or fee alone", () => {
    const leveranse = official();
    const p = leveranse.oppgave.virksomhet[0].inntektsmottaker[0];
    delete p.arbeidsforhold;
    p.inntekt = p.inntekt.filter((i: any) => !i.loennsinntekt);
    expect(ids(runRules(leveranse))).not.toContain("incomeWithoutEmployment");
  });
});

describe("positiveForskuddstrekk (MAGNET_EDAG-278)", () => {
  it("marks a positive forskuddstrekk amount, as number or typed text", () => {
    const leveranse = generated();
    person(leveranse, 0).forskuddstrekk[0].beloep = 7000;
    person(leveranse, 1).forskuddstrekk[0].beloep = "1 500";
    const hits = runRules(leveranse).filter((h) => h.ruleId === "positiveForskuddstrekk");
    expect(hits.map((h) => h.path)).toEqual([
      "oppgave.virksomhet.0.inntektsmottaker.0.forskuddstrekk.0.beloep",
      "oppgave.virksomhet.0.inntektsmottaker.1.forskuddstrekk.0.beloep",
    ]);
    expect(blockingHits(hits)).toHaveLength(2);
  });

  it("passes a negative or zero forskuddstrekk", () => {
    const leveranse = generated();
    person(leveranse, 1).forskuddstrekk[0].beloep = 0;
    expect(ids(runRules(leveranse))).not.toContain("positiveForskuddstrekk");
  });
});

describe("employmentFormMissing (MAGNET_EDAG-291)", () => {
  it("marks an ordinary employment without formForAnsettelse", () => {
    const leveranse = official();
    delete leveranse.oppgave.virksomhet[0].inntektsmottaker[0].arbeidsforhold[0].formForAnsettelse;
    expect(runRules(leveranse)).toEqual([
      expect.objectContaining({
        ruleId: "employmentFormMissing",
        path: "oppgave.virksomhet.0.inntektsmottaker.0.arbeidsforhold.0.formForAnsettelse",
        severity: "Avvisning",
      }),
    ]);
  });

  it("does not ask it of a freelancer's assignment", () => {
    const leveranse = official();
    const af = leveranse.oppgave.virksomhet[0].inntektsmottaker[0].arbeidsforhold[0];
    delete af.formForAnsettelse;
    af.typeArbeidsforhold = "frilanserOppdragstakerHonorarPersonerMm";
    expect(ids(runRules(leveranse))).not.toContain("employmentFormMissing");
  });
});

describe("leftWithoutEndDate (history)", () => {
  it("marks a person of last month who is gone without an end date", () => {
    const previous = generated("2026-09");
    const current = clone(previous);
    current.kalendermaaned = "2026-10";
    current.oppgave.virksomhet[0].inntektsmottaker.splice(1, 1);
    const hits = runRules(current, { previous });
    expect(hits).toEqual([
      expect.objectContaining({ ruleId: "leftWithoutEndDate", path: "oppgave.virksomhet.0.inntektsmottaker" }),
    ]);
    // Without the previous month (the browser), the rule does not run.
    expect(runRules(current)).toEqual([]);
  });

  it("lets a person go whose employment ended before the month", () => {
    const previous = generated("2026-09");
    person(previous, 1).arbeidsforhold[0].sluttdato = "2026-09-30";
    const current = clone(previous);
    current.kalendermaaned = "2026-10";
    current.oppgave.virksomhet[0].inntektsmottaker.splice(1, 1);
    expect(runRules(current, { previous })).toEqual([]);
  });
});

describe("leaveNotRepeated (MAGNET_EDAG-231, history)", () => {
  const withLeave = (month: string, sluttdato?: string) => {
    const leveranse = generated(month);
    person(leveranse).arbeidsforhold[0].permisjon = [
      { permisjonId: "P-1", startdato: "2026-08-01", ...(sluttdato ? { sluttdato } : {}), permisjonsprosent: "100" },
    ];
    return leveranse;
  };

  it("marks an employment whose open leave of last month is not repeated", () => {
    const previous = withLeave("2026-09");
    const current = clone(previous);
    current.kalendermaaned = "2026-10";
    delete person(current).arbeidsforhold[0].permisjon;
    expect(runRules(current, { previous })).toEqual([
      expect.objectContaining({
        ruleId: "leaveNotRepeated",
        skatteetatenCode: "MAGNET_EDAG-231",
        path: "oppgave.virksomhet.0.inntektsmottaker.0.arbeidsforhold.0",
        params: { permisjon: "P-1" },
      }),
    ]);
  });

  it("passes a repeated leave, and one whose end date has passed", () => {
    const previous = withLeave("2026-09");
    const repeated = clone(previous);
    repeated.kalendermaaned = "2026-10";
    expect(runRules(repeated, { previous })).toEqual([]);
    const ended = withLeave("2026-09", "2026-09-15");
    const next = clone(ended);
    next.kalendermaaned = "2026-10";
    delete person(next).arbeidsforhold[0].permisjon;
    expect(runRules(next, { previous: ended })).toEqual([]);
  });
});

describe("the rules' reading of a leveranse", () => {
  it("skips what is not shaped like one, without throwing", () => {
    for (const input of [null, 42, "x", [], { oppgave: { virksomhet: [null, { inntektsmottaker: "x" }] } }])
      expect(runRules(input)).toEqual([]);
  });
});
