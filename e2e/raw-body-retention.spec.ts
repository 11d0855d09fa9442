import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { embeddedDatabaseUrl } from "../lib/db/embedded-url";
import { leveranse, queueAmelding } from "./amelding-helpers";
import { storageStateFor } from "./fixtures";

test.describe("raw body retention", () => {
  test("an attempt and a feedback document past retention say when their raw bodies were removed", async ({
    browser,
  }) => {
    const id = await queueAmelding(browser, leveranse());
    const page = await (await browser.newContext({ storageState: storageStateFor("support") })).newPage();
    await page.goto(`/innsendinger/${id}`);
    await expect(page.getByTestId("feedback-status")).toHaveText("Tilbakemelding: avvik", { timeout: 30_000 });

    // What the worker's retention job (lib/submissions/retention/raw-body-retention.ts) leaves behind.
    const sql = postgres(embeddedDatabaseUrl(Number(process.env.E2E_PG_PORT)), { max: 1, onnotice: () => {} });
    try {
      await sql`update delivery_attempts set request_body = '', response_body = null, raw_bodies_pruned_at = '2026-11-02T09:00:00Z' where submission_id = ${id}`;
      await sql`update amelding_feedback set document = null, document_pruned_at = '2026-11-02T09:00:00Z' where submission_id = ${id}`;
    } finally {
      await sql.end();
    }

    await page.reload();
    const attempt = page.getByTestId("attempt-row").first();
    await attempt.locator("summary", { hasText: "Rå forespørsel" }).click();
    await expect(attempt.getByTestId("raw-bodies-pruned")).toHaveText(
      "Rå forespørsel og svar lagres i 18 måneder og ble fjernet 2. nov. 2026. Svaret slik det ble lest (status, feilkoder, korrelasjonsid) er beholdt.",
    );
    // The request line and headers stay; the decoded result too.
    await expect(attempt).toContainText("Authorization: Bearer [redacted]");
    await expect(page.getByTestId("feedback-document-pruned")).toContainText(
      "Tilbakemeldingsdokumentet lagres i 18 måneder og ble fjernet 2. nov. 2026.",
    );
    await expect(page.getByTestId("feedback")).toContainText("MAGNET_EDAG-219");
  });
});
