import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/lib/actions/check-values";
import { parseFormData } from "@/lib/actions/form-data";
import { oppdragDraftSchema } from "./oppdrag-draft-schema";
import { oppdragFormSchema } from "./oppdrag-form-schema";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  const parsed = parseFormData(data);
  if (!parsed.ok) throw new Error(parsed.refusal.code);
  return parsed.value;
}

describe("an OAR draft", () => {
  it("keeps whatever is filled in, as typed, and leaves empty fields out", () => {
    const draft = oppdragDraftSchema.parse(
      form({
        "oppdragsgiver.variant": "norsk",
        "oppdragsgiver.organisasjonsnummer": "3109",
        "oppdragstaker.navn": "",
        "oppdrag.beskrivelse": "Montering av ",
        "oppdrag.kontraktsverdiNok": "450 000,5",
        "oppdrag.arbeidssted.type": "land",
        "oppdrag.startdato": "",
      }),
    );
    expect(JSON.parse(JSON.stringify(draft))).toEqual({
      oppdragsgiver: { variant: "norsk", organisasjonsnummer: "3109" },
      oppdragstaker: {},
      oppdrag: { beskrivelse: "Montering av", kontraktsverdiNok: "450 000,5", arbeidssted: { type: "land" } },
      hovedoppdragsgiverErAnnen: false,
      oppdragsgiverAvvikBekreftet: false,
    });
    expect(oppdragDraftSchema.safeParse(form({})).success).toBe(true);
  });

  it("is still bounded: too long text, a choice not in its list, too many vedlegg, fields it does not have", () => {
    const errors = (fields: Record<string, string>) => {
      const parsed = oppdragDraftSchema.safeParse(form(fields));
      return parsed.success ? {} : zodFieldErrors(parsed.error);
    };
    expect(errors({ "oppdrag.beskrivelse": "x".repeat(2001) })).toEqual({ "oppdrag.beskrivelse": ["tooLong"] });
    expect(errors({ "oppdragsgiver.variant": "annen" })).toEqual({ "oppdragsgiver.variant": ["choiceInvalid"] });
    const vedlegg = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`vedlegg.${i}.referanse`, "r"]));
    expect(errors(vedlegg)).toEqual({ vedlegg: ["tooMany"] });
    // Fields the form does not have are not kept.
    expect(oppdragDraftSchema.parse(form({ "oppdrag.skjult": "x", admin: "true" }))).not.toHaveProperty("admin");
  });

  it("never reaches an object's prototype", () => {
    const data = new FormData();
    data.append("__proto__.polluted", "yes");
    expect(parseFormData(data).ok).toBe(false);
    const hostile = JSON.parse('{"oppdrag":{"__proto__":{"polluted":"yes"},"beskrivelse":"a"}}');
    const parsed = oppdragDraftSchema.parse(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.oppdrag)).toBe(Object.prototype);
  });

  it("sent, answers every field that is missing or wrong at once", () => {
    const draft = oppdragDraftSchema.parse(
      form({ "oppdragsgiver.variant": "norsk", "oppdragsgiver.organisasjonsnummer": "3109", "oppdrag.startdato": "x" }),
    );
    const sent = oppdragFormSchema.safeParse(draft);
    expect(sent.success).toBe(false);
    if (sent.success) return;
    expect(Object.keys(zodFieldErrors(sent.error)).sort()).toEqual(
      [
        "oppdrag.arbeidssted",
        "oppdrag.beskrivelse",
        "oppdrag.forventetSluttdato",
        "oppdrag.kontraktsverdiNok",
        "oppdrag.startdato",
        "oppdragsgiver.navn",
        "oppdragsgiver.organisasjonsnummer",
        "oppdragstaker",
      ].sort(),
    );
  });
});
