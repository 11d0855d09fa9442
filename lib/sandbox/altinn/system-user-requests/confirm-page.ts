import "server-only";
import type { SandboxResponse } from "../../skatteetaten/sandbox-response";
import type { AltinnRequest } from "../server";
import type { Decision, StoredSystemUserRequest, SystemUserRequestStore } from "./request-store";

/** Where Altinn's access management UI shows a request to the customer (the `confirmUrl`). */
export const CONFIRM_PATH = "/accessmanagement/ui/systemuser/request";

export function confirmUrlFor(origin: string, requestId: string): string {
  return `${origin}${CONFIRM_PATH}?id=${encodeURIComponent(requestId)}`;
}

const OUTCOME: Record<StoredSystemUserRequest["status"], string> = {
  New: "Venter på svar fra deg.",
  Accepted: "Du har godkjent forespørselen. Systembrukeren er opprettet.",
  Rejected: "Du har avvist forespørselen.",
  Denied: "Forespørselen er avslått.",
  Timedout: "Forespørselen er utløpt: den ble ikke besvart innen 10 dager.",
};

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

function html(status: number, title: string, main: string): SandboxResponse {
  const body = `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Altinn (sandkasse)</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #f4f5f6; line-height: 1.5; }
  header { background: #022f51; color: #fff; padding: 0.75rem 1.5rem; }
  main { max-width: 40rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 4px; }
  dt { font-weight: 600; } dd { margin: 0 0 0.75rem 0; }
  .actions { display: flex; gap: 1rem; margin-top: 1.5rem; }
  button { font: inherit; font-weight: 600; padding: 0.6rem 1.4rem; border-radius: 4px; cursor: pointer; }
  .accept { background: #0062ba; color: #fff; border: 2px solid #0062ba; }
  .reject { background: #fff; color: #0062ba; border: 2px solid #0062ba; }
  button:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
  .outcome { border-left: 4px solid #0062ba; padding: 0.5rem 1rem; background: #e6f0fa; }
</style>
</head>
<body>
<header><p>Altinn – sandkasse. Dette er ikke Altinn, men en lokal etterligning for test.</p></header>
<main>
${main}
</main>
</body>
</html>`;
  return { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }, body };
}

function requestPage(request: StoredSystemUserRequest): SandboxResponse {
  const rights = request.rights.flatMap((r) => r.resource.map((a) => `<li>${escapeHtml(a.value)}</li>`)).join("");
  const decision =
    request.status === "New"
      ? `<form method="post" action="${CONFIRM_PATH}">
<input type="hidden" name="id" value="${escapeHtml(request.id)}">
<p>Som kunde bestemmer du om leverandørens system skal få handle på vegne av virksomheten din.</p>
<div class="actions">
<button type="submit" name="decision" value="accept" class="accept">Godkjenn</button>
<button type="submit" name="decision" value="reject" class="reject">Avvis</button>
</div>
</form>`
      : "";
  return html(
    200,
    "Forespørsel om systembruker",
    `<h1>Forespørsel om systembruker</h1>
<p role="status" class="outcome" data-testid="request-status">${escapeHtml(OUTCOME[request.status])}</p>
<dl>
<dt>Virksomhet som skal godkjenne</dt><dd>${escapeHtml(request.partyOrgNo)}</dd>
<dt>Leverandør</dt><dd>${escapeHtml(request.vendorOrgnr)}</dd>
<dt>System</dt><dd>${escapeHtml(request.systemId)}</dd>
<dt>Tilganger systemet ber om</dt><dd><ul>${rights}</ul></dd>
</dl>
${decision}`,
  );
}

function notFoundPage(): SandboxResponse {
  return html(
    404,
    "Fant ikke forespørselen",
    "<h1>Fant ikke forespørselen</h1><p>Lenken er feil, eller forespørselen er slettet av leverandøren.</p>",
  );
}

/**
 * The customer's side of the flow: the page behind `confirmUrl` with "Godkjenn" and "Avvis",
 * acting as a signed-in Altinn user of the organisation. Plain HTML without scripts.
 */
export function handleConfirmPage(request: AltinnRequest, store: SystemUserRequestStore): SandboxResponse | null {
  if (request.url.pathname !== CONFIRM_PATH) return null;
  if (request.method === "GET") {
    const found = store.get(request.url.searchParams.get("id") ?? "");
    return found ? requestPage(found) : notFoundPage();
  }
  if (request.method !== "POST") return html(405, "Ikke tillatt", "<h1>Ikke tillatt</h1>");
  const form = new URLSearchParams(request.rawBody.toString("utf8"));
  const id = form.get("id") ?? "";
  const decision = form.get("decision");
  if (decision !== "accept" && decision !== "reject") {
    return html(400, "Ugyldig svar", "<h1>Ugyldig svar</h1><p>Velg «Godkjenn» eller «Avvis».</p>");
  }
  const result = store.decide(id, decision satisfies Decision);
  if (!result.ok && result.reason === "not_found") return notFoundPage();
  const decided = result.request!;
  // Post/redirect/get: back to the vendor when it gave a redirect URL, else to the request's own page.
  const location =
    result.ok && decided.redirectUrl ? decided.redirectUrl : `${CONFIRM_PATH}?id=${encodeURIComponent(id)}`;
  return { status: 303, headers: { Location: location, "Cache-Control": "no-store" }, body: "" };
}
