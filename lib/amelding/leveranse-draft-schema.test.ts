import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/actions/check-values";
import { leveranseDraftSchema } from "./leveranse-draft-schema";

const errors = (value: unknown) => {
  const parsed = leveranseDraftSchema.safeParse(value);
  return parsed.success ? {} : zodFieldErrors(parsed.error);
};

describe("an A-melding draft", () => {
  it("keeps whatever is filled in, half-typed values included", () => {
    const draft = {
      kalendermaaned: "2026-1",
      opplysningspliktig: { norskIdentifikator: "3109" },
      oppgave: { virksomhet: [{ inntektsmottaker: [{ norskIdentifikator: "0212", inntekt: [{ beloep: "40 0" }] }] }] },
    };
    expect(leveranseDraftSchema.parse(draft)).toEqual(draft);
    expect(errors({})).toEqual({});
  });

  it("refuses what no builder sends: long text, unknown elements, other types, deep nesting, prototype keys", () => {
    expect(errors({ kildesystem: "x".repeat(256) })).toEqual({ kildesystem: ["tooLong"] });
    expect(errors({ skjult: 1 })).toEqual({ skjult: ["structureInvalid"] });
    expect(errors([])).toEqual({ _form: ["structureInvalid"] });
    expect(errors("leveranse")).toEqual({ _form: ["structureInvalid"] });
    let deep: Record<string, unknown> = {};
    const root = { oppgave: deep };
    for (let i = 0; i < 20; i++) {
      const inner: Record<string, unknown> = {};
      deep.a = inner;
      deep = inner;
    }
    expect(Object.values(errors(root)).flat()).toEqual(["structureInvalid"]);
    const hostile = JSON.parse('{"oppgave":{"__proto__":{"polluted":"yes"}}}');
    expect(Object.values(errors(hostile)).flat()).toEqual(["structureInvalid"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
