import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn, storageStateFor } from "./fixtures";

test.use({ storageState: storageStateFor("admin") });

test("creating a user with invalid input shows each field error and a linked summary", async ({ page }) => {
  await page.goto("/brukere");
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Ny bruker" }) });
  await form.getByLabel("E-post").fill("ikke-en-epost");
  await form.getByLabel("Startpassord").fill("kort");
  await form.getByRole("button", { name: "Opprett bruker" }).click();

  const summary = page.getByRole("heading", { name: "Skjemaet har feil som må rettes" });
  await expect(summary).toBeVisible();
  await expect(form.getByText("Skriv en gyldig e-postadresse, for eksempel navn@firma.no.").first()).toBeVisible();
  await expect(form.locator("#new-user-name-error")).toHaveText("Feltet må fylles ut.");
  await expect(form.locator("#new-user-password-error")).toHaveText("Passordet må ha minst 12 tegn.");
  await expect(form.getByLabel("E-post")).toHaveAttribute("aria-invalid", "true");
  // The summary links to the field it concerns.
  await form.getByRole("link", { name: /E-post:/ }).click();
  await expect(page).toHaveURL(/#new-user-email$/);
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
});

test("an admin creates a user who can then sign in, and the audit log records it", async ({ page, browser }) => {
  const email = `ny-${Date.now()}@innrapportering.test`;
  const password = "nytt-passord-12345";
  await page.goto("/brukere");
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Ny bruker" }) });
  await form.getByLabel("E-post").fill(email);
  await form.getByLabel("Navn").fill("Nina Nyansatt");
  await form.getByLabel("Rolle").selectOption("support");
  await form.getByLabel("Startpassord").fill(password);
  await form.getByLabel(/Nordlys Offshore AS/).check();
  await form.getByRole("button", { name: "Opprett bruker" }).click();
  await expect(form.getByText("Brukeren er opprettet.")).toBeVisible();
  const row = page.getByTestId(`user-row-${email}`);
  await expect(row).toContainText("Brukerstøtte");
  await expect(row).toContainText("Nordlys Offshore AS");

  // A second user with the same address is refused at the field.
  await form.getByLabel("E-post").fill(email.toUpperCase());
  await form.getByLabel("Navn").fill("Duplikat");
  await form.getByLabel(/Nordlys Offshore AS/).check();
  await form.getByRole("button", { name: "Opprett bruker" }).click();
  await expect(form.locator("#new-user-email-error")).toHaveText(
    "Det finnes allerede en bruker med denne e-postadressen.",
  );

  await page.goto("/revisjonslogg");
  await expect(
    page.getByRole("row", { name: new RegExp(`user\\.create.*${email.replace(".", "\\.")}`) }),
  ).toBeVisible();

  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const otherPage = await other.newPage();
  await signIn(otherPage, email, password);
  await expect(otherPage.getByTestId("signed-in-user")).toContainText("Nina Nyansatt (Brukerstøtte)");
  await expect(otherPage.getByRole("link", { name: "Nordlys Offshore AS", exact: true })).toBeVisible();
  await expect(otherPage.getByText("Fjellvind Bygg AS")).toHaveCount(0);
  await other.close();
});

test("a deactivated user can no longer sign in", async ({ page, browser }) => {
  const email = `slutta-${Date.now()}@innrapportering.test`;
  const password = "slutta-passord-1234";
  await page.goto("/brukere");
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Ny bruker" }) });
  await form.getByLabel("E-post").fill(email);
  await form.getByLabel("Navn").fill("Siri Slutta");
  await form.getByLabel("Startpassord").fill(password);
  // Every user needs an organisation (one without would be visible to no admin).
  await form.getByLabel(/Nordlys Offshore AS/).check();
  await form.getByRole("button", { name: "Opprett bruker" }).click();
  const row = page.getByTestId(`user-row-${email}`);
  await row.getByRole("button", { name: "Deaktiver" }).click();
  await expect(row).toContainText("Deaktivert");

  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const otherPage = await other.newPage();
  await signIn(otherPage, email, password);
  await expect(otherPage.locator("form").getByRole("alert")).toHaveText("Feil e-postadresse eller passord.");
  await other.close();
});

test("an organisation number with a wrong check digit is refused at the field", async ({ page }) => {
  await page.goto("/organisasjoner");
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Legg til organisasjon" }) });
  await form.getByLabel("Organisasjonsnummer").fill("310 900 126");
  await form.getByLabel("Navn").fill("Feil Kontrollsiffer AS");
  await form.getByRole("button", { name: "Legg til" }).click();
  await expect(form.locator("#new-org-orgnr-error")).toHaveText(
    "Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke).",
  );
  await expect(page.getByRole("cell", { name: "Feil Kontrollsiffer AS" })).toHaveCount(0);
});
