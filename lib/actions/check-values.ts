import { z } from "zod/mini";
import type { FieldErrors } from "./action-result";

export type CheckedValues<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors };

/** A zod error as field errors: dotted path → the issues' messages (message keys); `_form` for the whole. */
export function zodFieldErrors(error: z.core.$ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_form";
    out[path] = [...(out[path] ?? []), issue.message];
  }
  return out;
}

/**
 * A form's schema: written in `zod/mini`, since the browser checks with it before sending (classic
 * zod would add 31 KB gzip to every page with a form: docs/benchmarks.md,
 * "First-load JavaScript (`npm run bench:js`)").
 */
export type FormSchema = z.ZodMiniType;

/**
 * Values checked against a form's zod schema and an extra rule the server also applies, as field
 * errors in the shape `defineAction` answers with, so the browser and the server mark the same
 * fields with the same messages. The rule sees the schema's output, or null when it failed.
 */
export function checkValues<S extends FormSchema>(
  values: unknown,
  schema: S | undefined,
  check?: (data: z.output<S> | null, values: unknown) => FieldErrors | undefined,
): CheckedValues<z.output<S>> {
  // Without a schema the values are taken as they are.
  const parsed = schema ? z.safeParse(schema, values) : { success: true as const, data: values as z.output<S> };
  const fieldErrors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  for (const [path, keys] of Object.entries(check?.(parsed.success ? parsed.data : null, values) ?? {})) {
    fieldErrors[path] = [...(fieldErrors[path] ?? []), ...keys];
  }
  return parsed.success && Object.keys(fieldErrors).length === 0
    ? { ok: true, data: parsed.data }
    : { ok: false, fieldErrors };
}
