import "server-only";
import type { SystemUserRequestStatus } from "@/lib/db/schema";
import { sendOutbound } from "@/lib/http/outbound";
import { MaskinportenError, type MaskinportenErrorMessage, maskinportenErrorMessage } from "@/lib/maskinporten/errors";
import {
  type AltinnRight,
  type CreateSystemUserRequestBody,
  REPORTING_RIGHTS,
  SYSTEM_USER_REQUEST_PATH,
  SYSTEM_USER_REQUEST_SCOPES,
  systemUserRequestResponseSchema,
  toSystemUserRequestStatus,
} from "./system-user-request-wire";

/** A system-user request is a few kilobytes. */
const MAX_ALTINN_ANSWER_BYTES = 256 * 1024;

/** The vendor's Maskinporten token: no system user, only the request API's scopes. */
export type VendorTokenSource = { getToken(request: { scopes: string[] }): Promise<{ accessToken: string }> };

export type SystemUserRequestClientConfig = {
  /** `{platform}`: https://platform.tt02.altinn.no, https://platform.altinn.no, or the sandbox. */
  platformUrl: string;
  /** The system's id in Altinn's system register, `<vendor orgnr>_<name>`. */
  systemId: string;
  timeoutMs?: number;
};

/** A request as Altinn has it, with its status in our terms. */
export type SystemUserRequest = {
  id: string;
  externalRef: string | null;
  systemId: string;
  partyOrgNo: string;
  rights: AltinnRight[];
  status: SystemUserRequestStatus;
  /** Altinn's own word for the status, kept for the audit trail. */
  altinnStatus: string;
  confirmUrl: string | null;
};

export type SystemUserRequestErrorKind =
  /** Altinn refused the request (4xx with problem details: AUTH-xxxxx or field errors). */
  | "rejected"
  /** The vendor token was refused (401/403). */
  | "unauthorized"
  | "not_found"
  /** No Maskinporten token for the vendor. */
  | "token"
  /** The app's own settings are incomplete (no system id, no Maskinporten client). */
  | "config"
  | "network"
  | "server"
  | "bad_response";

/** What went wrong, decoded from Altinn's answer; never carries the token. */
export class SystemUserRequestError extends Error {
  readonly kind: SystemUserRequestErrorKind;
  readonly httpStatus: number | undefined;
  /** Altinn's error code, e.g. AUTH-00007. */
  readonly code: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  /** Field → messages from a validation problem. */
  readonly fieldErrors: Record<string, string[]>;
  /** For `config`: the setting to fix, named in the reader's language by systemUsers.altinnError. */
  readonly setting: string | undefined;
  /** For `token`: Maskinporten's answer as a message key and values (lib/maskinporten/errors.ts). */
  readonly maskinporten: MaskinportenErrorMessage | undefined;

  constructor(init: {
    kind: SystemUserRequestErrorKind;
    message: string;
    httpStatus?: number;
    code?: string;
    title?: string;
    detail?: string;
    fieldErrors?: Record<string, string[]>;
    setting?: string;
    maskinporten?: MaskinportenErrorMessage;
  }) {
    super(init.message);
    this.name = "SystemUserRequestError";
    this.kind = init.kind;
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? {};
    this.setting = init.setting;
    this.maskinporten = init.maskinporten;
  }

  toJSON() {
    const { kind, httpStatus, code, title, detail, fieldErrors, message, setting, maskinporten } = this;
    return { kind, httpStatus, code, title, detail, fieldErrors, message, setting, maskinporten };
  }
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value : undefined;
}

/** Both problem styles Altinn uses: ASP.NET's `errors` map and Altinn's `validationErrors` list. */
function readFieldErrors(body: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (body.errors && typeof body.errors === "object" && !Array.isArray(body.errors)) {
    for (const [field, messages] of Object.entries(body.errors)) {
      out[field] = (Array.isArray(messages) ? messages : [messages]).map(String);
    }
  }
  if (Array.isArray(body.validationErrors)) {
    for (const entry of body.validationErrors as {
      code?: unknown;
      title?: unknown;
      detail?: unknown;
      paths?: unknown;
    }[]) {
      const message = [text(entry.code), text(entry.title) ?? text(entry.detail)].filter(Boolean).join(" ");
      const paths = Array.isArray(entry.paths) && entry.paths.length ? entry.paths.map(String) : ["$"];
      for (const path of paths) out[path] = [...(out[path] ?? []), message];
    }
  }
  return out;
}

/** Decodes an error answer; a body that is not problem JSON (a proxy's HTML page) still gives the status. */
export function decodeErrorResponse(status: number, bodyText: string): SystemUserRequestError {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: only the status is known.
  }
  const code = text(body.code) ?? text(body.errorCode);
  const title = text(body.title);
  const detail = text(body.detail);
  const fieldErrors = readFieldErrors(body);
  const kind: SystemUserRequestErrorKind =
    status >= 500
      ? "server"
      : status === 401 || status === 403
        ? "unauthorized"
        : status === 404
          ? "not_found"
          : "rejected";
  const fields = Object.entries(fieldErrors).map(([f, m]) => `${f}: ${m.join(" ")}`);
  const message = [`Altinn answered HTTP ${status}`, code, title, detail, ...fields].filter(Boolean).join(" – ");
  return new SystemUserRequestError({ kind, message, httpStatus: status, code, title, detail, fieldErrors });
}

