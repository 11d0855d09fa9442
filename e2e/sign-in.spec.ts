import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO, type DemoRole, demoPassword, signIn, storageStateFor } from "./fixtures";

const NAV = [
  "Oversikt",
  "Tavle",
  "Innsendinger",
  "Feil",
  "Oppdrag",
  "A-melding",
  "Organisasjoner",
  "Revisjonslogg",
  "Maskinporten",
  "Brukere",
  "API-nøkler",
  "Webhooks",
];
const ADMIN_ONLY = ["Brukere", "API-nøkler", "Webhooks"];
const NAV_BY_ROLE: Record<DemoRole, string[]> = {
  admin: NAV,
  // The board is for those who run and oversee the reporting (board:read), not support.
  support: NAV.filter((n) => !ADMIN_ONLY.includes(n) && n !== "Tavle"),
  manager: NAV.filter((n) => !ADMIN_ONLY.includes(n) && n !== "Maskinporten"),
};

test("an unauthenticated visitor is sent to the login page", async ({ page }) => {
  await page.goto("/brukere");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Logg inn" })).toBeVisible();
});

test("a wrong password shows a clear error and does not sign in", async ({ page }) => {
  await signIn(page, DEMO.admin.email, "definitely-not-the-password");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Feil e-postadresse eller passord.");
  await expect(page).toHaveURL(/\/login/);
});

test("after signing in, the visitor returns to the page they asked for @phone", async ({ page }) => {
  await page.goto("/revisjonslogg");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("E-postadresse").fill(DEMO.support.email);
  await page.getByLabel("Passord").fill(demoPassword());
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page).toHaveURL(/\/revisjonslogg$/);
});

for (const role of Object.keys(DEMO) as DemoRole[]) {
  test.describe(`${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test(`sees their name, role and exactly the navigation the role allows`, async ({ page }) => {
      await page.goto("/");
      await expect(page.getByTestId("signed-in-user")).toContainText(`${DEMO[role].name} (${DEMO[role].roleLabel})`);
      const nav = page.getByRole("navigation", { name: "Hovedmeny" });
      await expect(nav.getByRole("link")).toHaveText(NAV_BY_ROLE[role]);
      await expect(page.getByRole("link", { name: "Fjellvind Bygg AS", exact: true })).toBeVisible();
    });

    test(`gets the user administration page only if admin`, async ({ page }) => {
      await page.goto("/brukere");
      if (role === "admin") {
        await expect(page.getByRole("heading", { name: "Brukere", level: 1 })).toBeVisible();
        await expect(page.getByTestId(`user-row-${DEMO.manager.email}`)).toBeVisible();
      } else {
        await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
        await expect(page.getByText(DEMO.manager.email)).toHaveCount(0);
      }
    });

    test(`sees the organisation form only if admin`, async ({ page }) => {
      await page.goto("/organisasjoner");
      await expect(page.getByRole("cell", { name: "Havbris Regnskap AS", exact: true })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Legg til organisasjon" })).toHaveCount(role === "admin" ? 1 : 0);
    });
  });
}

test.describe("shell", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("switches to English and back, keeping the page", async ({ page }) => {
    await page.goto("/organisasjoner");
    await page.getByLabel("Språk").selectOption("en");
    await expect(page.getByRole("heading", { name: "Organisations", level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByLabel("Language").selectOption("nb");
    await expect(page.getByRole("heading", { name: "Organisasjoner", level: 1 })).toBeVisible();
  });

  test("pages pass an axe-core accessibility check", async ({ page }) => {
    // Four pages, each loaded and analysed in full: more than the default minute on a loaded machine.
    test.setTimeout(150_000);
    for (const path of ["/", "/organisasjoner", "/revisjonslogg", "/innsendinger"]) {
      await page.goto(path);
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations, `${path}: ${result.violations.map((v) => v.id).join(", ")}`).toEqual([]);
    }
  });
});

test("the login page passes an axe-core accessibility check", async ({ page }) => {
  await page.goto("/login");
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, DEMO.manager.email, demoPassword());
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  await page.getByRole("button", { name: "Logg ut" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
