import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "@/lib/testing/isolated-db";
import { PreparingQueueDb } from "./queue-db";

let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;

beforeAll(async () => {
  isolated = await createIsolatedDatabase();
}, 60_000);
afterAll(async () => {
  await isolated.close();
});

describe("the queue's connection (PreparingQueueDb)", () => {
  it("survives the server ending an idle connection, and answers on a new one", async () => {
    const db = new PreparingQueueDb({ connectionString: isolated.url, max: 1 });
    try {
      const before = await db.executeSql("select pg_backend_pid() as pid, $1::int as n", [1]);
      const pid = before.rows[0].pid as number;
      // What a restart, a failover or the embedded server's shutdown does to an idle connection.
      const other = new PreparingQueueDb({ connectionString: isolated.url, max: 1 });
      await other.executeSql("select pg_terminate_backend($1::int)", [pid]);
      await other.close();
      // The pool hears of it on the idle connection; with nobody listening, that ended the process.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await db.executeSql("select pg_backend_pid() as pid, $1::int as n", [2]);
      expect(after.rows[0].n).toBe(2);
      expect(after.rows[0].pid).not.toBe(pid);
    } finally {
      await db.close();
    }
  });
});
