import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { auditLog, type Role } from "@/lib/db/schema";
import nb from "@/lib/i18n/messages/nb.json";
import { createSubmission } from "@/lib/submissions/operations/operations";
import { storeAuditEntry } from "@/lib/testing/audit-entries";
import { parseCsvRecords } from "@/lib/testing/parse-csv";
import { testPayload } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { testTranslator } from "@/lib/testing/test-translator";
import { parseAuditListFilter } from "./audit-filter";
import { auditActionLabel } from "./audit-labels";
import { startAuditExport } from "./export-csv";
import { auditScopeFor, listAuditEntries } from "./queries";

const db = connectTestDb();
const t = testTranslator();
const H = nb.auditLog.csv;

async function asUser(role: Role, organisationIds: string[]): Promise<CurrentUser> {
  const u = await createTestUser(db, role);
  return { id: u.id, email: u.email, name: `Test ${role}`, role, organisationIds };
}

/** An organisation with a few entries by two actors, one of them about a submission, with a secret in its details. */
async function seed() {
  const alice = await createTestUser(db, "admin");
  const bob = await createTestUser(db, "admin");
  const org = await createTestOrganisation(db, alice.id);
  const other = await createTestOrganisation(db, null);
  const secret = `hemmelig-${randomUUID()}`;
  const sub = await db.transaction((tx) =>
    createSubmission(tx, alice, {
      organisationId: org.id,
      kind: "amelding",
      subject: "2026-10",
      payload: testPayload("amelding"),
      queue: false,
    }),
  );
  await storeAuditEntry(db, bob, {
    action: "organisation.create",
    targetType: "organisation",
    targetId: org.id,
    organisationIds: [org.id],
    details: { note: secret },
  });
  await storeAuditEntry(db, alice, {
    action: "user.update",
    targetType: "user",
    targetId: bob.id,
    organisationIds: [org.id, other.id],
    details: { role: "admin", marker: org.id },
  });
  await storeAuditEntry(db, bob, {
    action: "organisation.create",
    targetType: "organisation",
    targetId: other.id,
    organisationIds: [other.id],
  });
  // Spread the entries over time so the range filter has something to separate.
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(inArray(auditLog.organisationId, [org.id]))
    .orderBy(auditLog.id);
  await db
    .update(auditLog)
    .set({ createdAt: new Date("2026-01-10T08:00:00Z") })
    .where(eq(auditLog.id, rows[0]!.id));
  await db
    .update(auditLog)
    .set({ createdAt: new Date("2026-03-10T08:00:00Z") })
    .where(eq(auditLog.id, rows[1]!.id));
  return { alice, bob, org, other, secret, submissionId: sub.submissionId };
}

