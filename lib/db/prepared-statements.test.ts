import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { DbOrTx } from "@/lib/db/client";
import { connectTestDb } from "@/lib/testing/test-db";
import { MAX_PREPARED_PARAMETERS } from "./prepared-statements";
import { organisations } from "./schema";

const db = connectTestDb();

/** Statements prepared on the connection the handle runs on (a transaction keeps one connection). */
async function preparedOnConnection(tx: DbOrTx) {
  const rows = await tx.execute<{ statement: string }>(sql`select statement from pg_prepared_statements`);
  return rows.map((r) => r.statement);
}

describe("drizzle queries as prepared statements (real PostgreSQL)", () => {
  it("prepares a query inside a transaction and a nested transaction, and reuses it", async () => {
    const marker = `select-${crypto.randomUUID()}`;
    await db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await tx.select().from(organisations).where(eq(organisations.name, marker));
      await tx.transaction(async (nested) => {
        await nested.select({ orgnr: organisations.orgnr }).from(organisations).where(eq(organisations.name, marker));
      });
      const prepared = await preparedOnConnection(tx);
      const selects = prepared.filter((s) => s.includes('from "organisations" where "organisations"."name" = $1'));
      // Once for each distinct query, however often it ran.
      expect(selects).toHaveLength(2);
    });
  });

  it("leaves a query with a long, variable id list unprepared", async () => {
    const ids = Array.from({ length: MAX_PREPARED_PARAMETERS + 1 }, () => crypto.randomUUID());
    await db.transaction(async (tx) => {
      const found = await tx.select().from(organisations).where(inArray(organisations.id, ids));
      expect(found).toEqual([]);
      const prepared = await preparedOnConnection(tx);
      expect(prepared.some((s) => s.includes(`$${MAX_PREPARED_PARAMETERS + 1}`))).toBe(false);
    });
  });
});
