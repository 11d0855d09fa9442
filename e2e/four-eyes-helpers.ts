import { type Browser, expect, type Page } from "@playwright/test";
import { demoPassword, signIn } from "./fixtures";

/* Four-eyes (docs/four-eyes.md) for e2e specs: e2e/four-eyes.spec.ts, and any spec that needs an approver. */

/** The demo organisation this spec turns four-eyes on for (and off again afterwards). */
export const FOUR_EYES_ORG = { name: "Havbris Regnskap AS", orgnr: "310900230" };
/** The seeded second payroll administrator (lib/db/seed.ts), who approves what the demo admin prepares. */
export const APPROVER = { email: "godkjenner@innrapportering.test", name: "Gustav Godkjenner" };

/** Turns an organisation's four-eyes rule on or off on /organisasjoner, as an admin (reusable by other specs). */
export async function setFourEyes(page: Page, organisationName: string, on: boolean) {
  await page.goto("/organisasjoner");
  const row = page.getByTestId("four-eyes-settings").getByRole("listitem").filter({ hasText: organisationName });
  const button = page.getByRole("button", { name: `${on ? "Slå på" : "Slå av"} fire øyne for ${organisationName}` });
  if ((await button.count()) === 0) return;
  await button.click();
  await expect(row).toContainText(on ? ": på" : ": av");
}

/** A second browser signed in as the approver; close its context when done. */
export async function signedInAsApprover(browser: Browser) {
  // Empty: a test's browser contexts otherwise start with the spec's signed-in storage state.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, APPROVER.email, demoPassword());
  await expect(page.getByTestId("signed-in-user")).toContainText(APPROVER.name, { timeout: 30_000 });
  return { context, page };
}
