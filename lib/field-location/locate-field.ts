import type { Translator } from "@/lib/i18n/translator";
import { maskPersonalNumbers } from "@/lib/validation/mask-personal-data";
import { formatOrgnr } from "@/lib/validation/orgnr";
import { fieldLabel, type PartyKind, patternOf, type ReportKind } from "./field-labels";
import { stiToModelPath } from "./model-path";

/**
 * How much of a person's identity a reader is shown beside the field:
 * - "birthdate": name and the first six digits of the fødselsnummer/d-nummer ("021292·····"),
 *   or the foreign id; for roles that may read personal data (personal_data:read_unmasked);
 * - "masked": name and the number masked as everywhere else for roles that may not
 *   ("******12345", lib/validation/mask-personal-data.ts); no foreign id. Never the birth date
 *   part, which together with the masked form shown elsewhere would give the whole number.
 */
export type IdentityView = "birthdate" | "masked";

export type FieldLocation = {
  /** The path as it was given (Skatteetaten's `sti`, or a model path). */
  raw: string;
  /** The same place as a dotted model path, the forms' field names; null for an empty path. */
  modelPath: string | null;
  /** Outermost first: the party or item it is in, sections, and the field's own label. */
  crumbs: string[];
  /** False when part of the path is not a field of the form (then those parts are humanised). */
  known: boolean;
};

export type LocateOptions = {
  t: Translator;
  /** The report the path points into (a stored version's payload): names the person or party. */
  payload?: unknown;
  identity: IdentityView;
  /** False where the person or virksomhet is already shown around the location (a group heading). */
  parties?: boolean;
};

const DOTS = "·····";

function childOf(node: unknown, key: string): unknown {
  if (node === null || typeof node !== "object") return undefined;
  return Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const key of segments) node = childOf(node, key);
  return node;
}

const text = (value: unknown): string => (typeof value === "string" ? value.trim() : "");

/** "021292·····" or "******12345"; the number as given when it is not 11 digits. */
export function personalNumberShown(value: string, identity: IdentityView): string {
  const digits = value.replace(/\s+/g, "");
  if (!/^\d{11}$/.test(digits)) return identity === "masked" ? maskPersonalNumbers(digits) : digits;
  return identity === "birthdate" ? `${digits.slice(0, 6)}${DOTS}` : maskPersonalNumbers(digits);
}

/** "Ola Prøvestad (021292·····)": the inntektsmottaker's name and identity as the reader may see them. */
function describePerson(person: unknown, identity: IdentityView): string | null {
  const name = text(valueAt(person, ["identifiserendeInformasjon", "navn"]));
  const fnr = text(childOf(person, "norskIdentifikator"));
  const foreign = text(valueAt(person, ["internasjonalIdentifikator", "0", "identifikator"]));
  const id = fnr ? personalNumberShown(fnr, identity) : identity === "birthdate" ? foreign : "";
  if (name && id) return `${name} (${id})`;
  return name || id || null;
}

function describeParty(kind: PartyKind, node: unknown, identity: IdentityView, t: Translator, role: string) {
  if (kind === "inntektsmottaker") return describePerson(node, identity);
  if (kind === "virksomhet") {
    const orgnr = text(childOf(node, "norskIdentifikator"));
    return orgnr ? t("fieldLocation.virksomhet", { orgnr: formatOrgnr(orgnr) }) : null;
  }
  const name = text(childOf(node, "navn"));
  const orgnr = text(childOf(node, "organisasjonsnummer"));
  if (!name && !orgnr) return null;
  const who = name && orgnr ? `${name} (${formatOrgnr(orgnr)})` : name || formatOrgnr(orgnr);
  return t("fieldLocation.party", { role, name: who });
}

/** "sumFinansskattLoenn" → "Sum finansskatt lønn": Skatteetaten's names spell æ, ø, å as ae, oe, aa. */
function humanise(segment: string): string {
  const words = segment
    .replace(/([a-zæøå])([A-ZÆØÅ])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .replace(/aa/g, "å")
    .replace(/oe/g, "ø")
    .replace(/ae/g, "æ")
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isIndex = (segment: string) => /^\d+$/.test(segment);

/**
 * Where a path points, in the form's words: "Ola Prøvestad (021292·····) › Arbeidsforhold 1 › Yrkeskode",
 * "Oppdraget › Beskrivelse av arbeidet". Parts the forms do not have are humanised and the
 * location is marked unknown, so the raw path can be shown beside it.
 */
export function locateField(kind: ReportKind, path: string, options: LocateOptions): FieldLocation {
  const { t, payload, identity } = options;
  const modelPath = stiToModelPath(kind, path);
  const segments = modelPath ? modelPath.split(".") : [];
  const crumbs: string[] = [];
  let known = segments.length > 0;
  let previousUnknown = false;
  const push = (crumb: string) => {
    if (crumbs.at(-1) !== crumb) crumbs.push(crumb);
  };
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const prefix = segments.slice(0, i + 1);
    const last = i === segments.length - 1;
    const entry = fieldLabel(kind, patternOf(prefix));
    const n = Number(segment) + 1;
    if (entry) {
      previousUnknown = false;
      if (entry.party) {
        if (options.parties === false) continue;
        if (entry.party === "virksomhet" && !last && onlyVirksomhet(payload) && segments[i + 1] === "inntektsmottaker")
          continue;
        const role = entry.numbered ? t(entry.key, { n }) : t(entry.key);
        const party =
          payload === undefined ? null : describeParty(entry.party, valueAt(payload, prefix), identity, t, role);
        push(party ?? role);
        continue;
      }
      if (entry.show === "always" || last) push(entry.numbered ? t(entry.key, { n }) : t(entry.key));
      continue;
    }
    if (isIndex(segment)) {
      const list = fieldLabel(kind, patternOf(prefix.slice(0, -1)));
      if (list?.itemsNumbered) {
        push(t("fieldLocation.numbered", { label: t(list.key), n }));
        continue;
      }
      known = false;
      const before = crumbs.at(-1);
      if (previousUnknown && before !== undefined) crumbs[crumbs.length - 1] = `${before} ${n}`;
      else push(String(n));
      continue;
    }
    known = false;
    previousUnknown = true;
    push(humanise(segment));
  }
  return { raw: path, modelPath, crumbs, known };
}

function onlyVirksomhet(payload: unknown): boolean {
  const list = valueAt(payload, ["oppgave", "virksomhet"]);
  return Array.isArray(list) && list.length === 1;
}
