import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { callServerAction, serverActionId, storageStateFor } from "./fixtures";
import { DEMO_OPPDRAGSGIVER, fillValidOppdrag, NORDLYS, receivedBySandbox, setSandboxFaults } from "./oppdrag-helpers";

test.describe("payroll administrator", () => {
  test.use({ storageState: storageStateFor("admin") });
  test.beforeEach(() => setSandboxFaults([]));

  test("reports for two organisations, each named as oppdragsgiver on the wire", async ({ page }) => {
    const sent: { org: typeof NORDLYS; forsendelseId: string }[] = [];
    for (const org of [NORDLYS, DEMO_OPPDRAGSGIVER]) {
      await page.goto("/oppdrag/ny");
      await fillValidOppdrag(page, { organisation: org });
      await expect(page.getByTestId("oppdragsgiver-differs")).toHaveCount(0);
      await page.getByRole("button", { name: "Send inn" }).click();
      await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 20_000 });
      const ids = (await page.getByTestId("received-ids").textContent())!;
      sent.push({ org, forsendelseId: /forsendelseId\s*([0-9a-f-]{36})/.exec(ids)![1]! });
    }
    const received = await receivedBySandbox("oar");
    for (const { org, forsendelseId } of sent) {
      const body = received.find((r) => r.forsendelseId === forsendelseId)!.body;
      expect(body.oppdragsgiver).toEqual({ navn: org.name, organisasjonsnummer: org.orgnr });
    }
  });

  test("the oppdragsgiver follows Rapporterer for, and a different one must be confirmed, in the form and by the server", async ({
    page,
    request,
  }) => {
    await page.goto("/oppdrag/ny");
    const reportingFor = page.getByLabel("Rapporterer for", { exact: true });
    const giver = page.locator("section", { has: page.getByRole("heading", { name: "Oppdragsgiver" }) });
    await reportingFor.selectOption({ label: `${NORDLYS.name} (${NORDLYS.orgnr})` });
    await expect(giver.getByLabel("Navn", { exact: true })).toHaveValue(NORDLYS.name);
    await expect(giver.getByLabel("Organisasjonsnummer", { exact: true })).toHaveValue(NORDLYS.orgnr);
    await reportingFor.selectOption({ label: `${DEMO_OPPDRAGSGIVER.name} (${DEMO_OPPDRAGSGIVER.orgnr})` });
    await expect(giver.getByLabel("Organisasjonsnummer", { exact: true })).toHaveValue(DEMO_OPPDRAGSGIVER.orgnr);

    // Another oppdragsgiver than the organisation reported for: a clear warning, and sending needs a confirmation.
    await fillValidOppdrag(page);
    await giver.getByLabel("Navn", { exact: true }).fill(NORDLYS.name);
    await giver.getByLabel("Organisasjonsnummer", { exact: true }).fill(NORDLYS.orgnr);
    const warning = page.getByTestId("oppdragsgiver-differs");
    await expect(warning).toContainText(
      `Oppdragsgiveren ${NORDLYS.name} (${NORDLYS.orgnr}) er ikke organisasjonen du rapporterer for, ${DEMO_OPPDRAGSGIVER.name}`,
    );
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.getByRole("button", { name: "Send inn" }).click();
    await expect(page.locator("#oppdrag-oppdragsgiverAvvikBekreftet-error")).toBeVisible();
    // Nothing was sent: the form stays (at the draft's address once autosave has saved it).
    await expect(page).toHaveURL(/\/oppdrag\/(ny|[0-9a-f-]{36}\/rediger)$/);

    // The server checks it too, for a request that skips the form.
    const organisationId = await reportingFor.inputValue();
    const action = serverActionId("lib/oppdrag/actions.ts", "saveOppdragAction");
    const form = {
      organisationId,
      intent: "submit",
      oppdragsgiver: { variant: "norsk", navn: NORDLYS.name, organisasjonsnummer: NORDLYS.orgnr },
      oppdragstaker: { variant: "norsk", navn: "Norsk UE AS", organisasjonsnummer: "310900230" },
      oppdrag: {
        beskrivelse: "Montering",
        arbeidssted: { type: "sokkel", felt: "Johan Sverdrup" },
        startdato: "2026-11-02",
        forventetSluttdato: "2027-01-31",
        kontraktsverdiNok: "450000",
      },
    };
    const refused = await callServerAction(request, "/oppdrag/ny", action, [form]);
    expect(refused).toContain("oppdragsgiverNotConfirmed");
    const confirmed = await callServerAction(request, "/oppdrag/ny", action, [
      { ...form, oppdragsgiverAvvikBekreftet: true },
    ]);
    expect(confirmed).toContain("submissionId");

    await warning.getByLabel("Oppdragsgiveren skal være en annen enn organisasjonen jeg rapporterer for").check();
    await page.getByRole("button", { name: "Send inn" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
  });

  test("saves an almost empty draft, autosaves so a reload keeps the input, and asks before leaving unsaved changes", async ({
    page,
  }) => {
    await page.goto("/oppdrag/ny");
    const oppdrag = page.locator("section", { has: page.getByRole("heading", { name: "Oppdraget" }) });
    const beskrivelse = `Utkast ${Date.now()}`;
    await oppdrag.getByLabel("Beskrivelse av arbeidet").fill(beskrivelse);
    // Autosave: shortly after the last change, and the address becomes the draft's.
    await expect(page.getByTestId("draft-status")).toContainText(/Lagret \d{2}[:.]\d{2}/, { timeout: 15_000 });
    await expect(page).toHaveURL(/\/oppdrag\/[0-9a-f-]{36}\/rediger$/);
    await page.reload();
    await expect(oppdrag.getByLabel("Beskrivelse av arbeidet")).toHaveValue(beskrivelse);

    // A change not yet saved: following a link asks first, and declining stays.
    await oppdrag.getByLabel("Kontraktsverdi (NOK)").fill("12");
    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("link", { name: "Innsendinger", exact: true }).first().click();
    expect(asked).toEqual(["Du har endringer som ikke er lagret. Vil du forlate siden likevel?"]);
    await expect(page).toHaveURL(/\/rediger$/);

    // "Lagre utkast" takes the form as it is: nothing else is required for a draft.
    await page.getByRole("button", { name: "Lagre utkast" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("submission-status")).toContainText("Utkast");
  });

  test("the browser's back button keeps a change made just before it, without a question", async ({ page }) => {
    await page.goto("/oppdrag");
    await page.getByRole("link", { name: "Nytt oppdrag" }).click();
    const oppdrag = page.locator("section", { has: page.getByRole("heading", { name: "Oppdraget" }) });
    await oppdrag.getByLabel("Beskrivelse av arbeidet").fill(`Tilbake ${Date.now()}`);
    await expect(page.getByTestId("draft-status")).toContainText(/Lagret \d{2}[:.]\d{2}/, { timeout: 15_000 });
    const draftUrl = page.url();
    // Changed, and back at once: well before the autosave's delay.
    const asked: string[] = [];
    page.on("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await oppdrag.getByLabel("Kontraktsverdi (NOK)").fill("4321");
    await page.goBack();
    await expect(page).toHaveURL(/\/oppdrag$/);
    expect(asked).toEqual([]);
    // Saved as the form left: the draft holds the last change, and the list's address stayed.
    await expect(async () => {
      await page.goto(draftUrl);
      await expect(oppdrag.getByLabel("Kontraktsverdi (NOK)")).toHaveValue("4321", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  });

  test("sees each field error beside the field and in a linked summary", async ({ page }) => {
    await page.goto("/oppdrag/ny");
    const oppdrag = page.locator("section", { has: page.getByRole("heading", { name: "Oppdraget" }) });
    await page
      .locator("section", { has: page.getByRole("heading", { name: "Oppdragsgiver" }) })
      .getByLabel("Organisasjonsnummer", { exact: true })
      .fill("310900126");
    await oppdrag.getByLabel("Startdato").fill("2026-11-02");
    await oppdrag.getByLabel("Forventet sluttdato").fill("2026-10-01");
    await oppdrag.getByLabel("Kontraktsverdi (NOK)").fill("-10");
    await page.getByRole("button", { name: "Send inn" }).click();

    await expect(page.getByRole("heading", { name: "Skjemaet har feil som må rettes" })).toBeVisible();
    await expect(page.locator("#oppdrag-oppdragsgiver\\.organisasjonsnummer-error")).toHaveText(
      "Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke).",
    );
    await expect(page.locator("#oppdrag-oppdrag\\.forventetSluttdato-error")).toHaveText(
      "Sluttdatoen kan ikke være før startdatoen.",
    );
    await expect(page.locator("#oppdrag-oppdrag\\.kontraktsverdiNok-error")).toHaveText(
      "Beløpet kan ikke være negativt.",
    );
    await expect(page.locator("#oppdrag-oppdrag\\.beskrivelse-error")).toHaveText("Feltet må fylles ut.");
    await page.getByRole("link", { name: /^Oppdragsgiver › Organisasjonsnummer:/ }).click();
    await expect(page.locator("#oppdrag-oppdragsgiver\\.organisasjonsnummer")).toBeFocused();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });

  test("previews the exact JSON, notes the threshold, submits, and sees it accepted in the list without reloading @phone", async ({
    page,
  }) => {
    await page.goto("/oppdrag/ny");
    await fillValidOppdrag(page, { verdi: "15 000" });
    await expect(page.getByTestId("threshold-notice")).toBeVisible();
    await page.getByRole("button", { name: "Forhåndsvis JSON" }).click();
    const preview = JSON.parse((await page.getByTestId("json-preview").textContent())!);
    expect(preview).toMatchObject({
      innsendingstype: "NY",
      oppdrag: { kontraktsverdi: "15000.00", startdato: "2026-11-02" },
    });
    await page.getByRole("button", { name: "Send inn" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 20_000 });
    await expect(page.getByTestId("received-ids")).toContainText("forsendelseId");

    await page.goto("/innsendinger?kind=oar&status=accepted");
    await expect(page.getByRole("row").nth(1)).toContainText("Mottatt");
    await page.goto("/oppdrag");
    await expect(page.getByRole("row").nth(1)).toContainText("Mottatt");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  });

  test("a submission in flight turns accepted in the list without reloading", async ({ page }) => {
    await setSandboxFaults([{ kind: "slow", delayMs: 2500, count: 1 }]);
    await page.goto("/oppdrag/ny");
    await fillValidOppdrag(page);
    await page.getByRole("button", { name: "Send inn" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").pop()!;
    await page.goto("/innsendinger");
    const row = page.getByTestId(`submission-row-${id}`);
    await expect(row).toContainText(/I kø|Sendes/);
    await expect(row).toContainText("Mottatt", { timeout: 20_000 });
  });

  test("a rejected report shows the decoded error and the marked field; the corrected version is accepted and both versions are kept @phone", async ({
    page,
  }) => {
    // The sandbox validates like Skatteetaten: an end date before the start is OAR_005 with a specification entry.
    await page.goto("/oppdrag/ny");
    await fillValidOppdrag(page);
    await page.getByRole("button", { name: "Lagre utkast" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("submission-status")).toContainText("Utkast");
    const id = page.url().split("/").pop()!;
    // A rule only Skatteetaten checks: the sandbox answers OAR_005 with a specification entry.
    await setSandboxFaults([
      {
        kind: "status",
        status: 400,
        code: "OAR_005",
        spesifisering: [
          {
            sti: "/oppdrag/beskrivelse",
            angittVerdi: "Montering av stålkonstruksjoner",
            melding: "Beskrivelsen må angi type arbeid",
          },
          {
            sti: "/oppdragstaker/utenlandskIdentifikasjon",
            angittVerdi: "LT-300400",
            melding: "Registreringsnummeret er ukjent",
          },
          { sti: "/oppdrag/tilleggsopplysning", angittVerdi: "x", melding: "Ukjent felt" },
        ],
      },
    ]);
    await page.getByRole("link", { name: "Rediger utkast" }).click();
    await page.getByRole("button", { name: "Send inn" }).click();
    await expect(page.getByTestId("submission-status")).toContainText("Avvist", { timeout: 20_000 });
    const decoded = page.getByTestId("decoded-error").first();
    await expect(decoded).toContainText("OAR_005");
    await expect(decoded).toContainText("Feil i forbindelse med validering av payload");
    await expect(decoded).toContainText("Beskrivelsen må angi type arbeid");
    await expect(decoded).toContainText("Korrelasjonsid");
    // Each field Skatteetaten points at is named as the form names it, with the party it belongs to, never as its path.
    const fields = decoded.getByTestId("field-location");
    await expect(fields).toHaveText([
      "Oppdraget › Beskrivelse av arbeidet",
      "Oppdragstaker: Baltic Steel UAB › Utenlandsk identifikasjon (registreringsnummer)",
      // A path the form does not have: humanised, with the raw path for support.
      "Oppdraget › Tilleggsopplysning Teknisk sti: /oppdrag/tilleggsopplysning",
    ]);
    await expect(decoded).not.toContainText("/oppdrag/beskrivelse");
    await expect(decoded).not.toContainText("utenlandskIdentifikasjon");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

    await expect(page.getByRole("link", { name: "Send rettet versjon (ny nøkkel)" })).toHaveAttribute(
      "href",
      `/oppdrag/${id}/rediger`,
    );

    // The field's link opens the corrected version with that field focused.
    await fields.getByRole("link", { name: "Oppdraget › Beskrivelse av arbeidet" }).click();
    await expect(page).toHaveURL(new RegExp(`/oppdrag/${id}/rediger\\?felt=oppdrag\\.beskrivelse$`));
    await expect(page.locator("#oppdrag-oppdrag\\.beskrivelse")).toBeFocused();
    await expect(page.locator("#oppdrag-oppdrag\\.beskrivelse")).toHaveAttribute("data-highlighted", "true");
    await expect(page.locator("#oppdrag-oppdrag\\.beskrivelse-error")).toContainText(
      "Beskrivelsen må angi type arbeid",
    );
    await expect(page.locator("#oppdrag-oppdrag\\.beskrivelse")).toHaveAttribute("aria-invalid", "true");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.getByLabel("Beskrivelse av arbeidet").fill("Sveising og montering av stålkonstruksjoner på kai");
    await page.getByRole("button", { name: "Send inn" }).click();
    await expect(page.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 20_000 });
    // The rejected version (the draft, sent as it was) and the corrected one: both kept, each with its own key.
    await expect(page.getByTestId("versions").locator("li")).toHaveCount(2);
    const keys = await page.getByTestId("attempt-key").allTextContents();
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });

  test("a sandbox fault is retried with the same key and ends accepted", async ({ page }) => {
    await setSandboxFaults([{ kind: "status", status: 503, code: "OAR_010", count: 1 }]);
    await page.goto("/oppdrag/ny");
    await fillValidOppdrag(page);
    await page.getByRole("button", { name: "Send inn" }).click();
    await expect(page.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 30_000 });
    const attempts = page.getByTestId("attempt-row");
    await expect(attempts).toHaveCount(2);
    // Newest first.
    await expect(attempts.first()).toContainText("Mottatt");
    await expect(attempts.last()).toContainText("Midlertidig feil");
    const keys = await page.getByTestId("attempt-key").allTextContents();
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
  });

  test("filters survive a reload and pass an accessibility check", async ({ page }) => {
    await page.goto("/innsendinger");
    await page.getByRole("checkbox", { name: "Mottatt" }).check();
    await page.locator(`select[name="kind"]`).selectOption("oar");
    await page.getByRole("button", { name: "Bruk filter" }).click();
    await expect(page).toHaveURL(/status=accepted/);
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Mottatt" })).toBeChecked();
    await expect(page.locator(`select[name="kind"]`)).toHaveValue("oar");
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe("manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("sees the history but no form, no raw bodies and no actions", async ({ page }) => {
    await page.goto("/oppdrag");
    await expect(page.getByRole("link", { name: "Nytt oppdrag" })).toHaveCount(0);
    await page.goto("/oppdrag/ny");
    await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
    await page.goto("/innsendinger?kind=oar");
    const first = page.locator("tbody tr").first().getByRole("link");
    await page.goto((await first.getAttribute("href"))!);
    await expect(page.getByTestId("submission-status")).toBeVisible();
    await expect(page.getByText(/Rå forespørsel/)).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Prøv igjen/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Send rettet versjon|Rapporter endring|Rediger/ })).toHaveCount(0);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});
