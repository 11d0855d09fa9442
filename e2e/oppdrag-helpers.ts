import { expect, type Page } from "@playwright/test";

const SANDBOX = () => `http://127.0.0.1:${Number(process.env.E2E_SANDBOX_PORT) + 1}`;

/** Replaces the sandbox Skatteetaten's faults (an empty list clears them). */
export async function setSandboxFaults(faults: unknown[]) {
  const res = await fetch(`${SANDBOX()}/__control/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(faults),
  });
  expect(res.ok).toBe(true);
}

export const DEMO_OPPDRAGSGIVER = { name: "Fjellvind Bygg AS", orgnr: "310900125" };
export const NORDLYS = { name: "Nordlys Offshore AS", orgnr: "310900346" };

/** What the sandbox Skatteetaten processed, with each body as it arrived on the wire. */
export async function receivedBySandbox(api: "oar" | "amelding"): Promise<{ forsendelseId: string; body: any }[]> {
  const res = await fetch(`${SANDBOX()}/__control/received?api=${api}`);
  expect(res.ok).toBe(true);
  return res.json();
}

/**
 * Fills /oppdrag/ny with a valid oppdrag reported for `organisation` (a demo organisation unless
 * told). The oppdragsgiver is left as the form fills it in from "Rapporterer for". A field left
 * blurs into the next and autosaves the draft (components/forms/use-action-form.ts), so a test that
 * needs another start date passes it here: a date typed over afterwards has been saved once.
 */
export async function fillValidOppdrag(
  page: Page,
  overrides: {
    startdato?: string;
    sluttdato?: string;
    verdi?: string;
    organisation?: { name: string; orgnr: string };
  } = {},
) {
  const org = overrides.organisation ?? DEMO_OPPDRAGSGIVER;
  await page.getByLabel("Rapporterer for", { exact: true }).selectOption({ label: `${org.name} (${org.orgnr})` });
  const giver = page.locator("section", { has: page.getByRole("heading", { name: "Oppdragsgiver" }) });
  await expect(giver.getByLabel("Navn", { exact: true })).toHaveValue(org.name);
  await expect(giver.getByLabel("Organisasjonsnummer", { exact: true })).toHaveValue(org.orgnr);
  const taker = page.locator("section", { has: page.getByRole("heading", { name: "Oppdragstaker" }) });
  await taker.getByLabel("Har ikke norsk organisasjonsnummer").check();
  await taker.getByLabel("Navn", { exact: true }).fill("Baltic Steel UAB");
  await taker.getByLabel("Utenlandsk identifikasjon (registreringsnummer)").fill("LT-300400");
  await taker.getByLabel("Adresse", { exact: true }).fill("Gatve 1");
  await taker.getByLabel("Poststed").fill("Vilnius");
  await taker.getByLabel("Land", { exact: true }).selectOption("LT");
  const oppdrag = page.locator("section", { has: page.getByRole("heading", { name: "Oppdraget" }) });
  await oppdrag.getByLabel("Beskrivelse av arbeidet").fill("Montering av stålkonstruksjoner");
  await oppdrag.getByLabel("Adresse", { exact: true }).fill("Kaia 2");
  await oppdrag.getByLabel("Postnummer").fill("5003");
  await oppdrag.getByLabel("Poststed").fill("Bergen");
  await oppdrag.getByLabel("Startdato").fill(overrides.startdato ?? "2026-11-02");
  await oppdrag.getByLabel("Forventet sluttdato").fill(overrides.sluttdato ?? "2027-03-31");
  await oppdrag.getByLabel("Kontraktsverdi (NOK)").fill(overrides.verdi ?? "450 000");
}
