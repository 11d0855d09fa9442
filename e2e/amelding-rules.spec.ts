import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { syntheticFodselsnummer } from "../lib/testing/amelding-generator";
import { storageStateFor } from "./fixtures";

/*
 * Checks before sending (docs/rules.md): the builder shows a control rule's finding beside its
 * field as it is typed; the server refuses the send for an Avvisning-level finding until the user
 * overrides it, naming the rule and a reason, and the override is in the audit log.
 */

const PERSON = "oppgave.virksomhet.0.inntektsmottaker.0";
const AF = `${PERSON}.arbeidsforhold.0`;
/** A synthetic sub-unit orgnr (mod-11 valid), not one of the demo organisations. */
const VIRKSOMHET = "310900451";
const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);

async function sendAndAnswerDeadline(page: Page, button: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  // The month due next may be close to its deadline: the builder then asks first.
  const deadline = page.getByTestId("deadline-confirm");
  if (await deadline.isVisible({ timeout: 2_000 }).catch(() => false))
    await deadline.getByRole("button", { name: "Send likevel" }).click();
}

test.describe("checks before sending, payroll administrator", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("shows a rule's finding on its field and sends only with an explicit, audited override", async ({ page }) => {
    test.slow();
    await page.goto("/a-melding/ny");
    await field(page, "opplysningspliktig.norskIdentifikator").selectOption("310900125");
    await field(page, "oppgave.virksomhet.0.norskIdentifikator").fill(VIRKSOMHET);
    await page.getByRole("button", { name: "Legg til inntektsmottaker", exact: true }).click();
    await field(page, `${PERSON}.norskIdentifikator`).fill(syntheticFodselsnummer());
    await field(page, `${PERSON}.identifiserendeInformasjon.navn`).fill("Ola Prøvestad");
    await page.getByRole("button", { name: "Legg til inntekt", exact: true }).click();
    await field(page, `${PERSON}.inntekt.0.beloep`).fill("40 000");
    await page.getByRole("button", { name: "Legg til forskuddstrekk", exact: true }).click();
    await field(page, `${PERSON}.forskuddstrekk.0.beloep`).fill("-7000");
    await page.getByRole("button", { name: "Legg til avgiftsgrunnlag", exact: true }).click();
    const aga = "oppgave.virksomhet.0.arbeidsgiveravgift.loennOgGodtgjoerelse.0";
    await field(page, `${aga}.sone`).selectOption("1");
    await field(page, `${aga}.avgiftsgrunnlagBeloep`).fill("40000");

    // Wages without an employment: found as it is typed (Øyeblikkelig, a warning).
    const checks = page.getByTestId("rule-checks");
    await expect(checks.getByTestId("rule-hit-incomeWithoutEmployment")).toContainText("MAGNET_EDAG-219");

    await page.getByRole("button", { name: "Legg til arbeidsforhold", exact: true }).click();
    await field(page, `${AF}.typeArbeidsforhold`).selectOption("ordinaertArbeidsforhold");
    await field(page, `${AF}.arbeidsforholdId`).fill("AF-1");
    await field(page, `${AF}.startdato`).fill("2025-01-01");
    await field(page, `${AF}.yrke`).fill("2310109");
    await field(page, `${AF}.arbeidstidsordning`).selectOption("ikkeSkift");
    await field(page, `${AF}.stillingsprosent`).fill("100");
    await field(page, `${AF}.antallTimerPerUkeSomEnFullStillingTilsvarer`).fill("37,5");
    // No form of employment: MAGNET_EDAG-291, which we treat as Avvisning.
    await field(page, `${AF}.formForAnsettelse`).selectOption("");
    await expect(checks.getByTestId("rule-hit-incomeWithoutEmployment")).toHaveCount(0);
    const hit = checks.getByTestId("rule-hit-employmentFormMissing");
    await expect(hit).toContainText("MAGNET_EDAG-291");
    await expect(hit).toContainText("Avvisning");
    await expect(hit.getByRole("link")).toHaveAttribute("href", `#field-${AF}.formForAnsettelse`);

    // The server refuses the send and marks the field.
    await sendAndAnswerDeadline(page, "Send inn");
    const override = page.getByTestId("rule-override");
    await expect(override).toBeVisible();
    await expect(page).toHaveURL(/\/a-melding\/ny/);
    await expect(field(page, `${AF}.formForAnsettelse`)).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("main")).toContainText("Form for ansettelse (fast eller midlertidig) mangler.");
    await expect(override).toContainText("MAGNET_EDAG-291");
    const sendAnyway = override.getByRole("button", { name: "Send tross funnene" });
    await expect(sendAnyway).toBeDisabled();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // Only with the rule confirmed and a reason.
    await override.getByRole("checkbox").check();
    await override.getByLabel("Begrunnelse (minst 10 tegn)").fill("Ansettelsesformen avklares med kunden");
    await sendAnyway.click();
    await expect(page).toHaveURL(/\/innsendinger\/[0-9a-f-]{36}$/);
    const submissionId = page.url().split("/").at(-1);

    await page.goto("/revisjonslogg");
    const entry = page
      .getByRole("row")
      .filter({ hasText: "Sendte A-melding forbi kontrollregler" })
      .filter({ has: page.locator(`a[href="/innsendinger/${submissionId}"]`) });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("admin@innrapportering.test");
  });
});
