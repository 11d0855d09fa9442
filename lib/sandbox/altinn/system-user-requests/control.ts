import "server-only";
import type { SandboxResponse } from "../../skatteetaten/sandbox-response";
import type { AltinnRequest } from "../server";
import type { SystemUserRequestStore } from "./request-store";

export const CONTROL_PATH = "/__control/system-user-requests";
export const REVOKE_PATH = /^\/__control\/system-users\/(\d{9})\/revoke$/;

function json(status: number, body: unknown): SandboxResponse {
  return { status, headers: { "Content-Type": "application/json; charset=utf-8" }, body: JSON.stringify(body) };
}

/**
 * Not part of Altinn: lets tests and demos answer as the customer without the confirm page.
 *   GET  /__control/system-user-requests               every request
 *   POST /__control/system-user-requests/{id}/accept   the customer approves
 *   POST /__control/system-user-requests/{id}/reject   the customer declines
 *   POST /__control/system-users/{orgnr}/revoke        the customer deletes its system user
 */
export function handleControl(request: AltinnRequest, store: SystemUserRequestStore): SandboxResponse | null {
  const { pathname } = request.url;
  const revoke = pathname.match(REVOKE_PATH);
  if (revoke && request.method === "POST") {
    const revoked = store.revokeSystemUser(revoke[1]!);
    return revoked > 0
      ? json(200, { revoked })
      : json(404, { error: "not_found", message: `Organisation ${revoke[1]} has no system user` });
  }
  if (pathname !== CONTROL_PATH && !pathname.startsWith(`${CONTROL_PATH}/`)) return null;
  const rest = pathname.slice(CONTROL_PATH.length).split("/").filter(Boolean);
  if (rest.length === 0 && request.method === "GET") return json(200, { requests: store.list() });
  const [id, action] = rest;
  if (rest.length === 2 && request.method === "POST" && (action === "accept" || action === "reject")) {
    const result = store.decide(id!, action);
    if (result.ok) return json(200, { request: result.request });
    if (result.reason === "not_found")
      return json(404, { error: "not_found", message: `No system-user request ${id}` });
    return json(409, {
      error: "not_new",
      message: `The request is already ${result.request!.status}`,
      request: result.request,
    });
  }
  return json(404, { error: "not_found", message: `No control route for ${request.method} ${pathname}` });
}
