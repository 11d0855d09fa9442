import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { FNR, leveranse, queueAmelding } from "./amelding-helpers";
import { storageStateFor } from "./fixtures";

test.describe("A-melding feedback", () => {
  test("the administrator sees the deviation with the person and a link to fix the field, and the month's amounts", async ({
    browser,
  }) => {
    const id = await queueAmelding(browser, leveranse());
    const page = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
    await page.goto(`/innsendinger/${id}`);
    await expect(page.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 20_000 });
    const feedback = page.getByTestId("feedback");
    await expect(feedback.getByRole("heading", { name: "Tilbakemelding fra Skatteetaten" })).toBeVisible();
    await expect(page.getByTestId("feedback-status")).toHaveText("Tilbakemelding: avvik", { timeout: 30_000 });
    await expect(feedback).toContainText("Godkjent med avvik");

    const immediate = page.getByTestId("deviations-immediate");
    await expect(immediate).toContainText("Øyeblikkelig");
    await expect(immediate).toContainText("MAGNET_EDAG-219");
    // The field is named as the builder names it, with the person from the report: birth date part only, never a path.
    const fix = immediate.getByTestId("deviation-field").getByRole("link");
    await expect(fix).toHaveText(`Kari Testesen (${FNR.slice(0, 6)}·····) › Arbeidsforhold`);
    await expect(fix).toHaveAttribute(
      "href",
      `/a-melding/ny?erstatter=${id}&felt=oppgave.virksomhet.0.inntektsmottaker.0.arbeidsforhold`,
    );
    await expect(immediate).not.toContainText("oppgave.virksomhet");
    await expect(immediate.getByTestId("deviation-field")).not.toContainText(FNR);
    await expect(feedback.getByRole("link", { name: "Send erstatningsmelding" })).toHaveAttribute(
      "href",
      `/a-melding/ny?erstatter=${id}`,
    );

    const sums = page.getByTestId("feedback-sums");
    await expect(sums).toContainText("Forskuddstrekk");
    await expect(sums).toContainText(/7\s000,00/);
    await expect(sums).toContainText("KID");
    await expect(sums).toContainText("16. nov. 2026");

    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

    await page.goto(`/innsendinger?kind=amelding`);
    await expect(page.getByTestId(`submission-row-${id}`)).toContainText("Tilbakemelding: avvik");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  });

  test("a manager sees the person's number masked and no links to fix; a rejected feedback says to send again", async ({
    browser,
  }) => {
    const rejectedId = await queueAmelding(browser, leveranse({ kildesystem: "e2e-avvisning" }));
    const page = await (await browser.newContext({ storageState: storageStateFor("manager") })).newPage();
    await page.goto(`/innsendinger/${rejectedId}`);
    await expect(page.getByTestId("feedback-status")).toHaveText("Tilbakemelding: avvist", { timeout: 30_000 });
    const feedback = page.getByTestId("feedback");
    await expect(feedback).toContainText("A-meldingen er avvist og må sendes på nytt.");
    await expect(page.getByTestId("deviations-rejection")).toContainText("Avvisning");
    // The person as a manager sees personal numbers everywhere: masked, no birth date.
    await expect(page.getByTestId("deviations-rejection").getByTestId("deviation-field")).toHaveText("Kildesystem");
    await expect(page.getByTestId("deviations-immediate").getByTestId("deviation-field")).toHaveText(
      "Kari Testesen (******10008) › Arbeidsforhold",
    );
    await expect(feedback).not.toContainText(FNR.slice(0, 6));
    await expect(feedback.getByRole("link")).toHaveCount(0);
    await expect(page.getByTestId("feedback-sums")).toHaveCount(0);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  });

  test("a rejection by the A-melding API is shown decoded: code, texts, category, hint and the field", async ({
    browser,
  }) => {
    // Our model takes months from 2014; the API answers AMLD_1027 for an income year it does not take.
    const id = await queueAmelding(browser, leveranse({ kalendermaaned: "2014-05" }));
    const page = await (await browser.newContext({ storageState: storageStateFor("support") })).newPage();
    await page.goto(`/innsendinger/${id}`);
    await expect(page.getByTestId("submission-status")).toContainText("Avvist", { timeout: 20_000 });
    const decoded = page.getByTestId("decoded-error").first();
    // The main code in words, its category, the hint for the most specific code, and the detail row.
    await expect(decoded).toContainText("AMLD_006 Feil i request");
    await expect(decoded).toContainText("Kategori: Validering");
    // What to do is said once, on top.
    await expect(page.getByTestId("next-step")).toContainText("Inntektsåret er ikke åpent for innrapportering");
    const detail = decoded.getByRole("row", { name: /AMLD_1027/ });
    await expect(detail).toContainText("Inntektsår er ikke støttet");
    await expect(detail.getByTestId("field-location")).toHaveText("Kalendermåned");
    await expect(detail).toContainText("2014-05");
    await expect(page.getByTestId("feedback")).toHaveCount(0);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  });

  test("the Altinn Events webhook answers the subscription validation only with the shared secret, without a session", async ({
    request,
  }) => {
    // npm start generated the secret and subscribed the sandbox's events to the app's webhook.
    const secret = readFileSync(path.join(process.env.E2E_DATA_DIR!, "altinn-events-secret"), "utf8").trim();
    const validation = {
      specversion: "1.0",
      id: randomUUID(),
      type: "platform.events.validatesubscription",
      source: "https://platform.altinn.no/events/api/v1/subscriptions/1",
    };
    const headers = { "Content-Type": "application/cloudevents+json" };
    const ok = await request.post(`/api/altinn-events?secret=${encodeURIComponent(secret)}`, {
      headers,
      data: validation,
    });
    expect(ok.status()).toBe(200);
    const wrong = await request.post("/api/altinn-events?secret=wrong", { headers, data: validation });
    expect(wrong.status()).toBe(401);
  });
});
