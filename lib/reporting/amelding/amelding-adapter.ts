import { z } from "zod";
import { ANSWER_ID, JSON_HEADERS, readAnswerWith, withIdempotencyKey, type IdempotencyKeyPlacement, type ReportingAdapter } from "../adapter";

export const AMELDING_SCOPE = "skatteetaten:innrapporteringamelding";

/**
 * Fields the A-melding XSD types as decimals. Skatteetaten's official JSON example sends them as
 * strings ("beloep": "23989.5") and integers as numbers; forskuddstrekk is a negative integer.
 */
const DECIMAL_FIELDS = new Set([
  "beloep",
  "avgiftsgrunnlagBeloep",
  "prosentsatsForAvgiftsberegning",
  "stillingsprosent",
  "antallTimerPerUkeSomEnFullStillingTilsvarer",
  "sumArbeidsgiveravgift",
  "sumFinansskattLoenn",
]);
/** Inside these objects `beloep` is an integer (negative), not a decimal. */
const INTEGER_AMOUNT_PARENTS = new Set(["forskuddstrekk", "utleggstrekk"]);

function serialise(value: unknown, key: string | null, parent: string | null): unknown {
  if (Array.isArray(value)) return value.map((v) => serialise(v, null, key ?? parent));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serialise(v, k, key ?? parent)]));
  }
  if (typeof value === "number" && key && DECIMAL_FIELDS.has(key) && !INTEGER_AMOUNT_PARENTS.has(parent ?? "")) {
    return String(value);
  }
  return value;
}

/** The JSON body for one leveranse, decimals as strings. */
export function ameldingBody(leveranse: Record<string, unknown>) {
  return { leveranse: serialise(leveranse, null, null) };
}

export function ameldingPath(kalendermaaned: string, orgnr: string) {
  return `/innsending/${encodeURIComponent(kalendermaaned)}/${encodeURIComponent(orgnr)}`;
}

/** The A-melding API's success answer: `{ dialogId, forsendelseId, meldingsId }`, as every known client reads it. */
const ameldingAnswerSchema = z
  .looseObject({ dialogId: z.string().regex(ANSWER_ID), forsendelseId: z.string().regex(ANSWER_ID), meldingsId: z.string().regex(ANSWER_ID) })
  .transform(({ dialogId, forsendelseId, meldingsId }): Record<string, string> => ({ dialogId, forsendelseId, meldingsId }));

export function createAmeldingAdapter(config: {
  baseUrl: string;
  idempotencyKeyIn: IdempotencyKeyPlacement;
}): ReportingAdapter {
  return {
    kind: "amelding",
    api: "amelding",
    scope: AMELDING_SCOPE,
    buildRequest(payload, ctx) {
      const leveranse = payload as Record<string, unknown> & {
        kalendermaaned: string;
        opplysningspliktig: { norskIdentifikator: string };
      };
      const { url, headers } = withIdempotencyKey(
        `${config.baseUrl.replace(/\/$/, "")}${ameldingPath(leveranse.kalendermaaned, leveranse.opplysningspliktig.norskIdentifikator)}`,
        { ...JSON_HEADERS },
        ctx.idempotencyKey,
        config.idempotencyKeyIn,
      );
      return { method: "POST", url, headers, body: JSON.stringify(ameldingBody(leveranse)) };
    },
    readAccepted: (body) => readAnswerWith(ameldingAnswerSchema, body),
  };
}
