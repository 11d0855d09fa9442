import { expect, test as setup } from "@playwright/test";
import { DEMO, demoPassword, signIn, storageStateFor, type DemoRole } from "./fixtures";

for (const role of Object.keys(DEMO) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, DEMO[role].email, demoPassword());
    await expect(page.getByTestId("signed-in-user")).toContainText(DEMO[role].name);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
