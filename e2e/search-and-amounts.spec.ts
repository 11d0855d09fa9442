import { expect, type Page, test } from "@playwright/test";
import { generateLeveranse } from "../lib/testing/amelding-generator";
import { storageStateFor } from "./fixtures";

// A demo organisation and a synthetic sub-unit (valid check digits); months no other spec uses.
const FJELLVIND = { orgnr: "310900125", name: "Fjellvind Bygg AS", virksomhet: "312000016" };
const MAY = "2024-05";
const JUNE = "2024-06";
const surname = `Søkbarsen${Date.now().toString(36)}`;

function leveranse(month: string, forskuddstrekk: number, arbeidsgiveravgift: number, seed: number, navn: string) {
  const l = generateLeveranse({
    opplysningspliktig: FJELLVIND.orgnr,
    virksomhet: FJELLVIND.virksomhet,
    persons: 2,
    kalendermaaned: month,
    seed,
  });
  l.oppgave.virksomhet[0]!.inntektsmottaker![0]!.identifiserendeInformasjon!.navn = navn;
  l.oppgave.betalingsinformasjon = {
    sumForskuddstrekkPerLoennsutbetalingsdato: [{ loennsutbetalingsdato: `${month}-20`, beloep: forskuddstrekk }],
    sumArbeidsgiveravgift: arbeidsgiveravgift,
  };
  return l;
}

const june = leveranse(JUNE, 12345, 6000, Date.now() % 1e6, `Ola ${surname}`);
const fnr = june.oppgave.virksomhet[0]!.inntektsmottaker![0]!.norskIdentifikator!;

async function importAndSend(page: Page, l: ReturnType<typeof leveranse>) {
  await page.goto("/a-melding/importer");
  await page.getByLabel("Fil (.json eller .xml)").setInputFiles({
    name: "a.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ leveranse: l })),
  });
  await page.getByRole("button", { name: "Kontroller" }).click();
  await page.getByTestId("import-summary").getByRole("button", { name: "Send inn" }).click({ timeout: 60_000 });
  await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 60_000 });
  return page.url().split("/").at(-1)!;
}

test.describe
  .serial("search and reported amounts", () => {
    // Two imports, each sent and accepted, come first.
    test.describe.configure({ timeout: 300_000 });
    let juneId: string;

    test.describe("payroll administrator", () => {
      test.use({ storageState: storageStateFor("admin") });

      test("sends two months and finds the second by an employee's name and by fødselsnummer", async ({ page }) => {
        await importAndSend(page, leveranse(MAY, 10000, 5000, (Date.now() + 1) % 1e6, "Kari Annensen"));
        juneId = await importAndSend(page, june);

        for (const query of [surname.slice(0, 9).toLowerCase(), `ola ${surname}`, fnr]) {
          await page.goto("/innsendinger");
          await page.getByRole("searchbox", { name: /Søk/ }).fill(query);
          await page.getByRole("button", { name: "Bruk filter" }).click();
          await expect(page).toHaveURL(/q=/);
          await expect(page.locator('[data-testid^="submission-row-"]')).toHaveCount(1);
          await expect(page.getByTestId(`submission-row-${juneId}`)).toBeVisible();
        }
        // Exact only: ten of the eleven digits find nothing.
        await page.goto(`/innsendinger?q=${fnr.slice(0, 10)}`);
        await expect(page.locator('[data-testid^="submission-row-"]')).toHaveCount(0);
      });
    });

    test.describe("manager", () => {
      test.use({ storageState: storageStateFor("manager") });

      test("sees the month's reported amounts with the month before and the change", async ({ page }) => {
        await page.goto(`/?from=${JUNE}-01&to=${JUNE}-30`);
        const table = page.getByTestId("reported-amounts");
        const row = table.getByRole("row").filter({ hasText: FJELLVIND.name }).filter({ hasText: "juni 2024" });
        await expect(row).toBeVisible();
        const cells = row.getByRole("cell");
        // Organisation, month; forskuddstrekk, month before, change; arbeidsgiveravgift, month before, change.
        await expect(cells.nth(2)).toHaveText(/^12\s345,00\skr$/);
        await expect(cells.nth(3)).toHaveText(/^10\s000,00\skr$/);
        await expect(cells.nth(4)).toHaveText(/^\+2\s345,00\skr$/);
        await expect(cells.nth(5)).toHaveText(/^6\s000,00\skr$/);
        await expect(cells.nth(6)).toHaveText(/^5\s000,00\skr$/);
        await expect(cells.nth(7)).toHaveText(/^\+1\s000,00\skr$/);
        await row.getByRole("link", { name: "juni 2024" }).click();
        await expect(page).toHaveURL(new RegExp(`/innsendinger/${juneId}$`));
      });
    });
  });
