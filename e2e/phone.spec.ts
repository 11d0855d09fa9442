import { expect, test } from "@playwright/test";
import { storageStateFor } from "./fixtures";

// Runs only in the "phone" project (390 × 844, playwright.config.ts).
test.describe("the header on a phone", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("is one compact bar whose menu button opens the navigation, and Escape closes it @phone", async ({ page }) => {
    await page.goto("/");
    const header = page.getByTestId("app-header");
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    const menu = page.getByRole("button", { name: "Meny" });
    const nav = page.getByRole("navigation", { name: "Hovedmeny" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Innsendinger" })).toBeVisible();
    await expect(page.getByTestId("signed-in-user")).toBeVisible();

    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    // Choosing a page closes the menu again.
    await menu.click();
    await nav.getByRole("link", { name: "Innsendinger" }).click();
    await expect(page).toHaveURL(/\/innsendinger$/);
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
  });
});
