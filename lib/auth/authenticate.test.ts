import { describe, expect, it } from "vitest";
import {
  connectTestDb,
  createTestLoginThrottle,
  createTestUser,
  randomClientIp,
  uniqueEmail,
} from "@/lib/testing/test-db";
import { setUserActive } from "@/lib/users/queries";
import { authenticate } from "./authenticate";
import {
  ACCOUNT_FREE_FAILURES,
  ACCOUNT_MAX_DELAY_MS,
  FREE_FAILURES,
  IP_FAILURES,
  LOCK_SECONDS,
} from "./login-throttle";
import { hashPassword, verifyPassword } from "./password";

const db = connectTestDb();
const waits: number[] = [];
const throttle = createTestLoginThrottle({ wait: async (ms) => void waits.push(ms) });
const PASSWORD = "riktig-passord-123";

describe("authenticate (real PostgreSQL)", () => {
  it("signs in with the right password, case-insensitive e-mail", async () => {
    const u = await createTestUser(db, "support", await hashPassword(PASSWORD));
    const r = await authenticate(db, throttle, u.email.toUpperCase(), PASSWORD, randomClientIp());
    expect(r).toEqual({ ok: true, user: expect.objectContaining({ id: u.id, role: "support" }) });
  });

  it("answers the same 'invalid' for a wrong password, an unknown address and a deactivated account", async () => {
    const ip = randomClientIp();
    const u = await createTestUser(db, "admin", await hashPassword(PASSWORD));
    expect(await authenticate(db, throttle, u.email, "feil-passord-999", ip)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db, throttle, "finnes-ikke@innrapportering.test", PASSWORD, ip)).toEqual({
      ok: false,
      reason: "invalid",
    });
    const d = await createTestUser(db, "manager", await hashPassword(PASSWORD));
    await setUserActive(db, d.id, false);
    expect(await authenticate(db, throttle, d.email, PASSWORD, ip)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses accounts without a password (OIDC only)", async () => {
    const u = await createTestUser(db, "manager", null);
    expect(await authenticate(db, throttle, u.email, PASSWORD, randomClientIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});

describe("sign-in throttling (rate-limiter-flexible on real PostgreSQL)", () => {
  it("locks an account for the guessing address only: the owner elsewhere still gets in", async () => {
    const u = await createTestUser(db, "admin", await hashPassword(PASSWORD));
    const attacker = randomClientIp();
    for (let i = 1; i < FREE_FAILURES; i++) {
      expect(await authenticate(db, throttle, u.email, `wrong-password-${i}`, attacker)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await authenticate(db, throttle, u.email, "wrong-password-x", attacker)).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: LOCK_SECONDS,
    });
    // Even the right password is refused from the attacker's address…
    expect(await authenticate(db, throttle, u.email, PASSWORD, attacker)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    // …but not from the owner's.
    expect(await authenticate(db, throttle, u.email, PASSWORD, randomClientIp())).toMatchObject({ ok: true });
  });

  it("stops one client spraying a password across many addresses", async () => {
    const client = randomClientIp();
    const answers: string[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await authenticate(db, throttle, uniqueEmail("spray"), "Sommer2026!", client);
      answers.push(r.ok ? "ok" : r.reason);
    }
    expect(answers.slice(0, IP_FAILURES - 1)).toEqual(Array(IP_FAILURES - 1).fill("invalid"));
    expect(answers.slice(IP_FAILURES - 1)).toEqual(Array(30 - IP_FAILURES + 1).fill("throttled"));
    // The address is refused for every account, also with a right password; others are not.
    const u = await createTestUser(db, "support", await hashPassword(PASSWORD));
    expect(await authenticate(db, throttle, u.email, PASSWORD, client)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await authenticate(db, throttle, u.email, PASSWORD, randomClientIp())).toMatchObject({ ok: true });
  });

  it("slows guessing one account from many addresses with a growing delay, never refusing the owner", async () => {
    const u = await createTestUser(db, "manager", await hashPassword(PASSWORD));
    waits.length = 0;
    for (let i = 0; i < ACCOUNT_FREE_FAILURES + 30; i++) {
      expect(await authenticate(db, throttle, u.email, `guess-${i}`, randomClientIp())).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(waits.length).toBe(29);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(Math.max(...waits)).toBe(ACCOUNT_MAX_DELAY_MS);
    expect(await authenticate(db, throttle, u.email, PASSWORD, randomClientIp())).toMatchObject({ ok: true });
    // A successful sign-in ends the delay.
    waits.length = 0;
    await authenticate(db, throttle, u.email, "guess-after", randomClientIp());
    expect(waits).toEqual([]);
  });
});

describe("verifyPassword", () => {
  it("never accepts a missing hash, whatever the password", async () => {
    expect(await verifyPassword(null, "dummy-password-for-constant-time")).toBe(false);
  });
});
