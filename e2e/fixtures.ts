import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { orgnrCheckDigit } from "../lib/validation/orgnr";

export const DEMO = {
  admin: { email: "admin@innrapportering.test", name: "Ada Lønnsansvarlig", roleLabel: "Lønnsadministrator" },
  support: { email: "support@innrapportering.test", name: "Sindre Brukerstøtte", roleLabel: "Brukerstøtte" },
  manager: { email: "leder@innrapportering.test", name: "Marte Leder", roleLabel: "Leder" },
} as const;
export type DemoRole = keyof typeof DEMO;

/** The pages each demo role may open from the navigation. */
export const PAGES_BY_ROLE: Record<DemoRole, string[]> = {
  admin: [
    "/",
    "/tavle",
    "/innsendinger",
    "/feil",
    "/oppdrag",
    "/oppdrag/ny",
    "/a-melding",
    "/a-melding/ny",
    "/a-melding/importer",
    "/a-melding/frister",
    "/a-melding/betalinger",
    "/organisasjoner",
    "/revisjonslogg",
    "/maskinporten",
    "/brukere",
    "/api-nokler",
    "/webhooks",
    "/varsler",
  ],
  support: ["/", "/innsendinger", "/feil", "/revisjonslogg", "/maskinporten", "/organisasjoner"],
  manager: [
    "/",
    "/tavle",
    "/innsendinger",
    "/feil",
    "/a-melding/frister",
    "/a-melding/betalinger",
    "/revisjonslogg",
    "/organisasjoner",
    "/varsler",
  ],
};

/** The page as it stands has no axe violation; each is named by its rule and elements, with the page's address. */
export async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    page.url(),
  ).toEqual([]);
}

/** A synthetic orgnr in the 3xx test range with a valid mod-11 check digit (docs/domain.md, "Organisasjonsnummer"). */
export function newOrgnr(): string {
  for (;;) {
    const first = `3${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    const digit = orgnrCheckDigit(first);
    if (digit !== null) return `${first}${digit}`;
  }
}

export const demoPassword = () => process.env.E2E_DEMO_PASSWORD!;
export const storageStateFor = (role: DemoRole) => path.join(process.env.E2E_DATA_DIR!, `state-${role}.json`);

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn" }).click();
}

/**
 * The id Next gave a server action in this build, so a test can call it directly the way a
 * hand-crafted request would, bypassing every check the UI makes.
 */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const entry = Object.entries(manifest.node).find(
    ([, v]) => v.filename === filename && v.exportedName === exportedName,
  );
  if (!entry) throw new Error(`No server action ${exportedName} in ${filename}`);
  return entry[0];
}

export async function callServerAction(
  request: APIRequestContext,
  pagePath: string,
  actionId: string,
  args: unknown[],
) {
  const res = await request.post(pagePath, {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(args),
  });
  expect(res.status()).toBe(200);
  return res.text();
}
