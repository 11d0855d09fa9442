import "server-only";
import { checkAmeldingJsonTypes } from "./amelding-json-types";
import { createShapeCheck, isJsonObject, type JsonObject, type Problem, pointer } from "./shape-check";

export const KALENDERMAANED = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The fields of a leveranse the sandbox reasons about; the rest is stored as received. */
export type AmeldingLeveranse = {
  kalendermaaned: string;
  meldingsId?: string;
  erstatterMeldingsId?: string;
  opplysningspliktig: string;
  virksomheter: { sti: string; norskIdentifikator: string }[];
};

/**
 * The `leveranse` tree of model v2.3 (docs/skatteetaten-contract.md, "A-melding model v2.3")
 * with the JSON types of the published example: a wrong type or a missing required field is a
 * structural error (AMLD_008). leveringstidspunkt and kildesystem are required, as in the XSD;
 * each forskuddstrekk sum needs its payment date and amount. A missing meldingsId is a
 * validation error instead (amelding-validation.ts).
 */
export function checkAmeldingStructure(body: unknown): { problems: Problem[]; leveranse?: AmeldingLeveranse } {
  const c = createShapeCheck();
  if (!isJsonObject(body)) {
    c.report("/", body, "Innsendingen må være et JSON-objekt");
    return { problems: c.problems };
  }
  const leveranse = c.object(body, "leveranse", "");
  if (!leveranse) return { problems: c.problems };
  const at = "/leveranse";

  let kalendermaaned = c.string(leveranse, "kalendermaaned", at);
  if (kalendermaaned !== undefined && !KALENDERMAANED.test(kalendermaaned)) {
    c.report(`${at}/kalendermaaned`, kalendermaaned, "Ugyldig kalendermåned, forventet format ÅÅÅÅ-MM");
    kalendermaaned = undefined;
  }
  const meldingsId = c.string(leveranse, "meldingsId", at, false);
  const erstatterMeldingsId = c.string(leveranse, "erstatterMeldingsId", at, false);
  c.string(leveranse, "leveringstidspunkt", at);
  c.string(leveranse, "kildesystem", at);

  const opplysningspliktig = c.object(leveranse, "opplysningspliktig", at);
  const opplysningspliktigOrgnr = opplysningspliktig
    ? c.string(opplysningspliktig, "norskIdentifikator", `${at}/opplysningspliktig`)
    : undefined;

  const virksomheter: AmeldingLeveranse["virksomheter"] = [];
  const oppgave = c.object(leveranse, "oppgave", at);
  if (oppgave) {
    const list = c.array(oppgave, "virksomhet", `${at}/oppgave`);
    list?.forEach((item, i) => {
      const vAt = pointer(`${at}/oppgave/virksomhet`, i);
      if (!isJsonObject(item)) {
        c.report(vAt, item, "Feltet må være et objekt");
        return;
      }
      const id = c.string(item, "norskIdentifikator", vAt);
      if (id !== undefined) virksomheter.push({ sti: `${vAt}/norskIdentifikator`, norskIdentifikator: id });
      c.array(item, "inntektsmottaker", vAt);
    });
    checkBetalingsinformasjon(c, oppgave, `${at}/oppgave`);
  }
  checkAmeldingJsonTypes(c, leveranse);

  if (c.problems.length > 0 || kalendermaaned === undefined || opplysningspliktigOrgnr === undefined) {
    return { problems: c.problems };
  }
  return {
    problems: [],
    leveranse: {
      kalendermaaned,
      meldingsId,
      erstatterMeldingsId,
      opplysningspliktig: opplysningspliktigOrgnr,
      virksomheter,
    },
  };
}

function checkBetalingsinformasjon(c: ReturnType<typeof createShapeCheck>, oppgave: JsonObject, base: string) {
  const betaling = c.object(oppgave, "betalingsinformasjon", base, false);
  if (!betaling) return;
  const bAt = `${base}/betalingsinformasjon`;
  c.array(betaling, "sumForskuddstrekkPerLoennsutbetalingsdato", bAt)?.forEach((item, i) => {
    const dAt = pointer(`${bAt}/sumForskuddstrekkPerLoennsutbetalingsdato`, i);
    if (!isJsonObject(item)) {
      c.report(dAt, item, "Feltet må være et objekt");
      return;
    }
    c.date(item, "loennsutbetalingsdato", dAt);
    if (item.beloep === undefined || item.beloep === null) c.report(`${dAt}/beloep`, undefined, "Påkrevd felt mangler");
  });
}
