import { expect, type Page, test } from "@playwright/test";
import { generateLeveranse } from "../lib/testing/amelding-generator";
import { leveranseToXml } from "../lib/testing/leveranse-to-xml";
import { expectNoAxeViolations, storageStateFor } from "./fixtures";

// Synthetic sub-units (valid check digits) under the demo organisations.
const FJELLVIND = { orgnr: "310900125", name: "Fjellvind Bygg AS", virksomhet: "312000016" };
const HAVBRIS = { orgnr: "310900230", name: "Havbris Regnskap AS", virksomhet: "312000024" };

/** This month in Norway: its deadline is next month, so a message accepted now is on time. */
const currentMonth = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
}).format(new Date());

async function chooseFile(page: Page, name: string, content: string, mimeType: string) {
  await page
    .getByLabel("Fil (.json eller .xml)")
    .setInputFiles({ name, mimeType, buffer: Buffer.from(content, "utf8") });
  await page.getByRole("button", { name: "Kontroller" }).click();
}

test.describe("payroll administrator", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("imports a JSON file, checks the summary, sends it and sees it accepted", async ({ page }) => {
    const leveranse = generateLeveranse({
      opplysningspliktig: FJELLVIND.orgnr,
      virksomhet: FJELLVIND.virksomhet,
      persons: 3,
      kalendermaaned: currentMonth,
    });
    await page.goto("/a-melding/importer");
    await expectNoAxeViolations(page);
    await chooseFile(page, "a-melding.json", JSON.stringify({ leveranse }, null, 2), "application/json");

    const summary = page.getByTestId("import-summary");
    await expect(summary.getByRole("heading", { name: "Filen er kontrollert og klar til innsending" })).toBeVisible();
    await expect(page.getByTestId("summary-organisation")).toHaveText(`${FJELLVIND.name} (310 900 125)`);
    await expect(page.getByTestId("summary-month")).toContainText(`(${currentMonth})`);
    await expect(page.getByTestId("summary-persons")).toHaveText("3");
    await expect(page.getByTestId("summary-virksomheter")).toContainText("312 000 016: 3 personer");
    await expectNoAxeViolations(page);

    await summary.getByRole("button", { name: "Send inn" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 20_000 });
  });

  test("imports an XML file from an older payroll system the same way", async ({ page }) => {
    const leveranse = generateLeveranse({
      opplysningspliktig: HAVBRIS.orgnr,
      virksomhet: HAVBRIS.virksomhet,
      persons: 2,
      kalendermaaned: currentMonth,
      seed: 7,
    });
    await page.goto("/a-melding/importer");
    await chooseFile(page, "a-melding.xml", leveranseToXml(leveranse), "text/xml");

    await expect(page.getByTestId("summary-organisation")).toHaveText(`${HAVBRIS.name} (310 900 230)`);
    await expect(page.getByTestId("summary-persons")).toHaveText("2");
    await expect(page.getByTestId("import-summary")).toContainText("XML (v2_3)");
    await page.getByTestId("import-summary").getByRole("button", { name: "Send inn" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 20_000 });
  });

  test("a bad fødselsnummer is listed under that person, and nothing is saved", async ({ page }) => {
    const leveranse = generateLeveranse({
      opplysningspliktig: FJELLVIND.orgnr,
      virksomhet: FJELLVIND.virksomhet,
      persons: 4,
      kalendermaaned: "2026-01",
      seed: 11,
    });
    const person = leveranse.oppgave.virksomhet[0]!.inntektsmottaker[2]!;
    const fnr = person.norskIdentifikator!;
    person.norskIdentifikator = `${fnr.slice(0, 10)}${(Number(fnr[10]) + 1) % 10}`;
    // Other tests' drafts for the month may exist (the builder autosaves): nothing new may appear.
    const listed = async () => {
      await page.goto("/innsendinger?kind=amelding&period=2026-01");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      return page.locator("tbody tr").count();
    };
    const before = await listed();
    await page.goto("/a-melding/importer");
    await page.getByLabel("Eller lim inn innholdet").fill(JSON.stringify({ leveranse }));
    await page.getByRole("button", { name: "Kontroller" }).click();

    const errors = page.getByTestId("import-errors");
    await expect(errors.getByRole("heading", { name: "Filen har feil som må rettes" })).toBeFocused();
    await expect(page.getByTestId("import-error-counts")).toHaveText("1 feil hos 1 person. Ingenting er lagret.");
    const group = page.getByTestId("import-error-group");
    await expect(group).toHaveCount(1);
    // The administrator sees the birth date digits, as everywhere else a person is named.
    await expect(group.getByRole("heading")).toContainText(
      `${person.identifiserendeInformasjon!.navn} (${person.norskIdentifikator.slice(0, 6)}·····)`,
    );
    await expect(group.getByRole("heading")).toContainText("virksomhet 312 000 016");
    await expect(group.getByRole("listitem")).toHaveText(
      "Fødselsnummer eller d-nummer: Fødselsnummeret eller d-nummeret er ikke gyldig (kontrollsifrene stemmer ikke).",
    );
    await expect(page.getByTestId("import-summary")).toHaveCount(0);
    await expectNoAxeViolations(page);

    expect(await listed()).toBe(before);
  });

  test("a file without leveringstidspunkt is taken, and a file with several errors lists them all at once", async ({
    page,
  }) => {
    const leveranse = generateLeveranse({
      opplysningspliktig: FJELLVIND.orgnr,
      virksomhet: FJELLVIND.virksomhet,
      persons: 2,
      kalendermaaned: currentMonth,
    }) as unknown as Record<string, unknown>;
    // Payroll systems leave it out; the import fills it in as the builder does.
    delete leveranse.leveringstidspunkt;
    await page.goto("/a-melding/importer");
    await chooseFile(page, "a-melding.json", JSON.stringify({ leveranse }), "application/json");
    // The check runs in its own process, which can take a while on a busy machine.
    await expect(page.getByTestId("import-summary")).toBeVisible({ timeout: 30_000 });
    await page.getByTestId("import-summary").getByRole("button", { name: "Lagre som utkast" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);

    // The same file again (its meldingsId now used) with a bad fødselsnummer and the same virksomhet twice:
    // every error at once, not the next after the first is fixed.
    const oppgave = leveranse.oppgave as { virksomhet: { inntektsmottaker: { norskIdentifikator: string }[] }[] };
    oppgave.virksomhet[0]!.inntektsmottaker[0]!.norskIdentifikator = "12345678901";
    oppgave.virksomhet.push(structuredClone(oppgave.virksomhet[0]!));
    await page.goto("/a-melding/importer");
    await chooseFile(page, "a-melding.json", JSON.stringify({ leveranse }), "application/json");
    const errors = page.getByTestId("import-errors");
    await expect(errors).toContainText("Denne meldingsId-en er brukt før", { timeout: 30_000 });
    await expect(errors).toContainText("Virksomheten er allerede med i meldingen.");
    await expect(errors).toContainText("kontrollsifrene stemmer ikke");
    await expect(errors).not.toContainText("leveringstidspunkt");
  });

  test("a file that is not an A-melding says why", async ({ page }) => {
    await page.goto("/a-melding/importer");
    await chooseFile(page, "feil.xml", '<?xml version="1.0"?>\n<lonnsfil><ansatt/></lonnsfil>', "text/xml");
    await expect(page.getByTestId("import-errors")).toContainText(
      "Rotelementet er «lonnsfil», men en A-melding har «melding».",
    );
  });

  test("an A-melding over 10 MB goes through the file-upload API, and its page shows each step", async ({ page }) => {
    test.slow();
    const leveranse = generateLeveranse({
      opplysningspliktig: FJELLVIND.orgnr,
      virksomhet: FJELLVIND.virksomhet,
      persons: 17_000,
      kalendermaaned: "2026-02",
      seed: 5,
    });
    const file = JSON.stringify({ leveranse });
    expect(Buffer.byteLength(file)).toBeGreaterThan(10 * 1024 * 1024);
    await page.goto("/a-melding/importer");
    await chooseFile(page, "stor-a-melding.json", file, "application/json");
    await expect(page.getByTestId("summary-persons")).toHaveText(/^17\s000$/, { timeout: 30_000 });
    await page.getByTestId("import-summary").getByRole("button", { name: "Send inn" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(page.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 60_000 });

    await expect(page.getByTestId("upload-intro")).toContainText("sendes gjennom Skatteetatens filopplastings-API");
    // Newest first: the send-in on top, the upload at the bottom.
    const attempts = page.getByTestId("attempt-row");
    await expect(attempts.last()).toContainText("Opplasting · Lastet opp");
    await expect(attempts.first()).toContainText("Innsending av opplastingen · Mottatt");
    await expect(page.getByTestId("attempts")).toContainText(
      "Kontroll av valideringen · Validert, klar til innsending",
    );
    const uploadIds = await page.getByTestId("attempt-upload-id").allInnerTexts();
    expect(uploadIds.length).toBeGreaterThanOrEqual(3);
    expect(new Set(uploadIds).size).toBe(1);
    // The upload's body (over 10 MB) is shown only in part.
    await attempts.last().getByText("Rå forespørsel og rått svar (token er ikke lagret)").click();
    await expect(attempts.last()).toContainText("tegn til er ikke vist her");
    await expectNoAxeViolations(page);

    await page.getByLabel("Språk").selectOption("en");
    await expect(page.getByTestId("upload-intro")).toContainText(
      "goes through the Tax Administration's file-upload API",
    );
    await expect(attempts.last()).toContainText("Upload · Uploaded");
    await expect(attempts.first()).toContainText("Send-in of the upload · Accepted");
    await page.getByLabel("Language").selectOption("nb");
  });

  test("the deadlines page shows this month as reported on time, linked to its submissions", async ({ page }) => {
    await page.goto("/a-melding/frister");
    await expect(page.getByRole("heading", { name: "A-meldingsfrister" })).toBeVisible();
    const cell = page.getByTestId(`deadline-cell-${FJELLVIND.orgnr}-${currentMonth}`);
    await expect(cell).toContainText("Levert i tide");
    await expectNoAxeViolations(page);
    await cell.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/innsendinger\\?kind=amelding&org=[0-9a-f-]{36}&period=${currentMonth}$`));
    // Other tests' reports and drafts for this month may be listed too; the one imported is accepted.
    await expect(page.locator("tbody tr").filter({ hasText: "Mottatt" }).first()).toBeVisible();
  });
});

test.describe("manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("sees the deadlines but may not import", async ({ page }) => {
    await page.goto("/a-melding/importer");
    await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
    const res = await page.request.post("/api/amelding/import?intent=check", { data: '{"leveranse":{}}' });
    expect(res.status()).toBe(403);
    await page.goto("/a-melding/frister");
    await expect(page.getByTestId(`deadline-row-${FJELLVIND.orgnr}`)).toBeVisible();
    await expect(page.getByTestId("deadline-showing")).toContainText("Viser 1–");
    // Only the organisations with a month missing or due soon: a view with its own address.
    const actionView = page.getByRole("link", { name: "Bare de med en måned som mangler eller har frist snart" });
    await actionView.click();
    await expect(page).toHaveURL(/\/a-melding\/frister\?only=action$/);
    await expect(actionView).toHaveAttribute("aria-current", "page");
  });
});
