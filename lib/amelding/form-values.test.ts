import { describe, expect, it } from "vitest";
import {
  appendAt,
  blankLeveranse,
  getAt,
  identifierKind,
  inntektType,
  newInntekt,
  newLoennOgGodtgjoerelse,
  removeAt,
  setAt,
  textAt,
  withIdentifierKind,
  withInntektType,
} from "./form-values";
import { leveranseUnsentSchema } from "./leveranse-schema";

const blank = () => blankLeveranse({ meldingsId: "m-1", opplysningspliktig: "310900125", kalendermaaned: "2026-10" });

describe("builder values", () => {
  it("reads and writes by the dotted paths zod reports, copying only along the path", () => {
    const before = blank();
    const after = setAt(before, "oppgave.virksomhet.0.norskIdentifikator", "310900230");
    expect(textAt(after, "oppgave.virksomhet.0.norskIdentifikator")).toBe("310900230");
    expect(textAt(before, "oppgave.virksomhet.0.norskIdentifikator")).toBe("");
    expect(getAt(after, "opplysningspliktig")).toBe(getAt(before, "opplysningspliktig"));
  });

  it("adds and removes lines, dropping an optional list left empty", () => {
    let v = appendAt(blank(), "oppgave.virksomhet.0.inntektsmottaker.0.inntekt", newInntekt());
    v = appendAt(v, "oppgave.virksomhet.0.inntektsmottaker.0.inntekt", { ...newInntekt(), beloep: "2" });
    v = removeAt(v, "oppgave.virksomhet.0.inntektsmottaker.0.inntekt", 0);
    expect(textAt(v, "oppgave.virksomhet.0.inntektsmottaker.0.inntekt.0.beloep")).toBe("2");
    v = removeAt(v, "oppgave.virksomhet.0.inntektsmottaker.0.inntekt", 0);
    expect(getAt(v, "oppgave.virksomhet.0.inntektsmottaker.0")).toEqual({});
    expect(getAt(removeAt(v, "oppgave.virksomhet", 0, true), "oppgave.virksomhet")).toEqual([]);
  });

  it("switches a person between a Norwegian and foreign ids, and an income line between kinds", () => {
    const foreign = withIdentifierKind(
      { norskIdentifikator: "1", identifiserendeInformasjon: { navn: "A" } },
      "internasjonal",
    );
    expect(identifierKind(foreign)).toBe("internasjonal");
    expect(foreign).not.toHaveProperty("norskIdentifikator");
    expect(identifierKind(withIdentifierKind(foreign, "norsk"))).toBe("norsk");
    const line = withInntektType(newInntekt(), "naeringsinntekt");
    expect(inntektType(line)).toBe("naeringsinntekt");
    expect(line).not.toHaveProperty("loennsinntekt");
  });

  it("prefills an AGA line with its zone's rate", () => {
    expect(newLoennOgGodtgjoerelse("4a").prosentsatsForAvgiftsberegning).toBe("7.9");
  });

  it("starts blank values that the schema reports field by field", () => {
    const r = leveranseUnsentSchema.safeParse(blank());
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["oppgave.virksomhet.0.norskIdentifikator"]);
  });
});
