import { describe, expect, it } from "vitest";
import nb from "@/lib/i18n/messages/nb.json";
import { describeFieldPath } from "./describe-field-path";
import { toModelPath } from "./use-focus-field";

const messages = nb.ameldingBuilder as Record<string, unknown>;
function lookup(key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (node, k) => (node && typeof node === "object" ? (node as Record<string, unknown>)[k] : undefined),
      messages,
    );
}
const t = Object.assign(
  (key: string, values: Record<string, string | number> = {}) =>
    String(lookup(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name])),
  { has: (key: string) => typeof lookup(key) === "string" },
);

describe("field path descriptions", () => {
  it("names each item on the way to a field", () => {
    expect(describeFieldPath("oppgave.virksomhet.0.inntektsmottaker.1.inntekt.0.beloep", t)).toBe(
      "Virksomhet 1 – Inntektsmottaker 2 – Inntekt 1 – Beløp",
    );
  });

  it("tells the three norskIdentifikator fields apart", () => {
    expect(describeFieldPath("opplysningspliktig.norskIdentifikator", t)).toBe("Opplysningspliktig");
    expect(describeFieldPath("oppgave.virksomhet.1.norskIdentifikator", t)).toBe(
      "Virksomhet 2 – Organisasjonsnummer for virksomheten",
    );
    expect(describeFieldPath("oppgave.virksomhet.0.inntektsmottaker.0.norskIdentifikator", t)).toBe(
      "Virksomhet 1 – Inntektsmottaker 1 – Fødselsnummer eller d-nummer",
    );
  });

  it("reads Skatteetaten's slash paths as model paths", () => {
    expect(toModelPath("/leveranse/oppgave/virksomhet/0/inntektsmottaker/2")).toBe(
      "oppgave.virksomhet.0.inntektsmottaker.2",
    );
    expect(toModelPath("oppgave.virksomhet.0")).toBe("oppgave.virksomhet.0");
  });
});
