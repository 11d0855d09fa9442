import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { FNR } from "./amelding-helpers";
import { demoPassword, newOrgnr, signIn } from "./fixtures";
import { fillValidOppdrag } from "./oppdrag-helpers";
import { connectToProductDatabase } from "./security/matrix-fixture";

/*
 * An OAR deadline counted from an arbeidstaker's first day (lib/oppdrag/oar-obligations.ts).
 * playwright.config.ts sets SANDBOX_TODAY to 3 December 2026 and scans for deadlines every few
 * seconds: an arbeidstaker who started 20 November must be reported by 4 December, so the scan
 * notifies it; the oppdrag itself started 1 October (deadline long past the notice window).
 */

const mailCatcherUrl = () => `http://127.0.0.1:${Number(process.env.E2E_SANDBOX_PORT) + 4}/`;
const tag = randomUUID().slice(0, 8);
const email = `oar-${tag}@innrapportering.test`;
const organisation = { name: `Oppdrag ${tag} AS`, orgnr: newOrgnr() };
const beskrivelse = `Sveising av rør ${tag}`;

test.beforeAll(async () => {
  const sql = connectToProductDatabase();
  try {
    await sql.begin(async (tx) => {
      const [user] = await tx<{ id: string }[]>`
        insert into users (email, name, role, password_hash)
        select ${email}, 'Olav Oppdrag', 'admin', password_hash from users where email = 'admin@innrapportering.test'
        returning id`;
      const [org] = await tx<{ id: string }[]>`
        insert into organisations (orgnr, name) values (${organisation.orgnr}, ${organisation.name}) returning id`;
      await tx`insert into user_organisations (user_id, organisation_id) values (${user!.id}, ${org!.id})`;
    });
  } finally {
    await sql.end();
  }
});

test("an arbeidstaker's first day near its deadline sends one e-mail naming the oppdrag, and leads to the oppdrag", async ({
  page,
}) => {
  // Signing in, filling the form, a scan and the e-mail round trip: more than one step's minute.
  test.setTimeout(180_000);
  await signIn(page, email, demoPassword());
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
  await page.goto("/oppdrag/ny");
  // The start date goes in with the rest: a start typed over afterwards would already have been
  // autosaved (on blur), and a scan in between would rightly notify that start.
  await fillValidOppdrag(page, { organisation, startdato: "2026-10-01" });
  const oppdrag = page.locator("section", { has: page.getByRole("heading", { name: "Oppdraget" }) });
  await oppdrag.getByLabel("Beskrivelse av arbeidet").fill(beskrivelse);
  const arbeidstakere = page.locator("section", { has: page.getByRole("heading", { name: "Arbeidstakere" }) });
  await arbeidstakere.getByRole("button", { name: "Legg til arbeidstaker" }).click();
  await arbeidstakere.getByLabel("Navn", { exact: true }).fill("Ola Testmann");
  await arbeidstakere.getByRole("textbox", { name: "Fødselsnummer eller d-nummer" }).fill(FNR);
  await arbeidstakere.getByLabel("Første arbeidsdag i Norge").fill("2026-11-20");
  await page.getByRole("button", { name: "Lagre utkast" }).click();
  await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const submissionPath = new URL(page.url()).pathname;

  // The e-mail: exactly one, naming the oppdrag and its deadline, never the fødselsnummer.
  await page.goto(mailCatcherUrl());
  const mails = page.getByTestId("caught-mail").filter({ hasText: email });
  const mail = mails.filter({ hasText: "En arbeidstaker på oppdraget" }).filter({ hasText: beskrivelse });
  await expect(async () => {
    await page.reload();
    await expect(mail.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(mail).toHaveCount(1);
  await expect(mail).toContainText("4. des.");
  await expect(mail).toContainText(organisation.orgnr);
  await expect(mail).not.toContainText(FNR);
  // Nothing about the oppdrag's own start: its deadline lies before the notice window. (The new
  // organisation's other e-mails, such as November's A-melding, are not this test's.)
  await expect(mails.filter({ hasText: "OAR-oppdraget" })).toHaveCount(0);

  // In the app, the notification leads to the oppdrag, which can be edited and sent from there.
  await page.goto("/varsler");
  const notification = page.getByTestId("notification").filter({ hasText: beskrivelse });
  await expect(notification).toHaveCount(1);
  await expect(notification).not.toContainText(FNR);
  await notification.getByRole("link", { name: "Gå til" }).click();
  await expect(page).toHaveURL(new RegExp(`${submissionPath}$`), { timeout: 30_000 });
  await page.getByRole("link", { name: "Rediger utkast" }).click();
  await expect(page).toHaveURL(/\/oppdrag\/[0-9a-f-]{36}\/rediger$/, { timeout: 30_000 });
  await expect(page.getByLabel("Første arbeidsdag i Norge")).toHaveValue("2026-11-20");
});
