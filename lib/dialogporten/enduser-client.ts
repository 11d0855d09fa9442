import "server-only";
import { sendOutbound } from "@/lib/http/outbound";
import {
  type Dialog,
  type DialogSearchItem,
  type DialogSearchPage,
  type DialogSearchQuery,
  organisationParty,
  type Transmission,
} from "./dialogporten-types";

export type DialogportenErrorKind =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "bad_request"
  | "transient"
  | "bad_response";

/** A failed call to Dialogporten, safe to store and show: never the token. */
export class DialogportenError extends Error {
  constructor(
    readonly kind: DialogportenErrorKind,
    message: string,
    readonly status: number | null = null,
    /** What failed, for a message in the reader's language: no answer, no connection, an error status, an unreadable body. */
    readonly failure: "timeout" | "network" | "http" | "unreadable" = "unreadable",
    /** Dialogporten's problem text or the network error: the other party's words, shown as data. */
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = "DialogportenError";
  }

  /** Timeouts, dropped connections, 429 and 5xx may pass when tried again later. */
  get transient(): boolean {
    return this.kind === "transient";
  }
}

export type DialogportenClientConfig = {
  /** The Altinn platform host, e.g. https://platform.tt02.altinn.no (ALTINN_PLATFORM_URL). */
  platformUrl: string;
  /** A Maskinporten token with scope digdir:dialogporten for the organisation's system user. */
  getToken: (orgnr: string) => Promise<string>;
  timeoutMs: number;
};

/** A page of dialogs or a dialog with its transmissions is tens of kilobytes. */
const MAX_DIALOGPORTEN_ANSWER_BYTES = 4 * 1024 * 1024;

function kindOf(status: number): DialogportenErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404 || status === 410) return "not_found";
  if (status === 429 || status >= 500) return "transient";
  return "bad_request";
}

/** The problem-details text Dialogporten sends with an error, if any. */
function problemText(body: string): string {
  try {
    const p = JSON.parse(body) as { title?: unknown; detail?: unknown };
    return [p.title, p.detail].filter((x) => typeof x === "string" && x).join(": ");
  } catch {
    return body.slice(0, 200);
  }
}

function searchParams(query: DialogSearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    // Array parameters are sent exploded (party=a&party=b), as the spec's style: form says.
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  return params;
}

/**
 * The parts of Dialogporten's end-user API (docs/domain.md, "Dialogporten and Altinn Events")
 * that follow a submission's dialog, called with the organisation's system-user token. Types come
 * from the generated OpenAPI types.
 */
export function createDialogportenEndUserClient(config: DialogportenClientConfig) {
  const base = `${config.platformUrl.replace(/\/$/, "")}/dialogporten/api/v1/enduser/dialogs`;

  async function get<T>(orgnr: string, url: string): Promise<T> {
    const token = await config.getToken(orgnr);
    // Sent once: the feedback follower schedules the next check and counts it against
    // FEEDBACK_DIALOG_MAX_CHECKS, so a retry here would spend its budget unseen.
    const outcome = await sendOutbound({
      method: "GET",
      url,
      headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
      timeoutMs: config.timeoutMs,
      maxResponseBytes: MAX_DIALOGPORTEN_ANSWER_BYTES,
    });
    if (outcome.kind === "timeout")
      throw new DialogportenError(
        "transient",
        `Dialogporten did not answer within ${config.timeoutMs} ms`,
        null,
        "timeout",
      );
    if (outcome.kind === "network")
      throw new DialogportenError(
        "transient",
        `Could not reach Dialogporten (${outcome.message})`,
        null,
        "network",
        outcome.message,
      );
    if (outcome.kind === "too_large") {
      throw new DialogportenError(
        "bad_response",
        `Dialogporten answered HTTP ${outcome.status} with a body over ${MAX_DIALOGPORTEN_ANSWER_BYTES} bytes`,
        outcome.status,
      );
    }
    const { status, body } = outcome;
    if (status < 200 || status > 299) {
      const detail = problemText(body);
      throw new DialogportenError(
        kindOf(status),
        `Dialogporten answered HTTP ${status}${detail ? ` (${detail})` : ""}`,
        status,
        "http",
        detail || null,
      );
    }
    try {
      return JSON.parse(body) as T;
    } catch {
      throw new DialogportenError(
        "bad_response",
        `Dialogporten answered HTTP ${status} with a body that is not JSON`,
        status,
      );
    }
  }

  const dialogUrl = (dialogId: string) => `${base}/${encodeURIComponent(dialogId)}`;

  return {
    /** The organisation's dialogs, newest first, following continuation tokens for at most maxPages pages. */
    async searchDialogs(
      orgnr: string,
      filter: Omit<DialogSearchQuery, "party" | "continuationToken"> = {},
      options: { maxPages?: number } = {},
    ): Promise<DialogSearchItem[]> {
      const items: DialogSearchItem[] = [];
      let continuationToken: string | null = null;
      for (let page = 0; page < (options.maxPages ?? 10); page++) {
        const query: DialogSearchQuery = { ...filter, party: [organisationParty(orgnr)], continuationToken };
        const result: DialogSearchPage = await get(orgnr, `${base}?${searchParams(query)}`);
        items.push(...(result.items ?? []));
        continuationToken = result.hasNextPage ? (result.continuationToken ?? null) : null;
        if (!continuationToken) break;
      }
      return items;
    },

    getDialog: (orgnr: string, dialogId: string): Promise<Dialog> => get(orgnr, dialogUrl(dialogId)),

    async getTransmissions(orgnr: string, dialogId: string): Promise<Transmission[]> {
      const result = await get<unknown>(orgnr, `${dialogUrl(dialogId)}/transmissions`);
      if (!Array.isArray(result))
        throw new DialogportenError("bad_response", "Dialogporten's transmission list is not an array");
      return result as Transmission[];
    },
  };
}

export type DialogportenEndUserClient = ReturnType<typeof createDialogportenEndUserClient>;
