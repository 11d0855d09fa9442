import "server-only";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createDialogStore } from "../altinn/dialogporten/dialog-store";
import { listenSandboxServer } from "../listen";
import { createAmeldingFeedbackPublisher } from "./amelding-feedback-publisher";
import { handleUpload, handleUploadDelete, handleUploadStatus, handleUploadSubmit } from "./amelding-filopplasting";
import { processAmeldingInnsending } from "./amelding-innsending";
import { handleTilbakemelding } from "./amelding-tilbakemelding-api";
import { apiError } from "./api-error-response";
import type { ApiRequest } from "./api-request";
import { avstemmingFaultOrgnr, processAvstemmingsrapport } from "./avstemmingsrapport";
import { handleControl } from "./control-endpoint";
import { faultStatusResponse, rateLimitResponse } from "./fault-response";
import { createFaultStore } from "./fault-store";
import { oarFaultOrgnr, uploadFaultOrgnr } from "./fault-target";
import { handleForsendelseLookup } from "./forsendelse-lookup";
import { readBody, sendResponse, sleep } from "./http-io";
import { createIdempotencyStore } from "./idempotency-store";
import { handleInnsending, type ProcessInnsending } from "./innsending-pipeline";
import { processOarInnsending } from "./oar-innsending";
import { matchRoute, type Route, SANDBOX_PATHS, surfaceOfPath } from "./router";
import { emptyResponse, jsonResponse, type SandboxResponse, spec } from "./sandbox-response";
import { createSandboxState } from "./sandbox-state";
import type { SandboxSkatteetatenHandle, SandboxSkatteetatenOptions, UploadEndpoint } from "./types";

type InnsendingRoute = Extract<Route, { kind: "oarInnsending" | "ameldingInnsending" | "avstemmingsrapport" }>;
type UploadRoute = Extract<
  Route,
  { kind: "opplasting" | "opplastingStatus" | "opplastingDelete" | "opplastingInnsending" }
>;

const UPLOAD_ENDPOINT_OF: Record<UploadRoute["kind"], UploadEndpoint> = {
  opplasting: "POST /opplastinger",
  opplastingStatus: "GET /opplastinger/{id}",
  opplastingDelete: "DELETE /opplastinger/{id}",
  opplastingInnsending: "PUT /innsending",
};

const MB = 1024 * 1024;
/**
 * Body limits (docs/skatteetaten-contract.md, "File upload"): A-meldinger over 10 MB go through
 * the file-upload API, so the submission endpoints refuse larger bodies with 413 and no body
 * (no code is published for it); an upload may be large.
 */
const MAX_INNSENDING_BYTES = 10 * MB;
const MAX_UPLOAD_BYTES = 200 * MB;
const MAX_OTHER_BYTES = 1 * MB;

function maxBodyBytes(route: Route): number {
  if (route.kind === "oarInnsending" || route.kind === "ameldingInnsending") return MAX_INNSENDING_BYTES;
  if (route.kind === "opplasting") return MAX_UPLOAD_BYTES;
  return MAX_OTHER_BYTES;
}

/**
 * A local stand-in for Skatteetaten's OAR and A-melding reporting APIs (with A-melding's
 * file-upload and feedback APIs), answering as the published documentation says, and where it
 * says nothing, accepting exactly one documented choice (docs/skatteetaten-contract.md). Faults
 * on demand show and test retry and idempotency handling against a real HTTP server. It shares
 * no code with our adapters, so it can catch them when they get the contract wrong.
 */
