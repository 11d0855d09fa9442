import { normaliseOrgnr } from "@/lib/validation/orgnr";

type Party = { variant?: unknown; navn?: unknown; organisasjonsnummer?: unknown };

/**
 * Whether the oppdragsgiver is the organisation the report is made for ("Rapporterer for"):
 * the one whose system user sends it. The form fills the oppdragsgiver in from that
 * organisation; a different one is allowed (e.g. reporting a client's oppdrag), but only when
 * the user confirms it, checked in the form and again in the server action.
 */
export function oppdragsgiverIsOrganisation(
  oppdragsgiver: Party | undefined,
  organisation: { orgnr: string },
): boolean {
  return (
    oppdragsgiver?.variant === "norsk" &&
    typeof oppdragsgiver.organisasjonsnummer === "string" &&
    normaliseOrgnr(oppdragsgiver.organisasjonsnummer) === organisation.orgnr
  );
}

/** The oppdragsgiver as the form fills it in from the reporting organisation. */
export function oppdragsgiverFrom(organisation: { name: string; orgnr: string }) {
  return { variant: "norsk" as const, navn: organisation.name, organisasjonsnummer: organisation.orgnr };
}
