import { randomUUID } from "node:crypto";
import { type Browser, expect } from "@playwright/test";
import { storageStateFor } from "./fixtures";

/** A synthetic (Tenor) fødselsnummer: month + 80, never a real person. */
export const FNR = "15858810008";
const ORGNR = "310900125";
const VIRKSOMHET = "310900230";

/** Sends an A-melding through the import endpoint, as the administrator. */
export async function queueAmelding(browser: Browser, leveranse: Record<string, unknown>): Promise<string> {
  const context = await browser.newContext({ storageState: storageStateFor("admin") });
  try {
    const res = await context.request.post("/api/amelding/import?intent=submit", {
      data: JSON.stringify({ leveranse }),
      headers: { "Content-Type": "application/json" },
    });
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, queued: true });
    return body.submissionId as string;
  } finally {
    await context.close();
  }
}

export function leveranse(overrides: Record<string, unknown> = {}) {
  return {
    leveringstidspunkt: "2026-11-03T10:00:00Z",
    kalendermaaned: "2026-10",
    kildesystem: "innrapportering-e2e",
    meldingsId: `e2e-${randomUUID()}`,
    opplysningspliktig: { norskIdentifikator: ORGNR },
    oppgave: {
      betalingsinformasjon: {
        sumForskuddstrekkPerLoennsutbetalingsdato: [{ loennsutbetalingsdato: "2026-10-20", beloep: 7000 }],
        sumArbeidsgiveravgift: 5640,
      },
      virksomhet: [
        {
          norskIdentifikator: VIRKSOMHET,
          arbeidsgiveravgift: {
            loennOgGodtgjoerelse: [
              {
                beregningskodeForArbeidsgiveravgift: "generelleNaeringer",
                sone: "1",
                avgiftsgrunnlagBeloep: 40000,
                prosentsatsForAvgiftsberegning: 14.1,
              },
            ],
          },
          inntektsmottaker: [
            {
              norskIdentifikator: FNR,
              identifiserendeInformasjon: { navn: "Kari Testesen", foedselsdato: "1988-05-15" },
              inntekt: [
                {
                  fordel: "kontantytelse",
                  utloeserArbeidsgiveravgift: true,
                  inngaarIGrunnlagForTrekk: true,
                  beloep: 40000,
                  loennsinntekt: { beskrivelse: "fastloenn" },
                },
              ],
              forskuddstrekk: [{ beskrivelse: "ordinaert", beloep: -7000 }],
            },
          ],
        },
      ],
    },
    ...overrides,
  };
}
