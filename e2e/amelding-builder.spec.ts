import { expect, type Page, test } from "@playwright/test";
import { nextDueMonth, osloDate } from "../lib/amelding/deadlines";
import { syntheticFodselsnummer } from "../lib/testing/amelding-generator";
import { expectNoAxeViolations, storageStateFor } from "./fixtures";

const SANDBOX = () => `http://127.0.0.1:${Number(process.env.E2E_SANDBOX_PORT) + 1}`;
const PERSON = "oppgave.virksomhet.0.inntektsmottaker.0";
/** A synthetic sub-unit orgnr (mod-11 valid), not one of the demo organisations. */
const VIRKSOMHET = "310900451";

/** Inputs are found by their id, `field-` + the model path, as feedback links find them. */
const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);

async function setSandboxFaults(faults: unknown[]) {
  const res = await fetch(`${SANDBOX()}/__control/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(faults),
  });
  expect(res.ok).toBe(true);
}

test.describe("A-melding builder, payroll administrator", () => {
  test.use({ storageState: storageStateFor("admin") });
  test.beforeEach(() => setSandboxFaults([]));

  test("builds an A-melding, fixes a bad fødselsnummer, sends it, sees it accepted and its feedback deviation, and fixes that in an accepted replacement @phone", async ({
    page,
  }) => {
    // The whole journey waits for two deliveries and two feedbacks.
    test.slow();
    await page.goto("/a-melding/ny");
    await field(page, "opplysningspliktig.norskIdentifikator").selectOption("310900125");
    await field(page, "oppgave.virksomhet.0.norskIdentifikator").fill(VIRKSOMHET);

    await page.getByRole("button", { name: "Legg til inntektsmottaker", exact: true }).click();
    await field(page, `${PERSON}.norskIdentifikator`).fill("12345678901");
    await field(page, `${PERSON}.identifiserendeInformasjon.navn`).fill("Kari Testesen");
    await page.getByRole("button", { name: "Legg til inntekt", exact: true }).click();
    await field(page, `${PERSON}.inntekt.0.beloep`).fill("40 000");
    await page.getByRole("button", { name: "Legg til forskuddstrekk", exact: true }).click();
    await field(page, `${PERSON}.forskuddstrekk.0.beloep`).fill("-7000");
    await page.getByRole("button", { name: "Legg til avgiftsgrunnlag", exact: true }).click();
    const aga = "oppgave.virksomhet.0.arbeidsgiveravgift.loennOgGodtgjoerelse.0";
    await field(page, `${aga}.sone`).selectOption("1a");
    await expect(field(page, `${aga}.prosentsatsForAvgiftsberegning`)).toHaveValue("10,6");
    await field(page, `${aga}.sone`).selectOption("1");
    await expect(field(page, `${aga}.prosentsatsForAvgiftsberegning`)).toHaveValue("14,1");
    await field(page, `${aga}.avgiftsgrunnlagBeloep`).fill("40000");

    // The sums follow the lines as they are typed.
    await expect(page.getByTestId("computed-sumArbeidsgiveravgift")).toContainText(/5\s640/);
    await expect(page.getByTestId("computed-sumArbeidsgiveravgift")).toContainText("Mangler");
    await expect(page.getByTestId("computed-sumForskuddstrekkPerLoennsutbetalingsdato")).toContainText("Mangler");
    await page.getByRole("button", { name: "Bruk beregnede summer" }).click();
    // Forskuddstrekk is stated per salary payment date (model v2.3): the amount to pay, the date the user's.
    const perDate = "oppgave.betalingsinformasjon.sumForskuddstrekkPerLoennsutbetalingsdato.0";
    await expect(field(page, `${perDate}.beloep`)).toHaveValue("7000");
    await field(page, `${perDate}.loennsutbetalingsdato`).fill("2026-10-20");
    await expect(page.getByTestId("computed-sumForskuddstrekkPerLoennsutbetalingsdato")).toContainText("Stemmer");
    await expect(page.getByTestId("computed-sumArbeidsgiveravgift")).toContainText("Stemmer");

    await page.getByRole("button", { name: "Send inn" }).click();
    await expect(page.getByRole("heading", { name: "Skjemaet har feil som må rettes" })).toBeVisible();
    const fnr = field(page, `${PERSON}.norskIdentifikator`);
    await expect(fnr).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator(`[id="field-${PERSON}.norskIdentifikator-error"]`)).toHaveText(
      "Fødselsnummeret eller d-nummeret er ikke gyldig (kontrollsifrene stemmer ikke).",
    );
    await page.getByRole("link", { name: /› Fødselsnummer eller d-nummer/ }).click();
    await expect(fnr).toBeFocused();
    await expectNoAxeViolations(page);

    await fnr.fill(syntheticFodselsnummer());
    await page.getByRole("button", { name: "Forhåndsvis JSON" }).click();
    const preview = JSON.parse((await page.getByTestId("json-preview").textContent())!);
    const person = preview.leveranse.oppgave.virksomhet[0].inntektsmottaker[0];
    expect(person.inntekt[0]).toMatchObject({
      beloep: "40000",
      fordel: "kontantytelse",
      loennsinntekt: { beskrivelse: "fastloenn" },
    });
    expect(person.forskuddstrekk[0].beloep).toBe(-7000);
    // Whole kroner go out as JSON integers, decimals as strings (docs/skatteetaten-contract.md).
    expect(preview.leveranse.oppgave.betalingsinformasjon).toEqual({
      sumForskuddstrekkPerLoennsutbetalingsdato: [{ loennsutbetalingsdato: "2026-10-20", beloep: 7000 }],
      sumArbeidsgiveravgift: 5640,
    });
    expect(preview.leveranse).toMatchObject({
      kildesystem: "Innrapportering",
      opplysningspliktig: { norskIdentifikator: "310900125" },
    });
    const meldingsId: string = preview.leveranse.meldingsId;

    await page.getByRole("button", { name: "Send inn" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
    const detailUrl = page.url();
    await expect(page.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 20_000 });
    await expect(page.getByTestId("received-ids")).toContainText(meldingsId);

    // The feedback comes through Dialogporten: the person has income but no arbeidsforhold.
    await expect(page.getByTestId("feedback-status")).toHaveText("Tilbakemelding: avvik", { timeout: 40_000 });
    const immediate = page.getByTestId("deviations-immediate");
    await expect(immediate).toContainText("MAGNET_EDAG-219");
    await expect(immediate.getByTestId("deviation-field")).toContainText("Kari Testesen");

    // Its link opens a replacement on the field concerned.
    await immediate.getByTestId("field-location-link").click();
    await expect(page.getByRole("heading", { name: "Erstatt A-melding" })).toBeVisible();
    await expect(page.getByTestId("focused-field-notice")).toBeVisible();
    await expect(field(page, "meldingsId")).not.toHaveValue(meldingsId);
    await expect(page.locator("main")).toContainText(meldingsId);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Legg til arbeidsforhold", exact: true }).click();
    const af = `${PERSON}.arbeidsforhold.0`;
    await field(page, `${af}.typeArbeidsforhold`).selectOption("ordinaertArbeidsforhold");
    await field(page, `${af}.arbeidsforholdId`).fill("AF-1");
    await field(page, `${af}.startdato`).fill("2025-01-01");
    await field(page, `${af}.yrke`).fill("2310109");
    await expect(field(page, `${af}.formForAnsettelse`)).toHaveValue("fast");
    await field(page, `${af}.arbeidstidsordning`).selectOption("ikkeSkift");
    await field(page, `${af}.stillingsprosent`).fill("100");
    // Bokmål writes a decimal comma: typed with one, and a dot typed is shown with one.
    await field(page, `${af}.antallTimerPerUkeSomEnFullStillingTilsvarer`).fill("37.5");
    await expect(field(page, `${af}.antallTimerPerUkeSomEnFullStillingTilsvarer`)).toHaveValue("37,5");
    await field(page, `${af}.antallTimerPerUkeSomEnFullStillingTilsvarer`).fill("37,5");
    await page.getByRole("button", { name: "Send inn" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
    expect(page.url()).not.toBe(detailUrl);
    await expect(page.getByTestId("submission-status")).toContainText("Mottatt", { timeout: 20_000 });
    await expect(page.getByTestId("feedback-status")).toHaveText("Tilbakemelding: godkjent", { timeout: 40_000 });

    // The list shows the replacement as the month's current message, linked to the one it replaced.
    const replacementId = page.url().split("/").pop()!;
    const originalId = detailUrl.split("/").pop()!;
    await page.goto("/a-melding");
    await expect(page.getByTestId(`submission-row-${replacementId}`)).toContainText("Gjeldende melding");
    await expect(page.getByTestId(`submission-row-${originalId}`)).toContainText("Erstattet av nyere melding");
    await expect(page.getByTestId(`submission-row-${originalId}`)).not.toContainText("Gjeldende melding");
  });

  test("starts on the month due next, saves an almost empty draft, autosaves across a reload, and warns before sending a month whose deadline has passed", async ({
    page,
  }) => {
    await page.goto("/a-melding/ny");
    await expect(field(page, "kalendermaaned")).toHaveValue(nextDueMonth(osloDate(new Date())));
    await field(page, "opplysningspliktig.norskIdentifikator").selectOption("310900125");
    await field(page, "kalendermaaned").fill("2026-01");
    await expect(page.getByTestId("draft-status")).toContainText(/Lagret \d{2}[:.]\d{2}/, { timeout: 15_000 });
    await expect(page).toHaveURL(/\/a-melding\/ny\?utkast=[0-9a-f-]{36}$/);
    await page.reload();
    await expect(field(page, "kalendermaaned")).toHaveValue("2026-01");

    // Complete it: then sending January (deadline 5 February 2026, long past) asks first.
    await field(page, "oppgave.virksomhet.0.norskIdentifikator").fill(VIRKSOMHET);
    await page.getByRole("button", { name: "Legg til inntektsmottaker", exact: true }).click();
    await field(page, `${PERSON}.norskIdentifikator`).fill(syntheticFodselsnummer());
    await field(page, `${PERSON}.identifiserendeInformasjon.navn`).fill("Kari Testesen");
    await page.getByRole("button", { name: "Legg til inntekt", exact: true }).click();
    await field(page, `${PERSON}.inntekt.0.beloep`).fill("40 000");
    await page.getByRole("button", { name: "Send inn" }).click();
    const confirm = page.getByTestId("deadline-confirm");
    await expect(confirm).toContainText("Fristen for A-meldingen for jan. 2026 var 5. feb. 2026");
    await expectNoAxeViolations(page);
    await confirm.getByRole("button", { name: "Avbryt" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(page).toHaveURL(/\/a-melding\/ny\?utkast=/);

    // "Lagre utkast" with almost nothing filled in.
    await page.goto("/a-melding/ny");
    await field(page, "kalendermaaned").fill("");
    await page.getByRole("button", { name: "Lagre utkast" }).click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("submission-status")).toContainText("Utkast");
  });

  test("a link from feedback lands on one field of a replacement", async ({ page }) => {
    await page.goto("/innsendinger?kind=amelding&status=accepted");
    await page.goto((await page.locator('[data-testid^="submission-row-"] a').first().getAttribute("href"))!);
    const replaceHref = await page.getByRole("link", { name: "Send erstatning" }).getAttribute("href");
    await page.goto(`${replaceHref}&felt=${PERSON}.inntekt.0.beloep`);
    await expect(page.getByRole("heading", { name: "Erstatt A-melding" })).toBeVisible();
    const beloep = field(page, `${PERSON}.inntekt.0.beloep`);
    await expect(beloep).toBeFocused();
    await expect(beloep).toHaveAttribute("data-highlighted", "true");
    await expect(page.getByTestId("focused-field-notice")).toContainText("Inntekt 1 › Beløp");
  });

  test("lists A-meldinger and links to the builder", async ({ page }) => {
    await page.goto("/a-melding");
    await page.getByRole("link", { name: "Ny A-melding" }).click();
    await expect(page).toHaveURL(/\/a-melding\/ny$/);
    await expectNoAxeViolations(page);
  });
});

test.describe("A-melding builder, manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("is refused the builder", async ({ page }) => {
    await page.goto("/a-melding/ny");
    await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Send inn" })).toHaveCount(0);
    await page.goto("/a-melding");
    await expect(page.getByRole("link", { name: "Ny A-melding" })).toHaveCount(0);
  });
});
