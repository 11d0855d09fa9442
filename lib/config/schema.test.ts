import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { altinnSystemId, configuredEndpoints, deliveryRuntimeSettings } from "./derived";
import { SANDBOX_DEFAULTS } from "./sandbox-defaults";
import { CONFIG_VARIABLES, ConfigError, parseConfig } from "./schema";

describe("the configuration schema", () => {
  it("documents every variable in .env.example, and .env.example holds no other", () => {
    const example = readFileSync(path.resolve(__dirname, "../../.env.example"), "utf8");
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("gives every setting its default when nothing is set", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      APP_MODE: "sandbox",
      PORT: 3000,
      EMBEDDED_PG_PORT: 54329,
      SANDBOX_MASKINPORTEN_PORT: SANDBOX_DEFAULTS.maskinportenPort,
      MASKINPORTEN_TIMEOUT_MS: 10_000,
      DELIVERY_TIMEOUT_SECONDS: 30,
    });
    expect(configuredEndpoints(config).maskinportenIssuer).toBe(
      `http://${SANDBOX_DEFAULTS.host}:${SANDBOX_DEFAULTS.maskinportenPort}/`,
    );
  });

  it("counts empty values as unset and ignores variables it does not know", () => {
    expect(parseConfig({ PORT: "", DELIVERY_CONCURRENCY: "  ", PATH: "/usr/bin" })).toMatchObject({
      PORT: 3000,
      DELIVERY_CONCURRENCY: 20,
    });
  });

  it("names the variable at fault and never echoes its value", () => {
    const secret = "too-short-secret-value";
    let error: unknown;
    try {
      parseConfig({ AUTH_SECRET: secret });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe("AUTH_SECRET");
    expect((error as Error).message).toMatch(/^AUTH_SECRET is invalid/);
    expect((error as Error).message).not.toContain(secret);
    expect(() => parseConfig({ DELIVERY_CONCURRENCY: "many" })).toThrow(/^DELIVERY_CONCURRENCY is invalid/);
    expect(() => parseConfig({ APP_MODE: "staging" })).toThrow(/^APP_MODE is invalid/);
  });

  it("derives the engine's timings in milliseconds from the settings in seconds", () => {
    const settings = deliveryRuntimeSettings(
      parseConfig({ DELIVERY_TIMEOUT_SECONDS: "12", DELIVERY_RECONCILE_SECONDS: "0.5", FEEDBACK_MAX_WAIT_HOURS: "2" }),
    );
    expect(settings).toMatchObject({
      requestTimeoutMs: 12_000,
      reconcileIntervalMs: 500,
      leaseMs: 90_000,
      maxAttempts: 6,
    });
    expect(settings.feedback).toMatchObject({ pollMs: 3_000, maxWaitMs: 2 * 3600_000 });
  });

  it("defaults the Altinn system id to the sandbox's demo system in sandbox mode only", () => {
    expect(altinnSystemId(parseConfig({}))).toBe(SANDBOX_DEFAULTS.systemId);
    expect(altinnSystemId(parseConfig({ APP_MODE: "test" }))).toBeUndefined();
    expect(altinnSystemId(parseConfig({ APP_MODE: "production", ALTINN_SYSTEM_ID: "912345678_payroll" }))).toBe(
      "912345678_payroll",
    );
  });
});
