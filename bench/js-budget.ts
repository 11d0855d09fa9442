/**
 * First-load JavaScript budget. Starts the built product the way `npm start` does (scripts/start.ts)
 * on its own ports and data folder, signs in as each demo role, and opens every page the role has
 * (e2e/fixtures.ts, PAGES_BY_ROLE), one submission's detail page and the sign-in page, each in a
 * fresh browser context (cold cache) in Chromium. Sums the JavaScript the page loads until the
 * network is idle: gzip size of each script (what a compressing server sends; computed here, so the
 * figure does not depend on the server's settings) and the bytes actually transferred. Prints a
 * table with pass/fail against the budget and exits non-zero when a page is over it.
 *   npm run build && npm run bench:js [-- --port 3390 --budget-kb 200]
 */
import { execSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { type Browser, chromium } from "@playwright/test";
import { leveranse } from "@/e2e/amelding-helpers";
import { DEMO, type DemoRole, PAGES_BY_ROLE, signIn } from "@/e2e/fixtures";
import { startBuiltProduct } from "./built-product";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "3390" },
    "budget-kb": { type: "string", default: "200" },
    // Only this role's pages; and list every script of every page, not only of those over budget.
    role: { type: "string" },
    verbose: { type: "boolean", default: false },
  },
});
const PORT = Number(args.port);
const BUDGET_BYTES = Number(args["budget-kb"]) * 1024;
const BASE = `http://127.0.0.1:${PORT}`;

type Measurement = {
  role: DemoRole | "anonymous";
  route: string;
  scripts: number;
  gzipBytes: number;
  transferredBytes: number;
  /** Largest first. */
  loaded: { url: string; gzipBytes: number }[];
};

function systemChromium(): string | undefined {
  try {
    return execSync("command -v chromium", { encoding: "utf8", shell: "/bin/sh" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Opens `route` in a new context (empty cache) and sums the scripts it loads. */
async function measure(
  browser: Browser,
  role: Measurement["role"],
  route: string,
  storageState?: string,
): Promise<Measurement> {
  const context = await browser.newContext({ baseURL: BASE, storageState });
  const page = await context.newPage();
  type Script = { url: string; gzipBytes: number; transferredBytes: number };
  const scripts: Promise<Script | null>[] = [];
  page.on("response", (response) => {
    const request = response.request();
    const isScript = request.resourceType() === "script" || new URL(response.url()).pathname.endsWith(".js");
    if (!isScript || response.status() !== 200) return;
    scripts.push(
      (async () => {
        const body = await response.body();
        const sizes = await request.sizes();
        return {
          url: new URL(response.url()).pathname,
          gzipBytes: gzipSync(body).length,
          transferredBytes: sizes.responseBodySize + sizes.responseHeadersSize,
        };
      })().catch((error: unknown) => {
        console.warn(`  could not read ${response.url()}: ${error instanceof Error ? error.message : error}`);
        return null;
      }),
    );
  });
  const answer = await page.goto(route, { waitUntil: "networkidle" });
  if (!answer || answer.status() >= 400) throw new Error(`${route} as ${role} answered ${answer?.status()}`);
  // A chunk a component imports after hydration (e.g. the chart) counts: the page needs it. On a
  // busy machine hydration can outlast the network's quiet, so wait until no script came for 2 s.
  for (let seen = -1; seen !== scripts.length; ) {
    seen = scripts.length;
    await page.waitForTimeout(2000);
    await page.waitForLoadState("networkidle");
  }
  const loaded = (await Promise.all(scripts)).filter((x): x is Script => x !== null);
  await context.close();
  return {
    role,
    route,
    scripts: loaded.length,
    gzipBytes: loaded.reduce((n, s) => n + s.gzipBytes, 0),
    transferredBytes: loaded.reduce((n, s) => n + s.transferredBytes, 0),
    loaded: loaded.sort((a, b) => b.gzipBytes - a.gzipBytes),
  };
}

async function main() {
  const product = await startBuiltProduct(PORT, "js");
  const { dataDir, password } = product;
  let browser: Browser | undefined;
  const results: Measurement[] = [];
  try {
    await product.healthy();
    browser = await chromium.launch({ executablePath: systemChromium(), args: ["--no-sandbox", "--disable-gpu"] });
    results.push(await measure(browser, "anonymous", "/login"));
    const roles = (Object.keys(PAGES_BY_ROLE) as DemoRole[]).filter((r) => !args.role || r === args.role);
    const states = new Map<DemoRole, string>();
    for (const role of Object.keys(PAGES_BY_ROLE) as DemoRole[]) {
      const state = path.join(dataDir, `state-${role}.json`);
      const context = await browser.newContext({ baseURL: BASE });
      const page = await context.newPage();
      await signIn(page, DEMO[role].email, password);
      await page.getByTestId("signed-in-user").waitFor({ timeout: 30_000 });
      await context.storageState({ path: state });
      await context.close();
      states.set(role, state);
    }
    // A fresh database has no submissions: one A-melding, sent as the e2e tests send one, gives
    // every role a detail page (with its attempt timeline) to load.
    const admin = await browser.newContext({ baseURL: BASE, storageState: states.get("admin") });
    const imported = await admin.request.post("/api/amelding/import?intent=submit", {
      data: JSON.stringify({ leveranse: leveranse() }),
      headers: { "Content-Type": "application/json" },
    });
    const { submissionId } = (await imported.json()) as { submissionId: string };
    await admin.close();
    for (const role of roles) {
      for (const route of [...PAGES_BY_ROLE[role], `/innsendinger/${submissionId}`]) {
        const m = await measure(browser, role, route, states.get(role));
        results.push(route.endsWith(submissionId) ? { ...m, route: "/innsendinger/[id]" } : m);
      }
    }
  } finally {
    await browser?.close();
    await product.stop();
  }

  const kb = (n: number) => (n / 1024).toFixed(1);
  const header = ["route", "role", "scripts", "JS gzip KB", "transferred KB", `≤ ${kb(BUDGET_BYTES)} KB`];
  const rows = results.map((m) => [
    m.route,
    m.role,
    String(m.scripts),
    kb(m.gzipBytes),
    kb(m.transferredBytes),
    m.gzipBytes <= BUDGET_BYTES ? "pass" : "FAIL",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r));
  const over = results.filter((m) => m.gzipBytes > BUDGET_BYTES);
  for (const m of args.verbose ? results : over) {
    console.log(`\n${m.route} (${m.role}) ${args.verbose ? "scripts" : "largest scripts"}:`);
    for (const s of args.verbose ? m.loaded : m.loaded.slice(0, 3)) console.log(`  ${kb(s.gzipBytes)} KB  ${s.url}`);
  }
  console.log(`\nroutes within budget: ${results.length - over.length}/${results.length}`);
  if (over.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
