import "server-only";
import { z } from "zod/mini";
import { authorise, isNextControlFlow } from "@/lib/auth/authorise";
import { type CurrentUser, getCurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/permissions";
import { type Db, getDb } from "@/lib/db/client";
import { ACTION_INPUT_LIMITS, checkInput, type InputRefusal } from "@/lib/input/guard";
import { logUnexpectedError } from "@/lib/log/logger";
import { type ActionResult, SafeError } from "./action-result";
import { type FormSchema, zodFieldErrors } from "./check-values";
import { parseFormData } from "./form-data";

export type ActionContext = { user: CurrentUser; db: Db };

/** Form data or an object as sent, through the one input guard (lib/input/guard.ts) before zod sees it. */
function readInput(rawInput: unknown) {
  if (rawInput instanceof FormData) return parseFormData(rawInput);
  const refusal = checkInput(rawInput, ACTION_INPUT_LIMITS);
  return refusal ? { ok: false as const, refusal } : { ok: true as const, value: rawInput };
}

/**
 * A specific message for the whole form (`errors.input.*`); when a form field's own value is at
 * fault (too long, U+0000), also a field error, so the form marks the field.
 */
function refusalError(refusal: InputRefusal, fromForm: boolean) {
  const field = fromForm && typeof refusal.path[0] === "string" ? refusal.path[0] : undefined;
  const fieldKey =
    refusal.code === "nulCharacter" ? "nulCharacter" : refusal.code === "textTooLong" ? "tooLong" : undefined;
  return new SafeError(
    "validation",
    `errors.input.${refusal.code}`,
    field && fieldKey ? { [field]: [fieldKey] } : undefined,
  );
}

/**
 * The one wrapper every server action goes through: it authenticates, checks the permission
 * from the role table, reads the input through the input guard (bounded, prototype-safe),
 * validates it with the action's zod schema, and turns unexpected errors into a generic message
 * (logged with a reference the user can quote).
 */
export function defineAction<S extends FormSchema, R>(
  config: { name: string; permission: Permission; schema: S },
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
): (input: z.input<S> | FormData) => Promise<ActionResult<R>> {
  return async (rawInput) => {
    try {
      const user = authorise(await getCurrentUser(), [config.permission], { action: config.name });
      const input = readInput(rawInput);
      if (!input.ok) throw refusalError(input.refusal, rawInput instanceof FormData);
      const parsed = z.safeParse(config.schema, input.value);
      if (!parsed.success) {
        throw new SafeError("validation", "errors.validation", zodFieldErrors(parsed.error));
      }
      return { ok: true, data: await handler(parsed.data, { user, db: getDb() }) };
    } catch (error) {
      if (error instanceof SafeError) {
        return {
          ok: false,
          error: { code: error.code, messageKey: error.messageKey, fieldErrors: error.fieldErrors },
        };
      }
      // Next signals redirects and notFound() by throwing; those must pass through.
      if (isNextControlFlow(error)) throw error;
      const reference = logUnexpectedError({ scope: "action", action: config.name }, error);
      return { ok: false, error: { code: "internal", messageKey: "errors.internal", reference } };
    }
  };
}

/** Refuses access to an organisation the user has not been granted. */
export function assertOrganisationAccess(user: CurrentUser, organisationId: string) {
  if (!user.organisationIds.includes(organisationId)) {
    throw new SafeError("forbidden", "errors.organisationForbidden");
  }
}
