import "server-only";
import { ameldingDeviations, amount, reportedForskuddstrekk } from "./amelding-feedback-rules";
import { isJsonObject, type JsonObject } from "./shape-check";

export type FeedbackIds = {
  forsendelseId: string;
  meldingsId: string;
  kalendermaaned: string;
  opplysningspliktig: string;
};

const ACCOUNT_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** A synthetic, mod-11-valid account number per organisation (sandbox only; not Skatteetaten's). */
export function sandboxKontonummer(orgnr: string): string {
  for (let n = Number(orgnr.slice(-6)); ; n = (n + 1) % 1_000_000) {
    const first = `6345${String(n).padStart(6, "0")}`;
    const rest = 11 - (ACCOUNT_WEIGHTS.reduce((s, w, i) => s + w * Number(first[i]), 0) % 11);
    if (rest === 10) continue;
    return `${first}${rest === 11 ? 0 : rest}`;
  }
}

/** A KID with a Luhn (mod-10) check digit over orgnr and month, so each month's payment is told apart. */
export function sandboxKid(orgnr: string, kalendermaaned: string): string {
  const digits = `${orgnr}${kalendermaaned.replace("-", "")}`;
  const sum = [...digits].reverse().reduce((s, d, i) => {
    const x = Number(d) * (i % 2 === 0 ? 2 : 1);
    return s + (x > 9 ? x - 9 : x);
  }, 0);
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

/**
 * Forskuddstrekk and arbeidsgiveravgift are paid per two-month term, on the 15th of the month
 * after the term; a weekend moves it to Monday (public holidays are ignored in the sandbox).
 */
export function forfallsdato(kalendermaaned: string): string {
  const [year, month] = kalendermaaned.split("-").map(Number) as [number, number];
  const termEnd = month % 2 === 0 ? month : month + 1;
  const due = new Date(Date.UTC(year, termEnd, 15));
  const day = due.getUTCDay();
  if (day === 6) due.setUTCDate(17);
  if (day === 0) due.setUTCDate(16);
  return due.toISOString().slice(0, 10);
}

function amountsToPay(oppgave: JsonObject) {
  const betaling = isJsonObject(oppgave.betalingsinformasjon) ? oppgave.betalingsinformasjon : {};
  return {
    // Reported as negative amounts; the feedback shows what is to be paid.
    forskuddstrekk: Math.abs(reportedForskuddstrekk(oppgave)),
    // Without a rule engine for the avgift lines, the stated sum is what the sandbox confirms.
    arbeidsgiveravgift: amount(betaling.sumArbeidsgiveravgift) ?? 0,
  };
}

/**
 * The feedback document the sandbox's amelding-tilbakemelding API serves for one accepted
 * A-melding. Skatteetaten's real format is unpublished; this is our plausible design, read by
 * lib/reporting/amelding/feedback-adapter.ts.
 */
export function buildFeedbackDocument(leveranse: JsonObject, ids: FeedbackIds, at: Date) {
  const avvik = ameldingDeviations(leveranse);
  const rejected = avvik.some((a) => a.alvorlighetsgrad === "Avvisning");
  const behandlingsresultat = rejected
    ? "AVVIST"
    : avvik.some((a) => a.alvorlighetsgrad === "Oeyeblikkelig")
      ? "GODKJENT_MED_AVVIK"
      : "GODKJENT";
  const s = amountsToPay(isJsonObject(leveranse.oppgave) ? leveranse.oppgave : {});
  return {
    tilbakemelding: {
      meldingsId: ids.meldingsId,
      forsendelseId: ids.forsendelseId,
      kalendermaaned: ids.kalendermaaned,
      opplysningspliktig: { norskIdentifikator: ids.opplysningspliktig },
      behandlingstidspunkt: at.toISOString(),
      behandlingsresultat,
      avvik,
      // A rejected message counts for nothing: no amounts to pay from it.
      mottattPeriode: rejected
        ? null
        : {
            sumForskuddstrekk: s.forskuddstrekk.toFixed(2),
            sumArbeidsgiveravgift: s.arbeidsgiveravgift.toFixed(2),
            betalingsinformasjon: {
              kontonummer: sandboxKontonummer(ids.opplysningspliktig),
              kid: sandboxKid(ids.opplysningspliktig, ids.kalendermaaned),
              forfallsdato: forfallsdato(ids.kalendermaaned),
            },
          },
    },
  };
}

export type SandboxFeedbackDocument = ReturnType<typeof buildFeedbackDocument>;
