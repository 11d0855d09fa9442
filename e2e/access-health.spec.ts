import { expect as baseExpect, type Page, test } from "@playwright/test";
import { acceptPendingRequest, onboardOrganisation, revokeSystemUser } from "./access-helpers";
import { expectNoAxeViolations, newOrgnr, storageStateFor } from "./fixtures";
import { fillValidOppdrag } from "./oppdrag-helpers";

test.use({ storageState: storageStateFor("admin") });

/** Each step waits for a server action, a delivery or a page on a machine other suites share. */
const expect = baseExpect.configure({ timeout: 20_000 });

/** Sends one OAR report for the organisation through the form and waits for where it ends. */
async function sendOppdrag(page: Page, organisation: { name: string; orgnr: string }, status: string) {
  await page.goto("/oppdrag/ny");
  await fillValidOppdrag(page, { organisation });
  await page.getByRole("button", { name: "Send inn" }).click();
  await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByTestId("submission-status")).toContainText(status, { timeout: 30_000 });
}

test("a revoked system user shows on the board, notifies once, and leads to its fix", async ({ page }) => {
  test.setTimeout(300_000);
  const orgnr = newOrgnr();
  const organisation = { name: `Tilbaketrukket ${orgnr.slice(-4)} AS`, orgnr };
  await onboardOrganisation(page, organisation);

  // The customer deletes the system user in Altinn; the next send gets no token (Maskinporten's MP-303).
  await revokeSystemUser(orgnr);
  await sendOppdrag(page, organisation, "Feilet");
  await sendOppdrag(page, organisation, "Feilet");

  await page.goto(`/tavle?q=${orgnr}`);
  const mark = page.getByTestId(`board-row-${orgnr}`).getByTestId(`board-access-${orgnr}`);
  await expect(mark).toHaveAttribute("data-state", "system_user_revoked");
  await expect(mark).toHaveText("⚠ Tilgang: Systembrukeren er trukket tilbake");
  // A link named for the organisation and its problem, not by the mark's colour.
  await expect(mark).toHaveAccessibleName(
    `${organisation.name}: Systembrukeren er trukket tilbake. Se hvordan tilgangen rettes`,
  );
  await mark.click();

  await expect(page).toHaveURL(/\/organisasjoner\/[0-9a-f-]{36}\/tilgang$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Tilgang til Skatteetaten", level: 1 })).toBeVisible();
  await expect(page.getByTestId("access-state")).toHaveText("Systembrukeren er trukket tilbake");
  await expect(page.getByTestId("access-last-failure")).toContainText("kode MP-303");
  await expect(page.getByTestId("access-fix")).toContainText("Be om en ny systembruker");
  await expect(page.getByText("Altinn-roller slutter å virke for A-melding og OAR fra januar 2027")).toBeVisible();
  await expect(page.getByRole("cell", { name: "ske-innrapportering-amelding" })).toBeVisible();
  await expectNoAxeViolations(page);
  const accessPage = page.url();

  // Notified once for the revocation, however many sends failed.
  await page.goto("/varsler");
  await expect(page.getByText("Systembrukeren for organisasjonen er slettet i Altinn: be om en ny")).toHaveCount(1);

  // The fix: a new system user, accepted by the customer; the next send clears the mark.
  await page.goto(accessPage);
  await page.getByRole("button", { name: "Be om ny systembruker" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Forespørselen er sendt til Altinn" })).toBeVisible();
  await expectNoAxeViolations(page);
  await acceptPendingRequest(page, orgnr);
  await sendOppdrag(page, organisation, "Mottatt");
  await page.goto(`/tavle?q=${orgnr}`);
  await expect(page.getByTestId(`board-row-${orgnr}`)).toBeVisible();
  await expect(page.getByTestId(`board-access-${orgnr}`)).toHaveCount(0);
  await page.goto(accessPage);
  await expect(page.getByTestId("access-state")).toHaveText("Fungerer");
});

test("another organisation's access page answers 404", async ({ page, browser }) => {
  // An organisation the manager does not have: made by the admin, opened by the manager.
  const orgnr = newOrgnr();
  await page.goto("/organisasjoner");
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Legg til organisasjon" }) });
  await form.getByLabel("Organisasjonsnummer").fill(orgnr);
  await form.getByLabel("Navn").fill(`Skjult ${orgnr.slice(-4)} AS`);
  await form.getByRole("button", { name: "Legg til" }).click();
  await expect(form.getByText("Organisasjonen er lagt til.")).toBeVisible();
  const href = await page.getByTestId(`org-access-${orgnr}`).getAttribute("href");
  expect(href).toMatch(/^\/organisasjoner\/[0-9a-f-]{36}\/tilgang$/);

  const manager = await browser.newContext({ storageState: storageStateFor("manager") });
  const res = await (await manager.newPage()).goto(href!);
  expect(res?.status()).toBe(404);
  await manager.close();
});
