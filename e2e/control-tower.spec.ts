import { expect, type Page, test } from "@playwright/test";
import { FNR, leveranse, queueAmelding } from "./amelding-helpers";
import { type Firm, seedAccountingFirm } from "./control-tower-fixture";
import { demoPassword, signIn } from "./fixtures";
import { fillValidOppdrag } from "./oppdrag-helpers";
import { setReconciliationDifferences } from "./reconciliation-helpers";
import { connectToProductDatabase } from "./security/matrix-fixture";

/*
 * Issue 18's control tower end to end: an accounting firm with 50 client organisations
 * (e2e/control-tower-fixture.ts). Each problem shows on the board and its cell leads to the fix.
 * playwright.config.ts sets SANDBOX_TODAY to 3 December 2026, two working days before November's
 * deadline (7 December), and scans for deadlines every few seconds.
 */

let firm: Firm;

test.beforeAll(async () => {
  const sql = connectToProductDatabase();
  try {
    firm = await seedAccountingFirm(sql);
  } finally {
    await sql.end();
  }
});

test.afterAll(() => setReconciliationDifferences([]));

async function signInAsFirm(page: Page) {
  await signIn(page, firm.email, demoPassword());
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
}

const cell = (page: Page, orgnr: string, month: string) => page.getByTestId(`board-cell-${orgnr}-${month}`);
const mailCatcherUrl = () => `http://127.0.0.1:${Number(process.env.E2E_SANDBOX_PORT) + 4}/`;

