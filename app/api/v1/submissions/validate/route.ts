import { API_BODY_LIMITS, createSubmissionSchema, validationResultSchema } from "@/lib/api/v1/schemas";
import { createFromApi } from "@/lib/api/v1/submissions";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { defineRoute } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

/** Thrown to roll back the check's savepoint: nothing of a check is kept. */
class CheckOnly extends Error {}

/**
 * Checks a submission as creating it would (every field, the organisation, a meldingsId used
 * before), without keeping anything: the same operation runs in a savepoint that is rolled back.
 * Valid: 200; otherwise the problem creating it would answer.
 */
export const POST = defineRoute(
  {
    name: "api-v1-submissions-validate",
    access: { apiKey: { scope: "submit" } },
    idempotent: true,
    body: { schema: createSubmissionSchema, maxBytes: env.API_MAX_BODY_BYTES, limits: API_BODY_LIMITS },
    output: validationResultSchema,
  },
  async ({ body }, { api, db }) => {
    try {
      await (db as Tx).transaction(async (savepoint) => {
        await createFromApi(savepoint, api, body);
        throw new CheckOnly();
      });
    } catch (error) {
      if (!(error instanceof CheckOnly)) throw error;
    }
    return { valid: true as const };
  },
);
