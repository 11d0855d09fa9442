import { randomUUID } from "node:crypto";
import type { Oppdrag } from "@/lib/reporting/oar/oppdrag-model";

/** A complete, valid synthetic oppdrag reported by `orgnr` (no real companies or people). */
export function testOppdrag(orgnr: string, overrides: Partial<Oppdrag> = {}): Oppdrag {
  return {
    oppdragsreferanse: `OPP-${randomUUID().slice(0, 8)}`,
    oppdragsgiver: { variant: "norsk", navn: "Testgiver AS", organisasjonsnummer: orgnr },
    oppdragstaker: {
      variant: "utenlandsk",
      navn: "Baltic Steel UAB",
      registreringsnummer: "LT-3004",
      adresseHjemland: { adresselinje: "Gatve 1", landkode: "LT" },
    },
    oppdrag: {
      beskrivelse: "Stålmontasje",
      arbeidssted: {
        type: "land",
        adresse: { adresselinje: "Kaia 2", postnummer: "5003", poststed: "Bergen", landkode: "NO" },
      },
      startdato: "2026-11-01",
      forventetSluttdato: "2027-02-28",
      kontraktsverdiNok: 450000,
    },
    vedlegg: [],
    arbeidstakere: [],
    ...overrides,
  };
}

/**
 * Two synthetic employees of the oppdragstaker: one identified by `fodselsnummer`, one by a foreign
 * ID number with date of birth and country, who has a last working day.
 */
export function testArbeidstakere(fodselsnummer: string): Oppdrag["arbeidstakere"] {
  return [
    { navn: "Ola Testmann", identifikasjon: { variant: "norsk", fodselsnummer }, forsteArbeidsdag: "2026-11-02" },
    {
      navn: "Jonas Testaitis",
      identifikasjon: {
        variant: "utenlandsk",
        utenlandskIdNummer: "LT-778",
        fodselsdato: "1985-04-12",
        landkode: "LT",
      },
      forsteArbeidsdag: "2026-11-02",
      sisteArbeidsdag: "2026-12-20",
    },
  ];
}

/** A minimal valid synthetic A-melding leveranse (model v2.3) for `orgnr` (sub-unit `virksomhet`). */
export function testLeveranse(orgnr: string, virksomhet: string, month = "2026-10") {
  return {
    leveringstidspunkt: `${month}-28T10:00:00Z`,
    kalendermaaned: month,
    kildesystem: "innrapportering-test",
    meldingsId: `m-${randomUUID()}`,
    opplysningspliktig: { norskIdentifikator: orgnr },
    oppgave: {
      betalingsinformasjon: {
        sumForskuddstrekkPerLoennsutbetalingsdato: [{ loennsutbetalingsdato: `${month}-20`, beloep: 7000 }],
        sumArbeidsgiveravgift: 5640,
      },
      virksomhet: [
        {
          norskIdentifikator: virksomhet,
          inntektsmottaker: [
            {
              inntekt: [{ beloep: 40000, fordel: "kontantytelse" }],
              forskuddstrekk: [{ beskrivelse: "ordinaert", beloep: -7000 }],
            },
          ],
        },
      ],
    },
  };
}

/** A valid payload of either kind (for a synthetic orgnr unless given), for tests where the content does not matter. */
export function testPayload(kind: "oar" | "amelding", orgnr = "310900125"): Record<string, unknown> {
  return kind === "oar" ? testOppdrag(orgnr) : testLeveranse(orgnr, orgnr);
}
