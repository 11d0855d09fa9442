import { z } from "zod/mini";
import countries from "@/lib/oppdrag/iso-3166-alpha2.json";
import { isAcceptableAmount, parseDecimal } from "@/lib/validation/decimal";
import { checkFodselsnummer, normaliseFodselsnummer } from "@/lib/validation/fodselsnummer";
import { isValidOrgnr, normaliseOrgnr } from "@/lib/validation/orgnr";
import { transformIssue } from "@/lib/validation/transform-issue";
import { type CodeListName, isCode } from "./code-lists";

/*
 * The A-melding leveranse in our model: model v2.3, keys and nesting exactly the wire JSON
 * (docs/skatteetaten-contract.md, "A-melding model v2.3"); only amounts differ: numbers here,
 * while the adapter (ameldingBody) writes each with the JSON type of Skatteetaten's published
 * example. Numeric strings ("23989.5", or "23 989,50" typed in a form) are accepted on input,
 * so imported JSON (either published example) and form values parse with the same schema; they
 * are read strictly as decimals by lib/validation/decimal.ts ("0x10", "1e3" or "Infinity" are
 * not amounts).
 *
 * Objects are loose: keys we do not model (tilleggsinformasjon, aarsakTilSluttdato, …) are kept
 * as received and sent on unchanged, so importing a file never silently drops data.
 *
 * Which fields are required, and the signs of amounts, follow the published examples and the
 * information model; where they are our reading, the contract document says so.
 *
 * Sums in betalingsinformasjon that disagree with the lines are warnings (lib/amelding/sums.ts),
 * not errors here.
 *
 * Messages are keys into `ameldingValidation.*` in the message files. Written in `zod/mini`: the
 * builder checks with it in the browser (docs/benchmarks.md,
 * "First-load JavaScript (`npm run bench:js`)").
 */

/**
 * For refinements that only read fields defensively: run them even when other fields have errors,
 * so every independent error is reported in one pass (an import lists them all at once).
 */
const RUN_ALWAYS = { when: () => true };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const KALENDERMAANED = /^\d{4}-(0[1-9]|1[0-2])$/;
const MELDINGS_ID = /^[0-9a-zA-Z_.-]+$/;
const countrySet = new Set(countries);

const text = (max: number) =>
  z
    .string({ error: "required" })
    .check(z.trim(), z.minLength(1, { message: "required", abort: true }), z.maxLength(max, { message: "tooLong" }));

// Optional fields end in z.optional() so their keys stay optional in the inferred type; "" from a form means absent.
const optionalText = (max: number) =>
  z.optional(
    z.pipe(
      z.string({ error: "textInvalid" }).check(z.trim(), z.maxLength(max, { message: "tooLong" })),
      z.transform((v) => v || undefined),
    ),
  );

const code = (list: CodeListName) =>
  z.string({ error: "required" }).check(
    z.trim(),
    z.minLength(1, { message: "required", abort: true }),
    z.refine((v) => isCode(list, v), { message: "codeUnknown" }),
  );

const optionalCode = (list: CodeListName) =>
  optionalText(200).check(z.refine((v) => v === undefined || isCode(list, v), { message: "codeUnknown" }));

/** At most two decimals (øre); tolerant of binary floating point (0.29 * 100 ≠ 29). */
const hasAtMostTwoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

function toAmount(v: unknown, payload: z.core.ParsePayload, required: boolean): number | undefined {
  if (typeof v === "number") {
    if (isAcceptableAmount(v)) return v;
    return transformIssue(payload, "amountInvalid");
  }
  if (v !== undefined && v !== null && typeof v !== "string") return transformIssue(payload, "amountInvalid");
  if (v === undefined || v === null || v === "") {
    if (!required) return undefined;
    return transformIssue(payload, "required");
  }
  const amount = parseDecimal(v);
  if (amount === null) return transformIssue(payload, "amountInvalid");
  return amount;
}

// z.unknown() rather than a union of number and string: one pass, no discarded issues per field,
// which matters with 10 000 inntektsmottakere.
/** A decimal amount in kroner with at most two decimals; a number or numeric text. */
const decimal = () =>
  z
    .pipe(
      z.unknown(),
      z.transform((v, payload) => toAmount(v, payload, true) as number),
    )
    .check(z.refine(hasAtMostTwoDecimals, { message: "amountDecimals" }));

