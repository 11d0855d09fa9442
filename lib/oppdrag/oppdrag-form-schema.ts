import { z } from "zod/mini";
import { addDays, osloDate } from "@/lib/amelding/deadlines";
import { isAcceptableAmount, parseDecimal } from "@/lib/validation/decimal";
import { checkFodselsnummer, normaliseFodselsnummer } from "@/lib/validation/fodselsnummer";
import { isValidOrgnr, normaliseOrgnr } from "@/lib/validation/orgnr";
import { transformIssue } from "@/lib/validation/transform-issue";
import countries from "./iso-3166-alpha2.json";

/** Contracts below this value need not be reported (Skatteforvaltningshåndboken § 7-6); shown as a notice, not an error. */
export const REPORTING_THRESHOLD_NOK = 20_000;

// Messages are keys into `validation.*`, shown identically by the browser and the server.
const required = z
  .string({ error: "required" })
  .check(z.trim(), z.minLength(1, { message: "required" }), z.maxLength(500, { message: "tooLong" }));
const optional = z.optional(
  z.pipe(
    z.string({ error: "required" }).check(z.trim(), z.maxLength(500, { message: "tooLong" })),
    z.transform((v) => v || undefined),
  ),
);

const orgnr = z.pipe(
  z.pipe(z.string({ error: "required" }), z.transform(normaliseOrgnr)),
  z
    .string()
    .check(
      z.minLength(1, { message: "required" }),
      z.regex(/^\d{9}$/, { message: "orgnrFormat" }),
      z.refine(isValidOrgnr, { message: "orgnrChecksum" }),
    ),
);

const countryCode = z.enum(countries as [string, ...string[]], {
  error: (issue) => (issue.input === undefined || issue.input === "" ? "required" : "countryInvalid"),
});

const address = z.object(
  { adresselinje: required, postnummer: optional, poststed: optional, landkode: countryCode },
  { error: "required" },
);

const norwegianAddress = z.object(
  {
    adresselinje: required,
    postnummer: z.string({ error: "required" }).check(z.trim(), z.regex(/^\d{4}$/, { message: "postnummerFormat" })),
    poststed: required,
    landkode: z._default(z.literal("NO"), "NO"),
  },
  { error: "required" },
);

const norwegianParty = z.object({ variant: z.literal("norsk"), navn: required, organisasjonsnummer: orgnr });

/** Oppdragsgiver without a Norwegian orgnr: address in Norway, home-country address and registration, contact person. */
const foreignOppdragsgiver = z.object({
  variant: z.literal("utenlandsk"),
  navn: required,
  registreringsnummer: required,
  adresseHjemland: address,
  adresseNorge: norwegianAddress,
  kontaktperson: required,
});

/** Oppdragstaker without a Norwegian orgnr: foreign identification, address and country. */
const foreignOppdragstaker = z.object({
  variant: z.literal("utenlandsk"),
  navn: required,
  registreringsnummer: required,
  adresseHjemland: address,
});

const oppdragsgiver = z.discriminatedUnion("variant", [norwegianParty, foreignOppdragsgiver], { message: "required" });
const oppdragstaker = z.discriminatedUnion("variant", [norwegianParty, foreignOppdragstaker], { message: "required" });

/** "450 000,50" and "450000.5" both mean NOK 450 000.50; read strictly by lib/validation/decimal.ts. */
const nok = z.pipe(
  z.pipe(
    z.union([z.number(), z.string()], { error: "required" }),
    z.transform((v, payload) => {
      if (v === "") return transformIssue(payload, "required");
      const n = typeof v === "number" ? (isAcceptableAmount(v) ? v : null) : parseDecimal(v);
      if (n === null) return transformIssue(payload, "amountInvalid");
      return Math.round(n * 100) / 100;
    }),
  ),
  z.number().check(z.nonnegative({ message: "amountNegative" })),
);

const date = z.iso.date({ error: (issue) => (issue.input ? "dateInvalid" : "required") });

export const VEDLEGG_TYPES = ["id_dokument", "kontrakt", "stiftelsesdokument"] as const;

/** At most this many arbeidstakere on one report (a bound on input, not a rule of Skatteetaten's). */
export const MAX_ARBEIDSTAKERE = 200;
/** A change may be reported ahead of the day it takes effect, but not further ahead than this. */
export const MAX_ENDRINGSDATO_DAYS_AHEAD = 31;

/** A date that may be left empty (""), then left out. */
const optionalDate = z.pipe(
  z.transform((v: unknown) => (v === "" ? undefined : v)),
  z.optional(z.iso.date({ error: "dateInvalid" })),
);

/** A Norwegian fødselsnummer or d-nummer, spaces removed, checked with lib/validation/fodselsnummer.ts. */
const fodselsnummer = z.pipe(
  z.pipe(z.string({ error: "required" }), z.transform(normaliseFodselsnummer)),
  z.string().check(
    z.superRefine((value, ctx) => {
      if (value === "") return void ctx.addIssue({ code: "custom", message: "required" });
      const check = checkFodselsnummer(value);
      if (!check.valid)
        ctx.addIssue({
          code: "custom",
          message: check.reason === "format" ? "fodselsnummerFormat" : "fodselsnummerInvalid",
        });
    }),
  ),
);

/**
 * How an arbeidstaker is identified: a Norwegian fødselsnummer/d-nummer, or without one a foreign
 * ID number with date of birth and country (then a copy of the ID document goes in `vedlegg`).
 */
