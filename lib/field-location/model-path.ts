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
      ? segments.map((s) => (Object.hasOwn(OAR_WIRE_TO_MODEL, s) ? (OAR_WIRE_TO_MODEL[s] as string) : s))
      : segments;
  return model.length > 0 ? model.slice(0, MAX_SEGMENTS).join(".") : null;
}
