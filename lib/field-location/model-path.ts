import type { ReportKind } from "./field-labels";

/** Longer paths are not Skatteetaten's; they are cut rather than walked. */
const MAX_PATH_LENGTH = 500;
const MAX_SEGMENTS = 30;

/** OAR wire field names that differ from our model's (lib/reporting/oar/oar-adapter.ts writes the wire names). */
const OAR_WIRE_TO_MODEL: Record<string, string> = {
  utenlandskIdentifikasjon: "registreringsnummer",
  adresseIHjemland: "adresseHjemland",
  adresseINorge: "adresseNorge",
  kontraktsverdi: "kontraktsverdiNok",
};
/** The same within an arbeidstaker (`/arbeidstakere/<n>/…`), whose identification is one object in our model. */
const OAR_ARBEIDSTAKER_WIRE_TO_MODEL: Record<string, string> = {
  foedselsEllerDNummer: "identifikasjon.fodselsnummer",
  utenlandskIdentifikasjon: "identifikasjon",
  identifikasjonsnummer: "utenlandskIdNummer",
  foedselsdato: "fodselsdato",
  land: "landkode",
  foersteArbeidsdag: "forsteArbeidsdag",
};

/**
 * A path as Skatteetaten names a field (its `sti`: a JSON pointer such as
 * "/leveranse/oppgave/virksomhet/0/arbeidsforhold" or "/oppdrag/kontraktsverdi", also dotted or
 * with [0]) → the dotted path of the same field in our model, which the forms use as field
 * names and ids: "oppgave.virksomhet.0.arbeidsforhold", "oppdrag.kontraktsverdiNok". A model
 * path passes through unchanged. Null for an empty path.
 */
export function stiToModelPath(kind: ReportKind, sti: string | null | undefined): string | null {
  if (!sti) return null;
  const segments = sti
    .slice(0, MAX_PATH_LENGTH)
    .trim()
    .replace(/^\$/, "")
    .replace(/\[(\d+)\]/g, "/$1")
    .split(/[/.]/)
    .filter(Boolean)
    .slice(0, MAX_SEGMENTS + 1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (kind === "amelding" && segments[0] === "leveranse") segments.shift();
  const model =
    kind === "oar"
      ? segments.map((s) => {
          const names = segments[0] === "arbeidstakere" ? OAR_ARBEIDSTAKER_WIRE_TO_MODEL : OAR_WIRE_TO_MODEL;
          return Object.hasOwn(names, s) ? (names[s] as string) : s;
        })
      : segments;
  return model.length > 0 ? model.slice(0, MAX_SEGMENTS).join(".") : null;
}