function toRequest(json: unknown, httpStatus: number): SystemUserRequest {
  const parsed = systemUserRequestResponseSchema.safeParse(json);
  const status = parsed.success ? toSystemUserRequestStatus(parsed.data.status) : null;
  if (!parsed.success || !status) {
    throw new SystemUserRequestError({
      kind: "bad_response",
      httpStatus,
      message: parsed.success
        ? `Altinn sent an unknown request status "${parsed.data.status}".`
        : "Altinn's answer is not a system-user request.",
    });
  }
  const r = parsed.data;
  return {
    id: r.id,
    externalRef: r.externalRef ?? null,
    systemId: r.systemId,
    partyOrgNo: r.partyOrgNo,
    rights: r.rights ?? [],
    status,
    altinnStatus: r.status,
    confirmUrl: r.confirmUrl || null,
  };
}

/**
 * Altinn's system-user request API for vendors (docs/domain.md, "System user"): asks a customer organisation
 * for a system user with the rights the reporting APIs need, and reads the answer. The vendor
 * authenticates with its own Maskinporten token (no system user).
 */
export function createSystemUserRequestClient(config: SystemUserRequestClientConfig, tokens: VendorTokenSource) {
  const base = `${config.platformUrl.replace(/\/+$/, "")}${SYSTEM_USER_REQUEST_PATH}`;
  const timeoutMs = config.timeoutMs ?? 15_000;

  async function bearer(): Promise<string> {
    try {
      // One token with both scopes, so create and the polls share one cached token.
      return (await tokens.getToken({ scopes: [SYSTEM_USER_REQUEST_SCOPES.read, SYSTEM_USER_REQUEST_SCOPES.write] }))
        .accessToken;
    } catch (error) {
      const e = error as { mpCode?: string; explanation?: string; message?: string };
      // Maskinporten's answer is explained in the reader's language; anything else keeps its own text.
      const maskinporten = error instanceof MaskinportenError ? maskinportenErrorMessage(error) : undefined;
      throw new SystemUserRequestError({
        kind: "token",
        message: `No Maskinporten token for Altinn: ${[e.mpCode, e.explanation ?? e.message].filter(Boolean).join(" ")}`,
        code: e.mpCode,
        detail: maskinporten ? undefined : (e.explanation ?? e.message),
        maskinporten,
      });
    }
  }

  async function call(
    method: "GET" | "POST" | "DELETE",
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const url = `${base}${path}`;
    const headers: Record<string, string> = { Accept: "application/json", Authorization: `Bearer ${await bearer()}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const common = { url, headers, timeoutMs, maxResponseBytes: MAX_ALTINN_ANSWER_BYTES, redirect: "follow" as const };
    // Reads are tried once more after a dropped connection or a gateway error; a create or
    // delete is sent once, and the page shows what happened.
    const outcome = await sendOutbound(
      method === "GET"
        ? { ...common, method, retries: 1 }
        : { ...common, method, body: body === undefined ? undefined : JSON.stringify(body) },
    );
    if (outcome.kind === "timeout" || outcome.kind === "network") {
      throw new SystemUserRequestError({
        kind: "network",
        message:
          outcome.kind === "timeout"
            ? `Altinn did not answer within ${timeoutMs} ms (${method} ${url}).`
            : `Could not reach Altinn at ${url} (${outcome.message}).`,
      });
    }
    if (outcome.kind === "too_large") {
      throw new SystemUserRequestError({
        kind: "bad_response",
        httpStatus: outcome.status,
        message: `Altinn's answer is larger than ${MAX_ALTINN_ANSWER_BYTES} bytes.`,
      });
    }
    const { status, body: bodyText } = outcome;
    if (status < 200 || status > 299) throw decodeErrorResponse(status, bodyText);
    try {
      return { status, json: bodyText ? JSON.parse(bodyText) : null };
    } catch {
      throw new SystemUserRequestError({
        kind: "bad_response",
        httpStatus: status,
        message: "Altinn's answer is not JSON.",
      });
    }
  }

  return {
    systemId: config.systemId,

    /** Asks `partyOrgNo` for a system user; Altinn answers with the `confirmUrl` the customer must open. */
    async create(input: {
      partyOrgNo: string;
      rights?: AltinnRight[];
      externalRef?: string;
      redirectUrl?: string;
    }): Promise<SystemUserRequest> {
      const body: CreateSystemUserRequestBody = {
        systemId: config.systemId,
        partyOrgNo: input.partyOrgNo,
        rights: input.rights ?? REPORTING_RIGHTS,
        ...(input.externalRef ? { externalRef: input.externalRef } : {}),
        redirectUrl: input.redirectUrl ?? "",
      };
      const { status, json } = await call("POST", "", body);
      return toRequest(json, status);
    },

    async get(requestId: string): Promise<SystemUserRequest> {
      const { status, json } = await call("GET", `/${encodeURIComponent(requestId)}`);
      return toRequest(json, status);
    },

    /** The latest request for these external ids; external ref defaults to the orgnr, as in Altinn. */
    async getByExternalRef(input: { partyOrgNo: string; externalRef?: string }): Promise<SystemUserRequest> {
      const parts = [config.systemId, input.partyOrgNo, input.externalRef ?? input.partyOrgNo]
        .map(encodeURIComponent)
        .join("/");
      const { status, json } = await call("GET", `/byexternalref/${parts}`);
      return toRequest(json, status);
    },

    /** Deletes a request, which Altinn demands before a rejected one is asked again. */
    async delete(requestId: string): Promise<void> {
      await call("DELETE", `/${encodeURIComponent(requestId)}`);
    },
  };
}

export type SystemUserRequestClient = ReturnType<typeof createSystemUserRequestClient>;