test.describe("the control tower of an accounting firm with 50 organisations", () => {
  test("the board shows all 50; the month not sent near its deadline is among the riskiest and leads to the builder", async ({
    page,
  }) => {
    await signInAsFirm(page);
    await page.goto("/tavle");
    await expect(page.getByTestId("board-showing")).toHaveText("Viser 1–50 av 50");
    // Sorted by risk: the four clients with November outstanding (the demo three and ours) come first.
    const firstRows = await page
      .locator('[data-testid^="board-row-"]')
      .evaluateAll((rows) => rows.slice(0, 4).map((r) => r.getAttribute("data-testid")));
    expect(firstRows).toContain(`board-row-${firm.notSent.orgnr}`);

    const done = firm.clients[0]!;
    await expect(cell(page, done.orgnr, "2026-11")).toHaveAttribute("data-state", "accepted");
    const late = cell(page, firm.notSent.orgnr, "2026-11");
    await expect(late).toHaveAttribute("data-state", /^(not_sent|overdue)$/);
    await late.getByRole("link").click();
    await expect(page).toHaveURL(/\/a-melding\/ny\?org=[0-9a-f-]{36}&maaned=2026-11$/, { timeout: 30_000 });
    await expect(page.getByLabel("Opplysningspliktig").first()).toHaveValue(firm.notSent.orgnr);
  });

  test("the client not sent two working days before the deadline is notified by e-mail, naming it", async ({
    page,
  }) => {
    await page.goto(mailCatcherUrl());
    const mail = page
      .getByTestId("caught-mail")
      .filter({ hasText: firm.email })
      .filter({ hasText: "A-meldingen for nov. 2026 er ikke sendt" })
      .filter({ hasText: firm.notSent.orgnr });
    await expect(async () => {
      await page.reload();
      await expect(mail.first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(mail).toHaveCount(1);
    // No other client of the firm was late: each of them sent November.
    const others = page
      .getByTestId("caught-mail")
      .filter({ hasText: firm.email })
      .filter({ hasText: /Klient \d\d/ });
    await expect(others).toHaveCount(1);
  });

  test("feedback with an Øyeblikkelig deviation shows on the board and leads to the deviation and its replacement", async ({
    browser,
    page,
  }) => {
    // Fjellvind Bygg AS, one of the firm's clients, sends October; the sandbox's feedback has an
    // Øyeblikkelig deviation (no arbeidsforhold for a person with income).
    const id = await queueAmelding(browser, leveranse());
    await signInAsFirm(page);
    const october = cell(page, "310900125", "2026-10");
    // The cell's own link (its reconciliation mark is a second one).
    const octoberLink = october.getByRole("link").first();
    await expect(async () => {
      await page.goto("/tavle?q=Fjellvind");
      await expect(october).toHaveAttribute("data-state", "deviations", { timeout: 1_000 });
      await expect(octoberLink).toHaveAttribute("href", new RegExp(id), { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(octoberLink).toHaveAccessibleName(/Øyeblikkelig/);
    await octoberLink.click();
    await expect(page).toHaveURL(new RegExp(`/innsendinger/${id}`), { timeout: 30_000 });
    await expect(page.getByTestId("deviations-immediate")).toContainText("MAGNET_EDAG-219");
    await expect(page.getByTestId("feedback").getByRole("link", { name: "Send erstatningsmelding" })).toHaveAttribute(
      "href",
      `/a-melding/ny?erstatter=${id}`,
    );
  });

  test("a month Skatteetaten's reconciliation report differs from shows on the board and leads to the difference", async ({
    browser,
    page,
  }) => {
    // Nordlys Offshore AS, a client, sends June (a month no other spec uses); Skatteetaten's
    // report counts 1 000 kr more income for the person.
    const orgnr = "310900346";
    const month = "2026-06";
    await setReconciliationDifferences([
      { orgnr, kalendermaaned: month, norskIdentifikator: FNR, kind: "inntekt", delta: 1000 },
    ]);
    await queueAmelding(
      browser,
      leveranse({
        kalendermaaned: month,
        leveringstidspunkt: "2026-07-03T10:00:00Z",
        opplysningspliktig: { norskIdentifikator: orgnr },
      }),
    );
    await signInAsFirm(page);
    // The worker fetches the report once the month is accepted (RECONCILIATION_POLL_SECONDS).
    const mark = cell(page, orgnr, month).getByTestId("board-reconciliation");
    await expect(async () => {
      await page.goto("/tavle?q=Nordlys");
      await expect(mark).toHaveAttribute("data-reconciliation", "differs", { timeout: 1_000 });
    }).toPass({ timeout: 90_000 });
    await mark.click();
    await expect(page).toHaveURL(new RegExp(`/avstemming/[0-9a-f-]{36}/${month}$`), { timeout: 30_000 });
    const difference = page.getByTestId("reconciliation-difference");
    await expect(difference).toHaveCount(1);
    await expect(difference).toContainText(`Person ${FNR}`);
    await expect(difference).toContainText(/\+\s?1\s000,00/);
  });

  test("a client whose system user is gone from Altinn shows on the board, and leads to the access page with the fix", async ({
    page,
  }) => {
    // The seeded clients were never given a system user in the sandbox's Altinn: to Maskinporten
    // each is one whose system user was deleted (MP-303), what a revocation by the client looks like.
    const client = firm.clients[0]!;
    await signInAsFirm(page);
    await page.goto("/oppdrag/ny");
    await fillValidOppdrag(page, { organisation: client });
    await page.getByRole("button", { name: "Send inn" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(page.getByTestId("submission-status")).toContainText("Feilet", { timeout: 60_000 });

    await page.goto(`/tavle?q=${client.orgnr}`);
    const mark = page.getByTestId(`board-access-${client.orgnr}`);
    await expect(mark).toHaveAttribute("data-state", "system_user_revoked");
    await mark.click();
    await expect(page).toHaveURL(/\/organisasjoner\/[0-9a-f-]{36}\/tilgang$/, { timeout: 30_000 });
    await expect(page.getByTestId("access-state")).toHaveText("Systembrukeren er trukket tilbake");
    await expect(page.getByTestId("access-fix")).toContainText("Be om en ny systembruker");
    await expect(page.getByRole("button", { name: "Be om ny systembruker" })).toBeVisible();
  });
});
