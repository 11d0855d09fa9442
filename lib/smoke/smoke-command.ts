import "server-only";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { leveranseSchema } from "@/lib/amelding/leveranse-schema";
import { computeSums } from "@/lib/amelding/sums";
import { configuredEndpoints } from "@/lib/config/derived";
import { type Config, parseConfig } from "@/lib/config/schema";
import {
  type CommandIo,
  EXIT_OK,
  EXIT_REJECTED,
  EXIT_USAGE,
  printError,
  withSandboxDefaults,
} from "@/lib/maskinporten/check-command";
import { createMaskinportenClient, type MaskinportenClientOptions } from "@/lib/maskinporten/client";
import { loadMaskinportenConfig, type MaskinportenConfig } from "@/lib/maskinporten/config";
import { MaskinportenError } from "@/lib/maskinporten/errors";
import type { ReportingAdapter } from "@/lib/reporting/adapter";
import { createAmeldingAdapter } from "@/lib/reporting/amelding/amelding-adapter";
import { decodeSkatteetatenError } from "@/lib/reporting/errors/decode-skatteetaten-error";
import { createOarAdapter } from "@/lib/reporting/oar/oar-adapter";
import type { Oppdrag } from "@/lib/reporting/oar/oppdrag-model";
import { sendRequest } from "@/lib/reporting/send-request";
import { isValidFodselsnummer, syntheticFodselsnummer } from "@/lib/validation/fodselsnummer";
import { maskPersonalNumbers } from "@/lib/validation/mask-personal-data";
import { isValidOrgnr, syntheticOrgnr } from "@/lib/validation/orgnr";

const USAGE = `Usage: npm run smoke -- --org <orgnr> [--virksomhet <orgnr>] [--fnr <fødselsnummer>] [--month <YYYY-MM>]

Sends one synthetic OAR report and one synthetic A-melding for the organisation --org (whose
system user the token is for) through the product's own adapters and Maskinporten client, to
the endpoints APP_MODE and the *_API_URL variables point at, and prints what came back:
status, ids, or the decoded error. Never prints tokens or personal data.

  --virksomhet  the A-melding's virksomhet (a sub-unit of --org); required outside sandbox mode
  --fnr         the inntektsmottaker, a synthetic person from Tenor (default: a synthetic number)
  --month       kalendermåned of the A-melding (default: last month)

Runs in sandbox and test mode only. Exit code 0 when both are accepted, 1 when one is not,
2 on configuration or usage errors.`;

