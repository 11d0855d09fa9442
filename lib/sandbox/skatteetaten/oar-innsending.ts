import "server-only";
import { randomUUID } from "node:crypto";
import { apiError, problemsError } from "./api-error-response";
import { checkOarStructure, type OarParty } from "./oar-structure";
import { validateOar } from "./oar-validation";
import { jsonResponse, type SandboxResponse, spec } from "./sandbox-response";
import type { SandboxState } from "./sandbox-state";

/** An oppdragsgiver without a Norwegian orgnr is known by its foreign identification. */
export function oppdragsgiverId(party: OarParty): string {
  return party.organisasjonsnummer ?? party.utenlandskIdentifikasjon ?? party.navn;
}

/** OAR after the shared checks: structure, validation, the NY/ENDRING rule (OAR_1012), then accept once. */
export function processOarInnsending(body: unknown, idempotencyKey: string, state: SandboxState): SandboxResponse {
  const { problems, innsending } = checkOarStructure(body);
  if (!innsending) return problemsError("oar", "structure", problems);
  const invalid = validateOar(innsending);
  if (invalid.length > 0) return problemsError("oar", "validation", invalid);

  const giver = oppdragsgiverId(innsending.oppdragsgiver);
  const exists = state.oppdragExists(giver, innsending.oppdragsreferanse);
  if (exists === (innsending.innsendingstype === "NY")) {
    return apiError("oar", "validation", {
      spesifisering: [
        spec("OAR_1012", {
          melding: exists
            ? "Oppdraget er allerede registrert for denne oppdragsgiveren; bruk innsendingstype ENDRING"
            : "Det finnes ikke noe registrert oppdrag med denne oppdragsreferansen; bruk innsendingstype NY",
          sti: "/innsendingstype",
          angittVerdi: innsending.innsendingstype,
        }),
      ],
    });
  }

  const forsendelseId = randomUUID();
  const dialogId = randomUUID();
  const at = new Date();
  state.storeForsendelse("oar", forsendelseId, {
    forsendelseId,
    dialogId,
    status: "MOTTATT",
    mottattTidspunkt: at.toISOString(),
    innsendingstype: innsending.innsendingstype,
    oppdragsreferanse: innsending.oppdragsreferanse,
    innsending: body,
  });
  state.registerOppdrag(giver, innsending.oppdragsreferanse);
  state.recordProcessed({
    api: "oar",
    orgnr: giver,
    idempotencyKey,
    forsendelseId,
    dialogId,
    oppdragsreferanse: innsending.oppdragsreferanse,
    at,
  });
  return jsonResponse(200, { dialogId, forsendelseId });
}
