import { expect, test } from "@playwright/test";
import { callServerAction, serverActionId, storageStateFor } from "./fixtures";
import { fillValidOppdrag, setSandboxFaults } from "./oppdrag-helpers";

const cancelAction = () => serverActionId("lib/submissions/operations/actions.ts", "cancelSubmissionAction");

test.describe("admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("cancels a submission waiting to be retried, after confirming; it is audited and not sent again", async ({
    page,
  }) => {
    // One 429 asking for ten minutes: the submission then waits, retrying, for its next attempt.
    await setSandboxFaults([{ kind: "rate_limit", retryAfterSeconds: 600, count: 1 }]);
    try {
      await page.goto("/oppdrag/ny");
      await fillValidOppdrag(page);
      await page.getByRole("button", { name: "Send inn" }).click();
      const status = page.getByTestId("submission-status");
      await expect(status).toContainText("Prøver igjen", { timeout: 30_000 });
    } finally {
      await setSandboxFaults([]);
    }
    const submissionId = new URL(page.url()).pathname.split("/").pop()!;

    await page.getByRole("button", { name: "Avbryt innsendingen" }).click();
    await expect(
      page.getByText("Det Skatteetaten eventuelt allerede har mottatt, trekkes ikke tilbake.", { exact: false }),
    ).toBeVisible();
    await page.getByRole("button", { name: "Ja, avbryt innsendingen" }).click();
    await expect(page.getByTestId("submission-status")).toContainText("Avbrutt");
    await expect(page.getByTestId("status-reason")).toContainText("Avbrutt av en bruker");
    await expect(page.getByRole("button", { name: "Avbryt innsendingen" })).toHaveCount(0);
    await expect(page.getByTestId("attempt-row")).toHaveCount(1);

    await page.goto(`/innsendinger?status=cancelled`);
    await expect(page.getByRole("checkbox", { name: "Avbrutt" })).toBeChecked();
    await expect(page.locator(`a[href="/innsendinger/${submissionId}"]`).first()).toBeVisible();

    await page.goto("/revisjonslogg");
    const entry = page
      .getByRole("row")
      .filter({ hasText: "Avbrøt innsending" })
      .filter({ has: page.locator(`a[href="/innsendinger/${submissionId}"]`) });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("admin@innrapportering.test");
  });
});

for (const role of ["support", "manager"] as const) {
  test.describe(role, () => {
    test.use({ storageState: storageStateFor(role) });

    test("sees no cancel button and is refused calling the cancel action directly; nothing changes", async ({
      page,
      request,
    }) => {
      await page.goto("/innsendinger");
      const link = page.locator("tbody tr").first().getByRole("link").first();
      const href = (await link.getAttribute("href"))!;
      await page.goto(href);
      const before = await page.getByTestId("submission-status").textContent();
      await expect(page.getByRole("button", { name: "Avbryt innsendingen" })).toHaveCount(0);
      const body = await callServerAction(request, href, cancelAction(), [{ submissionId: href.split("/").pop() }]);
      expect(body).toContain('"code":"forbidden"');
      await page.reload();
      await expect(page.getByTestId("submission-status")).toHaveText(before!);
    });
  });
}
