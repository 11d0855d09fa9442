import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginAttempts } from "@/lib/db/schema";
import { setUserActive } from "@/lib/users/queries";
import { createTestUser, useTestDb } from "@/lib/testing/test-db";
import { authenticate } from "./authenticate";
import { FREE_FAILURES, lockSecondsAfter } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password";

const db = useTestDb();
const PASSWORD = "riktig-passord-123";

describe("authenticate (real PostgreSQL)", () => {
  it("signs in with the right password, case-insensitive e-mail", async () => {
    const u = await createTestUser(db, "support", await hashPassword(PASSWORD));
    const r = await authenticate(db, u.email.toUpperCase(), PASSWORD);
    expect(r).toEqual({ ok: true, user: expect.objectContaining({ id: u.id, role: "support" }) });
  });

  it("answers the same 'invalid' for a wrong password, an unknown address and a deactivated account", async () => {
    const u = await createTestUser(db, "admin", await hashPassword(PASSWORD));
    expect(await authenticate(db, u.email, "feil-passord-999")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db, "finnes-ikke@innrapportering.test", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    const d = await createTestUser(db, "manager", await hashPassword(PASSWORD));
    await setUserActive(db, d.id, false);
    expect(await authenticate(db, d.email, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses accounts without a password (OIDC only)", async () => {
    const u = await createTestUser(db, "manager", null);
    expect(await authenticate(db, u.email, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows repeated failures down: locks the address, even for the right password, then lets it in later", async () => {
    const u = await createTestUser(db, "admin", await hashPassword(PASSWORD));
    for (let i = 1; i < FREE_FAILURES; i++) {
      expect((await authenticate(db, u.email, "wrong-password-x")).ok).toBe(false);
    }
    const locked = await authenticate(db, u.email, "wrong-password-x");
    expect(locked).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: lockSecondsAfter(FREE_FAILURES) });
    const stillLocked = await authenticate(db, u.email, PASSWORD);
    expect(stillLocked.ok).toBe(false);
    expect(stillLocked).toMatchObject({ reason: "throttled" });
    // Expire the lock as time would.
    await db.update(loginAttempts).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(loginAttempts.key, u.email));
    expect((await authenticate(db, u.email, PASSWORD)).ok).toBe(true);
  });

  it("grows the lock time with each further failure, up to a cap", () => {
    expect(lockSecondsAfter(FREE_FAILURES - 1)).toBe(0);
    expect(lockSecondsAfter(FREE_FAILURES + 1)).toBe(2 * lockSecondsAfter(FREE_FAILURES));
    expect(lockSecondsAfter(100)).toBe(15 * 60);
  });
});

describe("verifyPassword", () => {
  it("never accepts a missing hash, whatever the password", async () => {
    expect(await verifyPassword(null, "dummy-password-for-constant-time")).toBe(false);
  });
});
