import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createLoginThrottle } from "@/lib/auth/login-throttle";
import { createDb, type DbOrTx } from "@/lib/db/client";
import type { Role } from "@/lib/db/schema";
import { insertOrganisation } from "@/lib/organisations/queries";
import { insertPreapprovedSystemUser } from "@/lib/system-users/queries";
import { insertUser } from "@/lib/users/queries";
import { syntheticOrgnr } from "@/lib/validation/orgnr";

/** A connection to the shared test database, closed after the file's tests. */
export function connectTestDb() {
  const { db, sql } = createDb(inject("databaseUrl"), { max: 4 });
  afterAll(() => sql.end());
  return db;
}

/** The sign-in throttle on the shared test database; `wait` replaces the account delay's sleep. */
export function createTestLoginThrottle(options: { wait?: (ms: number) => Promise<unknown> } = {}) {
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  afterAll(() => pool.end());
  return createLoginThrottle(pool, options);
}

/** A random client address in a documentation range, so parallel test files never share one. */
export function randomClientIp() {
  return `198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
}

/** A random valid synthetic orgnr in the 3xx test range, so parallel test files never collide. */
export const randomOrgnr = syntheticOrgnr;

export function uniqueEmail(prefix = "user") {
  return `${prefix}-${randomUUID().slice(0, 8)}@innrapportering.test`;
}

export async function createTestUser(db: DbOrTx, role: Role, passwordHash: string | null = null) {
  const email = uniqueEmail(role);
  const row = await insertUser(db, { email, name: `Test ${role}`, role, passwordHash });
  return { id: row!.id, email, role };
}

/**
 * An organisation granted to `grantTo`. By default it has an accepted system user, so reports
 * for it may be queued; `systemUser: "none"` gives one that is not onboarded yet.
 */
export async function createTestOrganisation(
  db: DbOrTx,
  grantTo: string | null = null,
  options: { systemUser?: "accepted" | "none" } = {},
) {
  const row = await insertOrganisation(
    db,
    { orgnr: randomOrgnr(), name: `Testorg ${randomUUID().slice(0, 6)}` },
    grantTo,
  );
  if ((options.systemUser ?? "accepted") === "accepted") await insertPreapprovedSystemUser(db, row!.id);
  return row!;
}
