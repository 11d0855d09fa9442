import { z } from "zod/mini";
import { upgradeLeveranse } from "@/lib/amelding/upgrade-leveranse";
import { type ComplexType, LEVERANSE, type ScalarKind } from "@/lib/amelding/v2-elements";
import { SCOPES } from "@/lib/config/scopes";
import {
  ANSWER_ID,
  type IdempotencyKeyPlacement,
  JSON_HEADERS,
  type ReportingAdapter,
  readAnswerWith,
  withIdempotencyKey,
} from "../adapter";

export const AMELDING_SCOPE = SCOPES.amelding;

/*
 * Wire format of "Innrapportering A-melding" (docs/skatteetaten-contract.md, "Hosts and paths"
 * and "A-melding"):
 * POST {base}/innsending/{kalendermaaned}/{opplysningspliktig}, body `{"leveranse": …}` in
 * model v2.3, answered by `{dialogId, forsendelseId, meldingsId}`.
 */

const INTEGER_TEXT = /^[+-]?\d+$/;

/** xs:decimal's lexical form has no exponent; String() uses one below 1e-6 and from 1e21. */
function decimalText(n: number): string {
  const text = String(n);
  if (!/e/i.test(text)) return text;
  if (Math.abs(n) >= 1e21) return BigInt(Math.round(n)).toString();
  return n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

/**
 * One scalar with its wire JSON type; this is the one place the choice is made
 * (docs/skatteetaten-contract.md, "JSON types"). Decimals (xs:decimal: inntekt beloep, rates,
 * percentages, hours) are numbers in the 17 Feb 2026 version of Skatteetaten's published
 * example and strings in its 19 Feb 2026 version; we follow the later one. Whole numbers
 * (xs:integer: the sums in betalingsinformasjon, forskuddstrekk and utleggstrekk beloep) are
 * JSON integers in both.
 */
function writeScalar(value: unknown, kind: ScalarKind): unknown {
  if (kind === "decimal" && typeof value === "number") return decimalText(value);
  // An unmodelled whole number kept as text from an imported file ("3") still goes out as an integer.
  if (kind === "integer" && typeof value === "string" && INTEGER_TEXT.test(value.trim())) return Number(value);
  return value;
}

/** Writes each element the model knows with its wire JSON type; elements it does not know go out as received. */
function writeComplex(node: unknown, type: ComplexType): unknown {
  if (!node || typeof node !== "object" || Array.isArray(node)) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      const spec = type[key];
      if (!spec) return [key, value];
      const write = (item: unknown) =>
        typeof spec.type === "string" ? writeScalar(item, spec.type) : writeComplex(item, spec.type);
      return [key, Array.isArray(value) ? value.map(write) : write(value)];
    }),
  );
}

/** The JSON body for one leveranse of our model, each field with the JSON type of Skatteetaten's published example. */
export function ameldingBody(leveranse: Record<string, unknown>) {
  return { leveranse: writeComplex(leveranse, LEVERANSE) as Record<string, unknown> };
}

export function ameldingPath(kalendermaaned: string, orgnr: string) {
  return `/innsending/${encodeURIComponent(kalendermaaned)}/${encodeURIComponent(orgnr)}`;
}

/** The A-melding API's success answer: `{ dialogId, forsendelseId, meldingsId }`, as every known client reads it. */
export const ameldingAnswerSchema = z.pipe(
  z.looseObject({
    dialogId: z.string().check(z.regex(ANSWER_ID)),
    forsendelseId: z.string().check(z.regex(ANSWER_ID)),
    meldingsId: z.string().check(z.regex(ANSWER_ID)),
  }),
  z.transform(
    ({ dialogId, forsendelseId, meldingsId }): Record<string, string> => ({ dialogId, forsendelseId, meldingsId }),
  ),
);

export function createAmeldingAdapter(config: {
  baseUrl: string;
  idempotencyKeyIn: IdempotencyKeyPlacement;
}): ReportingAdapter {
  return {
    kind: "amelding",
    api: "amelding",
    scope: AMELDING_SCOPE,
    buildRequest(payload, ctx) {
      // A payload stored before model v2.3 (queued, never sent) goes out in the v2.3 shape.
      const leveranse = upgradeLeveranse(payload as Record<string, unknown>).leveranse as Record<string, unknown> & {
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
