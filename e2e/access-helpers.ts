import { expect as baseExpect, type Page } from "@playwright/test";

/** Each step waits for a server action or Altinn's answer on a machine other suites share. */
const expect = baseExpect.configure({ timeout: 20_000 });

/** The sandbox Altinn (playwright.config.ts: SANDBOX_ALTINN_PORT). */
const ALTINN = () => `http://127.0.0.1:${Number(process.env.E2E_SANDBOX_PORT) + 2}`;

/**
 * Adds an organisation as the signed-in admin on /organisasjoner, asks Altinn for its system user
 * and has the sandbox customer accept it: an organisation of its own, whose tokens no other test
 * has cached, ready to send.
 */
export async function onboardOrganisation(page: Page, organisation: { name: string; orgnr: string }) {
  await page.goto("/organisasjoner");
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Legg til organisasjon" }) });
  await form.getByLabel("Organisasjonsnummer").fill(organisation.orgnr);
  await form.getByLabel("Navn").fill(organisation.name);
  await form.getByRole("button", { name: "Legg til" }).click();
  await expect(form.getByText("Organisasjonen er lagt til.")).toBeVisible();
  const row = page.getByTestId(`org-row-${organisation.orgnr}`);
  await row.getByRole("button", { name: "Be om systembruker" }).click();
  await expect(row).toContainText("Venter på kunden");
  await acceptPendingRequest(page, organisation.orgnr);
}

/** The customer accepts the organisation's pending request (the sandbox's control endpoint stands in for Altinn's page). */
export async function acceptPendingRequest(page: Page, orgnr: string) {
  await page.goto("/organisasjoner");
  const row = page.getByTestId(`org-row-${orgnr}`);
  const confirmLink = row.getByRole("link", { name: "Åpne godkjenningssiden i Altinn (ny fane)" });
  const requestId = new URL((await confirmLink.getAttribute("href"))!).searchParams.get("id");
  const res = await fetch(`${ALTINN()}/__control/system-user-requests/${requestId}/accept`, { method: "POST" });
  expect(res.status).toBe(200);
  await expect(row.getByTestId(`system-user-${orgnr}`)).toContainText("Godkjent", { timeout: 20_000 });
}

/** The customer deletes the organisation's system user in Altinn (sandbox control endpoint; docs/access-health.md). */
export async function revokeSystemUser(orgnr: string) {
  const res = await fetch(`${ALTINN()}/__control/system-users/${orgnr}/revoke`, { method: "POST" });
  expect(res.status).toBe(200);
}
