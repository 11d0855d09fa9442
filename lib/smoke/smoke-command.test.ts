import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EXIT_OK, EXIT_REJECTED, EXIT_USAGE } from "@/lib/maskinporten/check-command";
import { startTestSandbox, type TestSandbox } from "@/lib/sandbox/maskinporten/test-fixture";
import { sandboxTokenVerifier } from "@/lib/sandbox/sandbox-token-verifier";
import { startSandboxSkatteetaten } from "@/lib/sandbox/skatteetaten/server";
import type { SandboxSkatteetatenHandle } from "@/lib/sandbox/skatteetaten/types";
import { syntheticFodselsnummer } from "@/lib/validation/fodselsnummer";
import { runSmoke } from "./smoke-command";

const ORG = "310900125";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) },
    out,
    err,
    all: () => [...out, ...err].join("\n"),
  };
}

describe("npm run smoke against the sandbox", () => {
  let mp: TestSandbox;
  let ske: SandboxSkatteetatenHandle;
  let env: Record<string, string>;
  beforeAll(async () => {
    mp = await startTestSandbox();
    ske = await startSandboxSkatteetaten({ port: 0, verifyToken: sandboxTokenVerifier(mp.sandbox) });
    env = { ...mp.env, OAR_API_URL: ske.oarBaseUrl, AMELDING_API_URL: ske.ameldingBaseUrl };
  });
  afterAll(async () => {
    await ske.close();
    await mp.close();
  });
  beforeEach(() => ske.reset());

  it("sends one synthetic OAR and one A-melding through the real adapters and token client, and prints what came back", async () => {
    const fnr = syntheticFodselsnummer();
    const c = capture();
    const code = await runSmoke(
      ["--org", ORG, "--fnr", fnr, "--virksomhet", "310900230", "--month", "2026-10"],
      env,
      c.io,
    );
    expect(code, c.all()).toBe(EXIT_OK);
    expect(c.out.join("\n")).toMatch(
      /OAR: POST .*\/oar\/v1\/innsending\n {2}HTTP 200 in \d+ ms\n {2}✔ accepted: dialogId=[0-9a-f-]{36}, forsendelseId=[0-9a-f-]{36}/,
    );
    expect(c.out.join("\n")).toMatch(
      /A-melding: POST .*\/amelding\/v1\/innsending\/2026-10\/310900125\n {2}HTTP 200 in \d+ ms\n {2}✔ accepted: dialogId=.*meldingsId=/,
    );
    const received = ske.received();
    expect(received.map((r) => r.api)).toEqual(["oar", "amelding"]);
    expect(received.every((r) => r.orgnr === ORG && r.idempotencyKey)).toBe(true);
    // Tokens and personal data never reach the output.
    expect(c.all()).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(c.all()).not.toContain(fnr);
  });

  it("prints the decoded error, without the personal data it may echo, and exits 1", async () => {
    const fnr = syntheticFodselsnummer();
    ske.setFaults([
      {
        api: "amelding",
        kind: "status",
        status: 400,
        code: "AMLD_010",
        spesifisering: [
          {
            sti: "/leveranse/oppgave/virksomhet/0/inntektsmottaker/0/norskIdentifikator",
            angittVerdi: fnr,
            melding: "Ukjent person",
          },
        ],
      },
    ]);
    const c = capture();
    const code = await runSmoke(["--org", ORG, "--fnr", fnr], env, c.io);
    expect(code).toBe(EXIT_REJECTED);
    const errors = c.err.join("\n");
    expect(errors).toMatch(/✖ AMLD_010 Feil i forbindelse med validering av payload \(korrelasjonsid [0-9a-f-]{36}\)/);
    expect(errors).toContain(`angitt verdi: ******${fnr.slice(6)}`);
    expect(c.all()).not.toContain(fnr);
  });

  it("refuses production mode, and a test-mode run without a virksomhet", async () => {
    const prod = capture();
    expect(await runSmoke(["--org", ORG], { ...env, APP_MODE: "production" }, prod.io)).toBe(EXIT_USAGE);
    expect(prod.err.join("\n")).toContain("sandbox or test only");
    const test = capture();
    expect(await runSmoke(["--org", ORG], { ...env, APP_MODE: "test" }, test.io)).toBe(EXIT_USAGE);
    expect(test.err.join("\n")).toContain("--virksomhet is required outside sandbox mode");
    const bad = capture();
    expect(await runSmoke(["--org", "123"], env, bad.io)).toBe(EXIT_USAGE);
    expect(ske.processedCount()).toBe(0);
  });
});
