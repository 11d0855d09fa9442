import { z } from "zod";
import en from "@/lib/i18n/messages/en.json";

/**
 * The one error shape of the public API (/api/v1): RFC 9457 problem details, served as
 * `application/problem+json`. `code` is stable (clients branch on it); `type` is a URN made from
 * it; `errors` names each field at fault by its path in the request (dot-separated, list indexes
 * as numbers) with a code.
 */
export const problemSchema = z
  .object({
    type: z.string().meta({ example: "urn:innrapportering:problem:invalid_body" }),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: "Stable machine-readable code" }),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), code: z.string() }))
      .optional()
      .meta({ description: "The fields at fault, by their path in the request" }),
    /** Quoted to support for an unexpected error; the cause is in our log. */
    reference: z.string().optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<string, string> = {
  unauthenticated: "A valid API key is required",
  forbidden: "The key may not do this",
  not_found: "Not found",
  validation: "The request has errors",
  invalid_body: "The body does not match the schema",
  invalid_query: "The query does not match the schema",
  input_refused: "The input was refused",
  malformed: "The body is not JSON",
  too_large: "The body is too large",
  conflict: "Conflict with the current state",
  idempotency_key_missing: "An Idempotency-Key header is required",
  idempotency_key_reused: "The Idempotency-Key was used with another request",
  rate_limited: "Too many requests",
  internal: "Internal error",
};

/**
 * The English text of one of our message keys (`errors.notFound`), for `detail`: only a message
 * without placeholders, which is a plain string both in the JSON and as the build precompiles it
 * (next.config.ts, next-intl's `precompile`); one with placeholders has no values here and would
 * show `{limit}`, so the problem goes without `detail` (its `code` says what happened).
 */
function englishMessage(key: string | undefined): string | undefined {
  if (!key) return undefined;
  let node: unknown = en;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object" || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" && !node.includes("{") ? node : undefined;
}

export function problem(
  status: number,
  code: string,
  extra: { messageKey?: string; errors?: { path: string; code: string }[]; reference?: string; detail?: string } = {},
): Problem {
  const detail = extra.detail ?? englishMessage(extra.messageKey);
  return {
    type: `urn:innrapportering:problem:${code}`,
    title: TITLES[code] ?? code,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
    ...(extra.reference ? { reference: extra.reference } : {}),
  };
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}
