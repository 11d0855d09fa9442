import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { FNR, leveranse, queueAmelding } from "./amelding-helpers";
import { storageStateFor } from "./fixtures";
import { setReconciliationDifferences } from "./reconciliation-helpers";

const ORGNR = "310900125";
// A month of its own among the board's months, so no other spec's A-melding is compared.
const MONTH = "2026-07";

test.afterAll(() => setReconciliationDifferences([]));

test("an A-melding Skatteetaten's reconciliation report differs from shows on the board and leads to the differences and a new fetch", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // Skatteetaten counts 2 500 kr more income for the person than the A-melding says.
  await setReconciliationDifferences([
    { orgnr: ORGNR, kalendermaaned: MONTH, norskIdentifikator: FNR, kind: "inntekt", delta: 2500 },
  ]);
  const id = await queueAmelding(
    browser,
    leveranse({
      kalendermaaned: MONTH,
      leveringstidspunkt: "2026-08-03T10:00:00Z",
    }),
  );

  const admin = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
  await admin.goto(`/innsendinger/${id}`);
  await expect(admin.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 30_000 });

  // The worker fetches the report for the newly accepted month (RECONCILIATION_POLL_SECONDS in playwright.config.ts).
  const mark = admin.getByTestId(`board-cell-${ORGNR}-${MONTH}`).getByTestId("board-reconciliation");
  await expect(async () => {
    await admin.goto(`/tavle?q=${ORGNR}`);
    await expect(mark).toHaveAttribute("data-reconciliation", "differs", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(mark).toHaveText(/Avvik i avstemming/);
  await expect(mark).toHaveAccessibleName(/^Fjellvind Bygg AS, juli 2026: Avvik i avstemming$/);

  await mark.click();
  await expect(admin).toHaveURL(new RegExp(`/avstemming/[0-9a-f-]{36}/${MONTH}$`));
  const path = new URL(admin.url()).pathname;
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(/^Avstemming for Fjellvind Bygg AS, juli 2026$/);
  await expect(admin.getByTestId("reconciliation-state")).toHaveText("Avvik i avstemmingen");
  const difference = admin.getByTestId("reconciliation-difference");
  await expect(difference).toHaveCount(1);
  await expect(difference).toContainText(`Person ${FNR}`);
  await expect(difference).toContainText("Inntekt");
  await expect(difference).toContainText(/40\s000,00/);
  await expect(difference).toContainText(/42\s500,00/);
  await expect(difference).toContainText(/\+\s?2\s500,00/);
  expect((await new AxeBuilder({ page: admin }).analyze()).violations.map((v) => v.id)).toEqual([]);

  // A manager sees the difference with the person's number masked, and cannot fetch.
  const manager = await (await browser.newContext({ storageState: storageStateFor("manager") })).newPage();
  await manager.goto(path);
  await expect(manager.getByTestId("reconciliation-difference")).toContainText("Person ******10008");
  await expect(manager.getByTestId("reconciliation-difference")).not.toContainText(FNR);
  await expect(manager.getByRole("button", { name: "Hent avstemmingsrapport nå" })).toHaveCount(0);
  expect((await new AxeBuilder({ page: manager }).analyze()).violations.map((v) => v.id)).toEqual([]);

  // Skatteetaten's side corrected: fetched again on demand, the month is reconciled, on the board too.
  await setReconciliationDifferences([]);
  await admin.getByRole("button", { name: "Hent avstemmingsrapport nå" }).click();
  await expect(admin.getByTestId("reconciliation-state")).toHaveText("Avstemt", { timeout: 20_000 });
  await expect(admin.getByTestId("reconciliation-difference")).toHaveCount(0);
  await admin.goto(`/tavle?q=${ORGNR}`);
  await expect(mark).toHaveAttribute("data-reconciliation", "reconciled");
});