const optionalDecimal = () =>
  z.optional(
    z
      .pipe(
        z.unknown(),
        z.transform((v, payload) => toAmount(v, payload, false)),
      )
      .check(z.refine((n) => n === undefined || hasAtMostTwoDecimals(n), { message: "amountDecimals" })),
  );

/** Whole kroner: the sums in betalingsinformasjon, forskuddstrekk and utleggstrekk (JSON integers in the official example). */
const wholeKroner = () => z.pipe(decimal(), z.number().check(z.int({ message: "amountWholeKroner" })));
const optionalWholeKroner = () =>
  optionalDecimal().check(z.refine((n) => n === undefined || Number.isInteger(n), { message: "amountWholeKroner" }));

/** Forskuddstrekk and utleggstrekk are negative whole kroner (official JSON example). */
const deduction = () => z.pipe(wholeKroner(), z.number().check(z.negative({ message: "deductionNegative" })));

const percent = () =>
  z.pipe(decimal(), z.number().check(z.gte(0, { message: "percentRange" }), z.lte(100, { message: "percentRange" })));
const optionalPercent = () =>
  optionalDecimal().check(z.refine((n) => n === undefined || (n >= 0 && n <= 100), { message: "percentRange" }));

/** A boolean, or "true"/"false" from a form. */
const flag = () =>
  z.pipe(
    z.unknown(),
    z.transform((v, payload) => {
      if (v === true || v === "true") return true;
      if (v === false || v === "false") return false;
      return transformIssue(payload, "required");
    }),
  );

const date = () => z.iso.date({ error: (issue) => (issue.input ? "dateInvalid" : "required") });
const optionalDate = () =>
  z.optional(
    z.pipe(
      z.pipe(
        z.string({ error: "dateInvalid" }).check(z.trim()),
        z.transform((v) => v || undefined),
      ),
      z.optional(z.iso.date({ error: "dateInvalid" })),
    ),
  );

const orgnr = () =>
  z.pipe(
    z.pipe(z.string({ error: "required" }), z.transform(normaliseOrgnr)),
    z
      .string()
      .check(
        z.minLength(1, { message: "required", abort: true }),
        z.regex(/^\d{9}$/, { message: "orgnrFormat", abort: true }),
        z.refine(isValidOrgnr, { message: "orgnrChecksum" }),
      ),
  );

const FNR_MESSAGES = { format: "fnrFormat", checksum: "fnrChecksum", date: "fnrDate" } as const;

/** Fødselsnummer or d-nummer, including the 2032 rule and synthetic test numbers (see lib/validation/fodselsnummer.ts). */
const optionalFodselsnummer = () =>
  z.optional(
    z
      .pipe(
        z.string({ error: "fnrFormat" }),
        z.transform((v) => normaliseFodselsnummer(v) || undefined),
      )
      .check(
        z.superRefine((v, ctx) => {
          if (v === undefined) return;
          const check = checkFodselsnummer(v);
          if (!check.valid) ctx.addIssue({ code: "custom", message: FNR_MESSAGES[check.reason] });
        }),
      ),
  );

const meldingsId = () =>
  z
    .string({ error: "required" })
    .check(
      z.trim(),
      z.minLength(1, { message: "required", abort: true }),
      z.maxLength(150, { message: "meldingsIdTooLong", abort: true }),
      z.regex(MELDINGS_ID, { message: "meldingsIdFormat" }),
    );

const internasjonalIdentifikator = z.looseObject({
  identifikator: text(100),
  identifikatortype: code("identifikatortype"),
  land: z.string({ error: "required" }).check(
    z.trim(),
    z.toUpperCase(),
    z.minLength(1, { message: "required", abort: true }),
    z.refine((v) => countrySet.has(v), { message: "countryInvalid" }),
  ),
});

const identifiserendeInformasjon = z.looseObject({
  navn: optionalText(200),
  foedselsdato: optionalDate(),
  ansattnummer: optionalText(50),
});

const ORDINARY_EMPLOYMENT = "ordinaertArbeidsforhold";
/**
 * Fields an ordinary employment must have: those the official example gives. avloenningstype is
 * no longer among them (the v2.3 example has none); formForAnsettelse, new in v2.3, is offered
 * but not required, so files from payroll systems still on an older 2.x model keep importing.
 * Both are our reading of the model (docs/skatteetaten-contract.md, "A-melding model v2.3").
 */
