import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./fixtures";

test.describe("overview", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("each number links to the filtered list that shows exactly those submissions @phone", async ({ page }) => {
    await page.goto("/");
    const table = page.getByRole("table", { name: /Antall innsendinger per status/ });
    await expect(table).toBeVisible();
    // The month's total, and what the list behind it shows (one page holds up to 50 rows).
    const totalLink = table
      .getByRole("row", { name: /Totalt/ })
      .getByRole("link")
      .nth(1);
    const total = Number(await totalLink.textContent());
    await totalLink.click();
    await expect(page).toHaveURL(/\/innsendinger\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}/);
    if (total === 0) await expect(page.getByText("Ingen innsendinger")).toBeVisible();
    else await expect(page.locator('[data-testid^="submission-row-"]')).toHaveCount(Math.min(total, 50));
  });

  test("a chosen period is kept in the URL and shown in the chart's table; an invalid one falls back", async ({
    page,
  }) => {
    await page.goto("/?from=2026-01-01&to=2026-01-03");
    await expect(
      page.getByRole("heading", { name: "Innsendinger og avvisninger per dag, 1. jan. 2026 – 3. jan. 2026" }),
    ).toBeVisible();
    await page.getByText("Vis tallene som tabell").click();
    await expect(page.getByRole("rowheader", { name: "2. jan. 2026" })).toBeVisible();
    await page.goto("/?from=2026-02-01&to=2026-01-01");
    await expect(page.getByRole("status").filter({ hasText: "viser de siste 30 dagene" })).toBeVisible();
  });

  test("passes axe", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Oversikt" })).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});