describe("audit log filters and details (real PostgreSQL)", () => {
  it("filters by action, actor, target type, organisation, time range and target id, and pages by keyset", async () => {
    const s = await seed();
    const scope = { organisationIds: [s.org.id], includeDetails: true };
    const list = async (q: Record<string, string>) =>
      (await listAuditEntries(db, scope, parseAuditListFilter({ org: s.org.id, ...q }))).rows;

    expect((await list({})).map((r) => r.action)).toEqual(["organisation.create", "submission.create_draft"]);
    expect((await list({ action: "submission.create_draft" })).map((r) => r.targetId)).toEqual([s.submissionId]);
    expect((await list({ actor: s.bob.email.toUpperCase() })).map((r) => r.action)).toEqual(["organisation.create"]);
    expect(await list({ target: "user" })).toEqual([]);
    expect((await list({ from: "2026-02-01", to: "2026-03-10T09:00" })).map((r) => r.action)).toEqual([
      "organisation.create",
    ]);
    expect((await list({ to: "2026-01-10" })).map((r) => r.action)).toEqual(["submission.create_draft"]);
    expect((await list({ q: s.submissionId })).map((r) => r.action)).toEqual(["submission.create_draft"]);

    const sub = (await list({ q: s.submissionId }))[0]!;
    expect([sub.targetSubmissionKind, sub.targetSubmissionSubject]).toEqual(["amelding", "2026-10"]);
    // The entry about bob concerns both organisations: only a reader with both sees it.
    expect((await listAuditEntries(db, scope, parseAuditListFilter({ q: s.bob.id }))).rows).toEqual([]);
    const bothScope = { organisationIds: [s.org.id, s.other.id], includeDetails: true };
    const userEntry = (await listAuditEntries(db, bothScope, parseAuditListFilter({ q: s.bob.id }))).rows[0]!;
    expect(userEntry.targetUserEmail).toBe(s.bob.email);

    const first = await listAuditEntries(db, scope, parseAuditListFilter({ org: s.org.id }), { limit: 1 });
    expect(first.nextBefore).not.toBeNull();
    const second = await listAuditEntries(
      db,
      scope,
      parseAuditListFilter({ org: s.org.id, before: String(first.nextBefore) }),
      { limit: 1 },
    );
    expect([...first.rows, ...second.rows].map((r) => r.action)).toEqual([
      "organisation.create",
      "submission.create_draft",
    ]);
    expect(second.nextBefore).toBeNull();
  });

  it("gives a reader without audit:read_details no details, and no search inside them", async () => {
    const s = await seed();
    const manager = await asUser("manager", [s.org.id]);
    const support = await asUser("support", [s.org.id]);
    const managerRows = (await listAuditEntries(db, auditScopeFor(manager), parseAuditListFilter({ org: s.org.id })))
      .rows;
    expect(managerRows).toHaveLength(2);
    expect(managerRows.every((r) => r.details === null)).toBe(true);
    expect((await listAuditEntries(db, auditScopeFor(manager), parseAuditListFilter({ q: s.secret }))).rows).toEqual(
      [],
    );

    const supportRows = (await listAuditEntries(db, auditScopeFor(support), parseAuditListFilter({ q: s.secret })))
      .rows;
    expect(supportRows.map((r) => r.details)).toEqual([{ note: s.secret }]);
  });

  it("exports the filtered entries as CSV, with a details column only for those who may read details, and records the export", async () => {
    const s = await seed();
    const manager = await asUser("manager", [s.org.id]);
    const support = await asUser("support", [s.org.id]);

    const managerExport = await startAuditExport(db, manager, parseAuditListFilter({ org: s.org.id }), t);
    const managerRows = parseCsvRecords(await new Response(managerExport.stream).text());
    expect(managerRows.map((r) => r[H.actionCode])).toEqual(["organisation.create", "submission.create_draft"]);
    expect(managerRows[0]![H.action]).toBe("Opprettet organisasjon");
    expect(managerRows[1]![H.target]).toBe("A-melding 2026-10");
    expect(Object.keys(managerRows[0]!)).not.toContain(H.details);
    expect(JSON.stringify(managerRows)).not.toContain(s.secret);

    const supportExport = await startAuditExport(
      db,
      support,
      parseAuditListFilter({ org: s.org.id, action: "organisation.create" }),
      t,
    );
    const supportRows = parseCsvRecords(await new Response(supportExport.stream).text());
    expect(supportRows).toHaveLength(1);
    expect(JSON.parse(supportRows[0]![H.details]!)).toEqual({ note: s.secret });

    const recorded = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "audit.exported"), inArray(auditLog.actorId, [manager.id, support.id])));
    expect(
      recorded.map((r) => [
        r.actorId,
        (r.details as { rowCount: number }).rowCount,
        (r.details as { includesDetails: boolean }).includesDetails,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [manager.id, 2, false],
        [support.id, 1, true],
      ]),
    );
    expect(recorded.every((r) => r.organisationId === s.org.id)).toBe(true);
  });

  it("shows an unknown action by its raw name", () => {
    expect(auditActionLabel(t, "user.create")).toBe("Opprettet bruker");
    expect(auditActionLabel(t, "something.new")).toBe("something.new");
  });
});
