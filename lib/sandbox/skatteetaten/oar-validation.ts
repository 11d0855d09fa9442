import "server-only";
import { isValidFodselsnummer } from "@/lib/validation/fodselsnummer";
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

/** Arbeidstakere's values; a fødselsnummer is never echoed back (angittVerdi null). */
function checkArbeidstakere(innsending: OarInnsending, problems: Problem[]) {
  innsending.arbeidstakere.forEach((a, i) => {
    const at = `/arbeidstakere/${i}`;
    if (a.foedselsEllerDNummer !== undefined && !isValidFodselsnummer(a.foedselsEllerDNummer)) {
      problems.push({
        sti: `${at}/foedselsEllerDNummer`,
        angittVerdi: null,
        melding: "Fødselsnummeret eller d-nummeret er ugyldig",
      });
    }
    const land = a.utenlandskIdentifikasjon?.land;
    if (land !== undefined && !/^[A-Z]{2}$/.test(land)) {
      problems.push({
        sti: `${at}/utenlandskIdentifikasjon/land`,
        angittVerdi: land,
        melding: "Land må være en landkode (ISO 3166-1 alfa-2)",
      });
    }
    if (a.sisteArbeidsdag !== undefined && a.sisteArbeidsdag < a.foersteArbeidsdag) {
      problems.push({
        sti: `${at}/sisteArbeidsdag`,
        angittVerdi: a.sisteArbeidsdag,
        melding: "Siste arbeidsdag kan ikke være før første arbeidsdag",
      });
    }
  });
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
  if (innsending.innsendingstype === "ENDRING" && innsending.endringsdato === undefined) {
    problems.push({ sti: "/endringsdato", angittVerdi: null, melding: "Endringsdato er påkrevd ved ENDRING" });
  } else if (innsending.innsendingstype === "NY" && innsending.endringsdato !== undefined) {
    problems.push({
      sti: "/endringsdato",
      angittVerdi: innsending.endringsdato,
      melding: "Endringsdato skal bare oppgis ved ENDRING",
    });
  }
  checkArbeidstakere(innsending, problems);
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
