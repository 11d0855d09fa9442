import "server-only";
import { z } from "zod";
import { reconciliationAdjustmentListSchema } from "./avstemmingsrapport";
import { parseFaultList } from "./fault-schema";
import type { FaultStore } from "./fault-store";
import type { IdempotencyStore } from "./idempotency-store";
import type { ControlAction } from "./router";
import { jsonResponse, type SandboxResponse } from "./sandbox-response";
import type { SandboxState } from "./sandbox-state";

/**
 * /__control/*: lets tests, demos and the start script steer the sandbox over HTTP. It is not
 * part of Skatteetaten's API, so it answers plain JSON, not the Skatteetaten error format.
 */
export function handleControl(
  action: ControlAction,
  method: string,
  rawBody: Buffer,
  query: URLSearchParams,
  deps: {
    faults: FaultStore;
    state: SandboxState;
    idempotency: IdempotencyStore;
    reset: () => void;
    releaseFeedback: () => number;
  },
): SandboxResponse {
  if (action === "releaseFeedback") return jsonResponse(200, { ok: true, released: deps.releaseFeedback() });
  if (action === "idempotencyKeys") return jsonResponse(200, { keys: deps.idempotency.processedKeys() });
  if (action === "received") {
    // What the sandbox processed, with the bodies as received, so tests can check the wire format (?api=oar|amelding).
    const api = query.get("api");
    if (api !== null && api !== "oar" && api !== "amelding")
      return jsonResponse(400, { error: "api must be oar or amelding" });
    return jsonResponse(200, deps.state.received(api ?? undefined));
  }
  if (action === "stats") {
    return jsonResponse(200, {
      processed: {
        oar: deps.state.processedCount({ api: "oar" }),
        amelding: deps.state.processedCount({ api: "amelding" }),
      },
      requests: deps.state.requestCount(),
    });
  }
  if (action === "reset") {
    deps.reset();
    return jsonResponse(200, { ok: true });
  }
  if (action === "reconciliation") return handleReconciliationControl(method, rawBody, deps.state);
  if (method === "DELETE") {
    deps.faults.clear();
    return jsonResponse(200, { ok: true, faults: 0 });
  }
  let input: unknown;
  try {
    input = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return jsonResponse(400, { error: "Body must be a JSON array of faults" });
  }
  const parsed = parseFaultList(input);
  if (!parsed.ok) return jsonResponse(400, { error: parsed.message });
  deps.faults.set(parsed.faults);
  return jsonResponse(200, { ok: true, faults: parsed.faults.length });
}

/**
 * POST /__control/reconciliation replaces the differences injected into reconciliation reports
 * (a JSON array of {orgnr, kalendermaaned, norskIdentifikator, kind, delta}); DELETE clears them.
 */
function handleReconciliationControl(method: string, rawBody: Buffer, state: SandboxState): SandboxResponse {
  if (method === "DELETE") {
    state.setReconciliationAdjustments([]);
    return jsonResponse(200, { ok: true, adjustments: 0 });
  }
  let input: unknown;
  try {
    input = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return jsonResponse(400, { error: "Body must be a JSON array of adjustments" });
  }
  const parsed = reconciliationAdjustmentListSchema.safeParse(input);
  if (!parsed.success) return jsonResponse(400, { error: z.prettifyError(parsed.error) });
  state.setReconciliationAdjustments(parsed.data);
  return jsonResponse(200, { ok: true, adjustments: parsed.data.length });
}
