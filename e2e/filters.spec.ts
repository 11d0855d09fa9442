import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { storageStateFor } from "./fixtures";
import { fillValidOppdrag, setSandboxFaults } from "./oppdrag-helpers";

// Two oppdrag of the admin's: one accepted, one rejected (so the needs-action set has a row).
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("admin") });
  const page = await context.newPage();
  for (const outcome of ["Mottatt", "Avvist"]) {
    await setSandboxFaults(
      outcome === "Avvist" ? [{ kind: "status", status: 400, code: "OAR_005", api: "oar", count: 1 }] : [],
    );
    await page.goto("/oppdrag/ny");
    await fillValidOppdrag(page);
    await page.getByRole("button", { name: "Send inn" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("submission-status")).toContainText(outcome, { timeout: 30_000 });
  }
  await setSandboxFaults([]);
  await context.close();
});

/** The list's filter as a sorted list of key=value pairs (what decides the rows). */
function params(url: string) {
  return [...new URL(url).searchParams.entries()].map(([k, v]) => `${k}=${v}`).sort();
}

async function rowIds(page: Page) {
  return page.locator('[data-testid^="submission-row-"]').evaluateAll((rows) => rows.map((r) => r.dataset.testid));
}

async function applyUnchanged(page: Page) {
  await page.getByRole("button", { name: "Bruk filter" }).click();
  await page.waitForLoadState("load");
}

