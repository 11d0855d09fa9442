import { z } from "zod/mini";

/**
 * What classic zod's `ctx.addIssue` does in a transform, for `zod/mini`'s transforms (whose
 * context is the bare parse payload): the value is refused with this message (a message key).
 * The schemas the browser also parses are in `zod/mini` (docs/benchmarks.md,
 * "First-load JavaScript (`npm run bench:js`)").
 */
export function transformIssue(payload: z.core.ParsePayload, message: string): never {
  payload.issues.push({ code: "custom", message, input: payload.value, path: [] });
  return z.NEVER;
}