const ORDINARY_EMPLOYMENT_REQUIRED = [
  "antallTimerPerUkeSomEnFullStillingTilsvarer",
  "yrke",
  "arbeidstidsordning",
  "stillingsprosent",
] as const;

const arbeidsforhold = z
  .looseObject({
    typeArbeidsforhold: code("typeArbeidsforhold"),
    arbeidsforholdId: optionalText(150),
    startdato: date(),
    sluttdato: optionalDate(),
    antallTimerPerUkeSomEnFullStillingTilsvarer: optionalDecimal().check(
      z.refine((n) => n === undefined || (n > 0 && n <= 168), { message: "hoursRange" }),
    ),
    avloenningstype: optionalCode("avloenningstype"),
    yrke: optionalText(7).check(z.refine((v) => v === undefined || /^\d{7}$/.test(v), { message: "yrkeFormat" })),
    arbeidstidsordning: optionalCode("arbeidstidsordning"),
    stillingsprosent: optionalPercent(),
    formForAnsettelse: optionalCode("formForAnsettelse"),
  })
  .check(
    z.superRefine((a, ctx) => {
      if (!isRecord(a)) return;
      const { startdato, sluttdato } = a;
      if (typeof startdato === "string" && typeof sluttdato === "string") {
        if (ISO_DATE.test(startdato) && ISO_DATE.test(sluttdato) && sluttdato < startdato)
          ctx.addIssue({ code: "custom", path: ["sluttdato"], message: "endBeforeStart" });
      }
      if (a.typeArbeidsforhold === ORDINARY_EMPLOYMENT) {
        for (const key of ORDINARY_EMPLOYMENT_REQUIRED) {
          if (a[key] === undefined || a[key] === "")
            ctx.addIssue({ code: "custom", path: [key], message: "requiredForOrdinaryEmployment" });
        }
      }
    }, RUN_ALWAYS),
  );

/** The kinds of income an inntekt line may carry; exactly one per line. */
export const INNTEKT_TYPES = ["loennsinntekt", "ytelseFraOffentlige", "pensjonEllerTrygd", "naeringsinntekt"] as const;
export type InntektType = (typeof INNTEKT_TYPES)[number];

const inntekt = z
  .looseObject({
    fordel: code("fordel"),
    utloeserArbeidsgiveravgift: flag(),
    inngaarIGrunnlagForTrekk: flag(),
    beloep: decimal(),
    loennsinntekt: z.optional(
      z.looseObject({ beskrivelse: code("loennsinntektBeskrivelse"), antall: optionalDecimal() }),
    ),
    ytelseFraOffentlige: z.optional(z.looseObject({ beskrivelse: text(200) })),
    pensjonEllerTrygd: z.optional(z.looseObject({ beskrivelse: text(200) })),
    naeringsinntekt: z.optional(z.looseObject({ beskrivelse: text(200) })),
  })
  .check(
    z.superRefine((line, ctx) => {
      if (!isRecord(line)) return;
      const present = INNTEKT_TYPES.filter((type) => line[type] !== undefined);
      if (present.length === 0)
        ctx.addIssue({ code: "custom", path: ["loennsinntekt", "beskrivelse"], message: "required" });
      const second = present[1];
      if (second) ctx.addIssue({ code: "custom", path: [second], message: "inntektTypeSeveral" });
    }, RUN_ALWAYS),
  );

const forskuddstrekk = z.looseObject({
  beskrivelse: optionalCode("forskuddstrekkBeskrivelse"),
  beloep: deduction(),
});

const utleggstrekk = z.looseObject({ beskrivelse: optionalText(200), beloep: deduction() });

/** Deductions from the basis (fagforeningskontingent and the like): a decimal, negative in the official example. */
const fradrag = z.looseObject({ beskrivelse: text(200), beloep: decimal() });

