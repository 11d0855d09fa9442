import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SafeError } from "@/lib/actions/action-result";
import { auditLog, savedViews } from "@/lib/db/schema";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { SAVED_VIEWS_PER_USER_MAX, saveViewSchema } from "./saved-view-schema";
import { deleteView, listSavedViews, saveView } from "./saved-views";

const db = connectTestDb();

async function userWithOrg() {
  const user = await createTestUser(db, "manager");
  const org = await createTestOrganisation(db, user.id);
  return { user: { ...user, organisationIds: [org.id] }, org };
}

const save = (user: Parameters<typeof saveView>[1], input: Record<string, unknown>) =>
  db.transaction((tx) => saveView(tx, user, saveViewSchema.parse(input)));

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SafeError);
  return error as SafeError;
}

describe("saved views (real PostgreSQL)", () => {
  it("stores the filter as the list's parser reads it, audited in the same transaction", async () => {
    const { user, org } = await userWithOrg();
    const saved = await save(user, {
      list: "submissions",
      name: "  Trenger handling ",
      query: "status=failed&status=bogus&status=rejected&cursor=abc&__proto__=x&colour=red&kind=oar",
    });
    expect(saved.href).toBe("/innsendinger?status=rejected&status=failed&kind=oar");
    expect(await listSavedViews(db, user.id, "submissions")).toEqual([
      { id: saved.id, name: "Trenger handling", query: "status=rejected&status=failed&kind=oar" },
    ]);
    expect(await listSavedViews(db, user.id, "oppdrag")).toEqual([]);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "saved_view.create"), eq(auditLog.targetId, saved.id)));
    expect(entry).toMatchObject({
      actorId: user.id,
      targetType: "saved_view",
      organisationIds: [org.id],
      details: { list: "submissions", name: "Trenger handling", query: "status=rejected&status=failed&kind=oar" },
    });
  });

  it("is each user's own: another user neither sees nor deletes it", async () => {
    const { user } = await userWithOrg();
    const { user: other } = await userWithOrg();
    const saved = await save(user, { list: "oppdrag", name: "Mine", query: "status=draft" });
    expect(await listSavedViews(db, other.id, "oppdrag")).toEqual([]);
    expect((await refusal(db.transaction((tx) => deleteView(tx, other, saved.id)))).code).toBe("not_found");
    expect(await listSavedViews(db, user.id, "oppdrag")).toHaveLength(1);
    await db.transaction((tx) => deleteView(tx, user, saved.id));
    expect(await listSavedViews(db, user.id, "oppdrag")).toEqual([]);
    const audited = await db.select().from(auditLog).where(eq(auditLog.targetId, saved.id));
    expect(audited.map((e) => e.action).sort()).toEqual(["saved_view.create", "saved_view.delete"]);
  });

  it("is bounded: name length, one name per list, count per user, and no personal number in the search", async () => {
    const { user } = await userWithOrg();
    expect(saveViewSchema.safeParse({ list: "submissions", name: "x".repeat(61), query: "" }).success).toBe(false);
    expect(saveViewSchema.safeParse({ list: "submissions", name: "x", query: "q=".padEnd(2001, "a") }).success).toBe(
      false,
    );
    expect(saveViewSchema.safeParse({ list: "elsewhere", name: "x", query: "" }).success).toBe(false);

    await save(user, { list: "submissions", name: "A", query: "kind=oar" });
    const taken = await refusal(save(user, { list: "submissions", name: "A", query: "kind=amelding" }));
    expect(taken.fieldErrors).toEqual({ name: ["savedViews.nameTaken"] });

    const fnr = await refusal(save(user, { list: "submissions", name: "Person", query: "q=010190%2012345" }));
    expect(fnr.messageKey).toBe("savedViews.personalNumber");

    for (let i = 1; i < SAVED_VIEWS_PER_USER_MAX; i++) await save(user, { list: "oppdrag", name: `V${i}`, query: "" });
    const tooMany = await refusal(save(user, { list: "oppdrag", name: "One more", query: "" }));
    expect(tooMany.messageKey).toBe("savedViews.tooMany");
    const rows = await db.select().from(savedViews).where(eq(savedViews.userId, user.id));
    expect(rows).toHaveLength(SAVED_VIEWS_PER_USER_MAX);
  });
});
