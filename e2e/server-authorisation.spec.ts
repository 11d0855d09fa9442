import { expect, test } from "@playwright/test";
import { callServerAction, serverActionId, storageStateFor } from "./fixtures";

// These call the server actions the way a hand-crafted request would, skipping the UI (which
// hides the forms from these roles), to prove the server itself refuses.
const createUser = () => serverActionId("lib/users/actions.ts", "createUserAction");
const createOrganisation = () => serverActionId("lib/organisations/actions.ts", "createOrganisationAction");

for (const role of ["manager", "support"] as const) {
  test.describe(`${role} calling admin actions directly`, () => {
    test.use({ storageState: storageStateFor(role) });

    test("is refused creating a user, and no user is created", async ({ request, browser }) => {
      const email = `innbrudd-${role}-${Date.now()}@innrapportering.test`;
      const body = await callServerAction(request, "/brukere", createUser(), [
        { email, name: "Skal ikke finnes", role: "admin", password: "forsok-paa-innbrudd-1", organisationIds: [] },
      ]);
      expect(body).toContain('"code":"forbidden"');

      const admin = await browser.newContext({ storageState: storageStateFor("admin") });
      const page = await admin.newPage();
      await page.goto("/brukere");
      await expect(page.getByTestId("user-row-admin@innrapportering.test")).toBeVisible();
      await expect(page.getByText(email)).toHaveCount(0);
      await admin.close();
    });

    test("is refused creating an organisation", async ({ request, browser }) => {
      const body = await callServerAction(request, "/organisasjoner", createOrganisation(), [
        { orgnr: "310900567", name: `Ulovlig ${role} AS` },
      ]);
      expect(body).toContain('"code":"forbidden"');
      const admin = await browser.newContext({ storageState: storageStateFor("admin") });
      const page = await admin.newPage();
      await page.goto("/organisasjoner");
      await expect(page.getByRole("cell", { name: "Havbris Regnskap AS", exact: true })).toBeVisible();
      await expect(page.getByText(`Ulovlig ${role} AS`)).toHaveCount(0);
      await admin.close();
    });
  });
}

test("an anonymous caller is turned away before the action runs", async ({ request }) => {
  const res = await request.post("/brukere", {
    headers: { "Next-Action": createUser(), "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([{ email: "anonym@innrapportering.test", name: "Anonym", role: "admin" }]),
    maxRedirects: 0,
  });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toContain("/login");
});
