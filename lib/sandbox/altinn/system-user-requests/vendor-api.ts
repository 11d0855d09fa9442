import "server-only";
import { z } from "zod";
import {
  altinnRightSchema,
  SYSTEM_USER_REQUEST_PATH,
  SYSTEM_USER_REQUEST_SCOPES,
  type SystemUserRequestResponse,
} from "@/lib/altinn/system-user-request-wire";
import { isValidOrgnr } from "@/lib/validation/orgnr";
import type { SandboxResponse } from "../../skatteetaten/sandbox-response";
import type { AltinnRequest } from "../server";
import { confirmUrlFor } from "./confirm-page";
import { AUTH_PROBLEMS, authProblem, problem, validationProblem } from "./problem";
import type { StoredSystemUserRequest, SystemUserRequestStore } from "./request-store";
import { rightKey, type SandboxSystem } from "./system-register";
import { authenticateVendor, type MaskinportenKeys } from "./vendor-token";

export type VendorApiDeps = {
  store: SystemUserRequestStore;
  systems: SandboxSystem[];
  maskinporten: MaskinportenKeys;
  hasSystemUser(systemId: string, orgnr: string): boolean;
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = ["externalRef", "systemId", "partyOrgNo", "rights", "redirectUrl"] as const;

const createBodySchema = z.object({
  externalRef: z.string().nullish(),
  systemId: z.string({ error: "The SystemId field is required." }).trim().min(1, "The SystemId field is required."),
  partyOrgNo: z
    .string({ error: "The PartyOrgNo field is required." })
    .refine(isValidOrgnr, "PartyOrgNo must be a valid 9-digit organisation number."),
  rights: z
    .array(altinnRightSchema, { error: "The Rights field is required." })
    .min(1, "At least one right is required."),
  redirectUrl: z.string().nullish(),
});

function json(status: number, body: unknown): SandboxResponse {
  return { status, headers: { "Content-Type": "application/json; charset=utf-8" }, body: JSON.stringify(body) };
}

/** ASP.NET binds JSON properties case-insensitively; so does the sandbox. */
function normaliseKeys(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [FIELDS.find((f) => f.toLowerCase() === k.toLowerCase()) ?? k, v]),
  );
}

function parseCreateBody(
  raw: Buffer,
): { ok: true; body: z.infer<typeof createBodySchema> } | { ok: false; response: SandboxResponse } {
  let input: unknown;
  try {
    input = JSON.parse(raw.toString("utf8"));
  } catch {
    return { ok: false, response: validationProblem({ $: ["The request body is not valid JSON."] }) };
  }
  const parsed = createBodySchema.safeParse(normaliseKeys(input));
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join(".") || "$";
    errors[path] = [...(errors[path] ?? []), issue.message];
  }
  return { ok: false, response: validationProblem(errors) };
}

function toWire(request: StoredSystemUserRequest, origin: string): SystemUserRequestResponse {
  return {
    id: request.id,
    externalRef: request.externalRef,
    systemId: request.systemId,
    partyOrgNo: request.partyOrgNo,
    rights: request.rights,
    status: request.status,
    redirectUrl: request.redirectUrl,
    confirmUrl: confirmUrlFor(origin, request.id),
  };
}

const EXISTING: Record<StoredSystemUserRequest["status"], "AUTH-00006" | "AUTH-00007" | "AUTH-00009" | null> = {
  New: "AUTH-00007",
  Accepted: "AUTH-00006",
  Rejected: "AUTH-00009",
  Denied: "AUTH-00009",
  Timedout: null,
};

