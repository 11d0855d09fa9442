import { expect, type Page, test } from "@playwright/test";
import { leveranse, queueAmelding } from "./amelding-helpers";
import { type DemoRole, PAGES_BY_ROLE, storageStateFor } from "./fixtures";
import { DEMO_OPPDRAGSGIVER, fillValidOppdrag, setSandboxFaults } from "./oppdrag-helpers";

/**
 * Words and phrases that only an English sentence has. Product names, codes (OAR_010, ECONNRESET,
 * MASKINPORTEN_KID), ids and Norwegian loanwords ("token") do not match: the words are whole and
 * an underscore joins a word.
 */
const ENGLISH =
  /\b(the|and|of|with|after|attempts?|gave up|retry|retries|retried|failed|error|errors|could not|not found|answer|within|request|response|please|unknown|invalid|missing|access token|token request|system retries|is being)\b/gi;

/**
 * Skatteetaten's own Norwegian name for a code (OAR_003, GLD_006, AMLD_006 in its error catalogue,
 * lib/reporting/errors/error-catalogue.ts), shown as Skatteetaten writes it, loanword and all.
 */
const SKATTEETATEN_OWN_WORDING = /Feil i request/g;

/**
 * The audit log's action codes beside their labels ("api.request", "submission.submit"): codes,
 * as OAR_010 is, not sentences (lib/audit/audit-events.ts).
 */
const AUDIT_ACTION_CODE = /\b[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*\b/g;

/** The path of an API call the audit log records (`api.request`): an address, not a sentence. */
const API_PATH = /\/api\/\S+/g;

/** The English found in a page's visible text (closed toggles such as raw bodies are not visible), with context. */
async function englishOn(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expect(page.locator("main h1").first()).toBeVisible();
  // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees is checked; textContent would include hidden elements and scripts
  const text = (await page.locator("body").innerText())
    .replaceAll(SKATTEETATEN_OWN_WORDING, (m) => "·".repeat(m.length))
    .replaceAll(AUDIT_ACTION_CODE, (m) => "·".repeat(m.length))
    .replaceAll(API_PATH, (m) => "·".repeat(m.length));
  return [...text.matchAll(ENGLISH)].map(
    (m) => `${path}: "${m[0]}" in …${text.slice(Math.max(0, m.index - 50), m.index + 50).replace(/\s+/g, " ")}…`,
  );
}

test.afterEach(() => setSandboxFaults([]));

test("every page, a failed, a rejected and an accepted-with-feedback submission read in bokmål for every role", async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const page = await admin.newPage();
  const submissions: string[] = [];
  const send = async () => {
    await page.goto("/oppdrag/ny");
    await fillValidOppdrag(page);
    await page.getByRole("button", { name: "Send inn" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").pop()!;
    submissions.push(`/innsendinger/${id}`);
    return id;
  };

  // Failed: Skatteetaten's backend fails until the engine gives up (DELIVERY_MAX_ATTEMPTS).
  await setSandboxFaults([
    { kind: "status", status: 500, code: "OAR_1009", api: "oar", orgnr: DEMO_OPPDRAGSGIVER.orgnr, count: 2 },
  ]);
  await send();
  await expect(page.getByTestId("submission-status")).toContainText("Feilet", { timeout: 30_000 });
  // Failed without an answer: the connection drops every time.
  await setSandboxFaults([{ kind: "drop", api: "oar", count: 2 }]);
  await send();
  await expect(page.getByTestId("submission-status")).toContainText("Feilet", { timeout: 60_000 });
  // Rejected with a detail entry.
  await setSandboxFaults([
    {
      kind: "status",
      status: 400,
      code: "OAR_005",
      count: 1,
      spesifisering: [{ sti: "/oppdrag/beskrivelse", angittVerdi: "x", melding: "Beskrivelsen må angi type arbeid" }],
    },
  ]);
  await send();
  await expect(page.getByTestId("submission-status")).toContainText("Avvist", { timeout: 30_000 });
  await setSandboxFaults([]);
  // Accepted, with feedback that has deviations.
  const ameldingId = await queueAmelding(browser, leveranse());
  submissions.push(`/innsendinger/${ameldingId}`);
  await page.goto(`/innsendinger/${ameldingId}`);
  await expect(page.getByTestId("feedback-status")).toHaveText("Tilbakemelding: avvik", { timeout: 30_000 });
  // Its month's reconciliation page, as the board links to it (docs/reconciliation.md).
  await page.goto("/tavle?q=310900125");
  const reconciliation = page.getByTestId("board-cell-310900125-2026-10").getByTestId("board-reconciliation");
  submissions.push((await reconciliation.getAttribute("href"))!);
  await admin.close();

  const found: string[] = [];
  for (const role of Object.keys(PAGES_BY_ROLE) as DemoRole[]) {
    const context = await browser.newContext({ storageState: storageStateFor(role) });
    const rolePage = await context.newPage();
    for (const path of [...PAGES_BY_ROLE[role], ...submissions]) found.push(...(await englishOn(rolePage, path)));
    await context.close();
  }
  expect(found).toEqual([]);
});
