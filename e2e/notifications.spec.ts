import { expect, test } from "@playwright/test";
import { storageStateFor } from "./fixtures";

/*
 * Notifications end to end. playwright.config.ts sets SANDBOX_TODAY to 3 December 2026, two
 * working days before November's A-melding deadline (7 December), and no demo organisation has
 * sent November: the worker's deadline scan raises the notification, the bell counts it, and the
 * e-mail reaches the sandbox's mail catcher, whose page lists it.
 */

const mailCatcherUrl = () => `http://127.0.0.1:${Number(process.env.E2E_SANDBOX_PORT) + 4}/`;

test.describe("notifications", () => {
  test("an A-melding not sent two working days before its deadline shows in the bell and arrives by e-mail", async ({
    browser,
  }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("manager") })).newPage();
    await page.goto("/");
    const bell = page.getByTestId("notification-bell");
    await expect(bell.getByTestId("notification-count")).toHaveText(/^[1-9]/, { timeout: 30_000 });
    await bell.click();
    await expect(page).toHaveURL(/\/varsler$/, { timeout: 30_000 });
    const deadline = page
      .getByTestId("notification")
      .filter({ hasText: /A-meldingen for nov\. 2026 er ikke sendt, og fristen er 7\. des/ });
    await expect(deadline.first()).toBeVisible();
    await expect(deadline.first().getByRole("link", { name: "Gå til" })).toHaveAttribute("href", "/a-melding/frister");

    // The e-mail, in the mail catcher's page.
    await page.goto(mailCatcherUrl());
    const mail = page
      .getByTestId("caught-mail")
      .filter({ hasText: "leder@innrapportering.test" })
      .filter({ hasText: "A-meldingen for nov. 2026 er ikke sendt" });
    await expect(async () => {
      await page.reload();
      await expect(mail.first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    const text = (await mail.first().locator("pre").textContent()) ?? "";
    expect(text).not.toMatch(/\d{11}/);
    const unsubscribe = /\/avmelding\?token=[^\s]+/.exec(text)?.[0];
    expect(unsubscribe).toBeTruthy();

    // Marking all read empties the bell.
    await page.goto("/varsler");
    await page.getByRole("button", { name: "Merk alle som lest" }).click();
    await expect(page.getByTestId("notification-count")).toHaveCount(0);

    // The link in the e-mail unsubscribes without signing in; a changed one does not.
    const anonymous = await (await browser.newContext()).newPage();
    await anonymous.goto(`${unsubscribe}x`);
    await anonymous.getByRole("button", { name: "Meld meg av" }).click();
    await expect(anonymous.getByRole("alert")).toContainText("ugyldig eller utløpt");
    await anonymous.goto(unsubscribe!);
    await anonymous.getByRole("button", { name: "Meld meg av" }).click();
    await expect(anonymous.getByRole("status")).toContainText("Du er meldt av");
    await page.reload();
    await expect(page.getByTestId("notification-settings").getByLabel("Send varsler på e-post")).not.toBeChecked();
  });
});
