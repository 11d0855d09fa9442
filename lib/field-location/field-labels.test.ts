import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { LeveranseBuilder } from "@/components/amelding/leveranse-builder";
import { OppdragForm } from "@/components/oppdrag/oppdrag-form";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import { renderMarkup } from "@/lib/testing/render-markup";
import { FIELD_LABELS, fieldLabel, patternOf, type ReportKind } from "./field-labels";

// Rendering the forms to markup: no router, and the server actions stay what the browser gets
// of them, a reference never called here (their modules need the Next.js server).
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {}, refresh: () => {} }) }));
vi.mock("@/lib/oppdrag/actions", () => ({ saveOppdragAction: async () => ({ ok: false }) }));
vi.mock("@/lib/amelding/actions", () => ({ saveAmeldingAction: async () => ({ ok: false }) }));

const render = renderMarkup;

/** Every form control's name and every id a `?felt=` link can land on, as model paths. */
function fieldPaths(html: string, idPrefix: string): Set<string> {
  const paths = new Set<string>();
  for (const [, name] of html.matchAll(/\sname="([^"]+)"/g)) paths.add(name as string);
  for (const [, id] of html.matchAll(new RegExp(`\\sid="${idPrefix}-([^"]+)"`, "g"))) paths.add(id as string);
  return paths;
}

/** Inputs that carry no field of the report: the submit intent, ids of what is being edited, the builder's own switches. */
const NOT_FIELDS = new Set(["intent", "submissionId", "oppdragsreferanse"]);
const isField = (path: string) =>
  !NOT_FIELDS.has(path) && !path.startsWith("idkind-") && !path.endsWith("-error") && !path.endsWith("-hint");

const organisations = [{ id: "00000000-0000-4000-8000-000000000001", name: "Byggmester AS", orgnr: "310900125" }];

const oarVariants: Record<string, unknown>[] = [
  {
    oppdragsgiver: { variant: "norsk", navn: "Byggmester AS", organisasjonsnummer: "310900125" },
    oppdragstaker: { variant: "norsk", navn: "Stål AS", organisasjonsnummer: "310900230" },
    oppdrag: { arbeidssted: { type: "land" } },
  },
  {
    oppdragsgiver: { variant: "utenlandsk", navn: "Foreign Ltd" },
    hovedoppdragsgiver: { variant: "utenlandsk", navn: "Main Ltd" },
    oppdragstaker: { variant: "utenlandsk", navn: "Baltic Steel OÜ" },
    oppdrag: { arbeidssted: { type: "sokkel" } },
    vedlegg: [{ type: "kontrakt", referanse: "K-1" }],
  },
];

const person = (identifier: Record<string, unknown>) => ({
  ...identifier,
  identifiserendeInformasjon: { navn: "Kari Testesen" },
  arbeidsforhold: [{ typeArbeidsforhold: "ordinaertArbeidsforhold" }],
  inntekt: ["loennsinntekt", "ytelseFraOffentlige", "pensjonEllerTrygd", "naeringsinntekt"].map((type) => ({
    [type]: { beskrivelse: "" },
  })),
  forskuddstrekk: [{ beloep: "" }],
});

const leveranse = {
  opplysningspliktig: { norskIdentifikator: "310900125" },
  kalendermaaned: "2026-10",
  meldingsId: "m-1",
  kildesystem: "test",
  oppgave: {
    pensjonsinnretning: [{ identifikator: "" }],
    virksomhet: [
      {
        norskIdentifikator: "310900230",
        inntektsmottaker: [
          person({ norskIdentifikator: "15858810008" }),
          person({ internasjonalIdentifikator: [{ identifikator: "", identifikatortype: "", land: "" }] }),
        ],
        arbeidsgiveravgift: { loennOgGodtgjoerelse: [{ sone: "1" }] },
      },
    ],
    betalingsinformasjon: { sumForskuddstrekkPerLoennsutbetalingsdato: [{ loennsutbetalingsdato: "" }] },
  },
};

function messageAt(messages: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (node, k) => (node && typeof node === "object" ? (node as Record<string, unknown>)[k] : undefined),
      messages,
    );
}

describe("the field label table", () => {
  it("has an entry for every field the OAR form renders", () => {
    const paths = new Set<string>();
    for (const initial of oarVariants) {
      const html = render(createElement(OppdragForm, { organisations, initial, existsAtSkatteetaten: false }));
      for (const path of fieldPaths(html, "oppdrag")) paths.add(path);
    }
    const fields = [...paths].filter(isField);
    expect(fields).toContain("oppdragstaker.adresseHjemland.landkode");
    expect(fields).toContain("vedlegg.0.referanse");
    expect(fields.filter((path) => !fieldLabel("oar", patternOf(path.split("."))))).toEqual([]);
  });

  it("has an entry for every field and item the A-melding builder renders", () => {
    const html = render(createElement(LeveranseBuilder, { organisations, initial: leveranse }));
    const fields = [...fieldPaths(html, "field")].filter(isField);
    expect(fields).toContain("oppgave.virksomhet.0.inntektsmottaker.1.internasjonalIdentifikator.0.land");
    expect(fields).toContain("oppgave.virksomhet.0.inntektsmottaker.0.inntekt.3.naeringsinntekt.beskrivelse");
    expect(fields).toContain("oppgave.betalingsinformasjon.sumForskuddstrekkPerLoennsutbetalingsdato.0.beloep");
    expect(fields.filter((path) => !fieldLabel("amelding", patternOf(path.split("."))))).toEqual([]);
  });

  it("points every entry at a label that exists in both languages", () => {
    const missing = (Object.keys(FIELD_LABELS) as ReportKind[]).flatMap((kind) =>
      Object.entries(FIELD_LABELS[kind]).flatMap(([pattern, { key }]) =>
        [nb, en]
          .filter((messages) => typeof messageAt(messages, key) !== "string")
          .map(() => `${kind} ${pattern}: ${key}`),
      ),
    );
    expect(missing).toEqual([]);
  });
});
