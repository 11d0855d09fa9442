import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { callServerAction, serverActionId, storageStateFor } from "./fixtures";
import { APPROVER, FOUR_EYES_ORG, setFourEyes, signedInAsApprover } from "./four-eyes-helpers";
import { fillValidOppdrag } from "./oppdrag-helpers";

test.describe("four eyes", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("one prepares and asks for approval, cannot send it, another approves, the sandbox accepts, the receipt downloads", async ({
    page,
    browser,
  }) => {
    // Two sign-ins (argon2id, deliberately costly) and a delivery: longer than the default on a loaded machine.
    test.setTimeout(180_000);
    await setFourEyes(page, FOUR_EYES_ORG.name, true);
    try {
      // A prepares: "Send inn" under four-eyes stores the oppdrag and asks for approval.
      await page.goto("/oppdrag/ny");
      await fillValidOppdrag(page, { organisation: FOUR_EYES_ORG });
      await page.getByRole("button", { name: "Send inn" }).click();
      await expect(page.getByTestId("approval-state")).toContainText("Venter på godkjenning");
      await expect(page.getByTestId("approval-state")).toContainText("En annen bruker må godkjenne");
      await expect(page.getByTestId("submission-status")).toContainText("Utkast");
      const submissionId = new URL(page.url()).pathname.split("/").pop()!;
      await expect(page.getByTestId("approval-panel")).toHaveCount(0);

      // A cannot send it by calling the action by hand either: the server refuses the preparer.
      const refused = await callServerAction(
        page.request,
        `/innsendinger/${submissionId}`,
        serverActionId("lib/submissions/four-eyes/actions.ts", "approveSubmissionAction"),
        [{ submissionId }],
      );
      expect(refused).toContain("fourEyes.errors.selfApproval");
      await page.reload();
      await expect(page.getByTestId("approval-state")).toContainText("Venter på godkjenning");

      // B approves, which sends it; the sandbox accepts it.
      const approver = await signedInAsApprover(browser);
      try {
        await approver.page.goto(`/innsendinger/${submissionId}`);
        await approver.page.getByRole("button", { name: "Godkjenn og send" }).click();
        await approver.page.getByRole("button", { name: "Ja, godkjenn og send" }).click();
        await expect(approver.page.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 30_000 });
        await expect(approver.page.getByTestId("who-did-it")).toContainText(`Godkjent av`);
        await expect(approver.page.getByTestId("sent-by-1")).toContainText(APPROVER.email);
      } finally {
        await approver.context.close();
      }

      // A downloads the receipt.
      await page.reload();
      await expect(page.getByTestId("submission-status")).toContainText("Mottatt");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Last ned kvittering (PDF)" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^kvittering-oar-.+\.pdf$/);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

      await page.goto("/revisjonslogg");
      await expect(page.getByRole("row").filter({ hasText: "Godkjente og sendte (fire øyne)" }).first()).toContainText(
        APPROVER.email,
      );
    } finally {
      await setFourEyes(page, FOUR_EYES_ORG.name, false);
    }
  });
});
