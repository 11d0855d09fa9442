import { z } from "zod";
import { SANDBOX_DEFAULTS } from "./sandbox-defaults";

/**
 * Every setting of the product, its default and its validation, defined once.
 *
 * Why a folder and not only `lib/env.ts`: configuration is read from two kinds of source. The
 * web process reads its own `process.env` once (`lib/env.ts`, the entry for app code), but the
 * delivery worker, the command-line checks and the tests read an env-like record handed to them
 * (`npm start` builds the worker's environment after starting the sandbox; a test passes its own
 * values). Both go through this one schema: `lib/env.ts` validates `process.env` with it, and
 * `parseConfig` validates any other record. What is computed from settings (endpoints per mode,
 * the engine's timings, the Altinn system id) lives beside it in `lib/config/`, so no module
 * reads a raw variable or repeats a default.
 *
 * This module is plain zod and constants (no Node APIs, no secrets), so scripts, the sandbox and
 * the Playwright config may import it. Client components must not: they get what they need as
 * props from server components.
 */

export const APP_MODES = ["sandbox", "test", "production"] as const;
export const appModeSchema = z.enum(APP_MODES);
export type AppMode = z.infer<typeof appModeSchema>;

export const maskinportenAlgSchema = z.enum(["RS256", "RS384", "RS512"]);
export type MaskinportenAlg = z.infer<typeof maskinportenAlgSchema>;

const optionalUrl = z.url().optional();
const httpUrl = z.url({ protocol: /^https?$/ }).optional();
const optionalText = z.string().trim().min(1).optional();
const port = (fallback: number, min = 1) => z.coerce.number().int().min(min).max(65535).default(fallback);

