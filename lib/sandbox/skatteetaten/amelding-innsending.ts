import "server-only";
import { randomUUID } from "node:crypto";
import type { AmeldingFeedbackPublisher } from "./amelding-feedback-publisher";
import { type AmeldingLeveranse, checkAmeldingStructure, KALENDERMAANED } from "./amelding-structure";
import { validateAmelding } from "./amelding-validation";
import { apiError, problemsError } from "./api-error-response";
import { jsonResponse, type SandboxResponse, spec } from "./sandbox-response";
import type { SandboxState } from "./sandbox-state";

export type AmeldingPath = { kalendermaaned: string; orgnr: string };

/** The income years the API takes: from 2015 (the a-ordning) up to next year. */
function yearSupported(kalendermaaned: string, now: Date): boolean {
  const year = Number(kalendermaaned.slice(0, 4));
  return year >= 2015 && year <= now.getFullYear() + 1;
}

/**
 * The path must agree with the leveranse (AMLD_1051, AMLD_1052) and name a supported month
 * (AMLD_1027); which main code these travel with is our choice (docs/skatteetaten-contract.md,
 * "Error codes").
 */
function checkPath(path: AmeldingPath, kalendermaaned: string, opplysningspliktig: string): SandboxResponse | null {
  if (!KALENDERMAANED.test(path.kalendermaaned)) {
    return apiError("amelding", "parameter", {
      melding: "Kalendermåned i stien må ha formatet ÅÅÅÅ-MM",
      angittVerdi: path.kalendermaaned,
    });
  }
  if (path.orgnr !== opplysningspliktig) {
    return apiError("amelding", "parameter", {
      spesifisering: [
        spec("AMLD_1051", { sti: "/leveranse/opplysningspliktig/norskIdentifikator", angittVerdi: path.orgnr }),
      ],
    });
  }
  if (path.kalendermaaned !== kalendermaaned) {
    return apiError("amelding", "parameter", {
      spesifisering: [spec("AMLD_1052", { sti: "/leveranse/kalendermaaned", angittVerdi: path.kalendermaaned })],
    });
  }
  if (!yearSupported(kalendermaaned, new Date())) {
    return apiError("amelding", "incomeYear", { sti: "/leveranse/kalendermaaned", angittVerdi: kalendermaaned });
  }
  return null;
}

/**
 * A-melding after the shared checks: structure and JSON types, validation, path agreement, then
 * accept once; an accepted melding gets its Dialogporten dialog and, later, its feedback.
 */
export function processAmeldingInnsending(
  body: unknown,
  path: AmeldingPath,
  idempotencyKey: string,
  state: SandboxState,
  feedback: Pick<AmeldingFeedbackPublisher, "accepted">,
): SandboxResponse {
  const { problems, leveranse } = checkAmeldingStructure(body);
  if (!leveranse) return problemsError("amelding", "structure", problems);
  const invalid = validateAmelding(leveranse, state.acceptedMeldingsIds(leveranse.opplysningspliktig));
  if (invalid.length > 0) return problemsError("amelding", "validation", invalid);
  const pathError = checkPath(path, leveranse.kalendermaaned, leveranse.opplysningspliktig);
  if (pathError) return pathError;

  return acceptAmelding(body, leveranse, { idempotencyKey }, state, feedback);
}

/**
 * Records one valid A-melding as received (from POST /innsending or, for a large one, PUT
 * /innsending of the file-upload API): its forsendelse, its meldingsId, its Dialogporten dialog
 * and, later, its feedback. Answers `{dialogId, forsendelseId, meldingsId}`.
 */
export function acceptAmelding(
  body: unknown,
  leveranse: AmeldingLeveranse,
  via: { idempotencyKey: string } | { idempotencyKey: null; opplastingId: string },
  state: SandboxState,
  feedback: Pick<AmeldingFeedbackPublisher, "accepted">,
): SandboxResponse {
  // Validation guarantees a meldingsId by now.
  const meldingsId = leveranse.meldingsId!;
  const forsendelseId = randomUUID();
  const dialogId = randomUUID();
  const at = new Date();
  state.storeForsendelse("amelding", forsendelseId, {
    forsendelseId,
    dialogId,
    meldingsId,
    status: "MOTTATT",
    mottattTidspunkt: at.toISOString(),
    kalendermaaned: leveranse.kalendermaaned,
    opplysningspliktig: leveranse.opplysningspliktig,
    innsending: body,
  });
  state.acceptMeldingsId(leveranse.opplysningspliktig, meldingsId);
  state.recordProcessed({
    api: "amelding",
    orgnr: leveranse.opplysningspliktig,
    ...via,
    forsendelseId,
    dialogId,
    meldingsId,
    at,
  });
  feedback.accepted((body as { leveranse: Record<string, unknown> }).leveranse, {
    dialogId,
    forsendelseId,
    meldingsId,
    kalendermaaned: leveranse.kalendermaaned,
    opplysningspliktig: leveranse.opplysningspliktig,
  });
  return jsonResponse(200, { dialogId, forsendelseId, meldingsId });
}
