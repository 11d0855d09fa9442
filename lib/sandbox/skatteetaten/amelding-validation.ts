import "server-only";
import { isValidOrgnr } from "@/lib/validation/orgnr";
import type { AmeldingLeveranse } from "./amelding-structure";
import type { Problem } from "./shape-check";

/** meldingsId: at most 150 of [0-9a-zA-Z_.-] (A-melding XSD v2.3; docs/skatteetaten-contract.md, "A-melding model v2.3"). */
const MELDINGS_ID = /^[0-9a-zA-Z_.-]{1,150}$/;

const INVALID_ORGNR = "Organisasjonsnummeret er ugyldig (kontrollsiffer, modulus 11)";

/**
 * A-melding payload validation (AMLD_010). `acceptedMeldingsIds` holds the ids already accepted for this
 * opplysningspliktig: a reused meldingsId is rejected (rule MAGNET_EDAG-181), and
 * erstatterMeldingsId must name one of them.
 */
export function validateAmelding(leveranse: AmeldingLeveranse, acceptedMeldingsIds: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  if (!isValidOrgnr(leveranse.opplysningspliktig)) {
    problems.push({
      sti: "/leveranse/opplysningspliktig/norskIdentifikator",
      angittVerdi: leveranse.opplysningspliktig,
      melding: INVALID_ORGNR,
    });
  }
  for (const v of leveranse.virksomheter) {
    if (!isValidOrgnr(v.norskIdentifikator))
      problems.push({ sti: v.sti, angittVerdi: v.norskIdentifikator, melding: INVALID_ORGNR });
  }

  const { meldingsId, erstatterMeldingsId } = leveranse;
  if (meldingsId === undefined) {
    problems.push({ sti: "/leveranse/meldingsId", angittVerdi: null, melding: "MeldingsId mangler" });
  } else if (!MELDINGS_ID.test(meldingsId)) {
    problems.push({
      sti: "/leveranse/meldingsId",
      angittVerdi: meldingsId,
      melding: "MeldingsId kan bare inneholde 0-9, a-z, A-Z, _, . og -, og være høyst 150 tegn",
    });
  } else if (acceptedMeldingsIds.has(meldingsId)) {
    problems.push({
      sti: "/leveranse/meldingsId",
      angittVerdi: meldingsId,
      melding:
        "MeldingsId er brukt tidligere for denne opplysningspliktige; hver melding må ha en unik meldingsId (MAGNET_EDAG-181)",
    });
  }
  if (erstatterMeldingsId !== undefined && !acceptedMeldingsIds.has(erstatterMeldingsId)) {
    problems.push({
      sti: "/leveranse/erstatterMeldingsId",
      angittVerdi: erstatterMeldingsId,
      melding: "ErstatterMeldingsId viser ikke til en tidligere mottatt melding for denne opplysningspliktige",
    });
  }
  return problems;
}
