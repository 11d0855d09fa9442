import "server-only";
import { z } from "zod";
import { KALENDERMAANED } from "./amelding-structure";
import { apiError, problemsError } from "./api-error-response";
import { jsonResponse, type SandboxResponse, spec } from "./sandbox-response";
import type { SandboxState } from "./sandbox-state";
import { createShapeCheck, isJsonObject } from "./shape-check";

/*
 * The reconciliation report API (avstemmingsrapport, formerly A06/A07) as the sandbox serves it.
 * Published (docs/api/avstemmingsrapport-amelding.md): the A-melding scope, a system user, a
 * required idempotencyKey, JSON only, the AMLD codes. Its request and report are on SwaggerHub
 * only, so their shape is our choice, written here from docs/reconciliation.md and not taken from
 * our adapter: POST {base}/avstemmingsrapport with `{opplysningspliktig, kalendermaaned}`,
 * answered by the report built from what this sandbox's own A-melding API has accepted.
 */

/** The amount kinds a report states, per inntektsmottaker and per virksomhet (docs/reconciliation.md). */
export const RECONCILIATION_ADJUSTMENT_KINDS = ["inntekt", "forskuddstrekk", "arbeidsgiveravgift"] as const;

/**
 * A difference injected on purpose (tests, demos): the report states `delta` kroner more of `kind`
 * for the person (or, for arbeidsgiveravgift, the virksomhet) `norskIdentifikator` of that
 * organisation-month than what was received. A person or virksomhet not received is added.
 */
export type ReconciliationAdjustment = {
  orgnr: string;
  kalendermaaned: string;
  norskIdentifikator: string;
  kind: (typeof RECONCILIATION_ADJUSTMENT_KINDS)[number];
  delta: number;
};

export const reconciliationAdjustmentListSchema = z
  .array(
    z
      .object({
        orgnr: z.string().regex(/^\d{9}$/),
        kalendermaaned: z.string().regex(KALENDERMAANED),
        norskIdentifikator: z.string().min(1).max(20),
        kind: z.enum(RECONCILIATION_ADJUSTMENT_KINDS),
        delta: z.number().finite(),
      })
      .strict(),
  )
  .max(1000);

type Obj = Record<string, unknown>;
const isObj = isJsonObject;

/** Kroner to øre: amounts arrive as numbers or decimal text ("40000.50"); anything else counts 0. */
function oere(value: unknown): number {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? Math.round(n * 100) : 0;
}

const list = (value: unknown): Obj[] => (Array.isArray(value) ? value.filter(isObj) : []);

type Stored = {
  meldingsId: string;
  mottattTidspunkt: string;
  kalendermaaned: string;
  opplysningspliktig: string;
  innsending: unknown;
};

/**
 * The month's current meldinger: every accepted one, in order of receipt, where a later one with
 * the same meldingsId, or naming it in erstatterMeldingsId, replaces it.
 */
function currentMeldinger(received: Stored[]): Stored[] {
  const current = new Map<string, Stored>();
  for (const melding of received) {
    const leveranse =
      isObj(melding.innsending) && isObj(melding.innsending.leveranse) ? melding.innsending.leveranse : {};
    const replaces = leveranse.erstatterMeldingsId;
    if (typeof replaces === "string") current.delete(replaces);
    current.delete(melding.meldingsId);
    current.set(melding.meldingsId, melding);
  }
  return [...current.values()];
}

/** Σ grunnlag × sats / 100 per virksomhet in øre, rounded once to whole kroner (halves away from zero). */
function arbeidsgiveravgiftOere(virksomhet: Obj): number {
  const aga = isObj(virksomhet.arbeidsgiveravgift) ? virksomhet.arbeidsgiveravgift : {};
  let exact = 0;
  for (const line of list(aga.loennOgGodtgjoerelse)) {
    exact += (oere(line.avgiftsgrunnlagBeloep) * oere(line.prosentsatsForAvgiftsberegning)) / 100 / 100;
  }
  const kroner = Math.sign(exact) * Math.round(Math.abs(exact) / 100);
  return kroner * 100;
}

type PersonSums = { inntekt: number; forskuddstrekk: number };

