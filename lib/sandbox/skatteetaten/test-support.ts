import "server-only";
import { randomUUID } from "node:crypto";
import type { IdempotencyKeyPlacement } from "@/lib/reporting/adapter";
import { createAmeldingAdapter } from "@/lib/reporting/amelding/amelding-adapter";
import { createOarAdapter } from "@/lib/reporting/oar/oar-adapter";
import type { Oppdrag } from "@/lib/reporting/oar/oppdrag-model";
import type { SandboxSkatteetatenHandle, VerifyToken } from "./types";
import { testOppdrag as oppdragFixture } from "@/lib/testing/report-fixtures";

/** Synthetic orgnrs that pass mod-11 (310xxxxxx test range), and one that fails it. */
export const ORG_A = "310900125";
export const ORG_B = "310900230";
export const ORG_C = "310900346";
export const BAD_ORGNR = "310900126";

export const verifiedScopes: string[] = [];

/** Stands in for the Maskinporten verifier: the token's name says what it is. */
export const fakeVerifyToken: VerifyToken = async (token, requiredScope) => {
  verifiedScopes.push(requiredScope);
  if (token === "good-token") return { ok: true, systemUserOrg: ORG_A, clientId: "test-client" };
  if (token === "no-systemuser") return { ok: true, systemUserOrg: null, clientId: "test-client" };
  if (token === "wrong-scope") return { ok: false, reason: "missing_scope" };
  if (token === "expired-token") return { ok: false, reason: "expired" };
  if (token === "verifier-no-systemuser") return { ok: false, reason: "missing_systemuser" };
  return { ok: false, reason: "invalid_token" };
};

export function testOppdrag(overrides: Partial<Oppdrag> = {}): Oppdrag {
  return oppdragFixture(ORG_A, { oppdragsgiver: { variant: "norsk", navn: "Fjellvind Bygg AS", organisasjonsnummer: ORG_A }, ...overrides });
}

export function testLeveranse(overrides: Record<string, unknown> = {}) {
  return {
    leveringstidspunkt: "2026-11-03T10:00:00Z",
    kalendermaaned: "2026-10",
    kildesystem: "innrapportering-test",
    meldingsId: `m-${randomUUID()}`,
    opplysningspliktig: { norskIdentifikator: ORG_A },
    oppgave: {
      betalingsinformasjon: { sumForskuddstrekk: -7000, sumArbeidsgiveravgift: 5640.5 },
      virksomhet: [
        {
          norskIdentifikator: ORG_B,
          inntektsmottaker: [{ inntekt: [{ beloep: 40000, fordel: "kontantytelse" }], forskuddstrekk: [{ beskrivelse: "ordinaert", beloep: -7000 }] }],
        },
      ],
    },
    ...overrides,
  };
}

export type HeaderOverrides = Record<string, string | undefined>;

export type TestAnswer = { status: number; headers: Headers; text: string; json: any };

export async function call(
  url: string,
  init: { method?: string; token?: string | null; headers?: HeaderOverrides; body?: string; signal?: AbortSignal } = {},
): Promise<TestAnswer> {
  // An override of undefined removes the header.
  const merged: HeaderOverrides = { Accept: "application/json", "Content-Type": "application/json", ...init.headers };
  const headers = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
  if (init.token !== null) headers.Authorization = `Bearer ${init.token ?? "good-token"}`;
  const res = await fetch(url, { method: init.method ?? "POST", headers, body: init.body, signal: init.signal });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Builds the request exactly as the app's OAR adapter does, so the sandbox is tested against the real client format. */
export function oarRequest(sandbox: SandboxSkatteetatenHandle, oppdrag: Oppdrag, opts: { exists?: boolean; key?: string; keyIn?: IdempotencyKeyPlacement } = {}) {
  const adapter = createOarAdapter({ baseUrl: sandbox.oarBaseUrl, idempotencyKeyIn: opts.keyIn ?? "query" });
  const key = opts.key ?? randomUUID();
  return { key, ...adapter.buildRequest(oppdrag, { idempotencyKey: key, orgnr: ORG_A, existsAtSkatteetaten: opts.exists ?? false }) };
}

export function ameldingRequest(
  sandbox: SandboxSkatteetatenHandle,
  leveranse: ReturnType<typeof testLeveranse>,
  opts: { key?: string; keyIn?: IdempotencyKeyPlacement } = {},
) {
  const adapter = createAmeldingAdapter({ baseUrl: sandbox.ameldingBaseUrl, idempotencyKeyIn: opts.keyIn ?? "query" });
  const key = opts.key ?? randomUUID();
  return { key, ...adapter.buildRequest(leveranse, { idempotencyKey: key, orgnr: ORG_A, existsAtSkatteetaten: false }) };
}

/** Sends a built request with the given token (default good-token) and extra header overrides. */
export function send(
  req: { url: string; headers: Record<string, string>; body: string },
  opts: { token?: string | null; headers?: HeaderOverrides; body?: string; signal?: AbortSignal } = {},
) {
  return call(req.url, {
    method: "POST",
    token: opts.token,
    headers: { ...req.headers, ...opts.headers },
    body: opts.body ?? req.body,
    signal: opts.signal,
  });
}

/** POSTs an arbitrary JSON body (for malformed payloads) with a fresh key in the query. */
export function postJson(url: string, body: unknown, key: string = randomUUID()) {
  return call(`${url}?idempotencyKey=${key}`, { body: typeof body === "string" ? body : JSON.stringify(body) });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks the documented error body: kode, a Norwegian melding, a korrelasjonsid equal to the
 * header, and (when given) the specification code of the first entry; no spesifisering key at
 * all when none is expected.
 */
export function expectError(answer: TestAnswer, status: number, kode: string, specKode?: string | null) {
  const problems: string[] = [];
  if (answer.status !== status) problems.push(`status ${answer.status} ≠ ${status}`);
  if (answer.headers.get("content-type")?.startsWith("application/json") !== true) problems.push("not JSON");
  const body = answer.json ?? {};
  if (body.kode !== kode) problems.push(`kode ${body.kode} ≠ ${kode}`);
  if (typeof body.melding !== "string" || body.melding.length === 0) problems.push("melding missing");
  if (!UUID.test(body.korrelasjonsid ?? "")) problems.push("korrelasjonsid not a UUID");
  if (answer.headers.get("korrelasjonsid") !== body.korrelasjonsid) problems.push("Korrelasjonsid header differs from body");
  if (specKode === undefined) {
    if ("spesifisering" in body) problems.push("unexpected spesifisering");
  } else if (body.spesifisering?.[0]?.kode !== specKode) {
    problems.push(`spesifisering[0].kode ${body.spesifisering?.[0]?.kode} ≠ ${specKode}`);
  }
  if (problems.length > 0) throw new Error(`${problems.join("; ")}\n${answer.text}`);
  return body as {
    kode: string;
    melding: string;
    korrelasjonsid: string;
    spesifisering?: { kode: string | null; melding: string; sti: string | null; angittVerdi: string | null }[];
  };
}
