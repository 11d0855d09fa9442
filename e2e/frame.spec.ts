import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./fixtures";
import { connectToProductDatabase } from "./security/matrix-fixture";

/** The app's frame: the header with the navigation is there, and a link leads back to the overview. */
async function expectInsideTheFrame(page: import("@playwright/test").Page) {
  await expect(page.getByTestId("app-header")).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toBeAttached();
  await page.getByRole("link", { name: "Til oversikten" }).click();
  // The overview is the heaviest page; on a loaded test machine it can take several seconds.
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Oversikt" })).toBeVisible();
}

// Each test opens the overview at the end, the heaviest page: slow on a loaded test machine.
test.describe.configure({ timeout: 120_000 });

test.describe("pages that do not exist", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("a bad URL answers 404 in Norwegian inside the app's frame, with a way back @phone", async ({ page }) => {
    const response = await page.goto("/finnes-ikke/heller-ikke");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Fant ikke siden" })).toBeVisible();
    await expect(page).toHaveTitle(/Fant ikke siden/);
    await expect(page.getByText("This page could not be found")).toHaveCount(0);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await expectInsideTheFrame(page);
  });

  test("an unknown submission id, a malformed one, and another organisation's answer 404 on every page that takes one", async ({
    page,
  }) => {
    const sql = connectToProductDatabase();
    try {
      // A submission in an organisation no demo user has.
      const [other] = await sql<{ id: string }[]>`
        select s.id from submissions s
        where not exists (select 1 from user_organisations uo join users u on u.id = uo.user_id
                          where uo.organisation_id = s.organisation_id and u.email = 'admin@innrapportering.test')
        limit 1`;
      const ids = ["00000000-0000-4000-8000-000000000000", "ikke-en-id", ...(other ? [other.id] : [])];
      const paths = (id: string) => [
        `/innsendinger/${id}`,
        `/a-melding/ny?utkast=${id}`,
        `/a-melding/ny?erstatter=${id}`,
        `/oppdrag/${id}/rediger`,
      ];
      for (const path of ids.flatMap(paths)) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { level: 1, name: "Fant ikke siden" })).toBeVisible();
      }
      await expectInsideTheFrame(page);
    } finally {
      await sql.end();
    }
  });

  test("follows the chosen language", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    const response = await page.goto("/innsendinger/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the overview" })).toBeVisible();
  });
});

test.describe("pages a role may not open", () => {
  test.use({ storageState: storageStateFor("manager") });

  for (const path of ["/brukere", "/a-melding/ny", "/oppdrag/ny", "/maskinporten", "/feil/bulk/ny"]) {
    test(`${path} answers 403 with a notice inside the app's frame`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "Ingen tilgang" })).toBeVisible();
      await expectInsideTheFrame(page);
    });
  }
});

test.describe("a slow navigation", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("shows a progress indicator after 300 ms, and none for a quick one", async ({ page }) => {
    const status = page.getByTestId("navigation-status");
    const bar = page.getByTestId("navigation-progress");
    // Hold the page's server answer until the bar has been checked, as on a network slower than
    // any check. (A fixed hold of 2 s was shorter than one check on a loaded machine: the answer
    // came and the bar was rightly gone before the test looked.) A prefetch of the link is dropped
    // (the router would otherwise show what it fetched at once), so the click must wait.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(
      (url) => url.pathname === "/revisjonslogg",
      async (route) => {
        if (route.request().headers()["next-router-prefetch"]) return route.abort();
        await released;
        await route.continue();
      },
    );
    await page.goto("/");
    // Hydrated (React has claimed the indicator's node): a click before that is a full page load,
    // for which the browser shows its own progress.
    await page.waitForFunction(() => {
      const node = document.querySelector('[data-testid="navigation-status"]');
      return node !== null && Object.keys(node).some((key) => key.startsWith("__reactFiber"));
    });
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Revisjonslogg" }).click();
    // Not at once: the bar stays invisible for its first 300 ms (a CSS animation delay, so a
    // navigation that ends sooner shows nothing; read from the style, as a loaded machine may take
    // longer than that between two checks), then shows.
    await expect(bar).toHaveCSS("animation-delay", "0.3s");
    await expect(bar).toHaveCSS("opacity", "1");
    await expect(status).toHaveText("Laster inn …");
    await expect(status).toHaveAttribute("aria-live", "polite");
    // Still under way while the answer is held: the bar stays until the page has come.
    await expect(page.getByRole("heading", { level: 1, name: "Revisjonslogg" })).toHaveCount(0);
    await expect(bar).toHaveCount(1);
    release();
    await expect(page.getByRole("heading", { level: 1, name: "Revisjonslogg" })).toBeVisible({ timeout: 10_000 });
    await expect(bar).toHaveCount(0);
    await expect(status).toHaveText("");
  });
});
