import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `npm test` (and CI) must fail when a test fails. With the project's own configuration (its
 * global setup starts an embedded PostgreSQL), a failing test must give the runner a non-zero
 * exit code; see loadEmbeddedPostgres in lib/db/embedded.ts for what once turned it into 0.
 */
describe("the test runner", () => {
  it("exits with a failure code when a test fails", () => {
    const vitest = path.resolve("node_modules/.bin/vitest");
    const run = spawnSync(vitest, ["run", "--config", "lib/testing/fixtures/failing-suite.config.ts"], {
      encoding: "utf8",
      env: { ...process.env, CI: "true", TEST_DATABASE_URL: "" },
      timeout: 120_000,
    });
    expect(`${run.stdout}${run.stderr}`).toMatch(/1 failed/);
    expect(run.status).not.toBe(0);
  }, 150_000);
});
