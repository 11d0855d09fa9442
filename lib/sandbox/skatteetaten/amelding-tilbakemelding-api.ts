import "server-only";
import type { AmeldingFeedbackPublisher } from "./amelding-feedback-publisher";
import { apiError } from "./api-error-response";
import type { ApiRequest } from "./api-request";
import { authorizeSystemUser } from "./check-authorization";
import { checkAccept } from "./check-headers";
import { jsonResponse, type SandboxResponse } from "./sandbox-response";
import type { VerifyToken } from "./types";

/**
 * GET amelding-tilbakemelding/v1/tilbakemelding/{forsendelseId}: the feedback document, for a
 * system-user token with the A-melding scope (the published pages say the feedback uses the same
 * scope) of the opplysningspliktig itself. Before the feedback is published it answers 404. The
 * feedback API's format is unpublished; this is our design (docs/skatteetaten-contract.md, "Feedback").
 */
export async function handleTilbakemelding(
  req: ApiRequest,
  forsendelseId: string,
  deps: { verifyToken: VerifyToken; feedback: AmeldingFeedbackPublisher },
): Promise<SandboxResponse> {
  const auth = await authorizeSystemUser("amelding", "amelding", req.headers.authorization, deps.verifyToken);
  if ("response" in auth) return auth.response;
  const acceptError = checkAccept(req);
  if (acceptError) return acceptError;
  const stored = deps.feedback.find(forsendelseId);
  if (!stored) return apiError("amelding", "forsendelseNotFound", { angittVerdi: forsendelseId });
  if (stored.orgnr !== auth.systemUserOrg)
    return apiError("amelding", "notAuthorisedForDialog", { angittVerdi: forsendelseId });
  if (!stored.published) {
    return apiError("amelding", "notFound", {
      melding: "Tilbakemeldingen er ikke klar ennå",
      angittVerdi: forsendelseId,
    });
  }
  return jsonResponse(200, stored.document);
}
