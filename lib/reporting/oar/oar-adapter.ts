import { z } from "zod/mini";
import { SCOPES } from "@/lib/config/scopes";
import {
  ANSWER_ID,
  type IdempotencyKeyPlacement,
  JSON_HEADERS,
  type ReportingAdapter,
  readAnswerWith,
  withIdempotencyKey,
} from "../adapter";
import type { Oppdrag, OppdragParty } from "./oppdrag-model";

export const OAR_SCOPE = SCOPES.oar;

/**
 * Wire format of "Innrapportering oppdrag til utenlandske oppdragstakere". The OpenAPI spec is
 * on SwaggerHub only, so the path and field names below are our reading of the published
 * information model, and the innsendingstype values NY/ENDRING are our choice
 * (docs/skatteetaten-contract.md, "OAR").
 */
export const OAR_INNSENDINGSTYPE = { new: "NY", change: "ENDRING" } as const;

export function oarPath() {
  return "/innsending";
}

function mapParty(p: OppdragParty) {
  if (p.variant === "norsk") return { navn: p.navn, organisasjonsnummer: p.organisasjonsnummer };
  return {
    navn: p.navn,
    utenlandskIdentifikasjon: p.registreringsnummer,
    adresseIHjemland: p.adresseHjemland,
    ...("adresseNorge" in p ? { adresseINorge: p.adresseNorge } : {}),
    ...("kontaktperson" in p ? { kontaktperson: p.kontaktperson } : {}),
  };
}

/**
 * An arbeidstaker on the wire (our choice, docs/skatteetaten-contract.md, "OAR"): a fødselsnummer or
 * d-nummer, or without one the foreign identification with date of birth and issuing country.
 */
function mapArbeidstaker(a: Oppdrag["arbeidstakere"][number]) {
  return {
    navn: a.navn,
    ...(a.identifikasjon.variant === "norsk"
      ? { foedselsEllerDNummer: a.identifikasjon.fodselsnummer }
      : {
          utenlandskIdentifikasjon: {
            identifikasjonsnummer: a.identifikasjon.utenlandskIdNummer,
            foedselsdato: a.identifikasjon.fodselsdato,
            land: a.identifikasjon.landkode,
          },
        }),
    foersteArbeidsdag: a.forsteArbeidsdag,
    ...(a.sisteArbeidsdag ? { sisteArbeidsdag: a.sisteArbeidsdag } : {}),
  };
}

export function oarBody(oppdrag: Oppdrag, existsAtSkatteetaten: boolean) {
  // A change states the day it took effect (required by our contract); the form requires it
  // (lib/oppdrag/save-oppdrag.ts), so a change without one is a report we must not send.
  if (existsAtSkatteetaten && !oppdrag.endringsdato) {
    throw new Error("A change (ENDRING) of an oppdrag must state its endringsdato");
  }
  return {
    innsendingstype: existsAtSkatteetaten ? OAR_INNSENDINGSTYPE.change : OAR_INNSENDINGSTYPE.new,
    ...(existsAtSkatteetaten ? { endringsdato: oppdrag.endringsdato } : {}),
    oppdragsreferanse: oppdrag.oppdragsreferanse,
    oppdragsgiver: mapParty(oppdrag.oppdragsgiver),
    ...(oppdrag.hovedoppdragsgiver ? { hovedoppdragsgiver: mapParty(oppdrag.hovedoppdragsgiver) } : {}),
    oppdragstaker: mapParty(oppdrag.oppdragstaker),
    oppdrag: {
      beskrivelse: oppdrag.oppdrag.beskrivelse,
      arbeidssted:
        oppdrag.oppdrag.arbeidssted.type === "land"
          ? { type: "LAND", adresse: oppdrag.oppdrag.arbeidssted.adresse }
          : { type: "SOKKEL", felt: oppdrag.oppdrag.arbeidssted.felt },
      startdato: oppdrag.oppdrag.startdato,
      forventetSluttdato: oppdrag.oppdrag.forventetSluttdato,
      // Decimals as strings, as in Skatteetaten's latest published A-melding example (docs/skatteetaten-contract.md, "JSON types").
      kontraktsverdi: oppdrag.oppdrag.kontraktsverdiNok.toFixed(2),
    },
    // Reports stored before arbeidstakere existed have none.
    arbeidstakere: (oppdrag.arbeidstakere ?? []).map(mapArbeidstaker),
    vedlegg: oppdrag.vedlegg,
  };
}

/**
 * OAR's success answer. The published material names a forsendelse lookup by id (OAR_1010) and a
 * Dialogporten dialog per submission (OAR_1002), and the sandbox answers `{ dialogId,
 * forsendelseId }`; the real schema is unpublished, so only forsendelseId is required and
 * dialogId is read when present.
 */
const oarAnswerSchema = z.pipe(
  z.looseObject({
    forsendelseId: z.string().check(z.regex(ANSWER_ID)),
    dialogId: z.optional(z.string().check(z.regex(ANSWER_ID))),
  }),
  z.transform(
    ({ forsendelseId, dialogId }): Record<string, string> =>
      dialogId === undefined ? { forsendelseId } : { forsendelseId, dialogId },
  ),
);

export function createOarAdapter(config: {
  baseUrl: string;
  idempotencyKeyIn: IdempotencyKeyPlacement;
}): ReportingAdapter {
  return {
    kind: "oar",
    api: "oar",
    scope: OAR_SCOPE,
    buildRequest(payload, ctx) {
      const body = JSON.stringify(oarBody(payload as Oppdrag, ctx.existsAtSkatteetaten));
      const { url, headers } = withIdempotencyKey(
        `${config.baseUrl.replace(/\/$/, "")}${oarPath()}`,
        { ...JSON_HEADERS },
        ctx.idempotencyKey,
        config.idempotencyKeyIn,
      );
      return { method: "POST", url, headers, body };
    },
    readAccepted: (body) => readAnswerWith(oarAnswerSchema, body),
  };
}
