import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, newOrgnr, storageStateFor } from "./fixtures";
import { fillValidOppdrag } from "./oppdrag-helpers";

test.use({ storageState: storageStateFor("admin") });

test("an organisation is onboarded through Altinn's system-user request and can then submit; the audit log shows each step", async ({
  page,
  context,
}) => {
  const orgnr = newOrgnr();
  const organisation = { name: `Onboarding ${orgnr.slice(-4)} AS`, orgnr };

  await page.goto("/organisasjoner");
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Legg til organisasjon" }) });
  await form.getByLabel("Organisasjonsnummer").fill(orgnr);
  await form.getByLabel("Navn").fill(organisation.name);
  await form.getByRole("button", { name: "Legg til" }).click();
  await expect(form.getByText("Organisasjonen er lagt til.")).toBeVisible();
  const row = page.getByTestId(`org-row-${orgnr}`);
  await expect(row.getByTestId(`system-user-${orgnr}`)).toContainText("Ingen");
  await expectNoAxeViolations(page);

  await row.getByRole("button", { name: "Be om systembruker" }).click();
  await expect(row).toContainText("Venter på kunden");
  const confirmLink = row.getByRole("link", { name: "Åpne godkjenningssiden i Altinn (ny fane)" });
  await expect(confirmLink).toHaveAttribute("target", "_blank");
  const confirmUrl = (await confirmLink.getAttribute("href"))!;
  expect(confirmUrl).toMatch(/\/accessmanagement\/ui\/systemuser\/request\?id=[0-9a-f-]{36}$/);
  await expect(row.getByRole("button", { name: "Kopier godkjenningslenken" })).toBeVisible();
  await expect(row.getByText(confirmUrl)).toBeVisible();
  await expectNoAxeViolations(page);

  // Before the customer has accepted, sending is refused before anything is queued.
  const oppdragPage = await context.newPage();
  await oppdragPage.goto("/oppdrag/ny");
  await fillValidOppdrag(oppdragPage, { organisation });
  await oppdragPage.getByRole("button", { name: "Send inn" }).click();
  await expect(oppdragPage.locator("form").getByRole("alert")).toContainText(
    "organisasjonen har ingen godkjent systembruker i Altinn",
  );
  await expect(oppdragPage.locator("form").getByRole("alert")).toContainText("/organisasjoner");
  // Not sent: the form stays (at the draft's address once autosave has saved it).
  await expect(oppdragPage).toHaveURL(/\/oppdrag\/(ny|[0-9a-f-]{36}\/rediger)$/);

  // The customer opens the link (a new tab on the sandbox Altinn) and accepts.
  const [altinnPage] = await Promise.all([context.waitForEvent("page"), confirmLink.click()]);
  await altinnPage.waitForLoadState();
  await expect(altinnPage.getByRole("heading", { name: "Forespørsel om systembruker", level: 1 })).toBeVisible();
  await expect(altinnPage.getByText(orgnr)).toBeVisible();
  await expect(altinnPage.getByText("ske-innrapportering-oppdragsregisteret")).toBeVisible();
  await expectNoAxeViolations(altinnPage);
  await altinnPage.getByRole("button", { name: "Godkjenn" }).click();
  await expect(altinnPage.getByRole("status")).toHaveText(
    "Du har godkjent forespørselen. Systembrukeren er opprettet.",
  );
  await altinnPage.close();

  // The organisations page learns it by polling Altinn, without a reload.
  await expect(row.getByTestId(`system-user-${orgnr}`)).toContainText("Godkjent", { timeout: 20_000 });
  await expect(row.getByRole("button")).toHaveCount(0);
  await expectNoAxeViolations(page);

  await oppdragPage.getByRole("button", { name: "Send inn" }).click();
  await expect(oppdragPage).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
  await expect(oppdragPage.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 20_000 });

  await page.goto("/revisjonslogg");
  const entries = page.getByRole("row").filter({ hasText: organisation.name });
  await expect(entries.filter({ hasText: "organisation.create" })).toHaveCount(1);
  await expect(entries.filter({ hasText: "system_user.request" })).toHaveCount(1);
  const change = entries.filter({ hasText: "system_user.status_change" });
  await expect(change).toHaveCount(1);
  // The audit details read as labelled lines: the new status is "Godkjent" (accepted).
  await expect(change).toContainText("Godkjent");
  await expect(entries.filter({ hasText: "submission.submit" })).toHaveCount(1);
});
