import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { SafeError } from "@/lib/actions/action-result";
import { osloDate, shiftMonth } from "@/lib/amelding/deadlines";
import { saveAmelding } from "@/lib/amelding/save-amelding";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { boardFilterSchema } from "@/lib/board/board-filter";
import type { DbOrTx } from "@/lib/db/client";
import {
  ameldingReconciliations,
  apiKeys,
  auditLog,
  organisationAccessHealth,
  submissions,
  submissionVersions,
} from "@/lib/db/schema";
import type { ReconciliationState } from "@/lib/reconciliation/differences";
import { answer, createDefineRoute } from "@/lib/routes/route-handler";
import { generateLeveranse } from "@/lib/testing/amelding-generator";
import { testOppdrag } from "@/lib/testing/report-fixtures";
import { connectTestDb, createTestOrganisation, createTestUser } from "@/lib/testing/test-db";
import { createApiRateLimiter } from "./rate-limit";
import { boardForApi } from "./v1/board";
import {
  attemptListSchema,
  boardSchema,
  correctedVersionSchema,
  createdSchema,
  createSubmissionSchema,
  submissionDetailSchema,
  submissionFeedbackSchema,
  submissionIdParams,
} from "./v1/schemas";
import { createFromApi, findApiSubmission, newVersionFromApi, submitDraftFromApi } from "./v1/submissions";

const db = connectTestDb();
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());

/** The wrapper as the app builds it (lib/routes/define-route.ts), on the test database, with a limit per test. */
function routes(perMinute = 1_000) {
  const limiter = createApiRateLimiter(pool, perMinute);
  const defineRoute = createDefineRoute({ currentUser: async () => null, db: () => db, apiRateLimiter: () => limiter });
  // The handlers of app/api/v1/submissions/**/route.ts, through the operations they call.
  const created = (r: { submissionId: string; queued: boolean; awaitingApproval: boolean }) =>
    answer(
      {
        submissionId: r.submissionId,
        status: r.queued ? ("queued" as const) : ("draft" as const),
        awaitingApproval: r.awaitingApproval,
      },
      { status: 201 },
    );
  const find = async (db: DbOrTx, id: string, organisationIds: string[]) => {
    const found = await findApiSubmission(db, id, organisationIds);
    if (!found) throw new SafeError("not_found", "errors.notFound");
    return found;
  };
  const create = defineRoute(
    {
      name: "t-create",
      access: { apiKey: { scope: "submit" } },
      idempotent: true,
      body: { schema: createSubmissionSchema, maxBytes: 1_000_000 },
      output: createdSchema,
    },
    async ({ body }, { api, db }) => created(await createFromApi(db, api, body)),
  );
  const version = defineRoute(
    {
      name: "t-version",
      access: { apiKey: { scope: "submit" } },
      idempotent: true,
      params: submissionIdParams,
      body: { schema: correctedVersionSchema, maxBytes: 1_000_000 },
      output: createdSchema,
    },
    async ({ params, body }, { api, db }) => created(await newVersionFromApi(db, api, params.id, body)),
  );
  const submit = defineRoute(
    {
      name: "t-submit",
      access: { apiKey: { scope: "submit" } },
      idempotent: true,
      params: submissionIdParams,
      output: createdSchema,
    },
    async ({ params }, { api, db }) => created(await submitDraftFromApi(db, api, params.id)),
  );
  const get = defineRoute(
    {
      name: "t-get",
      access: { apiKey: { scope: "read" } },
      params: submissionIdParams,
      output: submissionDetailSchema,
    },
    async ({ params }, { api, db }) => find(db, params.id, api.organisationIds),
  );
  const attempts = defineRoute(
    {
      name: "t-attempts",
      access: { apiKey: { scope: "read" } },
      params: submissionIdParams,
      output: attemptListSchema,
    },
    async ({ params }, { api, db }) => {
      const found = await find(db, params.id, api.organisationIds);
      return { submissionId: found.id, attempts: found.attempts };
    },
  );
  const feedback = defineRoute(
    {
      name: "t-feedback",
      access: { apiKey: { scope: "read" } },
      params: submissionIdParams,
      output: submissionFeedbackSchema,
    },
    async ({ params }, { api, db }) => {
      const found = await find(db, params.id, api.organisationIds);
      return { submissionId: found.id, feedback: found.feedback };
    },
  );
  const board = defineRoute(
    { name: "t-board", access: { apiKey: { scope: "read" } }, query: boardFilterSchema, output: boardSchema },
    async ({ query }, { api, db }) => boardForApi(db, api, query),
  );
  return { create, version, submit, get, attempts, feedback, board };
}

