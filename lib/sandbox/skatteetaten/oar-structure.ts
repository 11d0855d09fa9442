import "server-only";
import { createShapeCheck, isJsonObject, type JsonObject, type Problem, pointer, type ShapeCheck } from "./shape-check";

export type OarParty = { navn: string; organisasjonsnummer?: string; utenlandskIdentifikasjon?: string };

/** An arbeidstaker as our contract writes one (docs/skatteetaten-contract.md, "OAR"). */
export type OarArbeidstaker = {
  foedselsEllerDNummer?: string;
  utenlandskIdentifikasjon?: { identifikasjonsnummer: string; foedselsdato: string; land: string };
  foersteArbeidsdag: string;
  sisteArbeidsdag?: string;
};

/** The fields of an OAR innsending the sandbox reasons about; the rest is stored as received. */
export type OarInnsending = {
  innsendingstype: string;
  endringsdato?: string;
  oppdragsreferanse: string;
  oppdragsgiver: OarParty;
  hovedoppdragsgiver?: OarParty;
  oppdragstaker: OarParty;
  startdato: string;
  forventetSluttdato: string;
  kontraktsverdi: string;
  arbeidstakere: OarArbeidstaker[];
};

const ARBEIDSTAKER_FIELDS = new Set([
  "navn",
  "foedselsEllerDNummer",
  "utenlandskIdentifikasjon",
  "foersteArbeidsdag",
  "sisteArbeidsdag",
]);
const UTENLANDSK_ID_FIELDS = new Set(["identifikasjonsnummer", "foedselsdato", "land"]);

function unknownFields(c: ShapeCheck, item: JsonObject, known: Set<string>, at: string) {
  for (const key of Object.keys(item)) if (!known.has(key)) c.report(pointer(at, key), item[key], "Ukjent felt");
}

/**
 * Arbeidstakere: a list (may be empty), each with a name, exactly one of a Norwegian
 * foedselsEllerDNummer and a utenlandskIdentifikasjon (number, date of birth, country), the first
 * working day and, once known, the last; no other fields.
 */
function checkArbeidstakere(c: ShapeCheck, root: JsonObject): OarArbeidstaker[] | undefined {
  const list = c.array(root, "arbeidstakere", "", true);
  if (!list) return undefined;
  const out: OarArbeidstaker[] = [];
  list.forEach((item, i) => {
    const at = pointer("/arbeidstakere", i);
    if (!isJsonObject(item)) {
      c.report(at, item, "Feltet må være et objekt");
      return;
    }
    unknownFields(c, item, ARBEIDSTAKER_FIELDS, at);
    c.string(item, "navn", at);
    const hasNorsk = item.foedselsEllerDNummer !== undefined && item.foedselsEllerDNummer !== null;
    const hasUtenlandsk = item.utenlandskIdentifikasjon !== undefined && item.utenlandskIdentifikasjon !== null;
    let foedselsEllerDNummer: string | undefined;
    let utenlandskIdentifikasjon: OarArbeidstaker["utenlandskIdentifikasjon"];
    if (hasNorsk === hasUtenlandsk) {
      c.report(
        pointer(at, "foedselsEllerDNummer"),
        undefined,
        "Enten foedselsEllerDNummer eller utenlandskIdentifikasjon må være oppgitt, ikke begge",
      );
    } else if (hasNorsk) {
      foedselsEllerDNummer = c.string(item, "foedselsEllerDNummer", at);
    } else {
      const id = c.object(item, "utenlandskIdentifikasjon", at);
      if (id) {
        const idAt = pointer(at, "utenlandskIdentifikasjon");
        unknownFields(c, id, UTENLANDSK_ID_FIELDS, idAt);
        const identifikasjonsnummer = c.string(id, "identifikasjonsnummer", idAt);
        const foedselsdato = c.date(id, "foedselsdato", idAt);
        const land = c.string(id, "land", idAt);
        if (identifikasjonsnummer !== undefined && foedselsdato !== undefined && land !== undefined)
          utenlandskIdentifikasjon = { identifikasjonsnummer, foedselsdato, land };
      }
    }
    const foersteArbeidsdag = c.date(item, "foersteArbeidsdag", at);
    const sisteArbeidsdag = c.date(item, "sisteArbeidsdag", at, false);
    if (foersteArbeidsdag !== undefined)
      out.push({ foedselsEllerDNummer, utenlandskIdentifikasjon, foersteArbeidsdag, sisteArbeidsdag });
  });
  return out;
}

function checkAddress(c: ShapeCheck, parent: JsonObject, key: string, base: string, required: boolean) {
  const address = c.object(parent, key, base, required);
  if (!address) return;
  const at = pointer(base, key);
  c.string(address, "adresselinje", at);
  c.string(address, "postnummer", at, false);
  c.string(address, "poststed", at, false);
  c.string(address, "landkode", at);
}

