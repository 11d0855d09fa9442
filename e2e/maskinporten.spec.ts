import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./fixtures";

test.describe("support", () => {
  test.use({ storageState: storageStateFor("support") });

  test("tests the Maskinporten connection for a system user and sees decoded claims, never the token", async ({
    page,
  }) => {
    await page.goto("/maskinporten");
    const row = page.getByTestId("mp-row-310900125-skatteetaten:innrapporteringamelding");
    await row.getByRole("button", { name: "Test tilkobling" }).click();
    const result = row.getByTestId("connection-result");
    await expect(result).toContainText("Token hentet");
    await result.getByText("Innhold i tokenet (dekodet)").click();
    await expect(result).toContainText('"ID": "0192:310900125"');
    await expect(result).toContainText("skatteetaten:innrapporteringamelding");
    // A JWT starts with a base64url JSON header ("eyJ"); nothing like it may reach the browser.
    expect(await page.content()).not.toMatch(/eyJ[\w-]{10,}\.eyJ/);
    await page.reload();
    await expect(page.getByTestId("mp-row-310900125-skatteetaten:innrapporteringamelding")).toContainText(
      "Token i buffer til",
    );
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe("manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("has no access to token diagnostics", async ({ page }) => {
    await page.goto("/maskinporten");
    await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
  });
});