async function setup(scopes: ("read" | "submit")[] = ["read", "submit"]) {
  const admin = await createTestUser(db, "admin");
  const org = await createTestOrganisation(db, admin.id);
  const otherOrg = await createTestOrganisation(db, admin.id);
  const created = await db.transaction((tx) =>
    createApiKey(
      tx,
      { ...admin, organisationIds: [org.id, otherOrg.id] },
      { name: "Lønn", scopes, organisationIds: [org.id], expiresInDays: 30 },
    ),
  );
  return { admin, org, otherOrg, key: created.key, keyId: created.apiKeyId };
}

const amelding = (orgnr: string, intent: "draft" | "submit" = "draft", meldingsId = randomUUID()) => ({
  kind: "amelding",
  intent,
  leveranse: { ...generateLeveranse({ opplysningspliktig: orgnr, virksomhet: "310900230", persons: 1 }), meldingsId },
});

const oar = (orgnr: string, intent: "draft" | "submit" = "submit") => {
  const { oppdragsreferanse: _ref, ...fields } = testOppdrag(orgnr);
  return { kind: "oar", intent, oar: fields };
};

function post(key: string | null, body: unknown, idempotencyKey: string | null = randomUUID(), path = "") {
  return new Request(`http://app.test/api/v1/submissions${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: {
      "Content-Type": "application/json",
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}),
    },
  });
}
const getOne = (key: string, id: string, path = "") =>
  [
    new Request(`http://app.test/api/v1/submissions/${id}${path}`, { headers: { Authorization: `Bearer ${key}` } }),
    { params: Promise.resolve({ id }) },
  ] as const;
const postOne = (key: string, id: string, path: string, body?: unknown) =>
  [
    new Request(`http://app.test/api/v1/submissions/${id}${path}`, {
      method: "POST",
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}`, "Idempotency-Key": randomUUID() },
    }),
    { params: Promise.resolve({ id }) },
  ] as const;

describe("/api/v1 with API keys (real PostgreSQL)", () => {
  it("stores only the key's digest, refuses a missing, wrong, revoked or expired key with problem details", async () => {
    const { create } = routes();
    const { admin, org, key, keyId } = await setup();
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, keyId));
    expect(key).toMatch(/^ir_live_[0-9a-f]{16}_/);
    expect(JSON.stringify(row)).not.toContain(key.slice(25));

    const missing = await create(post(null, amelding(org.orgnr)));
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    expect(await missing.json()).toMatchObject({ status: 401, code: "unauthenticated", type: expect.any(String) });
    expect((await create(post(`${key.slice(0, -2)}xx`, amelding(org.orgnr)))).status).toBe(401);

    await db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, keyId));
    expect(await (await create(post(key, amelding(org.orgnr)))).json()).toMatchObject({ code: "api_key_expired" });
    await db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() + 60_000) })
      .where(eq(apiKeys.id, keyId));
    await db.transaction((tx) => revokeApiKey(tx, { ...admin, organisationIds: [org.id] }, keyId));
    expect(await (await create(post(key, amelding(org.orgnr)))).json()).toMatchObject({ code: "api_key_revoked" });
  });

  it("a read-only key may not create; a key never reads or writes another organisation's submissions", async () => {
    const { create, get } = routes();
    const readOnly = await setup(["read"]);
    const refused = await create(post(readOnly.key, amelding(readOnly.org.orgnr)));
    expect(refused.status).toBe(403);

    const { key, org, otherOrg, admin } = await setup();
    // The admin has otherOrg, but the key was made for org only.
    const foreign = await create(post(key, { ...amelding(otherOrg.orgnr), organisationId: otherOrg.id }));
    expect(foreign.status).toBe(403);
    expect(await db.select().from(submissions).where(eq(submissions.organisationId, otherOrg.id))).toEqual([]);
    const theirs = await db.transaction((tx) =>
      saveAmelding(
        tx,
        { ...admin, organisationIds: [otherOrg.id] },
        { organisationId: otherOrg.id, ...amelding(otherOrg.orgnr) },
      ),
    );
    expect((await get(...getOne(key, theirs.submissionId))).status).toBe(404);
    const mine = await create(post(key, { ...amelding(org.orgnr), organisationId: org.id }));
    expect(mine.status).toBe(201);
    const { submissionId } = (await mine.json()) as { submissionId: string };
    expect(await (await get(...getOne(key, submissionId))).json()).toMatchObject({ id: submissionId, status: "draft" });
  });

  it("replays an Idempotency-Key with the same body, refuses it with another body, and requires it", async () => {
    const { create } = routes();
    const { key, keyId, org } = await setup();
    const body = { ...amelding(org.orgnr), organisationId: org.id };
    const idem = randomUUID();
    const first = await create(post(key, body, idem));
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const replay = await create(post(key, body, idem));
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(firstBody);
    const reused = await create(post(key, { ...body, intent: "submit" }, idem));
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ code: "idempotency_key_reused" });
    const noKey = await create(post(key, body, null));
    expect(noKey.status).toBe(400);
    expect(await noKey.json()).toMatchObject({ code: "idempotency_key_missing" });
    expect(await db.select().from(submissions).where(eq(submissions.organisationId, org.id))).toHaveLength(1);
    // The operation's own audit entry and one entry per call name the key.
    const entries = await db.select().from(auditLog).where(eq(auditLog.apiKeyId, keyId));
    expect(entries.filter((e) => e.action === "submission.create_draft")).toHaveLength(1);
    expect(
      entries
        .filter((e) => e.action === "api.request")
        .map((e) => (e.details as { httpStatus: number }).httpStatus)
        .sort(),
    ).toEqual([201, 201, 400, 409]);
    const [used] = await db.select({ lastUsedAt: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, keyId));
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("answers a field error as problem details with the field's path, and keeps nothing", async () => {
    const { create } = routes();
    const { key, org } = await setup();
    const body = amelding(org.orgnr, "submit");
    (body.leveranse as Record<string, unknown>).kalendermaaned = "2026-13";
    const res = await create(post(key, { ...body, organisationId: org.id }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: "validation",
      errors: expect.arrayContaining([expect.objectContaining({ path: "kalendermaaned" })]),
    });
    expect(await db.select().from(submissions).where(eq(submissions.organisationId, org.id))).toEqual([]);
  });

  it("limits each key per window with RateLimit headers, 429 and Retry-After, counted in PostgreSQL", async () => {
    const { get } = routes(2);
    const { key, keyId } = await setup();
    const id = randomUUID();
    const a = await get(...getOne(key, id));
    expect(a.status).toBe(404);
    expect(a.headers.get("ratelimit-policy")).toBe('"per-key";q=2;w=60');
    expect(a.headers.get("ratelimit")).toMatch(/^"per-key";r=1;t=\d+$/);
    // Another instance (its own limiter, the same table) counts against the same window.
    expect((await routes(2).get(...getOne(key, id))).status).toBe(404);
    const limited = await get(...getOne(key, id));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: "rate_limited" });
    const calls = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.apiKeyId, keyId), eq(auditLog.action, "api.request")));
    expect(calls).toHaveLength(2);
  });

  it("creates an OAR report over the API: a draft sent later as stored, checked in full like the form", async () => {
    const { create, submit, get, attempts, feedback } = routes();
    const { key, org } = await setup();
    const incomplete = oar(org.orgnr, "draft");
    delete (incomplete.oar as Record<string, unknown>).oppdragstaker;
    const draft = await create(post(key, { ...incomplete, organisationId: org.id }));
    expect(draft.status).toBe(201);
    const { submissionId } = (await draft.json()) as { submissionId: string };
    // The stored draft lacks the oppdragstaker: sending it answers that field and queues nothing.
    const refused = await submit(...postOne(key, submissionId, "/submit"));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      code: "validation",
      errors: expect.arrayContaining([expect.objectContaining({ path: "oppdragstaker" })]),
    });
    expect(await (await get(...getOne(key, submissionId))).json()).toMatchObject({ kind: "oar", status: "draft" });

    const sent = await create(post(key, { ...oar(org.orgnr), organisationId: org.id }));
    expect(sent.status).toBe(201);
    const queued = (await sent.json()) as { submissionId: string; status: string };
    expect(queued.status).toBe("queued");
    const [row] = await db.select().from(submissions).where(eq(submissions.id, queued.submissionId));
    expect(row).toMatchObject({
      kind: "oar",
      status: "queued",
      subject: expect.stringMatching(/^OPP-\d{8}-[0-9A-F]{6}$/),
    });
    const [version] = await db.select().from(submissionVersions).where(eq(submissionVersions.submissionId, row!.id));
    expect(version?.payload).toMatchObject({ oppdragsreferanse: row!.subject, oppdrag: { kontraktsverdiNok: 450000 } });
    // Attempts and feedback are their own resources; an OAR report has no feedback.
    expect(await (await attempts(...getOne(key, row!.id, "/attempts"))).json()).toEqual({
      submissionId: row!.id,
      attempts: [],
    });
    expect(await (await feedback(...getOne(key, row!.id, "/feedback"))).json()).toEqual({
      submissionId: row!.id,
      feedback: null,
    });
  });

  it("an OAR report sent over the API naming another oppdragsgiver must confirm it, as in the form", async () => {
    const { create } = routes();
    const { key, org } = await setup();
    const body = oar(org.orgnr);
    (body.oar as { oppdragsgiver: Record<string, unknown> }).oppdragsgiver.organisasjonsnummer = "310900230";
    const refused = await create(post(key, { ...body, organisationId: org.id }));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errors: [expect.objectContaining({ path: "oppdragsgiverAvvikBekreftet" })],
    });
    expect(await db.select().from(submissions).where(eq(submissions.organisationId, org.id))).toEqual([]);
    (body.oar as Record<string, unknown>).oppdragsgiverAvvikBekreftet = true;
    expect((await create(post(key, { ...body, organisationId: org.id }))).status).toBe(201);
  });

  it("a new version must carry the submission's own kind of report, and only within the key's organisations", async () => {
    const { create, version } = routes();
    const { key, org, otherOrg, admin } = await setup();
    const draft = await create(post(key, { ...oar(org.orgnr, "draft"), organisationId: org.id }));
    const { submissionId } = (await draft.json()) as { submissionId: string };
    const wrongKind = await version(
      ...postOne(key, submissionId, "/versions", { intent: "draft", leveranse: amelding(org.orgnr).leveranse }),
    );
    expect(wrongKind.status).toBe(400);
    expect(await wrongKind.json()).toMatchObject({ errors: [expect.objectContaining({ path: "oar" })] });
    const next = await version(
      ...postOne(key, submissionId, "/versions", { intent: "submit", oar: oar(org.orgnr).oar }),
    );
    expect(next.status).toBe(201);
    expect(await next.json()).toEqual({ submissionId, status: "queued", awaitingApproval: false });

    const theirs = await db.transaction((tx) =>
      saveAmelding(
        tx,
        { ...admin, organisationIds: [otherOrg.id] },
        { organisationId: otherOrg.id, ...amelding(otherOrg.orgnr) },
      ),
    );
    const foreign = await version(
      ...postOne(key, theirs.submissionId, "/versions", {
        intent: "draft",
        leveranse: amelding(otherOrg.orgnr).leveranse,
      }),
    );
    expect(foreign.status).toBe(404);
  });

  it("reads the board of the key's organisations only, with the page's states and filters", async () => {
    const { create, board } = routes();
    const { key, org, otherOrg } = await setup();
    const draft = await create(post(key, { ...amelding(org.orgnr), organisationId: org.id }));
    expect(draft.status).toBe(201);
    const read = async (query = "") =>
      board(new Request(`http://app.test/api/v1/board${query}`, { headers: { Authorization: `Bearer ${key}` } }), {
        params: Promise.resolve({}),
      });
    const res = await read();
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      months: { kalendermaaned: string }[];
      organisations: { id: string; months: { kalendermaaned: string; state: string; draftId: string | null }[] }[];
      total: number;
    };
    // The key was made for org only, though its creator also has otherOrg.
    expect(body.organisations.map((o) => o.id)).toEqual([org.id]);
    expect(body.total).toBe(1);
    expect(body.months).toHaveLength(14);
    expect(body.organisations[0]!.months.map((m) => m.kalendermaaned)).toEqual(
      body.months.map((m) => m.kalendermaaned),
    );
    expect(body.organisations[0]!.months.every((m) => typeof m.state === "string")).toBe(true);
    expect(((await (await read(`?q=${otherOrg.orgnr}`)).json()) as { total: number }).total).toBe(0);
    // A filter value that cannot be used is dropped, as on the page; the owner filter needs no owner.
    expect((await read("?sort=nonsense&page=-4&owner=none")).status).toBe(200);
  });

  it("carries each organisation's access mark and each accepted month's reconciliation mark, for the key's organisations only", async () => {
    const { board } = routes();
    const admin = await createTestUser(db, "admin");
    const [revoked, refused, failing, healthy, outside] = await Promise.all(
      Array.from({ length: 5 }, () => createTestOrganisation(db, admin.id)),
    );
    const inScope = [revoked!, refused!, failing!, healthy!];
    const { key } = await db.transaction((tx) =>
      createApiKey(
        tx,
        { ...admin, organisationIds: [...inScope, outside!].map((o) => o.id) },
        { name: "Tavle", scopes: ["read"], organisationIds: inScope.map((o) => o.id), expiresInDays: 30 },
      ),
    );
    // As the delivery engine records them (docs/access-health.md); the one outside the key fails too.
    await db.insert(organisationAccessHealth).values([
      { organisationId: revoked!.id, state: "system_user_revoked", lastFailureCode: "MP-303" },
      { organisationId: refused!.id, state: "refused", lastFailureCode: "AMLD_005" },
      { organisationId: failing!.id, state: "token_failing", lastFailureCode: null },
      { organisationId: healthy!.id, state: "ok" },
      { organisationId: outside!.id, state: "system_user_revoked", lastFailureCode: "MP-303" },
    ]);

    // Four accepted months of `healthy`, each reconciled differently; and one of `outside`.
    const current = osloDate(new Date()).slice(0, 7);
    const month = (back: number) => shiftMonth(current, -back);
    const accepted = async (organisationId: string, subject: string) => {
      const [row] = await db
        .insert(submissions)
        .values({ organisationId, kind: "amelding", subject, status: "accepted", acceptedAt: new Date() })
        .returning({ id: submissions.id });
      return row!.id;
    };
    const reconciled = async (
      organisationId: string,
      subject: string,
      submissionId: string,
      state: ReconciliationState,
    ) =>
      db
        .insert(ameldingReconciliations)
        .values({ organisationId, kalendermaaned: subject, submissionId, state, fetchedAt: new Date() });
    await reconciled(healthy!.id, month(2), await accepted(healthy!.id, month(2)), "reconciled");
    await reconciled(healthy!.id, month(3), await accepted(healthy!.id, month(3)), "differs");
    await reconciled(healthy!.id, month(4), await accepted(healthy!.id, month(4)), "failed");
    await accepted(healthy!.id, month(5)); // none fetched yet
    // Fetched for an A-melding since replaced: the one that stands is not fetched.
    const older = await accepted(healthy!.id, month(6));
    await reconciled(healthy!.id, month(6), older, "reconciled");
    const [replacement] = await db
      .insert(submissions)
      .values({
        organisationId: healthy!.id,
        kind: "amelding",
        subject: month(6),
        status: "accepted",
        acceptedAt: new Date(Date.now() + 1000),
        replacesSubmissionId: older,
      })
      .returning({ id: submissions.id });
    await reconciled(outside!.id, month(2), await accepted(outside!.id, month(2)), "differs");

    const res = await board(
      new Request("http://app.test/api/v1/board?sort=name", { headers: { Authorization: `Bearer ${key}` } }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      organisations: {
        id: string;
        access: { state: string; code: string | null } | null;
        months: { kalendermaaned: string; state: string; submissionId: string | null; reconciliation: string | null }[];
      }[];
    };
    const byId = new Map(body.organisations.map((o) => [o.id, o]));
    expect([...byId.keys()].sort()).toEqual(inScope.map((o) => o.id).sort());
    expect(byId.get(revoked!.id)!.access).toEqual({ state: "system_user_revoked", code: "MP-303" });
    expect(byId.get(refused!.id)!.access).toEqual({ state: "refused", code: "AMLD_005" });
    expect(byId.get(failing!.id)!.access).toEqual({ state: "token_failing", code: null });
    expect(byId.get(healthy!.id)!.access).toBeNull();

    const marks = Object.fromEntries(
      byId
        .get(healthy!.id)!
        .months.filter((m) => m.reconciliation !== null)
        .map((m) => [m.kalendermaaned, m.reconciliation]),
    );
    expect(marks).toEqual({
      [month(2)]: "reconciled",
      [month(3)]: "differs",
      [month(4)]: "failed",
      [month(5)]: "not_fetched",
      [month(6)]: "not_fetched",
    });
    expect(byId.get(healthy!.id)!.months.find((m) => m.kalendermaaned === month(6))!.submissionId).toBe(
      replacement!.id,
    );
    // Months without an accepted A-melding carry no mark, and nothing of `outside` appears anywhere.
    for (const o of inScope.filter((o) => o !== healthy))
      expect(byId.get(o.id)!.months.every((m) => m.reconciliation === null)).toBe(true);
    expect(JSON.stringify(body)).not.toContain(outside!.id);
  });
});
