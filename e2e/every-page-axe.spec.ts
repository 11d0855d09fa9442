import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { type DemoRole, PAGES_BY_ROLE, storageStateFor } from "./fixtures";

/** At phone width (the "phone" project): a compact header, and nothing wider than the screen. */
async function expectFitsThePhone(page: Page, path: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  expect((await page.getByTestId("app-header").boundingBox())?.height, `${path} header`).toBeLessThanOrEqual(64);
}

async function expectNoViolations(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expect(page.locator("main h1").first()).toBeVisible();
  if ((page.viewportSize()?.width ?? 1280) < 768) await expectFitsThePhone(page, path);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
}

for (const role of Object.keys(PAGES_BY_ROLE) as DemoRole[]) {
  test.describe(`every page as ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    // At phone width (the "phone" project) only the admin's pages, which include every other role's.
    test(`passes axe-core with no violations${role === "admin" ? " @phone" : ""}`, async ({ page }) => {
      test.setTimeout(300_000);
      for (const path of PAGES_BY_ROLE[role]) await expectNoViolations(page, path);
      // A submission's own page, in whatever state the first one on the list is.
      await page.goto("/innsendinger");
      const first = page.locator('[data-testid^="submission-row-"] a').first();
      if (await first.count()) await expectNoViolations(page, (await first.getAttribute("href"))!);
      // An organisation-month's reconciliation page, from the first board cell that links to one; as
      // the manager only: the admin's run is near its time limit on a loaded machine, and
      // e2e/reconciliation.spec.ts checks the page with axe as the admin.
      if (role === "manager") {
        await page.goto("/tavle");
        const reconciliation = page.getByTestId("board-reconciliation").first();
        if (await reconciliation.count()) await expectNoViolations(page, (await reconciliation.getAttribute("href"))!);
      }
    });
  });
}
