import { expect, test } from "@playwright/test";
import { leveranse, queueAmelding } from "./amelding-helpers";
import { storageStateFor } from "./fixtures";

test.use({ storageState: storageStateFor("admin") });

/**
 * The payment list: an A-melding accepted by the sandbox, its feedback fetched, then what to pay
 * and when on /a-melding/betalinger, with the feedback's kontonummer and KID, and the same as CSV.
 * A month no other test reports (March 2025), so the month's current A-melding is this one.
 */
test("an accepted A-melding's forskuddstrekk and arbeidsgiveravgift show with due dates, account and KID", async ({
  browser,
  page,
}) => {
  const melding = leveranse({ kalendermaaned: "2025-03" });
  (melding.oppgave.betalingsinformasjon.sumForskuddstrekkPerLoennsutbetalingsdato as unknown[]) = [
    { loennsutbetalingsdato: "2025-03-20", beloep: 7000 },
  ];
  await queueAmelding(browser, melding);

  const rows = page.getByTestId("payment-row");
  await expect
    .poll(
      async () => {
        await page.goto("/a-melding/betalinger?fra=2025-03&til=2025-03");
        return (await rows.allInnerTexts()).join("\n");
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    // KID from the feedback (not "Ikke mottatt ennå"): the feedback has come.
    .toMatch(/\d{10,}/);
  await expect(rows).toHaveCount(2);
  // Thursday 20 March 2025 → Friday 21 March; term 2 (March–April) → 15 May 2025, a Thursday.
  await expect(rows.filter({ hasText: "Forskuddstrekk, lønn 20. mars 2025" })).toContainText("21. mars 2025");
  await expect(rows.filter({ hasText: "Arbeidsgiveravgift termin 2" })).toContainText("15. mai 2025");
  await expect(rows.first()).toContainText("Passert forfall");
  await expect(page.getByTestId("payments-overdue")).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Last ned betalingsliste (CSV)" }).click();
  const csv = await (await (await download).createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  expect(text).toContain("Forfallsdato;Organisasjon;Organisasjonsnummer");
  expect(text).toMatch(
    /2025-03-21;Fjellvind Bygg AS;310900125;Forskuddstrekk;2025-03;2025-03-20;;"7000,00";\d+;\d+;Passert forfall/,
  );
});