export const configShape = {
  APP_MODE: appModeSchema.default("sandbox"),
  DATABASE_URL: z.string().min(1).optional(),
  // A read replica for lists and exports (lib/db/client.ts, getReadDb); unset, they read DATABASE_URL.
  DATABASE_READ_URL: z.string().min(1).optional(),
  DATABASE_PREPARED_STATEMENTS: z.enum(["true", "false"]).default("true"),
  DATA_DIR: z.string().min(1).default(".data"),
  HOST: z.string().min(1).default("127.0.0.1"),
  EMBEDDED_PG_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: port(54329),
  PORT: port(3000),
  AUTH_SECRET: z.string().min(32).optional(),
  // Key of the search index's fødselsnummer hashes (lib/submissions/search/person-id-hash.ts).
  SEARCH_HASH_SECRET: z.string().min(32).optional(),
  AUTH_URL: optionalUrl,
  // Reverse proxies in front of the app whose x-forwarded-for entries are trusted (0: none, the
  // socket's peer is the client); see scripts/trusted-client-address.cjs.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  AUTH_OIDC_ISSUER: optionalUrl,
  AUTH_OIDC_CLIENT_ID: z.string().min(1).optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  AUTH_OIDC_NAME: z.string().min(1).default("Single sign-on"),
  SEED_DEMO: z.enum(["true", "false"]).optional(),
  DEMO_PASSWORD: z.string().min(12).optional(),
  // Deep validation (PEM parsing, the issuer per mode, naming the variable at fault) is in
  // lib/maskinporten/config.ts, which reads these same definitions.
  MASKINPORTEN_ISSUER: httpUrl,
  MASKINPORTEN_TOKEN_URL: httpUrl,
  MASKINPORTEN_CLIENT_ID: optionalText,
  MASKINPORTEN_KID: optionalText,
  MASKINPORTEN_PRIVATE_KEY: optionalText,
  MASKINPORTEN_PRIVATE_KEY_FILE: optionalText,
  MASKINPORTEN_CERTIFICATE_CHAIN_FILE: optionalText,
  MASKINPORTEN_ALG: maskinportenAlgSchema.default("RS256"),
  MASKINPORTEN_RESOURCE: optionalText,
  MASKINPORTEN_CONSUMER_ORG: z
    .string()
    .trim()
    .regex(/^\d{9}$/, "must be a 9-digit organisation number")
    .optional(),
  MASKINPORTEN_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  MASKINPORTEN_REFRESH_MARGIN_SECONDS: z.coerce.number().int().min(0).default(30),
  OAR_API_URL: optionalUrl,
  AMELDING_API_URL: optionalUrl,
  AMELDING_FILOPPLASTING_API_URL: optionalUrl,
  AMELDING_TILBAKEMELDING_API_URL: optionalUrl,
  AVSTEMMINGSRAPPORT_API_URL: optionalUrl,
  ALTINN_PLATFORM_URL: optionalUrl,
  // Default in sandbox mode: the sandbox's demo system (lib/config/derived.ts).
  ALTINN_SYSTEM_ID: z.string().trim().min(1).optional(),
  SKATTEETATEN_IDEMPOTENCY_KEY_IN: z.enum(["header", "query"]).default("header"),
  DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(20),
  DELIVERY_DB_POOL: z.coerce.number().int().min(2).max(100).default(8),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(1).default(90),
  DELIVERY_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(30),
  DELIVERY_RECONCILE_SECONDS: z.coerce.number().min(0.2).default(5),
  DELIVERY_MAX_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  // A-meldinger whose wire body is larger go through Skatteetaten's file-upload API. At most
  // 10 MiB, the larger reading of the submission endpoint's "10 MB" (lib/submissions/delivery-deps.ts).
  AMELDING_UPLOAD_THRESHOLD_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(10 * 1024 * 1024)
    .default(10_000_000),
  WORKER_ID: z.string().min(1).optional(),
  // How long a stopping worker lets its deliveries in flight finish before handing them back.
  DELIVERY_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(20),
  // Bearer token Prometheus sends to /api/metrics (and to a worker's metrics port); unset, both are off.
  METRICS_TOKEN: z.string().min(24).optional(),
  // Port on which `npm run worker` serves its own metrics at /api/metrics (needs METRICS_TOKEN).
  WORKER_METRICS_PORT: port(9464),
  FEEDBACK_POLL_SECONDS: z.coerce.number().min(0.2).default(3),
  FEEDBACK_MAX_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(900),
  FEEDBACK_DIALOG_MAX_CHECKS: z.coerce.number().int().min(1).default(8),
  FEEDBACK_MAX_WAIT_HOURS: z.coerce.number().min(1).default(72),
  // Reconciliation (docs/reconciliation.md): how often a worker looks for accepted months to
  // reconcile (seconds), and after how many hours a month that differs or failed is fetched again.
  RECONCILIATION_POLL_SECONDS: z.coerce.number().min(0.2).max(86_400).default(900),
  RECONCILIATION_REFRESH_HOURS: z.coerce.number().min(0).max(720).default(24),
  // Raw request/response bodies of attempts and feedback documents older than this are emptied by
  // the worker's retention job (lib/submissions/retention/raw-body-retention.ts).
  RAW_BODY_RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(18),
  // Webhooks (lib/webhooks, README "Webhooks"): the answer's timeout, attempts per delivery (with
  // exponential backoff from WEBHOOK_RETRY_BASE_SECONDS, capped at an hour, with jitter), failed
  // deliveries in a row after which a subscription is turned off, and how long a rotated-out
  // secret keeps signing.
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().min(1).max(60).default(10),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES: z.coerce.number().int().min(1).max(1000).default(5),
  WEBHOOK_SECRET_ROTATION_GRACE_HOURS: z.coerce.number().min(0).max(720).default(24),
  IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  IMPORT_WAIT_SECONDS: z.coerce.number().min(0).max(600).default(30),
  IMPORT_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(120),
  IMPORT_MEMORY_MB: z.coerce.number().int().min(64).max(16384).default(320),
  ALTINN_EVENTS_WEBHOOK_SECRET: z.string().min(24).optional(),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  API_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  // E-mail for notifications (lib/notifications/mailer.ts): smtp:// or smtps://, with user and
  // password in the URL if the server needs them. Unset in sandbox mode: the sandbox's mail
  // catcher, started by `npm start`; unset elsewhere: notifications stay in the app only.
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).default("Innrapportering <varsler@innrapportering.invalid>"),
  // How often a worker looks for notification e-mails due (seconds).
  NOTIFICATION_MAIL_POLL_SECONDS: z.coerce.number().min(0.2).max(3600).default(5),
  // Attempts per e-mail before it is marked failed; retries back off from 30 s doubling to 1 h.
  NOTIFICATION_MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  // How often a worker looks for deadlines to notify about (seconds).
  NOTIFICATION_SCAN_SECONDS: z.coerce.number().min(1).max(86_400).default(900),
  // A-melding feedback still awaited this many hours after acceptance is notified as overdue.
  NOTIFICATION_FEEDBACK_OVERDUE_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  // The hour (Norwegian time) from which the daily digest is sent.
  NOTIFICATION_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  RUN_WORKER: z.enum(["true", "false"]).default("true"),
  SANDBOX_HOST: z.string().min(1).default(SANDBOX_DEFAULTS.host),
  // 0 lets the system choose a free port (tests).
  SANDBOX_MASKINPORTEN_PORT: port(SANDBOX_DEFAULTS.maskinportenPort, 0),
  SANDBOX_SKATTEETATEN_PORT: port(SANDBOX_DEFAULTS.skatteetatenPort, 0),
  SANDBOX_ALTINN_PORT: port(SANDBOX_DEFAULTS.altinnPort, 0),
  // The sandbox's mail catcher: its SMTP port and the port of its page listing what it received.
  SANDBOX_MAIL_SMTP_PORT: port(SANDBOX_DEFAULTS.mailSmtpPort, 0),
  SANDBOX_MAIL_WEB_PORT: port(SANDBOX_DEFAULTS.mailWebPort, 0),
  SANDBOX_MASKINPORTEN_CLIENTS_FILE: z.string().min(1).optional(),
  SANDBOX_FEEDBACK_DELAY_MS: z.coerce.number().int().min(0).default(2000),
  SANDBOX_IDEMPOTENCY_KEY_IN: z.enum(["header", "query"]).default("header"),
  SANDBOX_ALTINN_EVENTS_WEBHOOK_URL: optionalUrl,
  // Sandbox mode only: the day (YYYY-MM-DD) the notification deadline scan takes as today, to see
  // deadline notifications on any day (demos, e2e). Ignored in test and production mode.
  SANDBOX_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)")
    .optional(),
};

export const configSchema = z.object(configShape);
export type Config = z.infer<typeof configSchema>;
export type ConfigVariable = keyof typeof configShape;
export const CONFIG_VARIABLES = Object.keys(configShape) as ConfigVariable[];

/** A setting that is missing or wrong; the message names the variable and never echoes its value. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

/** The known variables of an env-like record, with empty strings counted as unset (as in `.env` files). */
export function pickConfigInput(
  input: Record<string, string | undefined>,
  names: readonly string[] = CONFIG_VARIABLES,
) {
  return Object.fromEntries(names.map((name) => [name, input[name]?.trim() === "" ? undefined : input[name]]));
}

/**
 * Validates an env-like record (the worker's environment, a test's values). Throws ConfigError
 * naming the first variable at fault; secrets are never part of the message.
 */
export function parseConfig(input: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(pickConfigInput(input));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "configuration");
    throw new ConfigError(variable, `${variable} is invalid: ${issue?.message ?? "unreadable"}.`);
  }
  return parsed.data;
}
