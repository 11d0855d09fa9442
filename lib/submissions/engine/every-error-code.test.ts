import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CATALOGUE } from "@/lib/reporting/errors/error-catalogue";
import { startEngineHarness } from "@/lib/testing/engine-harness";
import { testLeveranse, testOppdrag } from "@/lib/testing/report-fixtures";
import { connectTestDb } from "@/lib/testing/test-db";
import { createSubmission } from "../operations/operations";
import { findSubmissionWithHistory } from "../queries/submission-history";
import { deliverSubmission } from "./deliver";

const db = connectTestDb();
let h: Awaited<ReturnType<typeof startEngineHarness>>;

beforeAll(async () => {
  h = await startEngineHarness(db, { organisations: 2 });
});
afterAll(() => h.close());

/**
 * Every code of both seed tables and the AMLD table, answered by the sandbox over HTTP and
 * carried through the real delivery path: decoded to the catalogue's category, and acted on as
 * the catalogue says (retry with the same key, conflict, or a final rejection).
 */
describe.each(ERROR_CATALOGUE.map((e) => [e.code, e] as const))("%s", (code, entry) => {
  it(`is decoded as ${entry.category} and ${entry.retryable ? "retried" : "not retried"}`, async () => {
    const org = h.orgs[0]!;
    const status = entry.httpStatus ?? 400;
    h.skatteetaten.setFaults([{ api: entry.api, kind: "status", status, code, count: 1 }]);
    const payload = entry.api === "oar" ? testOppdrag(org.orgnr) : testLeveranse(org.orgnr, h.orgs[1]!.orgnr);
    const subject = entry.api === "oar" ? (payload as { oppdragsreferanse: string }).oppdragsreferanse : "2026-10";
    const { submissionId } = await db.transaction((tx) =>
      createSubmission(tx, h.user, { organisationId: org.id, kind: entry.api, subject, payload, queue: true }),
    );
    const result = await deliverSubmission(h.deps, submissionId);
    const expected = entry.category === "idempotency" ? "conflict" : entry.retryable ? "retrying" : "rejected";
    expect(result.outcome).toBe(expected);

    const s = (await findSubmissionWithHistory(db, submissionId, [org.id]))!;
    const decoded = s.attempts[0]!.decodedError as {
      code: string;
      category: string;
      retryable: boolean;
      specifications: { kode: string | null; known: boolean }[];
    };
    expect(decoded.category).toBe(entry.category);
    expect(decoded.retryable).toBe(entry.retryable);
    const seen = [decoded.code, ...decoded.specifications.map((x) => x.kode)];
    expect(seen).toContain(code);
    expect(s.attempts[0]!.responseStatus).toBe(status);
    expect(s.attempts[0]!.korrelasjonsid).toMatch(/^[0-9a-f-]{36}$/);
  });
});
