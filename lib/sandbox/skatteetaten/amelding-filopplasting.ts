import "server-only";
import { randomUUID } from "node:crypto";
import type { AmeldingFeedbackPublisher } from "./amelding-feedback-publisher";
import { acceptAmelding } from "./amelding-innsending";
import { type AmeldingLeveranse, checkAmeldingStructure } from "./amelding-structure";
import { validateAmelding } from "./amelding-validation";
import { apiError, structureProblems } from "./api-error-response";
import type { ApiRequest } from "./api-request";
import { authorizeSystemUser } from "./check-authorization";
import { checkAccept, checkContentType } from "./check-headers";
import { emptyResponse, jsonResponse, type SandboxResponse, type Spesifisering, spec } from "./sandbox-response";
import type { SandboxState } from "./sandbox-state";
import { isJsonObject } from "./shape-check";
import type { VerifyToken } from "./types";

/*
 * Skatteetaten's file-upload API for A-meldinger over 10 MB (docs/api/innrapportering-amelding-filopplasting.md;
 * docs/skatteetaten-contract.md, "File upload"): POST /opplastinger → poll GET /opplastinger/{id}
 * until KLAR_TIL_INNSENDING or VALIDERING_FEILET → PUT /innsending → {dialogId, forsendelseId, meldingsId};
 * DELETE /opplastinger/{id} removes an upload. Published: the four endpoints, the three statuses,
 * the status object {status, id, feilliste, sistOppdatertTidspunkt} (the status example is a
 * one-element array, answered as such), the answer of PUT and the code table. Our choices, each
 * the only one the sandbox accepts: PUT /innsending names the upload as `{"id": "<id>"}`; the
 * API takes no idempotency key (its page names none), PUT is idempotent per upload, POST is not;
 * feilliste entries are {kode, melding, sti, angittVerdi} like an error body's spesifisering;
 * an upload is visible only to the system user's organisation that made it.
 */

export type OpplastingStatus = "LASTER_OPP" | "KLAR_TIL_INNSENDING" | "VALIDERING_FEILET";

export type Opplasting = {
  id: string;
  /** The system user's organisation that uploaded it. */
  owner: string;
  body: unknown;
  leveranse: AmeldingLeveranse | null;
  /** Found when uploaded, shown once the validation "has run" (readyAt). */
  feilliste: Spesifisering[];
  readyAt: number;
  /** The answer of its PUT /innsending, repeated for a repeated PUT. */
  submitted: SandboxResponse | null;
};

type Deps = {
  verifyToken: VerifyToken;
  state: SandboxState;
  feedback: Pick<AmeldingFeedbackPublisher, "accepted">;
  validationDelayMs: number;
  now?: () => number;
};

function statusOf(o: Opplasting, now: number) {
  if (now < o.readyAt)
    return { status: "LASTER_OPP" as OpplastingStatus, id: o.id, feilliste: null, sistOppdatertTidspunkt: null };
  return {
    status: (o.feilliste.length > 0 ? "VALIDERING_FEILET" : "KLAR_TIL_INNSENDING") as OpplastingStatus,
    id: o.id,
    feilliste: o.feilliste.length > 0 ? o.feilliste : null,
    sistOppdatertTidspunkt: new Date(o.readyAt).toISOString(),
  };
}

/** The problems the validation of an upload finds, as feilliste entries (empty: ready to send). */
function validateUpload(
  body: unknown,
  state: SandboxState,
): { leveranse: AmeldingLeveranse | null; feilliste: Spesifisering[] } {
  const { problems, leveranse } = checkAmeldingStructure(body);
  if (!leveranse) return { leveranse: null, feilliste: structureProblems("filopplasting", problems) };
  const invalid = validateAmelding(leveranse, state.acceptedMeldingsIds(leveranse.opplysningspliktig));
  return { leveranse, feilliste: invalid.map((p) => spec(null, p)) };
}

async function authorize(req: ApiRequest, deps: Deps) {
  return authorizeSystemUser("amelding", "filopplasting", req.headers.authorization, deps.verifyToken);
}

/** The upload, if it exists and belongs to the caller's organisation; another's is "not found", never revealed. */
function ownUpload(deps: Deps, id: string, owner: string) {
  const upload = deps.state.findOpplasting(id);
  return upload && upload.owner === owner ? upload : undefined;
}

