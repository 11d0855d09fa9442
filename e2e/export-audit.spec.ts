import { readFile } from "node:fs/promises";
import { type Download, expect, type Page, test } from "@playwright/test";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { parseCsvRecords } from "@/lib/testing/parse-csv";
import { DEMO, expectNoAxeViolations, storageStateFor } from "./fixtures";

// Nordlys Offshore AS (demo) with a synthetic sub-unit; one inntektsmottaker with a synthetic fødselsnummer.
const ORGNR = "310900346";
const currentMonth = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
}).format(new Date());
const leveranse = generateLeveranse({
  opplysningspliktig: ORGNR,
  virksomhet: "312000032",
  persons: 1,
  kalendermaaned: currentMonth,
  seed: Date.now() % 100_000,
});
const fnr = leveranse.oppgave.virksomhet[0]!.inntektsmottaker[0]!.norskIdentifikator!;
const masked = `******${fnr.slice(6)}`;
let submissionId: string;

test.describe.configure({ mode: "serial" });

async function downloadCsv(page: Page, linkName: string) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: linkName }).click(),
  ]);
  return { download, text: await readCsv(download) };
}

async function readCsv(download: Download) {
  return readFile((await download.path())!, "utf8");
}

test.describe("payroll administrator", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("imports and sends an A-melding whose inntektsmottaker has a fødselsnummer", async ({ page }) => {
    await page.goto("/a-melding/importer");
    await page.getByLabel("Eller lim inn innholdet").fill(JSON.stringify({ leveranse }));
    await page.getByRole("button", { name: "Kontroller" }).click();
    await page.getByTestId("import-summary").getByRole("button", { name: "Send inn" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
    submissionId = page.url().split("/").pop()!;
    await expect(page.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 20_000 });
  });
});