async function create(request: AltinnRequest, origin: string, deps: VendorApiDeps): Promise<SandboxResponse> {
  const vendor = await authenticateVendor(request.bearer, SYSTEM_USER_REQUEST_SCOPES.write, deps.maskinporten);
  if (!vendor.ok) return vendor.response;
  const parsed = parseCreateBody(request.rawBody);
  if (!parsed.ok) return parsed.response;
  const { systemId, partyOrgNo, rights } = parsed.body;
  const externalRef = parsed.body.externalRef?.trim() || partyOrgNo;
  const redirectUrl = parsed.body.redirectUrl?.trim() ?? "";

  const system = deps.systems.find((s) => s.systemId === systemId);
  if (!system) return authProblem("AUTH-00011", `No system with the id ${systemId} in the system register.`);
  if (system.vendorOrgnr !== vendor.vendorOrgnr) {
    return problem(403, {
      title: "Forbidden",
      detail: `The system ${systemId} does not belong to the vendor ${vendor.vendorOrgnr} in the token.`,
    });
  }
  const offered = new Set(system.rights.map(rightKey));
  const unknown = rights.filter((r) => !offered.has(rightKey(r)));
  if (unknown.length)
    return authProblem("AUTH-00001", `Not offered by the system: ${unknown.map(rightKey).join(", ")}`);
  if (redirectUrl) {
    if (system.allowedRedirectUrls.length === 0) return authProblem("AUTH-00026");
    if (!system.allowedRedirectUrls.includes(redirectUrl)) return authProblem("AUTH-00021");
  }
  const existing = deps.store.findActive(systemId, partyOrgNo, externalRef);
  const conflict = existing && EXISTING[existing.status];
  if (conflict) return authProblem(conflict, `Request ${existing.id}`);
  if (deps.hasSystemUser(systemId, partyOrgNo)) return authProblem("AUTH-00004");

  const created = deps.store.create({
    externalRef,
    systemId,
    partyOrgNo,
    rights,
    redirectUrl,
    vendorOrgnr: vendor.vendorOrgnr,
  });
  return json(201, toWire(created, origin));
}

async function read(
  request: AltinnRequest,
  origin: string,
  deps: VendorApiDeps,
  find: () => StoredSystemUserRequest | undefined,
): Promise<SandboxResponse> {
  const vendor = await authenticateVendor(request.bearer, SYSTEM_USER_REQUEST_SCOPES.read, deps.maskinporten);
  if (!vendor.ok) return vendor.response;
  const found = find();
  // Another vendor's request is answered like a missing one: its existence is not theirs to know.
  if (!found || found.vendorOrgnr !== vendor.vendorOrgnr) return authProblem("AUTH-00010");
  return json(200, toWire(found, origin));
}

async function remove(request: AltinnRequest, id: string, deps: VendorApiDeps): Promise<SandboxResponse> {
  const vendor = await authenticateVendor(request.bearer, SYSTEM_USER_REQUEST_SCOPES.write, deps.maskinporten);
  if (!vendor.ok) return vendor.response;
  const found = deps.store.get(id);
  // Altinn documents 400 here, not the 404 its GET answers.
  if (!found || found.vendorOrgnr !== vendor.vendorOrgnr)
    return problem(400, { code: "AUTH-00010", title: AUTH_PROBLEMS["AUTH-00010"].title });
  deps.store.delete(id);
  return json(200, true);
}

/** `{platform}/authentication/api/v1/systemuser/request/vendor[...]`: create, get, get by external ids, delete. */
export async function handleVendorApi(
  request: AltinnRequest,
  origin: string,
  deps: VendorApiDeps,
): Promise<SandboxResponse | null> {
  const { pathname } = request.url;
  if (pathname !== SYSTEM_USER_REQUEST_PATH && !pathname.startsWith(`${SYSTEM_USER_REQUEST_PATH}/`)) return null;
  const rest = pathname.slice(SYSTEM_USER_REQUEST_PATH.length).split("/").filter(Boolean).map(decodeURIComponent);

  if (rest.length === 0) {
    if (request.method !== "POST") return problem(405, { title: "Method Not Allowed" });
    return create(request, origin, deps);
  }
  if (rest[0] === "byexternalref" && rest.length === 4) {
    if (request.method !== "GET") return problem(405, { title: "Method Not Allowed" });
    const [, systemId, orgno, externalRef] = rest as [string, string, string, string];
    return read(request, origin, deps, () =>
      deps.store
        .list()
        .findLast((r) => r.systemId === systemId && r.partyOrgNo === orgno && r.externalRef === externalRef),
    );
  }
  if (rest.length === 1) {
    const id = rest[0]!;
    if (!GUID.test(id)) return validationProblem({ requestId: [`The value '${id}' is not valid.`] });
    if (request.method === "GET") return read(request, origin, deps, () => deps.store.get(id));
    if (request.method === "DELETE") return remove(request, id, deps);
    return problem(405, { title: "Method Not Allowed" });
  }
  return problem(404, { title: "Not Found" });
}
