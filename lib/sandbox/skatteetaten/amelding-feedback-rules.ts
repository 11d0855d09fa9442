import "server-only";
import { isJsonObject, type JsonObject, pointer } from "./shape-check";

export type Alvorlighetsgrad = "Avvisning" | "Oeyeblikkelig" | "Retningslinje";

/** One deviation as the sandbox's feedback document reports it. */
export type SandboxAvvik = {
  kode: string;
  alvorlighetsgrad: Alvorlighetsgrad;
  melding: string;
  /** JSON pointer into the leveranse, like the API's error `sti`. */
  sti: string;
  virksomhet: { norskIdentifikator: string } | null;
  inntektsmottaker: { identifikator: string | null; navn: string | null } | null;
};

/** The sandbox's rule codes. They look like Skatteetaten's (MAGNET_EDAG-nnn) but are our own. */
export const SANDBOX_RULES = {
  forcedRejection: "MAGNET_EDAG-100",
  missingArbeidsforhold: "MAGNET_EDAG-219",
  forskuddstrekkSum: "MAGNET_EDAG-560",
  arbeidsgiveravgiftSum: "MAGNET_EDAG-561",
} as const;

const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);

/** Amounts arrive as numbers or, for decimals, as strings ("23989.5"). */
export function amount(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

function person(mottaker: JsonObject): NonNullable<SandboxAvvik["inntektsmottaker"]> {
  const norsk = typeof mottaker.norskIdentifikator === "string" ? mottaker.norskIdentifikator : null;
  const internasjonal = list(mottaker.internasjonalIdentifikator)[0]?.identifikator;
  const info = isJsonObject(mottaker.identifiserendeInformasjon) ? mottaker.identifiserendeInformasjon : {};
  return {
    identifikator: norsk ?? (typeof internasjonal === "string" ? internasjonal : null),
    navn: typeof info.navn === "string" ? info.navn : null,
  };
}

function describePerson(p: NonNullable<SandboxAvvik["inntektsmottaker"]>, index: number) {
  if (p.identifikator && p.navn) return `${p.navn} (${p.identifikator})`;
  return p.identifikator ?? p.navn ?? `nr. ${index + 1}`;
}

const kroner = (n: number) => n.toFixed(2);

/** The sum of every inntektsmottaker's forskuddstrekk (negative amounts, as reported). */
export function reportedForskuddstrekk(oppgave: JsonObject): number {
  return list(oppgave.virksomhet)
    .flatMap((v) => list(v.inntektsmottaker))
    .flatMap((m) => list(m.forskuddstrekk))
    .reduce((sum, trekk) => sum + (amount(trekk.beloep) ?? 0), 0);
}

/**
 * The sandbox's deterministic checks on an accepted leveranse, standing in for Skatteetaten's
 * rule engine (whose feedback format is unpublished, docs/skatteetaten-contract.md, "Feedback"):
 * - kildesystem containing "avvisning" → Avvisning (forces a rejected feedback, for demos and tests);
 * - an inntektsmottaker with income but no arbeidsforhold → Øyeblikkelig, naming the person and field;
 * - the inntektsmottakere's forskuddstrekk (negative) not adding up to minus the sum over
 *   betalingsinformasjon.sumForskuddstrekkPerLoennsutbetalingsdato (model v2.3), or the
 *   arbeidsgiveravgift lines not adding up to sumArbeidsgiveravgift (±1 kr) → Retningslinje.
 */
export function ameldingDeviations(leveranse: JsonObject): SandboxAvvik[] {
  const avvik: SandboxAvvik[] = [];
  if (typeof leveranse.kildesystem === "string" && /avvisning/i.test(leveranse.kildesystem)) {
    avvik.push({
      kode: SANDBOX_RULES.forcedRejection,
      alvorlighetsgrad: "Avvisning",
      melding: "Meldingen er avvist og må sendes på nytt (sandkassen avviser når kildesystem inneholder «avvisning»)",
      sti: "/leveranse/kildesystem",
      virksomhet: null,
      inntektsmottaker: null,
    });
  }

  const oppgave = isJsonObject(leveranse.oppgave) ? leveranse.oppgave : {};
  let arbeidsgiveravgift = 0;
  let hasAvgiftLines = false;
  list(oppgave.virksomhet).forEach((virksomhet, v) => {
    const orgnr = typeof virksomhet.norskIdentifikator === "string" ? virksomhet.norskIdentifikator : null;
    list(virksomhet.inntektsmottaker).forEach((mottaker, m) => {
      if (list(mottaker.inntekt).length > 0 && list(mottaker.arbeidsforhold).length === 0) {
        const p = person(mottaker);
        avvik.push({
          kode: SANDBOX_RULES.missingArbeidsforhold,
          alvorlighetsgrad: "Oeyeblikkelig",
          melding: `Inntektsmottaker ${describePerson(p, m)} har inntekt, men mangler arbeidsforhold`,
          sti: pointer(
            pointer(pointer(pointer("/leveranse/oppgave/virksomhet", v), "inntektsmottaker"), m),
            "arbeidsforhold",
          ),
          virksomhet: orgnr ? { norskIdentifikator: orgnr } : null,
          inntektsmottaker: p,
        });
      }
    });
    const avgift = isJsonObject(virksomhet.arbeidsgiveravgift) ? virksomhet.arbeidsgiveravgift : {};
    for (const line of list(avgift.loennOgGodtgjoerelse)) {
      hasAvgiftLines = true;
      arbeidsgiveravgift +=
        ((amount(line.avgiftsgrunnlagBeloep) ?? 0) * (amount(line.prosentsatsForAvgiftsberegning) ?? 0)) / 100;
    }
  });

  const betaling = isJsonObject(oppgave.betalingsinformasjon) ? oppgave.betalingsinformasjon : {};
  const perDate = list(betaling.sumForskuddstrekkPerLoennsutbetalingsdato);
  const statedTrekk = perDate.length > 0 ? perDate.reduce((sum, d) => sum + (amount(d.beloep) ?? 0), 0) : null;
  const forskuddstrekk = reportedForskuddstrekk(oppgave);
  if (statedTrekk !== null && statedTrekk !== -forskuddstrekk) {
    avvik.push({
      kode: SANDBOX_RULES.forskuddstrekkSum,
      alvorlighetsgrad: "Retningslinje",
      melding: `Summen av forskuddstrekk for inntektsmottakerne (${forskuddstrekk}) svarer ikke til forskuddstrekket per lønnsutbetalingsdato (${statedTrekk})`,
      sti: "/leveranse/oppgave/betalingsinformasjon/sumForskuddstrekkPerLoennsutbetalingsdato",
      virksomhet: null,
      inntektsmottaker: null,
    });
  }
  const statedAvgift = amount(betaling.sumArbeidsgiveravgift);
  if (hasAvgiftLines && statedAvgift !== null && Math.abs(statedAvgift - arbeidsgiveravgift) > 1) {
    avvik.push({
      kode: SANDBOX_RULES.arbeidsgiveravgiftSum,
      alvorlighetsgrad: "Retningslinje",
      melding: `Beregnet arbeidsgiveravgift (${kroner(arbeidsgiveravgift)}) er ikke lik sumArbeidsgiveravgift (${kroner(statedAvgift)})`,
      sti: "/leveranse/oppgave/betalingsinformasjon/sumArbeidsgiveravgift",
      virksomhet: null,
      inntektsmottaker: null,
    });
  }
  return avvik;
}