/** A party has a Norwegian orgnr, or a foreign identification with a home-country address (docs/skatteetaten-contract.md, "OAR"). */
function checkParty(c: ShapeCheck, root: JsonObject, key: string, required: boolean): OarParty | undefined {
  const party = c.object(root, key, "", required);
  if (!party) return undefined;
  const at = pointer("", key);
  const navn = c.string(party, "navn", at);
  const organisasjonsnummer = c.string(party, "organisasjonsnummer", at, false);
  let utenlandskIdentifikasjon: string | undefined;
  if (party.organisasjonsnummer === undefined || party.organisasjonsnummer === null) {
    if (party.utenlandskIdentifikasjon === undefined || party.utenlandskIdentifikasjon === null) {
      c.report(
        pointer(at, "organisasjonsnummer"),
        undefined,
        "Enten organisasjonsnummer eller utenlandskIdentifikasjon må være oppgitt",
      );
    } else {
      utenlandskIdentifikasjon = c.string(party, "utenlandskIdentifikasjon", at);
      checkAddress(c, party, "adresseIHjemland", at, true);
    }
    checkAddress(c, party, "adresseINorge", at, false);
    c.string(party, "kontaktperson", at, false);
  }
  if (navn === undefined) return undefined;
  return { navn, organisasjonsnummer, utenlandskIdentifikasjon };
}

function checkArbeidssted(c: ShapeCheck, oppdrag: JsonObject) {
  const arbeidssted = c.object(oppdrag, "arbeidssted", "/oppdrag");
  if (!arbeidssted) return;
  const at = "/oppdrag/arbeidssted";
  const type = c.string(arbeidssted, "type", at);
  if (type === "LAND") checkAddress(c, arbeidssted, "adresse", at, true);
  else if (type === "SOKKEL") c.string(arbeidssted, "felt", at);
  else if (type !== undefined) c.report(`${at}/type`, type, "Ugyldig type, forventet LAND eller SOKKEL");
}

function checkVedlegg(c: ShapeCheck, root: JsonObject) {
  const vedlegg = c.array(root, "vedlegg", "");
  vedlegg?.forEach((item, i) => {
    const at = pointer("/vedlegg", i);
    if (!isJsonObject(item)) {
      c.report(at, item, "Feltet må være et objekt");
      return;
    }
    c.string(item, "type", at);
    c.string(item, "referanse", at);
  });
}

/** OAR structure: required objects and fields present with the right JSON types (OAR_004). */
export function checkOarStructure(body: unknown): { problems: Problem[]; innsending?: OarInnsending } {
  const c = createShapeCheck();
  if (!isJsonObject(body)) {
    c.report("/", body, "Innsendingen må være et JSON-objekt");
    return { problems: c.problems };
  }
  const innsendingstype = c.string(body, "innsendingstype", "");
  const endringsdato = c.date(body, "endringsdato", "", false);
  const oppdragsreferanse = c.string(body, "oppdragsreferanse", "");
  const oppdragsgiver = checkParty(c, body, "oppdragsgiver", true);
  const hovedoppdragsgiver = checkParty(c, body, "hovedoppdragsgiver", false);
  const oppdragstaker = checkParty(c, body, "oppdragstaker", true);

  const oppdrag = c.object(body, "oppdrag", "");
  let startdato: string | undefined;
  let forventetSluttdato: string | undefined;
  let kontraktsverdi: string | undefined;
  if (oppdrag) {
    c.string(oppdrag, "beskrivelse", "/oppdrag");
    checkArbeidssted(c, oppdrag);
    startdato = c.date(oppdrag, "startdato", "/oppdrag");
    forventetSluttdato = c.date(oppdrag, "forventetSluttdato", "/oppdrag");
    // A number here is a type error; a string that is not a decimal is a validation error (oar-validation.ts).
    kontraktsverdi = c.string(oppdrag, "kontraktsverdi", "/oppdrag");
  }
  checkVedlegg(c, body);
  const arbeidstakere = checkArbeidstakere(c, body);

  if (
    c.problems.length > 0 ||
    innsendingstype === undefined ||
    oppdragsreferanse === undefined ||
    !oppdragsgiver ||
    !oppdragstaker ||
    startdato === undefined ||
    forventetSluttdato === undefined ||
    kontraktsverdi === undefined ||
    arbeidstakere === undefined
  ) {
    return { problems: c.problems };
  }
  return {
    problems: [],
    innsending: {
      innsendingstype,
      endringsdato,
      oppdragsreferanse,
      oppdragsgiver,
      hovedoppdragsgiver,
      oppdragstaker,
      startdato,
      forventetSluttdato,
      kontraktsverdi,
      arbeidstakere,
    },
  };
}
