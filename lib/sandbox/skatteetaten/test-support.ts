import "server-only";
import { randomUUID } from "node:crypto";
import type { IdempotencyKeyPlacement, SandboxSkatteetatenHandle, VerifyToken } from "./types";

/*
 * Requests for the sandbox tests, written here as wire JSON by hand: the sandbox stands for
 * Skatteetaten and is tested against the published contract (docs/skatteetaten-contract.md),
 * never against our adapters. That adapter and sandbox agree is tested where both meet
 * (lib/reporting/wire-contract.test.ts).
 */

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
  if (token === "good-token-b") return { ok: true, systemUserOrg: ORG_B, clientId: "test-client" };
  if (token === "with-audience")
    return { ok: true, systemUserOrg: ORG_A, clientId: "test-client", audience: ["https://api.example.no"] };
  if (token === "no-systemuser") return { ok: true, systemUserOrg: null, clientId: "test-client" };
  if (token === "wrong-scope") return { ok: false, reason: "missing_scope" };
  if (token === "expired-token") return { ok: false, reason: "expired" };
  if (token === "verifier-no-systemuser") return { ok: false, reason: "missing_systemuser" };
  return { ok: false, reason: "invalid_token" };
};

type Party = Record<string, unknown>;

/** An OAR body as the wire carries it (docs/skatteetaten-contract.md, "OAR"); overrides replace top-level keys. */
export function testOarBody(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    innsendingstype: "NY",
    oppdragsreferanse: `OPP-${randomUUID().slice(0, 8)}`,
    oppdragsgiver: { navn: "Fjellvind Bygg AS", organisasjonsnummer: ORG_A } as Party,
    oppdragstaker: {
      navn: "Baltic Steel UAB",
      utenlandskIdentifikasjon: "LT-3004",
      adresseIHjemland: { adresselinje: "Gatve 1", landkode: "LT" },
    } as Party,
    oppdrag: {
      beskrivelse: "Stålmontasje",
      arbeidssted: {
        type: "LAND",
        adresse: { adresselinje: "Kaia 2", postnummer: "5003", poststed: "Bergen", landkode: "NO" },
      },
      startdato: "2026-11-01",
      forventetSluttdato: "2027-02-28",
      kontraktsverdi: "450000.00",
    } as Record<string, unknown>,
    vedlegg: [] as unknown[],
    arbeidstakere: [] as unknown[],
    ...overrides,
  };
}

/**
 * An A-melding leveranse (model v2.3) as the wire carries it: whole kroner as JSON integers,
 * decimals as strings, as Skatteetaten's published example (docs/skatteetaten-contract.md,
 * "JSON types"). Overrides replace top-level keys of the leveranse.
 */
export function testLeveranse(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    leveringstidspunkt: "2026-11-03T10:00:00Z",
    kalendermaaned: "2026-10",
    kildesystem: "innrapportering-test",
    meldingsId: `m-${randomUUID()}`,
    opplysningspliktig: { norskIdentifikator: ORG_A },
    oppgave: {
      betalingsinformasjon: {
        sumForskuddstrekkPerLoennsutbetalingsdato: [{ loennsutbetalingsdato: "2026-10-20", beloep: 7000 }],
        sumArbeidsgiveravgift: 5640,
      },
      virksomhet: [
        {
          norskIdentifikator: ORG_B,
          inntektsmottaker: [
            {
              inntekt: [{ beloep: "40000", fordel: "kontantytelse" }],
              forskuddstrekk: [{ beskrivelse: "ordinaert", beloep: -7000 }],
            },
          ],
        },
      ],
    },
    ...overrides,
  };
}

type KeyOptions = { key?: string; keyIn?: IdempotencyKeyPlacement };

function placeKey(url: string, key: string, keyIn: IdempotencyKeyPlacement) {
  const headers: Record<string, string> = { Accept: "application/json", "Content-Type": "application/json" };
  if (keyIn === "header") return { url, headers: { ...headers, idempotencyKey: key } };
  return { url: `${url}?idempotencyKey=${encodeURIComponent(key)}`, headers };
}

/** POST {oar}/innsending with the key where the sandbox reads it (header unless told). */
export function oarRequest(sandbox: SandboxSkatteetatenHandle, body: Record<string, unknown>, opts: KeyOptions = {}) {
  const key = opts.key ?? randomUUID();
  return {
    key,
    ...placeKey(`${sandbox.oarBaseUrl}/innsending`, key, opts.keyIn ?? "header"),
    body: JSON.stringify(body),
  };
}

/** POST {amelding}/innsending/{kalendermaaned}/{orgnr}, the path taken from the leveranse unless told. */
export function ameldingRequest(
  sandbox: SandboxSkatteetatenHandle,
  leveranse: Record<string, any>,
  opts: KeyOptions & { month?: string; orgnr?: string } = {},
) {
  const key = opts.key ?? randomUUID();
  const month = opts.month ?? leveranse.kalendermaaned;
  const orgnr = opts.orgnr ?? leveranse.opplysningspliktig?.norskIdentifikator;
  const url = `${sandbox.ameldingBaseUrl}/innsending/${month}/${orgnr}`;
  return { key, ...placeKey(url, key, opts.keyIn ?? "header"), body: JSON.stringify({ leveranse }) };
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

/** Sends a built request with the given token (default good-token) and extra header overrides. */
export function send(
  req: { url: string; headers: Record<string, string>; body: string },
  opts: { token?: string | null; headers?: HeaderOverrides; body?: string; signal?: AbortSignal; method?: string } = {},
) {
  return call(req.url, {
    method: opts.method ?? "POST",
    token: opts.token,
    headers: { ...req.headers, ...opts.headers },
    body: opts.body ?? req.body,
    signal: opts.signal,
  });
}

/** POSTs an arbitrary JSON body (for malformed payloads) with a fresh key in the header. */
export function postJson(url: string, body: unknown, key: string = randomUUID()) {
  return call(url, { headers: { idempotencyKey: key }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks the documented error body (docs/om/feil.md): kode, a Norwegian melding, a korrelasjonsid
 * in the body and in no header, and (when given) the specification code of the first entry; no
 * spesifisering key at all when none is expected.
 */
export function expectError(answer: TestAnswer, status: number, kode: string, specKode?: string | null) {
  const problems: string[] = [];
  if (answer.status !== status) problems.push(`status ${answer.status} ≠ ${status}`);
  if (answer.headers.get("content-type")?.startsWith("application/json") !== true) problems.push("not JSON");
  const body = answer.json ?? {};
  if (body.kode !== kode) problems.push(`kode ${body.kode} ≠ ${kode}`);
  if (typeof body.melding !== "string" || body.melding.length === 0) problems.push("melding missing");
  if (!UUID.test(body.korrelasjonsid ?? "")) problems.push("korrelasjonsid not a UUID");
  if (answer.headers.has("korrelasjonsid"))
    problems.push("a Korrelasjonsid header, which Skatteetaten does not publish");
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