/** POST /opplastinger: stores the A-melding and answers LASTER_OPP; its validation result shows after the delay. */
export async function handleUpload(req: ApiRequest, deps: Deps): Promise<SandboxResponse> {
  const auth = await authorize(req, deps);
  if ("response" in auth) return auth.response;
  const headerError = checkAccept(req) ?? checkContentType(req);
  if (headerError) return headerError;
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody.toString("utf8"));
  } catch (error) {
    return apiError("filopplasting", "jsonSyntax", { melding: `Ugyldig JSON: ${(error as Error).message}` });
  }
  const now = (deps.now ?? Date.now)();
  const { leveranse, feilliste } = validateUpload(body, deps.state);
  const upload: Opplasting = {
    id: randomUUID(),
    owner: auth.systemUserOrg,
    body,
    leveranse,
    feilliste,
    readyAt: now + deps.validationDelayMs,
    submitted: null,
  };
  deps.state.storeOpplasting(upload);
  return jsonResponse(200, { status: "LASTER_OPP", id: upload.id, feilliste: null, sistOppdatertTidspunkt: null });
}

/** GET /opplastinger/{id}: the upload's status, as the published example shows it (a one-element array). */
export async function handleUploadStatus(req: ApiRequest, id: string, deps: Deps): Promise<SandboxResponse> {
  const auth = await authorize(req, deps);
  if ("response" in auth) return auth.response;
  const acceptError = checkAccept(req);
  if (acceptError) return acceptError;
  const upload = ownUpload(deps, id, auth.systemUserOrg);
  if (!upload) return apiError("filopplasting", "notFound", { angittVerdi: id });
  return jsonResponse(200, [statusOf(upload, (deps.now ?? Date.now)())]);
}

/** DELETE /opplastinger/{id}: "200 OK uten mer data". An upload already sent in stays (its forsendelse exists). */
export async function handleUploadDelete(req: ApiRequest, id: string, deps: Deps): Promise<SandboxResponse> {
  const auth = await authorize(req, deps);
  if ("response" in auth) return auth.response;
  const upload = ownUpload(deps, id, auth.systemUserOrg);
  if (!upload) return apiError("filopplasting", "notFound", { angittVerdi: id });
  if (upload.submitted) {
    return apiError("filopplasting", "parameter", {
      melding: "Opplastingen er sendt inn og kan ikke slettes",
      sti: "id",
      angittVerdi: id,
    });
  }
  deps.state.deleteOpplasting(id);
  return emptyResponse(200);
}

/**
 * PUT /innsending `{"id": …}`: sends in an upload that is KLAR_TIL_INNSENDING. Repeating it for
 * the same upload answers the first answer and processes nothing again.
 */
export async function handleUploadSubmit(req: ApiRequest, deps: Deps): Promise<SandboxResponse> {
  const auth = await authorize(req, deps);
  if ("response" in auth) return auth.response;
  const headerError = checkAccept(req) ?? checkContentType(req);
  if (headerError) return headerError;
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody.toString("utf8"));
  } catch (error) {
    return apiError("filopplasting", "jsonSyntax", { melding: `Ugyldig JSON: ${(error as Error).message}` });
  }
  const id = isJsonObject(body) ? body.id : undefined;
  if (typeof id !== "string" || id === "") {
    return apiError("filopplasting", "structure", {
      spesifisering: structureProblems("filopplasting", [
        {
          sti: "/id",
          angittVerdi: id === undefined ? null : JSON.stringify(id),
          melding: "Påkrevd felt mangler: id for opplastingen",
        },
      ]),
    });
  }
  const upload = ownUpload(deps, id, auth.systemUserOrg);
  if (!upload)
    return apiError("filopplasting", "resourceNotFound", {
      spesifisering: [spec(null, { melding: "Finner ingen opplasting med denne id-en", sti: "/id", angittVerdi: id })],
    });
  if (upload.submitted) return upload.submitted;

  const status = statusOf(upload, (deps.now ?? Date.now)()).status;
  if (status !== "KLAR_TIL_INNSENDING") {
    return apiError("filopplasting", "parameter", {
      melding: `Opplastingen har status ${status} og kan ikke sendes inn`,
      sti: "/id",
      angittVerdi: id,
    });
  }
  // Another A-melding with the same meldingsId may have been accepted since the upload was validated.
  const { leveranse, feilliste } = validateUpload(upload.body, deps.state);
  if (!leveranse || feilliste.length > 0) return apiError("filopplasting", "validation", { spesifisering: feilliste });
  upload.submitted = acceptAmelding(
    upload.body,
    leveranse,
    { idempotencyKey: null, opplastingId: upload.id },
    deps.state,
    deps.feedback,
  );
  return upload.submitted;
}
