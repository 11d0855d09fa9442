import { z } from "zod/mini";
import { MAX_ARBEIDSTAKERE, VEDLEGG_TYPES } from "./oppdrag-form-schema";

/*
 * An OAR draft: whatever is filled in. Every field is optional and nothing is checked for
 * completeness or format (a half-typed orgnr is kept as typed); the full schema
 * (oppdrag-form-schema.ts) applies when the draft is sent. What is kept is still bounded: only the
 * form's own fields (others are dropped), text no longer than the full schema allows, at most as
 * many vedlegg, and choices from their lists. Empty text is left out. The input has already passed
 * the input guard (lib/input/guard.ts: size, depth, no prototype keys) in defineAction or the form hook.
 */

const text = (max: number) =>
  z.optional(
    z.pipe(
      z.string({ error: "required" }).check(z.trim(), z.maxLength(max, { message: "tooLong" })),
      z.transform((v) => v || undefined),
    ),
  );

const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.pipe(
    z.transform((v: unknown) => (v === "" ? undefined : v)),
    z.optional(z.enum(values, { error: "choiceInvalid" })),
  );

const flag = z.pipe(
  z.optional(z.union([z.boolean(), z.enum(["on", "true", "false"])])),
  z.transform((v) => v === true || v === "on" || v === "true"),
);

const address = z.optional(
  z.object({ adresselinje: text(500), postnummer: text(500), poststed: text(500), landkode: text(2) }),
);

const party = z.optional(
  z.object({
    variant: choice(["norsk", "utenlandsk"]),
    navn: text(500),
    organisasjonsnummer: text(500),
    registreringsnummer: text(500),
    kontaktperson: text(500),
    adresseHjemland: address,
    adresseNorge: address,
  }),
);

export const oppdragDraftFields = {
  oppdragsgiver: party,
  hovedoppdragsgiverErAnnen: flag,
  hovedoppdragsgiver: party,
  oppdragsgiverAvvikBekreftet: flag,
  oppdragstaker: party,
  oppdrag: z.optional(
    z.object({
      beskrivelse: text(2000),
      arbeidssted: z.optional(z.object({ type: choice(["land", "sokkel"]), adresse: address, felt: text(500) })),
      startdato: text(10),
      forventetSluttdato: text(10),
      // As typed ("450 000,50"); read as an amount when the draft is sent.
      kontraktsverdiNok: z.optional(z.union([z.number(), text(50)], { error: "amountInvalid" })),
    }),
  ),
  vedlegg: z.optional(
    z
      .array(z.object({ type: choice(VEDLEGG_TYPES), referanse: text(500) }))
      .check(z.maxLength(20, { message: "tooMany" })),
  ),
  arbeidstakere: z.optional(
    z
      .array(
        z.object({
          navn: text(500),
          identifikasjon: z.optional(
            z.object({
              variant: choice(["norsk", "utenlandsk"]),
              fodselsnummer: text(20),
              utenlandskIdNummer: text(50),
              fodselsdato: text(10),
              landkode: text(2),
            }),
          ),
          forsteArbeidsdag: text(10),
          sisteArbeidsdag: text(10),
        }),
      )
      .check(z.maxLength(MAX_ARBEIDSTAKERE, { message: "tooMany" })),
  ),
  endringsdato: text(10),
};

export const oppdragDraftSchema = z.object(oppdragDraftFields);
export type OppdragDraft = z.output<typeof oppdragDraftSchema>;
