import { z } from "zod";
import { SCOPES } from "@/lib/config/scopes";
import { scanJsonText } from "@/lib/input/json-text";
import { type IdempotencyKeyPlacement, JSON_HEADERS, type OutgoingRequest, withIdempotencyKey } from "../adapter";

/*
 * Wire format of Skatteetaten's reconciliation report API (avstemmingsrapport, formerly A06/A07).
 * Published (docs/api/avstemmingsrapport-amelding.md): the A-melding scope, a system user, a
 * required idempotencyKey, JSON only. Its request and report shapes are on SwaggerHub only, so
 * both are our choice, named in the A-melding's own terms (docs/reconciliation.md, "Wire format");
 * this file is the only place in the product that knows them, and a corrected spec changes it alone:
 *
 * POST {base}/avstemmingsrapport  {"opplysningspliktig": "<orgnr>", "kalendermaaned": "YYYY-MM"}
 * 200 { opplysningspliktig, kalendermaaned, opprettetTidspunkt?, mottatteMeldinger?: [{meldingsId}],
 *       sumForskuddstrekk, sumArbeidsgiveravgift,
 *       inntektsmottaker: [{norskIdentifikator, sumInntekt, sumForskuddstrekk}],
 *       virksomhet: [{norskIdentifikator, sumArbeidsgiveravgift}] }
 */

/** The reconciliation report uses the A-melding scope (docs/api/avstemmingsrapport-amelding.md). */
export const AVSTEMMING_SCOPE = SCOPES.amelding;

/** The request for one organisation's month; the sender adds the token. A fresh key per call (the API's rule). */
export function avstemmingRequest(
  baseUrl: string,
  subject: { orgnr: string; kalendermaaned: string },
  idempotencyKey: string,
  placement: IdempotencyKeyPlacement,
): OutgoingRequest {
  const { url, headers } = withIdempotencyKey(
    `${baseUrl.replace(/\/$/, "")}/avstemmingsrapport`,
    { ...JSON_HEADERS },
    idempotencyKey,
    placement,
  );
  return {
    method: "POST",
    url,
    headers,
    body: JSON.stringify({ opplysningspliktig: subject.orgnr, kalendermaaned: subject.kalendermaaned }),
  };
}

/** Bounds on a report we read: an organisation's month lists each inntektsmottaker once. */
export const AVSTEMMING_LIMITS = {
  maxBytes: 16 * 1024 * 1024,
  maxDepth: 8,
  maxNodes: 1_000_000,
  maxPersons: 100_000,
  maxVirksomheter: 10_000,
  maxMeldinger: 1_000,
} as const;

/** Kroner as a JSON number or decimal text ("40000.50"), at most 2 decimals and 10^13, read as whole øre. */
const amount = z
  .union([z.number(), z.string().regex(/^-?\d{1,13}(\.\d{1,2})?$/)])
  .transform((v) => Number(v))
  .refine((n) => Number.isFinite(n) && Math.abs(n) < 1e13, "amount out of range")
  .transform((n) => Math.round(n * 100));

const identifier = z.string().trim().min(1).max(40);

const reportSchema = z.object({
  opplysningspliktig: z.string().regex(/^\d{9}$/),
  kalendermaaned: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  opprettetTidspunkt: z.string().max(40).optional(),
  mottatteMeldinger: z
    .array(z.object({ meldingsId: z.string().min(1).max(200) }))
    .max(AVSTEMMING_LIMITS.maxMeldinger)
    .optional(),
  sumForskuddstrekk: amount,
  sumArbeidsgiveravgift: amount,
  inntektsmottaker: z
    .array(z.object({ norskIdentifikator: identifier, sumInntekt: amount, sumForskuddstrekk: amount }))
    .max(AVSTEMMING_LIMITS.maxPersons),
  virksomhet: z
    .array(z.object({ norskIdentifikator: identifier, sumArbeidsgiveravgift: amount }))
    .max(AVSTEMMING_LIMITS.maxVirksomheter),
});

/** The report as the product reads it: every amount in whole øre. */
export type Avstemmingsrapport = {
  meldingsIds: string[];
  persons: { id: string; inntekt: number; forskuddstrekk: number }[];
  virksomheter: { orgnr: string; arbeidsgiveravgift: number }[];
  totals: { forskuddstrekk: number; arbeidsgiveravgift: number };
};

export type AvstemmingReading = { ok: true; report: Avstemmingsrapport } | { ok: false; reason: string };

/**
 * Reads a 200 answer. Anything that is not a report of the shape above, for the organisation and
 * month asked for, is unreadable, never a report: too large or too deep, not JSON, a field
 * missing or of the wrong type, an amount out of range, another organisation or month, or a
 * person or virksomhet listed twice. Fields we do not know are ignored (a later version may add some).
 */
export function readAvstemmingsrapport(
  body: string,
  asked: { orgnr: string; kalendermaaned: string },
): AvstemmingReading {
  if (body.length === 0) return { ok: false, reason: "empty answer" };
  if (body.length > AVSTEMMING_LIMITS.maxBytes) return { ok: false, reason: "answer too large" };
  const refusal = scanJsonText(body, AVSTEMMING_LIMITS);
  if (refusal) return { ok: false, reason: `answer refused (${refusal.code} at ${refusal.offset})` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, reason: "answer is not JSON" };
  }
  const result = reportSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, reason: `answer is not a report (${issue?.path.join(".") || "root"}: ${issue?.message})` };
  }
  const r = result.data;
  if (r.opplysningspliktig !== asked.orgnr || r.kalendermaaned !== asked.kalendermaaned)
    return { ok: false, reason: `answer is for ${r.opplysningspliktig} ${r.kalendermaaned}, not the month asked for` };
  const persons = r.inntektsmottaker.map((p) => ({
    id: p.norskIdentifikator,
    inntekt: p.sumInntekt,
    forskuddstrekk: p.sumForskuddstrekk,
  }));
  const virksomheter = r.virksomhet.map((v) => ({
    orgnr: v.norskIdentifikator,
    arbeidsgiveravgift: v.sumArbeidsgiveravgift,
  }));
  if (new Set(persons.map((p) => p.id)).size !== persons.length)
    return { ok: false, reason: "answer lists an inntektsmottaker twice" };
  if (new Set(virksomheter.map((v) => v.orgnr)).size !== virksomheter.length)
    return { ok: false, reason: "answer lists a virksomhet twice" };
  return {
    ok: true,
    report: {
      meldingsIds: (r.mottatteMeldinger ?? []).map((m) => m.meldingsId),
      persons,
      virksomheter,
      totals: { forskuddstrekk: r.sumForskuddstrekk, arbeidsgiveravgift: r.sumArbeidsgiveravgift },
    },
  };
}
