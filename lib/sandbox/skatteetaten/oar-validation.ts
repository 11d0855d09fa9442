import "server-only";
import { isValidOrgnr } from "@/lib/validation/orgnr";
import type { OarInnsending, OarParty } from "./oar-structure";
import type { Problem } from "./shape-check";

export const OAR_INNSENDINGSTYPER = ["NY", "ENDRING"] as const;

const DECIMAL = /^-?\d+(\.\d+)?$/;

function checkOrgnr(party: OarParty | undefined, key: string, problems: Problem[]) {
  if (party?.organisasjonsnummer === undefined) return;
  if (!isValidOrgnr(party.organisasjonsnummer)) {
    problems.push({
      sti: `/${key}/organisasjonsnummer`,
      angittVerdi: party.organisasjonsnummer,
      melding: "Organisasjonsnummeret er ugyldig (kontrollsiffer, modulus 11)",
    });
  }
}

/** OAR payload validation (OAR_005): values that are well-typed but wrong; one problem per finding. */
export function validateOar(innsending: OarInnsending): Problem[] {
  const problems: Problem[] = [];
  if (!(OAR_INNSENDINGSTYPER as readonly string[]).includes(innsending.innsendingstype)) {
    problems.push({
      sti: "/innsendingstype",
      angittVerdi: innsending.innsendingstype,
      melding: "Ugyldig innsendingstype, forventet NY eller ENDRING",
    });
  }
  if (innsending.oppdragsreferanse.trim() === "") {
    problems.push({
      sti: "/oppdragsreferanse",
      angittVerdi: innsending.oppdragsreferanse,
      melding: "Oppdragsreferanse kan ikke være tom",
    });
  }
  checkOrgnr(innsending.oppdragsgiver, "oppdragsgiver", problems);
  checkOrgnr(innsending.hovedoppdragsgiver, "hovedoppdragsgiver", problems);
  checkOrgnr(innsending.oppdragstaker, "oppdragstaker", problems);
  // ISO dates compare correctly as strings.
  if (innsending.forventetSluttdato < innsending.startdato) {
    problems.push({
      sti: "/oppdrag/forventetSluttdato",
      angittVerdi: innsending.forventetSluttdato,
      melding: "Forventet sluttdato kan ikke være før startdato",
    });
  }
  if (!DECIMAL.test(innsending.kontraktsverdi)) {
    problems.push({
      sti: "/oppdrag/kontraktsverdi",
      angittVerdi: innsending.kontraktsverdi,
      melding: 'Kontraktsverdi må være et desimaltall som tekst, f.eks. "450000.00"',
    });
  } else if (innsending.kontraktsverdi.startsWith("-") && Number(innsending.kontraktsverdi) !== 0) {
    problems.push({
      sti: "/oppdrag/kontraktsverdi",
      angittVerdi: innsending.kontraktsverdi,
      melding: "Kontraktsverdi kan ikke være negativ",
    });
  }
  return problems;
}