const inntektsmottakerFields = z
  .looseObject({
    norskIdentifikator: optionalFodselsnummer(),
    internasjonalIdentifikator: z.optional(z.array(internasjonalIdentifikator)),
    identifiserendeInformasjon: z.optional(identifiserendeInformasjon),
    arbeidsforhold: z.optional(z.array(arbeidsforhold)),
    inntekt: z.optional(z.array(inntekt)),
    forskuddstrekk: z.optional(z.array(forskuddstrekk)),
    utleggstrekk: z.optional(z.array(utleggstrekk)),
    fradrag: z.optional(z.array(fradrag)),
  })
  // Runs even when a line below has errors, so a missing identifier is reported in the same round.
  .check(
    z.superRefine((person, ctx) => {
      const international = Array.isArray(person.internasjonalIdentifikator) ? person.internasjonalIdentifikator : [];
      if (person.norskIdentifikator === undefined && international.length === 0) {
        ctx.addIssue({ code: "custom", path: ["norskIdentifikator"], message: "identifierRequired" });
      }
      if (person.norskIdentifikator !== undefined && international.length > 0) {
        ctx.addIssue({ code: "custom", path: ["internasjonalIdentifikator"], message: "identifierBoth" });
      }
      // Without a Norwegian id, Skatteetaten can only match the person on name and date of birth.
      if (person.norskIdentifikator === undefined && international.length > 0) {
        if (!person.identifiserendeInformasjon?.navn) {
          ctx.addIssue({ code: "custom", path: ["identifiserendeInformasjon", "navn"], message: "requiredWithoutFnr" });
        }
        if (!person.identifiserendeInformasjon?.foedselsdato) {
          ctx.addIssue({
            code: "custom",
            path: ["identifiserendeInformasjon", "foedselsdato"],
            message: "requiredWithoutFnr",
          });
        }
      }
    }, RUN_ALWAYS),
  );
const inntektsmottaker = z.pipe(
  inntektsmottakerFields,
  z.transform((person) => {
    // An identifiserendeInformasjon left empty in a form must not reach the wire as {}.
    const info = person.identifiserendeInformasjon;
    if (info && Object.values(info).every((v) => v === undefined))
      return { ...person, identifiserendeInformasjon: undefined };
    return person;
  }),
);

const loennOgGodtgjoerelse = z.looseObject({
  beregningskodeForArbeidsgiveravgift: code("beregningskodeForArbeidsgiveravgift"),
  sone: code("sone"),
  avgiftsgrunnlagBeloep: decimal(),
  prosentsatsForAvgiftsberegning: percent(),
});

const virksomhet = z
  .looseObject({
    norskIdentifikator: orgnr(),
    inntektsmottaker: z._default(z.array(inntektsmottaker), []),
    arbeidsgiveravgift: z.optional(z.looseObject({ loennOgGodtgjoerelse: z.optional(z.array(loennOgGodtgjoerelse)) })),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (!isRecord(v) || !Array.isArray(v.inntektsmottaker)) return;
      const seen = new Set<string>();
      v.inntektsmottaker.forEach((person: unknown, i) => {
        const id =
          isRecord(person) && typeof person.norskIdentifikator === "string" ? person.norskIdentifikator : undefined;
        if (id === undefined || id === "") return;
        if (seen.has(id))
          ctx.addIssue({
            code: "custom",
            path: ["inntektsmottaker", i, "norskIdentifikator"],
            message: "duplicatePerson",
          });
        seen.add(id);
      });
    }, RUN_ALWAYS),
  );

/**
 * Forskuddstrekk to pay for one salary payment date: whole kroner, not negative (positive in the
 * official example while the lines are negative: our reading of the sign rule).
 */
const forskuddstrekkForDato = z.looseObject({
  loennsutbetalingsdato: date(),
  beloep: z.pipe(wholeKroner(), z.number().check(z.gte(0, { message: "amountNotNegative" }))),
});

const betalingsinformasjon = z
  .looseObject({
    sumForskuddstrekkPerLoennsutbetalingsdato: z.optional(z.array(forskuddstrekkForDato)),
    sumArbeidsgiveravgift: optionalWholeKroner(),
    sumFinansskattLoenn: optionalWholeKroner(),
    sumUtleggstrekk: optionalWholeKroner(),
  })
  .check(
    z.superRefine((b, ctx) => {
      if (!isRecord(b) || !Array.isArray(b.sumForskuddstrekkPerLoennsutbetalingsdato)) return;
      const seen = new Set<string>();
      b.sumForskuddstrekkPerLoennsutbetalingsdato.forEach((line: unknown, i) => {
        const date = isRecord(line) && typeof line.loennsutbetalingsdato === "string" ? line.loennsutbetalingsdato : "";
        if (date === "") return;
        if (seen.has(date)) {
          ctx.addIssue({
            code: "custom",
            path: ["sumForskuddstrekkPerLoennsutbetalingsdato", i, "loennsutbetalingsdato"],
            message: "duplicateDate",
          });
        }
        seen.add(date);
      });
    }, RUN_ALWAYS),
  );

