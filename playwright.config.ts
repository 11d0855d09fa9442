import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Debian's chromium when installed (Playwright cannot download its own browser here), else
// Playwright's own browser on machines that have it.
function systemChromium(): string | undefined {
  try {
    return execSync("command -v chromium", { encoding: "utf8", shell: "/bin/sh" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

// Set once in the main process; workers inherit the environment, so all agree on the values.
process.env.E2E_PORT ??= "3100";
process.env.E2E_PG_PORT ??= String(55000 + Math.floor(Math.random() * 5000));
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "innrapportering-e2e-"));
process.env.E2E_DEMO_PASSWORD ??= randomBytes(12).toString("base64url");
process.env.E2E_SANDBOX_PORT ??= String(45000 + Math.floor(Math.random() * 5000));

const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
const executablePath = systemChromium();

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: /phone\.spec\.ts/ },
    // The main journeys, axe over every page and the menu again at a phone's width: the tests
    // tagged @phone (a journey's title ends in it), not every spec, to keep the run short.
    {
      name: "phone",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      },
      dependencies: ["setup"],
      grep: /@phone/,
      // Journeys end to end, each run twice in one suite: room for a loaded CI machine.
      timeout: 120_000,
      expect: { timeout: 15_000 },
    },
  ],
  webServer: {
    command: "npm start",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: process.env.E2E_PORT,
      DATA_DIR: process.env.E2E_DATA_DIR,
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT,
      DEMO_PASSWORD: process.env.E2E_DEMO_PASSWORD,
      APP_MODE: "sandbox",
      SANDBOX_MASKINPORTEN_PORT: process.env.E2E_SANDBOX_PORT,
      SANDBOX_SKATTEETATEN_PORT: String(Number(process.env.E2E_SANDBOX_PORT) + 1),
      SANDBOX_ALTINN_PORT: String(Number(process.env.E2E_SANDBOX_PORT) + 2),
      SANDBOX_MAIL_SMTP_PORT: String(Number(process.env.E2E_SANDBOX_PORT) + 3),
      SANDBOX_MAIL_WEB_PORT: String(Number(process.env.E2E_SANDBOX_PORT) + 4),
      // Notification e-mails are looked for every second (e2e/notifications.spec.ts).
      NOTIFICATION_MAIL_POLL_SECONDS: "1",
      // The deadline scan, every few seconds, finds clients seeded by e2e/control-tower.spec.ts.
      NOTIFICATION_SCAN_SECONDS: "3",
      // Two working days before the deadline of November 2026's A-melding (7 December).
      SANDBOX_TODAY: "2026-12-03",
      DELIVERY_RECONCILE_SECONDS: "1",
      // Accepted months are reconciled within seconds (e2e/reconciliation.spec.ts).
      RECONCILIATION_POLL_SECONDS: "2",
      // A persistent sandbox fault ends in "failed" after two attempts (seconds, not minutes).
      DELIVERY_MAX_ATTEMPTS: "2",
    },
  },
});
