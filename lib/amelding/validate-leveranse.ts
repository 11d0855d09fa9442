import type { z } from "zod";
import { maskPersonalNumbers } from "@/lib/validation/mask-personal-data";
import { type Leveranse, type LeveranseUnsent, leveranseSchema, leveranseUnsentSchema } from "./leveranse-schema";
import { type AmeldingMessageKey, ameldingMessageKey } from "./validation-messages";

/** The inntektsmottaker an error concerns, as a list "by person and field" shows it. */
export type ErrorPerson = {
  virksomhetIndex: number;
  index: number;
  /** Name and masked fødselsnummer ("Kari Testesen, ******99736"), or what identifies the person otherwise. */
  label: string;
  /**
   * The name and number as given (fødselsnummer/d-nummer, else the foreign id), for a server to
   * show the person as the reader's role may see them (lib/amelding/import/person-shown.ts).
   */
  given: { name: string; norskIdentifikator: string; foreignId: string };
};

export type LeveranseError = {
  /** Dotted model path, the same one the builder uses in its field ids (`field-<path>`). */
  path: string;
  key: AmeldingMessageKey;
  params?: Record<string, string | number>;
  /** The field within the person (e.g. "inntekt.0.beloep"), or the whole path when no person is concerned. */
  field: string;
  person?: ErrorPerson;
};

export type LeveranseValidation<T> = { ok: true; leveranse: T } | { ok: false; errors: LeveranseError[] };

type RawPerson = {
  norskIdentifikator?: unknown;
  internasjonalIdentifikator?: { identifikator?: unknown }[];
  identifiserendeInformasjon?: { navn?: unknown };
};

function at(value: unknown, key: string | number): unknown {
  return value && typeof value === "object" ? (value as Record<string | number, unknown>)[key] : undefined;
}

function givenIdentity(raw: RawPerson | undefined): ErrorPerson["given"] {
  const name =
    typeof raw?.identifiserendeInformasjon?.navn === "string" ? raw.identifiserendeInformasjon.navn.trim() : "";
  const norskIdentifikator =
    typeof raw?.norskIdentifikator === "string" ? raw.norskIdentifikator.replace(/\s+/g, "") : "";
  const foreign = Array.isArray(raw?.internasjonalIdentifikator)
    ? raw.internasjonalIdentifikator[0]?.identifikator
    : undefined;
  return { name, norskIdentifikator, foreignId: typeof foreign === "string" ? foreign.trim() : "" };
}

function personLabel(given: ErrorPerson["given"], position: number): string {
  const id = (given.norskIdentifikator && maskPersonalNumbers(given.norskIdentifikator)) || given.foreignId;
  const parts = [given.name, id].filter(Boolean);
  return parts.length ? parts.join(", ") : `#${position + 1}`;
}

function toErrors(input: unknown, issues: z.core.$ZodIssue[]): LeveranseError[] {
  const persons = new Map<string, Omit<ErrorPerson, "virksomhetIndex" | "index">>();
  return issues.map((issue) => {
    const path = issue.path.map(String);
    const key = ameldingMessageKey(issue.message);
    const params = issue.code === "custom" ? (issue.params as LeveranseError["params"]) : undefined;
    const error: LeveranseError = { path: path.join("."), key, field: path.join("."), ...(params ? { params } : {}) };
    // oppgave.virksomhet.<v>.inntektsmottaker.<i>.<field…>
    if (path[0] === "oppgave" && path[1] === "virksomhet" && path[3] === "inntektsmottaker" && path[4] !== undefined) {
      const v = Number(path[2]);
      const i = Number(path[4]);
      const cacheKey = `${v}.${i}`;
      let person = persons.get(cacheKey);
      if (person === undefined) {
        const raw = at(at(at(at(at(input, "oppgave"), "virksomhet"), v), "inntektsmottaker"), i) as
          | RawPerson
          | undefined;
        const given = givenIdentity(raw);
        person = { label: personLabel(given, i), given };
        persons.set(cacheKey, person);
      }
      error.person = { virksomhetIndex: v, index: i, ...person };
      error.field = path.slice(5).join(".");
    }
    return error;
  });
}

/**
 * Validates one whole leveranse (an imported file or a builder draft) and returns every error
 * keyed by its path, each tied to the person it concerns. One pass of the shared schema: no
 * per-person work beyond it, so 10 000 inntektsmottakere validate in well under a second (see
 * bench/amelding.ts). Uniqueness of meldingsId needs the database: see isMeldingsIdUsed.
 */
export function validateLeveranse(input: unknown): LeveranseValidation<Leveranse> {
  const parsed = leveranseSchema.safeParse(input);
  return parsed.success
    ? { ok: true, leveranse: parsed.data }
    : { ok: false, errors: toErrors(input, parsed.error.issues) };
}

/** The same for a draft, which has no leveringstidspunkt until it is submitted. */
export function validateLeveranseUnsent(input: unknown): LeveranseValidation<LeveranseUnsent> {
  const parsed = leveranseUnsentSchema.safeParse(input);
  return parsed.success
    ? { ok: true, leveranse: parsed.data }
    : { ok: false, errors: toErrors(input, parsed.error.issues) };
}