const arbeidstakerIdentifikasjon = z.discriminatedUnion(
  "variant",
  [
    z.object({ variant: z.literal("norsk"), fodselsnummer }),
    z.object({
      variant: z.literal("utenlandsk"),
      utenlandskIdNummer: z
        .string({ error: "required" })
        .check(z.trim(), z.minLength(1, { message: "required" }), z.maxLength(50, { message: "tooLong" })),
      fodselsdato: z.iso.date({ error: (issue) => (issue.input ? "dateInvalid" : "required") }),
      landkode: countryCode,
    }),
  ],
  { error: "required" },
);

/** An employee of the oppdragstaker working on the oppdrag (reported within 14 days of the first and of the last day). */
const arbeidstaker = z.object(
  {
    navn: required,
    identifikasjon: arbeidstakerIdentifikasjon,
    forsteArbeidsdag: z.iso.date({ error: (issue) => (issue.input ? "dateInvalid" : "required") }),
    /** Left out until it is known. */
    sisteArbeidsdag: optionalDate,
  },
  { error: "required" },
);

const oppdragFields = {
  oppdragsgiver,
  hovedoppdragsgiverErAnnen: z.pipe(
    z.optional(z.union([z.boolean(), z.enum(["on", "true", "false"])])),
    z.transform((v) => v === true || v === "on" || v === "true"),
  ),
  hovedoppdragsgiver: z.optional(z.unknown()),
  /** The user confirmed an oppdragsgiver other than the organisation reported for (lib/oppdrag/oppdragsgiver.ts). */
  oppdragsgiverAvvikBekreftet: z.pipe(
    z.optional(z.union([z.boolean(), z.enum(["on", "true", "false"])])),
    z.transform((v) => v === true || v === "on" || v === "true"),
  ),
  oppdragstaker,
  oppdrag: z.object(
    {
      beskrivelse: z
        .string({ error: "required" })
        .check(z.trim(), z.minLength(1, { message: "required" }), z.maxLength(2000, { message: "tooLong" })),
      arbeidssted: z.discriminatedUnion(
        "type",
        [
          z.object({ type: z.literal("land"), adresse: norwegianAddress }),
          z.object({ type: z.literal("sokkel"), felt: required }),
        ],
        { error: "required" },
      ),
      startdato: date,
      forventetSluttdato: date,
      kontraktsverdiNok: nok,
    },
    { error: "required" },
  ),
  vedlegg: z._default(
    z
      .array(z.object({ type: z.enum(VEDLEGG_TYPES, { error: "required" }), referanse: required }))
      .check(z.maxLength(20)),
    [],
  ),
  arbeidstakere: z._default(z.array(arbeidstaker).check(z.maxLength(MAX_ARBEIDSTAKERE, { message: "tooMany" })), []),
  /** The day a change took effect: required on a change of a reported oppdrag (lib/oppdrag/save-oppdrag.ts), dropped otherwise. */
  endringsdato: optionalDate,
};

type CoreValues = z.output<z.ZodMiniObject<typeof oppdragFields>>;

/**
 * The oppdrag fields with the rules that span fields, plus any extra fields a caller needs
 * (the server action adds organisation and intent). The browser and the server use the same one.
 */
export function oppdragSchemaWith<Extra extends z.core.$ZodShape>(extra: Extra) {
  const withRules = z.object({ ...oppdragFields, ...extra }).check(
    z.superRefine((raw, ctx) => {
      const value = raw as unknown as CoreValues;
      if (value.oppdrag.forventetSluttdato < value.oppdrag.startdato) {
        ctx.addIssue({ code: "custom", path: ["oppdrag", "forventetSluttdato"], message: "endBeforeStart" });
      }
      const today = osloDate(new Date());
      value.arbeidstakere.forEach((a, i) => {
        if (a.sisteArbeidsdag && a.sisteArbeidsdag < a.forsteArbeidsdag) {
          ctx.addIssue({
            code: "custom",
            path: ["arbeidstakere", i, "sisteArbeidsdag"],
            message: "lastDayBeforeFirst",
          });
        }
        if (a.identifikasjon.variant === "utenlandsk" && a.identifikasjon.fodselsdato > today) {
          ctx.addIssue({
            code: "custom",
            path: ["arbeidstakere", i, "identifikasjon", "fodselsdato"],
            message: "birthDateInFuture",
          });
        }
      });
      if (value.endringsdato && value.endringsdato > addDays(today, MAX_ENDRINGSDATO_DAYS_AHEAD)) {
        ctx.addIssue({ code: "custom", path: ["endringsdato"], message: "changeDateTooFarAhead" });
      }
      if (value.hovedoppdragsgiverErAnnen) {
        const parsed = oppdragsgiver.safeParse(value.hovedoppdragsgiver);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            ctx.addIssue({ code: "custom", path: ["hovedoppdragsgiver", ...issue.path], message: issue.message });
          }
        }
      }
    }),
  );
  return z.pipe(
    withRules,
    z.transform((raw) => {
      const value = raw as typeof raw & CoreValues;
      return {
        ...value,
        hovedoppdragsgiver: value.hovedoppdragsgiverErAnnen ? oppdragsgiver.parse(value.hovedoppdragsgiver) : undefined,
      };
    }),
  );
}

export const oppdragFormSchema = oppdragSchemaWith({});

export type OppdragFormInput = z.input<typeof oppdragFormSchema>;
export type OppdragFormValues = z.output<typeof oppdragFormSchema>;
