import { expect, test as setup } from "@playwright/test";
import { DEMO, type DemoRole, demoPassword, signIn, storageStateFor } from "./fixtures";

for (const role of Object.keys(DEMO) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, DEMO[role].email, demoPassword());
    // Signing in verifies an argon2id hash (deliberately costly, lib/auth/password.ts) and consults
    // the sign-in throttle: on a loaded CI machine that takes longer than the default 5 s.
    await expect(page.getByTestId("signed-in-user")).toContainText(DEMO[role].name, { timeout: 30_000 });
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
