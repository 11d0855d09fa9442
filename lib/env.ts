import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const optionalUrl = z.url().optional();

/**
 * The one place configuration is read. Every variable here is documented in `.env.example`.
 * Validation is skipped only when SKIP_ENV_VALIDATION is set (used by `next build`, which must
 * not need runtime secrets).
 */
export const env = createEnv({
  server: {
    APP_MODE: z.enum(["sandbox", "test", "production"]).default("sandbox"),
    DATABASE_URL: z.string().min(1).optional(),
    DATABASE_PREPARED_STATEMENTS: z.enum(["true", "false"]).default("true"),
    DATA_DIR: z.string().min(1).default(".data"),
    HOST: z.string().min(1).default("127.0.0.1"),
    EMBEDDED_PG_DIR: z.string().min(1).optional(),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    AUTH_SECRET: z.string().min(32).optional(),
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
    MASKINPORTEN_ISSUER: optionalUrl,
    MASKINPORTEN_TOKEN_URL: optionalUrl,
    MASKINPORTEN_CLIENT_ID: z.string().min(1).optional(),
    MASKINPORTEN_KID: z.string().min(1).optional(),
    MASKINPORTEN_PRIVATE_KEY: z.string().min(1).optional(),
    MASKINPORTEN_PRIVATE_KEY_FILE: z.string().min(1).optional(),
    MASKINPORTEN_CERTIFICATE_CHAIN_FILE: z.string().min(1).optional(),
    // Deep validation (PEM parsing, naming the variable at fault) is in lib/maskinporten/config.ts.
    MASKINPORTEN_ALG: z.enum(["RS256", "RS384", "RS512"]).optional(),
    MASKINPORTEN_RESOURCE: z.string().min(1).optional(),
    MASKINPORTEN_CONSUMER_ORG: z.string().regex(/^\d{9}$/).optional(),
    MASKINPORTEN_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
    MASKINPORTEN_REFRESH_MARGIN_SECONDS: z.coerce.number().int().min(0).optional(),
    OAR_API_URL: optionalUrl,
    AMELDING_API_URL: optionalUrl,
    AMELDING_FILOPPLASTING_API_URL: optionalUrl,
    AMELDING_TILBAKEMELDING_API_URL: optionalUrl,
    ALTINN_PLATFORM_URL: optionalUrl,
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
    // 10 MiB, the larger reading of the submission endpoint's "10 MB" (lib/submissions/engine/delivery-deps.ts).
    AMELDING_UPLOAD_THRESHOLD_BYTES: z.coerce.number().int().min(1).max(10 * 1024 * 1024).default(10_000_000),
    WORKER_ID: z.string().min(1).optional(),
    FEEDBACK_POLL_SECONDS: z.coerce.number().min(0.2).default(3),
    FEEDBACK_MAX_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(900),
    FEEDBACK_DIALOG_MAX_CHECKS: z.coerce.number().int().min(1).default(8),
    FEEDBACK_MAX_WAIT_HOURS: z.coerce.number().min(1).default(72),
    IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
    IMPORT_WAIT_SECONDS: z.coerce.number().min(0).max(600).default(30),
    IMPORT_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(120),
    IMPORT_MEMORY_MB: z.coerce.number().int().min(64).max(16384).default(320),
    ALTINN_EVENTS_WEBHOOK_SECRET: z.string().min(24).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    RUN_WORKER: z.enum(["true", "false"]).default("true"),
    SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
    SANDBOX_MASKINPORTEN_PORT: z.coerce.number().int().min(0).max(65535).default(4101),
    SANDBOX_SKATTEETATEN_PORT: z.coerce.number().int().min(0).max(65535).default(4102),
    SANDBOX_ALTINN_PORT: z.coerce.number().int().min(0).max(65535).default(4103),
    SANDBOX_MASKINPORTEN_CLIENTS_FILE: z.string().min(1).optional(),
    SANDBOX_FEEDBACK_DELAY_MS: z.coerce.number().int().min(0).default(2000),
    SANDBOX_IDEMPOTENCY_KEY_IN: z.enum(["header", "query"]).default("header"),
    SANDBOX_ALTINN_EVENTS_WEBHOOK_URL: optionalUrl,
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

export type AppMode = (typeof env)["APP_MODE"];