function lastMonth(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

/** A synthetic oppdrag given by the organisation to a made-up foreign contractor. */
function syntheticOppdrag(orgnr: string): Oppdrag {
  const start = new Date().toISOString().slice(0, 10);
  return {
    oppdragsreferanse: `SMOKE-${randomUUID().slice(0, 8).toUpperCase()}`,
    oppdragsgiver: { variant: "norsk", navn: `Oppdragsgiver ${orgnr}`, organisasjonsnummer: orgnr },
    oppdragstaker: {
      variant: "utenlandsk",
      navn: "Syntetisk Oppdragstaker Ltd",
      registreringsnummer: `SMOKE-${randomUUID().slice(0, 6)}`,
      adresseHjemland: { adresselinje: "1 Test Street", landkode: "GB" },
    },
    oppdrag: {
      beskrivelse: "Syntetisk testoppdrag (røyktest)",
      arbeidssted: {
        type: "land",
        adresse: { adresselinje: "Testveien 1", postnummer: "0150", poststed: "Oslo", landkode: "NO" },
      },
      startdato: start,
      forventetSluttdato: start,
      kontraktsverdiNok: 25_000,
    },
    vedlegg: [],
    arbeidstakere: [],
  };
}

/** A synthetic A-melding (model v2.3) with one person, sums agreeing with the lines. */
function syntheticLeveranse(orgnr: string, virksomhet: string, fnr: string, month: string) {
  const oppgave = {
    virksomhet: [
      {
        norskIdentifikator: virksomhet,
        inntektsmottaker: [
          {
            norskIdentifikator: fnr,
            arbeidsforhold: [
              {
                typeArbeidsforhold: "ordinaertArbeidsforhold",
                arbeidsforholdId: "SMOKE-1",
                startdato: `${month}-01`,
                antallTimerPerUkeSomEnFullStillingTilsvarer: 37.5,
                yrke: "2511101",
                arbeidstidsordning: "ikkeSkift",
                stillingsprosent: 100,
                formForAnsettelse: "fast",
              },
            ],
            inntekt: [
              {
                fordel: "kontantytelse",
                utloeserArbeidsgiveravgift: true,
                inngaarIGrunnlagForTrekk: true,
                beloep: 10_000,
                loennsinntekt: { beskrivelse: "fastloenn" },
              },
            ],
            forskuddstrekk: [{ beskrivelse: "ordinaert", beloep: -3_000 }],
          },
        ],
        arbeidsgiveravgift: {
          loennOgGodtgjoerelse: [
            {
              beregningskodeForArbeidsgiveravgift: "generelleNaeringer",
              sone: "1",
              avgiftsgrunnlagBeloep: 10_000,
              prosentsatsForAvgiftsberegning: 14.1,
            },
          ],
        },
      },
    ],
  };
  const sums = computeSums(oppgave);
  return leveranseSchema.parse({
    leveringstidspunkt: new Date().toISOString(),
    kalendermaaned: month,
    kildesystem: "Innrapportering røyktest",
    meldingsId: randomUUID(),
    opplysningspliktig: { norskIdentifikator: orgnr },
    oppgave: {
      betalingsinformasjon: {
        sumForskuddstrekkPerLoennsutbetalingsdato: [
          { loennsutbetalingsdato: `${month}-20`, beloep: sums.sumForskuddstrekkPerLoennsutbetalingsdato },
        ],
        sumArbeidsgiveravgift: sums.sumArbeidsgiveravgift,
      },
      ...oppgave,
    },
    spraakForTilbakemelding: "bokmaal",
  });
}

/** Sends one report and prints the answer; true when it was accepted. */
async function sendOne(
  io: CommandIo,
  label: string,
  adapter: ReportingAdapter,
  payload: unknown,
  orgnr: string,
  getToken: (scope: string) => Promise<string>,
): Promise<boolean> {
  const request = adapter.buildRequest(payload, { idempotencyKey: randomUUID(), orgnr, existsAtSkatteetaten: false });
  io.out(`${label}: ${request.method} ${request.url}`);
  let token: string;
  try {
    token = await getToken(adapter.scope);
  } catch (e) {
    if (e instanceof MaskinportenError) printError(io, e);
    else io.err(`✖ No token: ${(e as Error).message}`);
    return false;
  }
  const answer = await sendRequest(request, token, { timeoutMs: 30_000 });
  if (answer.kind !== "response") {
    io.err(`  ✖ no answer (${answer.kind}): ${answer.message}`);
    return false;
  }
  io.out(`  HTTP ${answer.status} in ${answer.durationMs} ms`);
  if (answer.status >= 200 && answer.status < 300) {
    const ids = adapter.readAccepted(answer.body);
    io.out(
      `  ✔ accepted: ${
        Object.entries(ids)
          .map(([k, v]) => `${k}=${v}`)
          .join(", ") || "(no ids in the answer)"
      }`,
    );
    return true;
  }
  const decoded = decodeSkatteetatenError({
    status: answer.status,
    contentType: answer.headers["content-type"],
    body: answer.body,
    api: adapter.api,
    headers: answer.headers,
  });
  io.err(
    `  ✖ ${decoded.code ?? "no code"}${decoded.entry ? ` ${decoded.entry.textNb}` : ""}${decoded.korrelasjonsid ? ` (korrelasjonsid ${decoded.korrelasjonsid})` : ""}`,
  );
  for (const s of decoded.specifications) {
    const detail = [s.kode, s.sti, s.melding, s.angittVerdi === null ? null : `angitt verdi: ${s.angittVerdi}`]
      .filter(Boolean)
      .join(" · ");
    io.err(`    - ${maskPersonalNumbers(detail)}`);
  }
  io.err(`  hint: ${decoded.hintEn}`);
  return false;
}

/** `npm run smoke`: the core of scripts/smoke.ts, testable against the sandbox. */
export async function runSmoke(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CommandIo,
  clientOptions: MaskinportenClientOptions = {},
): Promise<number> {
  let values: { org?: string; virksomhet?: string; fnr?: string; month?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        org: { type: "string" },
        virksomhet: { type: "string" },
        fnr: { type: "string" },
        month: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    io.err(`✖ ${(e as Error).message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  let settings: Config;
  try {
    settings = parseConfig(env);
  } catch (e) {
    io.err(`✖ Configuration error: ${(e as Error).message}`);
    return EXIT_USAGE;
  }
  const mode = { data: settings.APP_MODE };
  if (mode.data === "production") {
    io.err("✖ The smoke test sends synthetic reports: it runs in APP_MODE sandbox or test only.");
    return EXIT_USAGE;
  }
  const org = values.org?.replace(/\s/g, "");
  const virksomhet = values.virksomhet?.replace(/\s/g, "") ?? (mode.data === "sandbox" ? syntheticOrgnr() : undefined);
  const fnr = values.fnr?.replace(/\s/g, "") ?? syntheticFodselsnummer();
  const month = values.month ?? lastMonth(new Date());
  const problems = [
    !org || !isValidOrgnr(org) ? "--org must be a valid 9-digit organisation number" : null,
    !virksomhet
      ? "--virksomhet is required outside sandbox mode: a sub-unit of --org (find one in Tenor)"
      : !isValidOrgnr(virksomhet)
        ? "--virksomhet must be a valid organisation number"
        : null,
    !isValidFodselsnummer(fnr) ? "--fnr must be a valid fødselsnummer or d-nummer" : null,
    !/^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? "--month must be YYYY-MM" : null,
  ].filter((p): p is string => p !== null);
  if (problems.length > 0 || !org || !virksomhet) {
    io.err(`${problems.map((p) => `✖ ${p}`).join("\n")}\n\n${USAGE}`);
    return EXIT_USAGE;
  }

  let config: MaskinportenConfig;
  try {
    config = loadMaskinportenConfig(await withSandboxDefaults(env));
  } catch (e) {
    io.err(`✖ Configuration error: ${(e as Error).message}`);
    return EXIT_USAGE;
  }
  const endpoints = configuredEndpoints(settings);
  const keyIn = settings.SKATTEETATEN_IDEMPOTENCY_KEY_IN;
  const tokens = createMaskinportenClient(config, clientOptions);
  const getToken = async (scope: string) =>
    (await tokens.getToken({ scopes: [scope], systemUserOrg: org })).accessToken;

  io.out(
    `Smoke test (${mode.data} mode) for ${org}, system user token from ${config.issuer}, idempotency key in the ${keyIn}`,
  );
  const oar = await sendOne(
    io,
    "OAR",
    createOarAdapter({ baseUrl: endpoints.oarApiUrl, idempotencyKeyIn: keyIn }),
    syntheticOppdrag(org),
    org,
    getToken,
  );
  const amelding = await sendOne(
    io,
    "A-melding",
    createAmeldingAdapter({ baseUrl: endpoints.ameldingApiUrl, idempotencyKeyIn: keyIn }),
    syntheticLeveranse(org, virksomhet, fnr, month),
    org,
    getToken,
  );
  return oar && amelding ? EXIT_OK : EXIT_REJECTED;
}
