import "server-only";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createDialogStore } from "../altinn/dialogporten/dialog-store";
import { createAmeldingFeedbackPublisher } from "./amelding-feedback-publisher";
import { listenSandboxServer } from "../listen";
import { processAmeldingInnsending } from "./amelding-innsending";
import { handleTilbakemelding } from "./amelding-tilbakemelding-api";
import { apiError } from "./api-error-response";
import type { ApiRequest } from "./api-request";
import { handleControl } from "./control-endpoint";
import { faultStatusResponse, rateLimitResponse } from "./fault-response";
import { createFaultStore } from "./fault-store";
import { oarFaultOrgnr } from "./fault-target";
import { handleForsendelseLookup } from "./forsendelse-lookup";
import { readBody, sendResponse, sleep } from "./http-io";
import { createIdempotencyStore } from "./idempotency-store";
import { handleInnsending, type ProcessInnsending } from "./innsending-pipeline";
import { processOarInnsending } from "./oar-innsending";
import { matchRoute, type Route } from "./router";
import { jsonResponse, spec } from "./sandbox-response";
import { createSandboxState } from "./sandbox-state";
import type { SandboxSkatteetatenHandle, SandboxSkatteetatenOptions } from "./types";

type InnsendingRoute = Extract<Route, { kind: "oarInnsending" | "ameldingInnsending" }>;

/**
 * A local stand-in for Skatteetaten's OAR and A-melding reporting APIs, answering as their
 * documentation says (seeds, DOMAIN.md §1–2), with faults on demand so retry and idempotency
 * handling can be shown and tested against a real HTTP server.
 */
export async function startSandboxSkatteetaten(options: SandboxSkatteetatenOptions): Promise<SandboxSkatteetatenHandle> {
  const state = createSandboxState();
  const idempotency = createIdempotencyStore();
  const faults = createFaultStore();
  const dialogs = options.dialogs ?? createDialogStore();
  // Known once listening; the feedback's attachment URLs point back at this server.
  let serverUrl = "";
  const feedback = createAmeldingFeedbackPublisher({ dialogs, serverUrl: () => serverUrl, delay: options.feedbackDelay ?? 2000 });
  const reset = () => {
    state.reset();
    idempotency.clear();
    faults.clear();
    feedback.reset();
    dialogs.reset();
  };
  const deps = { verifyToken: options.verifyToken, idempotency, state };

  function processorFor(route: InnsendingRoute): ProcessInnsending {
    if (route.kind === "oarInnsending") return (body, key) => processOarInnsending(body, key, state);
    const path = { kalendermaaned: route.kalendermaaned, orgnr: route.orgnr };
    return (body, key) => processAmeldingInnsending(body, path, key, state, feedback);
  }

  /** Step 1, faults on demand, then the documented checks; each fault answers instead of, or around, normal handling. */
  async function handleInnsendingRoute(req: IncomingMessage, res: ServerResponse, apiReq: ApiRequest, route: InnsendingRoute) {
    const runChecksAndProcess = () => handleInnsending(apiReq, deps, processorFor(route));
    const orgnr = route.kind === "oarInnsending" ? oarFaultOrgnr(apiReq.rawBody) : route.orgnr;
    const fault = faults.take(apiReq.api, orgnr);
    switch (fault?.kind) {
      case "status":
        return sendResponse(res, faultStatusResponse(apiReq.api, fault));
      case "rate_limit":
        return sendResponse(res, rateLimitResponse(apiReq.api, fault));
      case "drop":
        return void req.socket.destroy();
      case "drop_after_processing":
        await runChecksAndProcess();
        return void req.socket.destroy();
      case "slow":
        // The client may give up meanwhile; the request is still processed, like a real server would.
        await sleep(fault.delayMs ?? 1000);
        break;
    }
    sendResponse(res, await runChecksAndProcess());
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const route = matchRoute(method, url.pathname);
    const rawBody = await readBody(req);

    if (route.kind === "control") {
      return sendResponse(res, handleControl(route.action, method, rawBody, { faults, state, idempotency, reset, releaseFeedback: feedback.releasePending }));
    }
    if (route.kind === "controlMethodNotAllowed") {
      return sendResponse(res, jsonResponse(405, { error: `Use ${route.allow}` }, undefined, { Allow: route.allow }));
    }

    state.countRequest();
    if (options.latencyMs) await sleep(options.latencyMs);
    if (route.kind === "methodNotAllowed") {
      const detail = spec(null, { melding: `Metoden støttes ikke her; bruk ${route.allow}`, angittVerdi: method });
      return sendResponse(res, apiError(route.api, "methodNotAllowed", { spesifisering: [detail] }, { Allow: route.allow }));
    }
    if (route.kind === "notFound") return sendResponse(res, apiError(route.api, "notFound", { angittVerdi: url.pathname }));

    const apiReq: ApiRequest = { api: route.api, method, pathname: url.pathname, query: url.searchParams, headers: req.headers, rawBody };
    if (route.kind === "ameldingTilbakemelding") {
      return sendResponse(res, await handleTilbakemelding(apiReq, route.forsendelseId, { verifyToken: options.verifyToken, feedback }));
    }
    if (route.kind === "oarForsendelse" || route.kind === "ameldingForsendelse") {
      return sendResponse(res, await handleForsendelseLookup(apiReq, route.forsendelseId, deps));
    }
    await handleInnsendingRoute(req, res, apiReq, route);
  }

  const server = createServer((req, res) => {
    // Writes to a client that already hung up must not crash the sandbox.
    res.on("error", () => {});
    handle(req, res).catch(() => {
      const api = new URL(req.url ?? "/", "http://sandbox.invalid").pathname.startsWith("/oar/") ? "oar" : "amelding";
      sendResponse(res, apiError(api, "systemError"));
    });
  });

  const listening = await listenSandboxServer(server, options.host ?? "127.0.0.1", options.port ?? 0);
  const url = listening.url;
  serverUrl = url;

  return {
    url,
    oarBaseUrl: `${url}/oar/v1`,
    ameldingBaseUrl: `${url}/amelding/v1`,
    processedCount: (filter) => state.processedCount(filter),
    processed: () => state.processed(),
    setFaults: (list) => faults.set(list),
    clearFaults: () => faults.clear(),
    reset,
    releaseFeedback: () => feedback.releasePending(),
    setFeedbackDelay: (delay) => feedback.setDelay(delay),
    close: () => {
      feedback.reset();
      return listening.close();
    },
  };
}