export async function startSandboxSkatteetaten(
  options: SandboxSkatteetatenOptions,
): Promise<SandboxSkatteetatenHandle> {
  const state = createSandboxState();
  const idempotency = createIdempotencyStore();
  const faults = createFaultStore();
  const dialogs = options.dialogs ?? createDialogStore();
  // Known once listening; the feedback's attachment URLs point back at this server.
  let serverUrl = "";
  const feedback = createAmeldingFeedbackPublisher({
    dialogs,
    serverUrl: () => serverUrl,
    delay: options.feedbackDelay ?? 2000,
  });
  const reset = () => {
    state.reset();
    idempotency.clear();
    faults.clear();
    feedback.reset();
    dialogs.reset();
  };
  const deps = {
    verifyToken: options.verifyToken,
    idempotency,
    state,
    idempotencyKeyIn: options.idempotencyKeyIn ?? "header",
  };
  const uploadDeps = {
    verifyToken: options.verifyToken,
    state,
    feedback,
    validationDelayMs: options.uploadValidationDelayMs ?? 500,
  };

  function processorFor(route: InnsendingRoute): ProcessInnsending {
    if (route.kind === "oarInnsending") return (body, key) => processOarInnsending(body, key, state);
    if (route.kind === "avstemmingsrapport")
      return (body, _key, systemUserOrg) =>
        processAvstemmingsrapport(body, systemUserOrg, state, state.reconciliationAdjustments());
    const path = { kalendermaaned: route.kalendermaaned, orgnr: route.orgnr };
    return (body, key) => processAmeldingInnsending(body, path, key, state, feedback);
  }

  function uploadHandler(route: UploadRoute, apiReq: ApiRequest): () => Promise<SandboxResponse> {
    switch (route.kind) {
      case "opplasting":
        return () => handleUpload(apiReq, uploadDeps);
      case "opplastingStatus":
        return () => handleUploadStatus(apiReq, route.opplastingId, uploadDeps);
      case "opplastingDelete":
        return () => handleUploadDelete(apiReq, route.opplastingId, uploadDeps);
      case "opplastingInnsending":
        return () => handleUploadSubmit(apiReq, uploadDeps);
    }
  }

  /** Faults on demand first; each answers instead of, or around, normal handling. */
  async function withFaults(
    req: IncomingMessage,
    res: ServerResponse,
    apiReq: ApiRequest,
    target: { orgnr: string | undefined; endpoint?: UploadEndpoint },
    run: () => Promise<SandboxResponse>,
  ) {
    const fault = faults.take(apiReq.api, target.orgnr, target.endpoint);
    switch (fault?.kind) {
      case "status":
        return sendResponse(res, faultStatusResponse(apiReq.surface, fault));
      case "rate_limit":
        return sendResponse(res, rateLimitResponse(fault));
      case "drop":
        return void req.socket.destroy();
      case "drop_after_processing":
        await run();
        return void req.socket.destroy();
      case "slow":
        // The client may give up meanwhile; the request is still processed, like a real server would.
        await sleep(fault.delayMs ?? 1000);
        break;
    }
    sendResponse(res, await run());
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const route = matchRoute(method, url.pathname);
    const { body: rawBody, tooLarge } = await readBody(req, maxBodyBytes(route));

    if (route.kind === "control") {
      if (tooLarge) return sendResponse(res, jsonResponse(413, { error: "Body too large" }));
      return sendResponse(
        res,
        handleControl(route.action, method, rawBody, url.searchParams, {
          faults,
          state,
          idempotency,
          reset,
          releaseFeedback: feedback.releasePending,
        }),
      );
    }
    if (route.kind === "controlMethodNotAllowed") {
      return sendResponse(res, jsonResponse(405, { error: `Use ${route.allow}` }, { Allow: route.allow }));
    }

    state.countRequest();
    if (options.latencyMs) await sleep(options.latencyMs);
    if (tooLarge) return sendResponse(res, emptyResponse(413));
    if (route.kind === "methodNotAllowed") {
      const detail = spec(null, { melding: `Metoden støttes ikke her; bruk ${route.allow}`, angittVerdi: method });
      return sendResponse(
        res,
        apiError(route.surface, "methodNotAllowed", { spesifisering: [detail] }, { Allow: route.allow }),
      );
    }
    if (route.kind === "notFound")
      return sendResponse(res, apiError(route.surface, "notFound", { angittVerdi: url.pathname }));

    const apiReq: ApiRequest = {
      api: route.api,
      surface: surfaceOfPath(url.pathname),
      method,
      pathname: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
    };
    switch (route.kind) {
      case "ameldingTilbakemelding":
        return sendResponse(
          res,
          await handleTilbakemelding(apiReq, route.forsendelseId, { verifyToken: options.verifyToken, feedback }),
        );
      case "oarForsendelse":
      case "ameldingForsendelse":
        return sendResponse(res, await handleForsendelseLookup(apiReq, route.forsendelseId, deps));
      case "opplasting":
      case "opplastingStatus":
      case "opplastingDelete":
      case "opplastingInnsending": {
        const opplastingId = "opplastingId" in route ? route.opplastingId : undefined;
        const target = {
          orgnr: uploadFaultOrgnr(rawBody, opplastingId, state),
          endpoint: UPLOAD_ENDPOINT_OF[route.kind],
        };
        return withFaults(req, res, apiReq, target, uploadHandler(route, apiReq));
      }
      case "oarInnsending":
      case "ameldingInnsending":
      case "avstemmingsrapport": {
        const orgnr =
          route.kind === "oarInnsending"
            ? oarFaultOrgnr(rawBody)
            : route.kind === "avstemmingsrapport"
              ? avstemmingFaultOrgnr(rawBody)
              : route.orgnr;
        return withFaults(req, res, apiReq, { orgnr }, () => handleInnsending(apiReq, deps, processorFor(route)));
      }
    }
  }

  const server = createServer((req, res) => {
    // Writes to a client that already hung up must not crash the sandbox.
    res.on("error", () => {});
    handle(req, res).catch(() => {
      sendResponse(
        res,
        apiError(surfaceOfPath(new URL(req.url ?? "/", "http://sandbox.invalid").pathname), "systemError"),
      );
    });
  });

  const listening = await listenSandboxServer(server, options.host ?? "127.0.0.1", options.port ?? 0);
  const url = listening.url;
  serverUrl = url;

  return {
    url,
    oarBaseUrl: `${url}${SANDBOX_PATHS.oar}`,
    ameldingBaseUrl: `${url}${SANDBOX_PATHS.amelding}`,
    ameldingFilopplastingBaseUrl: `${url}${SANDBOX_PATHS.ameldingFilopplasting}`,
    avstemmingsrapportBaseUrl: `${url}${SANDBOX_PATHS.avstemmingsrapport}`,
    setReconciliationAdjustments: (list) => state.setReconciliationAdjustments(list),
    processedCount: (filter) => state.processedCount(filter),
    processed: () => state.processed(),
    received: (api) => state.received(api),
    setFaults: (list) => faults.set(list),
    clearFaults: () => faults.clear(),
    reset,
    releaseFeedback: () => feedback.releasePending(),
    setFeedbackDelay: (delay) => feedback.setDelay(delay),
    setUploadValidationDelay: (ms) => {
      uploadDeps.validationDelayMs = ms;
    },
    close: () => {
      feedback.reset();
      return listening.close();
    },
  };
}
