import { arbeidsgiveravgiftForVirksomhet, toHundredths } from "@/lib/amelding/sums";
import type { Avstemmingsrapport } from "@/lib/reporting/amelding/avstemming-adapter";
import { type AmountKind, type Difference, MAX_STORED_DIFFERENCES } from "./differences";

/*
 * Compares what we sent for an organisation's month (the month's current accepted A-melding) with
 * Skatteetaten's reconciliation report (docs/reconciliation.md, "Comparing"): per inntektsmottaker
 * the sum of inntekt and of forskuddstrekk, per virksomhet the arbeidsgiveravgift, and the month's
 * totals, all in whole øre. A person or virksomhet on one side only counts 0 on the other.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const oere = (v: unknown): number => {
  const n = typeof v === "number" || typeof v === "string" ? toHundredths(v) : null;
  return n === null ? 0 : Number(n);
};

export type SentAmounts = {
  persons: Map<string, { inntekt: number; forskuddstrekk: number }>;
  virksomheter: Map<string, number>;
  totals: { forskuddstrekk: number; arbeidsgiveravgift: number };
};

/**
 * Our amounts from a stored leveranse (our model). A stored payload is data, not a promise: what
 * is not of the expected shape counts nothing. A person without an identifier counts in the
 * totals only, as the report cannot name them either.
 */
export function sentAmounts(leveranse: unknown): SentAmounts {
  const persons = new Map<string, { inntekt: number; forskuddstrekk: number }>();
  const virksomheter = new Map<string, number>();
  let forskuddstrekk = 0;
  const oppgave = isObj(leveranse) && isObj(leveranse.oppgave) ? leveranse.oppgave : {};
  for (const v of list(oppgave.virksomhet)) {
    const aga = isObj(v.arbeidsgiveravgift) ? list(v.arbeidsgiveravgift.loennOgGodtgjoerelse) : [];
    const avgift = arbeidsgiveravgiftForVirksomhet(aga as Parameters<typeof arbeidsgiveravgiftForVirksomhet>[0]) * 100;
    const orgnr = typeof v.norskIdentifikator === "string" ? v.norskIdentifikator : null;
    if (orgnr) virksomheter.set(orgnr, (virksomheter.get(orgnr) ?? 0) + avgift);
    for (const p of list(v.inntektsmottaker)) {
      const inntekt = list(p.inntekt).reduce((a, i) => a + oere(i.beloep), 0);
      const trekk = list(p.forskuddstrekk).reduce((a, t) => a + oere(t.beloep), 0);
      forskuddstrekk += trekk;
      const id =
        typeof p.norskIdentifikator === "string"
          ? p.norskIdentifikator
          : typeof p.internasjonalIdentifikator === "string"
            ? p.internasjonalIdentifikator
            : null;
      if (!id) continue;
      const sums = persons.get(id) ?? { inntekt: 0, forskuddstrekk: 0 };
      sums.inntekt += inntekt;
      sums.forskuddstrekk += trekk;
      persons.set(id, sums);
    }
  }
  const arbeidsgiveravgift = [...virksomheter.values()].reduce((a, b) => a + b, 0);
  return { persons, virksomheter, totals: { forskuddstrekk, arbeidsgiveravgift } };
}

function diff(scope: Difference["scope"], id: string | null, kind: AmountKind, ours: number, theirs: number) {
  return ours === theirs ? [] : [{ scope, id, kind, ours, theirs, difference: theirs - ours }];
}

/** Every difference, totals first, then virksomheter and persons by id; at most MAX_STORED_DIFFERENCES. */
export function compareWithReport(sent: SentAmounts, report: Avstemmingsrapport): Difference[] {
  const theirsPersons = new Map(report.persons.map((p) => [p.id, p]));
  const theirsVirksomheter = new Map(report.virksomheter.map((v) => [v.orgnr, v.arbeidsgiveravgift]));
  const personIds = [...new Set([...sent.persons.keys(), ...theirsPersons.keys()])].sort();
  const virksomhetIds = [...new Set([...sent.virksomheter.keys(), ...theirsVirksomheter.keys()])].sort();
  const differences: Difference[] = [
    ...diff("total", null, "forskuddstrekk", sent.totals.forskuddstrekk, report.totals.forskuddstrekk),
    ...diff("total", null, "arbeidsgiveravgift", sent.totals.arbeidsgiveravgift, report.totals.arbeidsgiveravgift),
    ...virksomhetIds.flatMap((id) =>
      diff("virksomhet", id, "arbeidsgiveravgift", sent.virksomheter.get(id) ?? 0, theirsVirksomheter.get(id) ?? 0),
    ),
    ...personIds.flatMap((id) => {
      const ours = sent.persons.get(id) ?? { inntekt: 0, forskuddstrekk: 0 };
      const theirs = theirsPersons.get(id) ?? { inntekt: 0, forskuddstrekk: 0 };
      return [
        ...diff("person", id, "inntekt", ours.inntekt, theirs.inntekt),
        ...diff("person", id, "forskuddstrekk", ours.forskuddstrekk, theirs.forskuddstrekk),
      ];
    }),
  ];
  return differences.slice(0, MAX_STORED_DIFFERENCES);
}