test.describe("manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("exports the filtered list as CSV and finds the fødselsnummer masked in it", async ({ page }) => {
    await page.goto("/innsendinger?kind=amelding");
    await expect(page.getByTestId(`submission-row-${submissionId}`)).toBeVisible();
    await expect(page.getByText("Fødselsnumre og d-numre er maskert.")).toBeVisible();
    const { download, text } = await downloadCsv(page, "Eksporter CSV");
    expect(download.suggestedFilename()).toMatch(/^innsendinger-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text.charCodeAt(0)).toBe(0xfeff);

    const rows = parseCsvRecords(text);
    // The export carries the page's filter: only A-meldinger.
    expect(new Set(rows.map((r) => r.Type))).toEqual(new Set(["A-melding"]));
    const row = rows.find((r) => r["Innsendings-id"] === submissionId)!;
    expect(row.Organisasjonsnummer).toBe(ORGNR);
    expect(row.Status).toBe("Mottatt");
    expect(row.forsendelseId).not.toBe("");
    expect(row["Antall inntektsmottakere"]).toBe("1");
    expect(row["Inntektsmottakeres fødselsnummer/d-nummer"]).toBe(masked);
    expect(text).not.toContain(fnr);
    // Relative links, in the page and in the file: never a host name the server guessed.
    expect(await page.getByRole("link", { name: "Eksporter CSV" }).getAttribute("href")).toMatch(
      /^\/api\/submissions\/export\?/,
    );
    expect(row.Lenke).toBe(`/innsendinger/${submissionId}`);
    // Values stay machine-readable in every language: ISO-like dates.
    expect(row["Opprettet (norsk tid)"]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  test("filters the list by a time range with time of day, quick ranges and a clear error for a bad bound", async ({
    page,
  }) => {
    await page.goto("/innsendinger");
    await page.getByLabel("Fra tidspunkt").fill("2020-01-01T08:00");
    await page.getByLabel("Til tidspunkt").fill("2099-12-31T23:59");
    await page.locator(`select[name="kind"]`).selectOption("amelding");
    await page.getByRole("button", { name: "Bruk filter" }).click();
    await expect(page).toHaveURL(/from=2020-01-01T08%3A00/);
    await expect(page.getByTestId(`submission-row-${submissionId}`)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Fra tidspunkt")).toHaveValue("2020-01-01T08:00");
    await expectNoAxeViolations(page);

    // The export link carries the same range.
    const href = await page.getByRole("link", { name: "Eksporter CSV" }).getAttribute("href");
    expect(new URL(href!, page.url()).searchParams.get("from")).toBe("2020-01-01T08:00");

    await page.getByRole("link", { name: "Siste 7 dager" }).click();
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}/);
    await expect(page).toHaveURL(/kind=amelding/);
    await expect(page.getByTestId(`submission-row-${submissionId}`)).toBeVisible();

    await page.goto("/innsendinger?from=2026-02-30&to=2026-01-01");
    const from = page.getByLabel("Fra tidspunkt");
    await expect(from).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#submissions-from-error")).toHaveText(
      "«2026-02-30» er ikke et gyldig tidspunkt. Velg dato og klokkeslett.",
    );
    await expectNoAxeViolations(page);
    await page.goto("/innsendinger?from=2026-02-01&to=2026-01-01");
    await expect(page.locator("#submissions-to-error")).toHaveText(
      "Til-tidspunktet er før fra-tidspunktet, så ingen rader kan passe.",
    );
  });

  test("opens a submission in the same tab by a link that also works on its own", async ({ page, context }) => {
    await page.goto("/innsendinger?kind=amelding");
    await page.getByTestId(`submission-row-${submissionId}`).getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/innsendinger/${submissionId}$`));
    expect(context.pages()).toHaveLength(1);
    await expect(page.getByTestId("submission-status")).toContainText("Mottatt");
    const fresh = await context.newPage();
    await fresh.goto(`/innsendinger/${submissionId}`);
    await expect(fresh.getByTestId("submission-status")).toContainText("Mottatt");
  });
});

test.describe("support", () => {
  test.use({ storageState: storageStateFor("support") });

  test("exports the same list with the fødselsnummer unmasked", async ({ page }) => {
    await page.goto("/innsendinger?kind=amelding");
    const { text } = await downloadCsv(page, "Eksporter CSV");
    const row = parseCsvRecords(text).find((r) => r["Innsendings-id"] === submissionId)!;
    expect(row["Inntektsmottakeres fødselsnummer/d-nummer"]).toBe(fnr);
  });
});

test.describe("audit log as manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("shows both exports, filters by action, shows no details, and exports itself", async ({ page }) => {
    await page.goto("/revisjonslogg");
    await page.getByLabel("Handling").selectOption({ label: "Eksporterte innsendinger (CSV)" });
    await page.getByRole("button", { name: "Bruk filter" }).click();
    await expect(page).toHaveURL(/action=submissions.exported/);
    const rows = page.getByTestId("audit-row");
    await expect(rows.filter({ hasText: DEMO.manager.email }).first()).toBeVisible();
    await expect(rows.filter({ hasText: DEMO.support.email }).first()).toBeVisible();
    for (const text of await rows.allTextContents()) expect(text).toContain("Eksporterte innsendinger (CSV)");
    await expect(page.getByRole("columnheader", { name: "Detaljer" })).toHaveCount(0);
    await expect(page.getByTestId("audit-details")).toHaveCount(0);
    await expect(page.getByText("rowCount")).toHaveCount(0);
    await expectNoAxeViolations(page);

    const { download, text } = await downloadCsv(page, "Eksporter CSV");
    expect(download.suggestedFilename()).toMatch(/^revisjonslogg-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = parseCsvRecords(text);
    expect(exported.length).toBeGreaterThanOrEqual(2);
    expect(new Set(exported.map((r) => r.Handlingskode))).toEqual(new Set(["submissions.exported"]));
    expect(Object.keys(exported[0]!)).not.toContain("Detaljer (JSON)");

    await page.goto("/revisjonslogg?action=audit.exported");
    await expect(page.getByTestId("audit-row").filter({ hasText: DEMO.manager.email }).first()).toContainText(
      "Eksporterte revisjonsloggen (CSV)",
    );
  });
});

test.describe("audit log as support", () => {
  test.use({ storageState: storageStateFor("support") });

  test("shows the details of each export, readable instead of raw JSON", async ({ page }) => {
    await page.goto("/revisjonslogg?action=submissions.exported");
    const managerExport = page.getByTestId("audit-row").filter({ hasText: DEMO.manager.email }).first();
    const details = managerExport.getByTestId("audit-details");
    await expect(details).toContainText("Personopplysninger maskertJa");
    await expect(details).toContainText("Type: A-melding");
    await expect(details).toContainText("FormatCSV");
    await expect(details).not.toContainText("{");
    await expectNoAxeViolations(page);
  });
});
