import { createEnv } from "@t3-oss/env-nextjs";
import { configShape } from "@/lib/config/schema";

/**
 * The web process's configuration: `process.env` validated once, at start, by the one schema
 * in lib/config/schema.ts (every variable, default and bound is defined there and documented in
 * `.env.example`). Code that is handed an environment instead of reading its own (the delivery
 * worker, command-line checks, tests) uses `parseConfig` from the same module. Validation is
 * skipped only when SKIP_ENV_VALIDATION is set (used by `next build`, which must not need
 * runtime secrets).
 */
export const env = createEnv({
  server: configShape,
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});