/** An institution the employer's pension scheme is with; the official example's identifikator fails the orgnr check, so it is kept as text. */
const pensjonsinnretning = z.looseObject({ identifikator: text(100) });

const oppgave = z
  .looseObject({
    betalingsinformasjon: z.optional(betalingsinformasjon),
    virksomhet: z
      .array(virksomhet, { error: "virksomhetRequired" })
      .check(z.minLength(1, { message: "virksomhetRequired" })),
    pensjonsinnretning: z.optional(z.array(pensjonsinnretning)),
  })
  .check(
    z.superRefine((o, ctx) => {
      if (!isRecord(o) || !Array.isArray(o.virksomhet)) return;
      const seen = new Set<string>();
      o.virksomhet.forEach((v: unknown, i) => {
        // As read (spaces left out, as the orgnr rule does), so a virksomhet with other errors is compared too.
        const id =
          isRecord(v) && typeof v.norskIdentifikator === "string" ? v.norskIdentifikator.replace(/\s+/g, "") : "";
        if (id === "") return;
        if (seen.has(id))
          ctx.addIssue({
            code: "custom",
            path: ["virksomhet", i, "norskIdentifikator"],
            message: "duplicateVirksomhet",
          });
        seen.add(id);
      });
    }, RUN_ALWAYS),
  );

const leveranseFields = {
  leveringstidspunkt: z.iso.datetime({
    offset: true,
    local: true,
    error: (issue) => (issue.input ? "dateTimeInvalid" : "required"),
  }),
  kalendermaaned: z.string({ error: "required" }).check(
    z.trim(),
    z.minLength(1, { message: "required", abort: true }),
    z.regex(KALENDERMAANED, { message: "kalendermaanedFormat", abort: true }),
    z.refine((v) => v >= "2014-01" && v <= "2099-12", { message: "kalendermaanedRange" }),
  ),
  kildesystem: text(255),
  meldingsId: meldingsId(),
  erstatterMeldingsId: optionalText(150).check(
    z.refine((v) => v === undefined || MELDINGS_ID.test(v), { message: "meldingsIdFormat" }),
  ),
  opplysningspliktig: z.looseObject({ norskIdentifikator: orgnr() }, { error: "required" }),
  oppgave: oppgave,
  spraakForTilbakemelding: optionalCode("spraakForTilbakemelding"),
};

function checkReplacement(l: unknown, ctx: z.core.$RefinementCtx) {
  if (!isRecord(l) || typeof l.meldingsId !== "string" || typeof l.erstatterMeldingsId !== "string") return;
  if (l.erstatterMeldingsId.trim() !== "" && l.erstatterMeldingsId.trim() === l.meldingsId.trim()) {
    ctx.addIssue({ code: "custom", path: ["erstatterMeldingsId"], message: "replacesItself" });
  }
}

/** A complete leveranse, ready to send (imported files, and a builder draft once leveringstidspunkt is set). */
export const leveranseSchema = z.looseObject(leveranseFields).check(z.superRefine(checkReplacement, RUN_ALWAYS));

/**
 * A leveranse being built: the same rules, except that leveringstidspunkt is set when the user
 * submits. The builder page validates with this in the browser and in its server action.
 */
export const leveranseUnsentSchema = z
  .looseObject({ ...leveranseFields, leveringstidspunkt: z.optional(leveranseFields.leveringstidspunkt) })
  .check(z.superRefine(checkReplacement, RUN_ALWAYS));

export type Leveranse = z.output<typeof leveranseSchema>;
export type LeveranseUnsent = z.output<typeof leveranseUnsentSchema>;
export type LeveranseInput = z.input<typeof leveranseSchema>;
export type Inntektsmottaker = Leveranse["oppgave"]["virksomhet"][number]["inntektsmottaker"][number];
export type Virksomhet = Leveranse["oppgave"]["virksomhet"][number];
