import "server-only";
import { randomUUID } from "node:crypto";
import {
  DIALOGPORTEN_SCOPE,
  type DialogSearchPage,
  organisationParty,
  type ProblemDetails,
} from "@/lib/dialogporten/dialogporten-types";
import type { SandboxResponse } from "../../skatteetaten/sandbox-response";
import type { VerifyToken } from "../../skatteetaten/types";
import type { AltinnRequest, AltinnRouteHandler } from "../server";
import type { DialogStore, SandboxDialog } from "./dialog-store";
import { toDialog, toSearchItem, toTransmission } from "./render";

const BASE = "/dialogporten/api/v1/enduser/dialogs";
const ROUTE = /^\/dialogporten\/api\/v1\/enduser\/dialogs(?:\/([^/]+)(\/transmissions)?)?\/?$/;

function json(status: number, payload: unknown, contentType = "application/json"): SandboxResponse {
  return { status, headers: { "Content-Type": `${contentType}; charset=utf-8` }, body: JSON.stringify(payload) };
}

/** Dialogporten answers errors as RFC 9457 problem details. */
function problem(status: number, title: string, detail: string, extra: Partial<ProblemDetails> = {}): SandboxResponse {
  const body: ProblemDetails = {
    type: `https://datatracker.ietf.org/doc/html/rfc9110#name-${status}`,
    title,
    status,
    detail,
    traceId: randomUUID(),
    ...extra,
  };
  return json(status, body, "application/problem+json");
}

function safeDecode(segment: string) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

type Cursor = { createdAt: string; id: string };

function encodeCursor(dialog: SandboxDialog): string {
  return Buffer.from(JSON.stringify({ createdAt: dialog.createdAt, id: dialog.id } satisfies Cursor)).toString(
    "base64url",
  );
}

function decodeCursor(token: string): Cursor | null {
  try {
    const value = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Partial<Cursor>;
    return typeof value.createdAt === "string" && typeof value.id === "string"
      ? { createdAt: value.createdAt, id: value.id }
      : null;
  } catch {
    return null;
  }
}

/** After the cursor in newest-first order. */
function isAfter(dialog: SandboxDialog, cursor: Cursor) {
  return dialog.createdAt < cursor.createdAt || (dialog.createdAt === cursor.createdAt && dialog.id < cursor.id);
}

/**
 * The end-user API of Dialogporten (docs/domain.md, "Dialogporten and Altinn Events") for
 * dialogs in the shared store: search with continuation-token paging, one dialog, and its
 * transmissions. A caller needs a sandbox
 * Maskinporten token with scope digdir:dialogporten for a system user, and sees only the
 * dialogs of the system user's own organisation.
 */
export function createDialogportenHandler(deps: { store: DialogStore; verifyToken: VerifyToken }): AltinnRouteHandler {
  async function authorise(request: AltinnRequest): Promise<{ party: string } | { response: SandboxResponse }> {
    if (!request.bearer) return { response: problem(401, "Unauthorized", "Missing bearer token") };
    const verdict = await deps.verifyToken(request.bearer, DIALOGPORTEN_SCOPE);
    if (!verdict.ok) {
      return verdict.reason === "missing_scope"
        ? { response: problem(403, "Forbidden", `The token lacks the scope ${DIALOGPORTEN_SCOPE}`) }
        : { response: problem(401, "Unauthorized", `Invalid token (${verdict.reason})`) };
    }
    if (!verdict.systemUserOrg) return { response: problem(403, "Forbidden", "The token is not for a system user") };
    return { party: organisationParty(verdict.systemUserOrg) };
  }

  function search(url: URL, party: string): SandboxResponse {
    const limitParam = url.searchParams.get("limit");
    const limit = limitParam === null ? 100 : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      return problem(400, "Bad Request", "limit must be between 1 and 1000", {
        errors: { limit: ["Must be between 1 and 1000"] },
      });
    }
    const token = url.searchParams.get("continuationToken");
    const cursor = token ? decodeCursor(token) : null;
    if (token && !cursor)
      return problem(400, "Bad Request", "Invalid continuationToken", { errors: { continuationToken: ["Invalid"] } });

    // A system user sees only its own organisation's dialogs; asking for other parties finds nothing.
    const parties = url.searchParams.getAll("party");
    const visible =
      parties.length === 0 || parties.includes(party)
        ? deps.store.forParty(party, url.searchParams.getAll("serviceResource"))
        : [];
    const remaining = cursor ? visible.filter((d) => isAfter(d, cursor)) : visible;
    const page = remaining.slice(0, limit);
    const hasNextPage = remaining.length > limit;
    const body: DialogSearchPage = {
      items: page.map(toSearchItem),
      hasNextPage,
      continuationToken: hasNextPage ? encodeCursor(page.at(-1)!) : null,
      orderBy: "createdat_desc,id_desc",
    };
    return json(200, body);
  }

  return async (request) => {
    const match = ROUTE.exec(request.url.pathname);
    if (!match) return null;
    if (request.method !== "GET") {
      const refused = problem(405, "Method Not Allowed", `Use GET on ${BASE}`);
      return { ...refused, headers: { ...refused.headers, Allow: "GET" } };
    }
    const auth = await authorise(request);
    if ("response" in auth) return auth.response;

    const [, dialogId, transmissions] = match;
    if (!dialogId) return search(request.url, auth.party);
    const dialog = deps.store.get(safeDecode(dialogId));
    if (!dialog) return problem(404, "Not Found", `Dialog with key '${dialogId}' was not found`);
    if (dialog.party !== auth.party) return problem(403, "Forbidden", "The system user may not access this dialog");
    return json(200, transmissions ? dialog.transmissions.map(toTransmission) : toDialog(dialog));
  };
}
