import { expect, type Page, test } from "@playwright/test";
import { storageStateFor } from "./fixtures";

/** The next month (YYYY-MM) in Norway, as the board's first column. */
function nextMonth() {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit" })
    .format(new Date())
    .split("-")
    .map(Number);
  const next = new Date(Date.UTC(year!, month!, 1));
  return next.toISOString().slice(0, 7);
}

const row = (page: Page, orgnr: string) => page.getByTestId(`board-row-${orgnr}`);

test.describe("the board (/tavle)", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("a month not yet sent leads to the builder for that organisation and month @phone", async ({ page }) => {
    await page.goto("/tavle");
    await expect(page.getByRole("heading", { name: "Tavle", level: 1 })).toBeVisible();
    const month = nextMonth();
    const cell = page.getByTestId(`board-cell-310900230-${month}`);
    await expect(cell).toHaveAttribute("data-state", "not_due");
    // Its link is named for the organisation, the month and the state, not by colour.
    const link = cell.getByRole("link", { name: /^Havbris Regnskap AS, .+: Ikke forfalt$/ });
    await link.click();
    // The builder is the heaviest page to render: give a loaded machine time.
    await expect(page).toHaveURL(/\/a-melding\/ny\?org=[0-9a-f-]{36}&maaned=\d{4}-\d{2}$/, { timeout: 30_000 });
    await expect(page.getByLabel("Kalendermåned", { exact: true })).toHaveValue(month);
    await expect(page.getByLabel("Opplysningspliktig").first()).toHaveValue("310900230");
  });

  test("filters by organisation and state in the URL, and every cell states its state in words", async ({ page }) => {
    await page.goto("/tavle");
    await page.getByLabel("Organisasjon", { exact: true }).fill("Havbris");
    await page.getByLabel("Tilstand").selectOption("not_due");
    await page.getByRole("button", { name: "Vis" }).click();
    await expect(page).toHaveURL(/\/tavle\?.*state=not_due/);
    await expect(page).toHaveURL(/q=Havbris/);
    await expect(row(page, "310900230")).toBeVisible();
    await expect(row(page, "310900125")).toHaveCount(0);
    await expect(page.getByTestId("board-showing")).toHaveText("Viser 1–1 av 1");
    // Removing the chip removes the filter.
    await page.getByRole("link", { name: "Fjern filteret Organisasjon: Havbris" }).click();
    await expect(row(page, "310900125")).toBeVisible();

    await page.goto("/tavle?q=finnes-ikke");
    await expect(page.getByText("Ingen organisasjoner passer filteret.")).toBeVisible();
  });

  test("an admin makes someone responsible, and 'mine' shows their organisations", async ({ page }) => {
    await page.goto("/tavle?q=Nordlys");
    const nordlys = row(page, "310900346");
    await nordlys.getByLabel("Ansvarlig for Nordlys Offshore AS").selectOption({ label: "Ada Lønnsansvarlig" });
    await nordlys.getByRole("button", { name: "Lagre" }).click();
    await expect(nordlys.getByRole("status")).toHaveText("Lagret");

    await page.goto("/tavle?owner=mine");
    await expect(row(page, "310900346")).toBeVisible();
    await page.goto("/tavle?owner=none");
    await expect(row(page, "310900346")).toHaveCount(0);

    // Back to no one, so other tests see the demo as it was.
    await page.goto("/tavle?q=Nordlys");
    await row(page, "310900346").getByLabel("Ansvarlig for Nordlys Offshore AS").selectOption({ label: "Ingen" });
    await row(page, "310900346").getByRole("button", { name: "Lagre" }).click();
    await expect(row(page, "310900346").getByRole("status")).toHaveText("Lagret");
  });
});

test.describe("the board for a manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("shows the owner as text and no owner form", async ({ page }) => {
    await page.goto("/tavle");
    await expect(row(page, "310900125").getByTestId("board-owner")).toContainText("Ansvarlig:");
    await expect(page.getByRole("button", { name: "Lagre" })).toHaveCount(0);
  });
});