function buildReport(
  orgnr: string,
  kalendermaaned: string,
  meldinger: Stored[],
  adjustments: readonly ReconciliationAdjustment[],
) {
  const persons = new Map<string, PersonSums>();
  const virksomheter = new Map<string, number>();
  const unidentified: PersonSums = { inntekt: 0, forskuddstrekk: 0 };
  for (const melding of meldinger) {
    const leveranse =
      isObj(melding.innsending) && isObj(melding.innsending.leveranse) ? melding.innsending.leveranse : {};
    const oppgave = isObj(leveranse.oppgave) ? leveranse.oppgave : {};
    for (const virksomhet of list(oppgave.virksomhet)) {
      const vId = typeof virksomhet.norskIdentifikator === "string" ? virksomhet.norskIdentifikator : "";
      if (vId !== "") virksomheter.set(vId, (virksomheter.get(vId) ?? 0) + arbeidsgiveravgiftOere(virksomhet));
      for (const person of list(virksomhet.inntektsmottaker)) {
        const id =
          typeof person.norskIdentifikator === "string"
            ? person.norskIdentifikator
            : typeof person.internasjonalIdentifikator === "string"
              ? person.internasjonalIdentifikator
              : "";
        // Without an identifier a person counts in the totals only: the report cannot name them.
        const sums = id === "" ? unidentified : (persons.get(id) ?? { inntekt: 0, forskuddstrekk: 0 });
        for (const inntekt of list(person.inntekt)) sums.inntekt += oere(inntekt.beloep);
        for (const trekk of list(person.forskuddstrekk)) sums.forskuddstrekk += oere(trekk.beloep);
        if (id !== "") persons.set(id, sums);
      }
    }
  }
  for (const a of adjustments) {
    if (a.orgnr !== orgnr || a.kalendermaaned !== kalendermaaned) continue;
    if (a.kind === "arbeidsgiveravgift") {
      virksomheter.set(a.norskIdentifikator, (virksomheter.get(a.norskIdentifikator) ?? 0) + oere(a.delta));
    } else {
      const sums = persons.get(a.norskIdentifikator) ?? { inntekt: 0, forskuddstrekk: 0 };
      sums[a.kind] += oere(a.delta);
      persons.set(a.norskIdentifikator, sums);
    }
  }
  const kroner = (o: number) => o / 100;
  const inntektsmottaker = [...persons].map(([norskIdentifikator, s]) => ({
    norskIdentifikator,
    sumInntekt: kroner(s.inntekt),
    sumForskuddstrekk: kroner(s.forskuddstrekk),
  }));
  const virksomhet = [...virksomheter].map(([norskIdentifikator, aga]) => ({
    norskIdentifikator,
    sumArbeidsgiveravgift: kroner(aga),
  }));
  return {
    opplysningspliktig: orgnr,
    kalendermaaned,
    opprettetTidspunkt: new Date().toISOString(),
    mottatteMeldinger: meldinger.map((m) => ({ meldingsId: m.meldingsId, mottattTidspunkt: m.mottattTidspunkt })),
    sumForskuddstrekk: kroner(
      [...persons.values()].reduce((a, s) => a + s.forskuddstrekk, unidentified.forskuddstrekk),
    ),
    sumArbeidsgiveravgift: kroner([...virksomheter.values()].reduce((a, v) => a + v, 0)),
    inntektsmottaker,
    virksomhet,
  };
}

/** The income years the API takes: from 2015 (the a-ordning) up to the current one. */
function yearSupported(kalendermaaned: string, now: Date): boolean {
  const year = Number(kalendermaaned.slice(0, 4));
  return year >= 2015 && year <= now.getFullYear();
}

/**
 * POST avstemmingsrapport: after the shared checks (token with the A-melding scope and a system
 * user, Accept, Content-Type, idempotency key, JSON, replay), the body's shape, then: the system
 * user must be the opplysningspliktig's (AMLD_005 + AMLD_1015), the month must be open
 * (AMLD_006 + AMLD_1027), and this sandbox must have accepted an A-melding of that organisation
 * (else AMLD_021 + AMLD_1023) for that month (the same, with a message saying so).
 */
export function processAvstemmingsrapport(
  body: unknown,
  systemUserOrg: string,
  state: SandboxState,
  adjustments: readonly ReconciliationAdjustment[],
): SandboxResponse {
  const c = createShapeCheck();
  if (!isObj(body)) {
    c.report("/", body, "Forespørselen må være et JSON-objekt");
    return problemsError("amelding", "structure", c.problems);
  }
  const orgnr = c.string(body, "opplysningspliktig", "");
  const kalendermaaned = c.string(body, "kalendermaaned", "");
  for (const key of Object.keys(body)) {
    if (key !== "opplysningspliktig" && key !== "kalendermaaned") c.report(`/${key}`, body[key], "Ukjent felt");
  }
  if (c.problems.length > 0 || orgnr === undefined || kalendermaaned === undefined)
    return problemsError("amelding", "structure", c.problems);
  const invalid = [
    ...(/^\d{9}$/.test(orgnr)
      ? []
      : [{ sti: "/opplysningspliktig", angittVerdi: orgnr, melding: "Organisasjonsnummer må ha ni siffer" }]),
    ...(KALENDERMAANED.test(kalendermaaned)
      ? []
      : [{ sti: "/kalendermaaned", angittVerdi: kalendermaaned, melding: "Ugyldig kalendermåned, forventet ÅÅÅÅ-MM" }]),
  ];
  if (invalid.length > 0) return problemsError("amelding", "validation", invalid);

  if (orgnr !== systemUserOrg)
    return apiError("amelding", "notAuthorisedForDialog", { sti: "/opplysningspliktig", angittVerdi: orgnr });
  if (!yearSupported(kalendermaaned, new Date()))
    return apiError("amelding", "incomeYear", { sti: "/kalendermaaned", angittVerdi: kalendermaaned });

  const received = state.acceptedAmeldinger(orgnr) as Stored[];
  if (received.length === 0)
    return apiError("amelding", "notFound", {
      spesifisering: [
        spec("AMLD_1023", {
          melding: "Ingen a-melding er mottatt for opplysningspliktig",
          sti: "/opplysningspliktig",
          angittVerdi: orgnr,
        }),
      ],
    });
  const ofMonth = received.filter((m) => m.kalendermaaned === kalendermaaned);
  if (ofMonth.length === 0)
    return apiError("amelding", "notFound", {
      spesifisering: [
        spec("AMLD_1023", {
          melding: "Ingen a-melding er mottatt for kalendermåneden",
          sti: "/kalendermaaned",
          angittVerdi: kalendermaaned,
        }),
      ],
    });
  return jsonResponse(200, buildReport(orgnr, kalendermaaned, currentMeldinger(ofMonth), adjustments));
}

/** The opplysningspliktig a fault may be aimed at, read leniently before the body is checked. */
export function avstemmingFaultOrgnr(rawBody: Buffer): string | undefined {
  try {
    const body: unknown = JSON.parse(rawBody.toString("utf8"));
    return isObj(body) && typeof body.opplysningspliktig === "string" ? body.opplysningspliktig : undefined;
  } catch {
    return undefined;
  }
}