test.describe("filters on the lists", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("the overview's needs-action set shows as checked statuses and chips, and applying it unchanged keeps the rows", async ({
    page,
  }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /trenger handling/ }).click();
    await expect(page).toHaveURL(/status=rejected&status=conflict&status=failed$/);
    const before = await rowIds(page);
    for (const status of ["Avvist", "Konflikt", "Feilet"]) {
      await expect(page.getByRole("checkbox", { name: status })).toBeChecked();
      await expect(page.getByRole("link", { name: `Fjern filteret Status: ${status}` })).toBeVisible();
    }
    await expect(page.getByRole("checkbox", { name: "Mottatt" })).not.toBeChecked();
    await applyUnchanged(page);
    expect(params(page.url())).toEqual(["status=conflict", "status=failed", "status=rejected"]);
    expect(await rowIds(page)).toEqual(before);

    // Removing a chip is a link to the same list without that one value.
    await page.getByRole("link", { name: "Fjern filteret Status: Avvist" }).click();
    expect(params(page.url())).toEqual(["status=conflict", "status=failed"]);
    await expect(page.getByRole("checkbox", { name: "Avvist" })).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Feilet" })).toBeChecked();
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  });

  test("applying the filter form unchanged keeps the URL and the rows for every list link on the overview", async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.goto("/");
    const hrefs = [
      ...new Set(
        await page
          .locator('main a[href^="/innsendinger?"]')
          .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "")),
      ),
    ];
    expect(hrefs.length).toBeGreaterThan(10);
    // One link of each kind (the same statuses and keys, whatever the dates): the rest differ only in dates.
    const shape = (href: string) =>
      params(`http://x${href}`)
        .filter((p) => !/^(from|to)=/.test(p))
        .concat([...new URL(`http://x${href}`).searchParams.keys()].filter((k) => k === "from" || k === "to"))
        .join("&");
    const kinds = [...new Map(hrefs.map((href) => [shape(href), href])).values()];
    for (const href of kinds) {
      await page.goto(href);
      const url = page.url();
      const rows = await rowIds(page);
      await applyUnchanged(page);
      expect(params(page.url()), href).toEqual(params(url));
      expect(await rowIds(page), href).toEqual(rows);
    }
  });

  test("chips on the error groups and the audit log remove one filter each", async ({ page }) => {
    await page.goto("/feil?kind=oar&from=2020-01-01");
    await page.getByRole("link", { name: "Fjern filteret Type: Oppdrag" }).click();
    expect(params(page.url())).toEqual(["from=2020-01-01"]);
    await page.goto("/revisjonslogg?target=user&from=2020-01-01");
    await expect(page.getByRole("link", { name: "Fjern filteret Gjelder: Bruker" })).toBeVisible();
    await page.getByRole("link", { name: /Fjern filteret .*2020-01-01/ }).click();
    expect(params(page.url())).toEqual(["target=user"]);
  });

  test("a saved view is the user's own: saved under a name, opened, deleted", async ({ page }) => {
    await page.goto("/innsendinger?status=failed&kind=oar");
    const views = page.getByTestId("saved-views");
    await views.getByLabel("Navn på visningen").fill("Feilede oppdrag");
    await views.getByRole("button", { name: "Lagre gjeldende filter" }).click();
    const link = views.getByRole("link", { name: "Feilede oppdrag" });
    await expect(link).toBeVisible();
    await page.goto("/innsendinger");
    await page.getByTestId("saved-views").getByRole("link", { name: "Feilede oppdrag" }).click();
    expect(params(page.url())).toEqual(["kind=oar", "status=failed"]);
    await expect(page.getByRole("checkbox", { name: "Feilet" })).toBeChecked();
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.getByRole("button", { name: "Slett visningen Feilede oppdrag" }).click();
    await expect(page.getByTestId("saved-views").getByRole("link", { name: "Feilede oppdrag" })).toHaveCount(0);
  });

  test("/oppdrag lists contractor, value and period, filtered by status and the month it runs in", async ({ page }) => {
    await page.goto("/oppdrag");
    const table = page.getByRole("table", { name: "Oppdrag, nyeste først" });
    for (const header of ["Status", "Oppdragstaker", "Kontraktsverdi", "Periode", "Organisasjon"]) {
      await expect(table.getByRole("columnheader", { name: header })).toBeAttached();
    }
    const first = table.locator('[data-testid^="oppdrag-row-"]').first();
    await expect(first).toContainText(/kr/);
    await expect(first).toContainText(/\d{4} – \d{1,2}\./);
    await page.getByRole("checkbox", { name: "Mottatt" }).check();
    await page.getByLabel("Oppdraget pågår i (ÅÅÅÅ-MM)").fill("1999-01");
    await applyUnchanged(page);
    expect(params(page.url())).toEqual(["period=1999-01", "status=accepted"]);
    await expect(page.getByText("Ingen oppdrag passer til filteret.")).toBeVisible();
    await page.getByRole("link", { name: "Fjern filteret Periode: 1999-01" }).click();
    expect(params(page.url())).toEqual(["status=accepted"]);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  });

  test("list links open in the same tab", async ({ page }) => {
    await page.goto("/innsendinger");
    await expect(page.locator('[data-testid^="submission-row-"] a[target]')).toHaveCount(0);
  });
});

test.describe("lists on a phone (390 px)", () => {
  test.use({ storageState: storageStateFor("admin"), viewport: { width: 390, height: 844 } });

  for (const path of ["/innsendinger", "/oppdrag", "/feil", "/revisjonslogg"]) {
    test(`${path}: cards with the status first, filters folded, nothing scrolls sideways`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // The filters fold away behind "Filter (n)".
      await expect(page.getByText(/^Filter \(\d+\)$/)).toBeVisible();
      await expect(page.getByRole("button", { name: /Bruk filter|Filtrer/ })).toBeHidden();
      // The first card shows its primary cell (the status, or the action in the audit log) on top.
      const firstRow = page.locator("tbody tr").first();
      const cells = await firstRow
        .locator("td")
        .evaluateAll((tds) =>
          tds.map((td) => ({ top: td.getBoundingClientRect().top, primary: td.className.includes("order-first") })),
        );
      const top = Math.min(...cells.map((c) => c.top));
      expect(cells.find((c) => c.primary)?.top).toBe(top);
      const box = await firstRow.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
      await page.getByText(/^Filter \(\d+\)$/).click();
      await expect(page.getByRole("button", { name: /Bruk filter|Filtrer/ })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }
});
