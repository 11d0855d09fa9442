"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * Binds a form to a server action built with `defineAction`, and translates the message keys it
 * returns (`errors.*` for the whole form, `validation.*` for fields).
 */
export function useActionForm<T>(action: (input: FormData) => Promise<ActionResult<T>>) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(
    async (_prev: ActionResult<T> | null, formData: FormData) => action(formData),
    null,
  );
  const error = state && !state.ok ? state.error : null;
  const fieldErrors = Object.fromEntries(
    Object.entries(error?.fieldErrors ?? {}).map(([field, keys]) => [
      field,
      keys.map((k) => (t.has(`validation.${k}`) ? t(`validation.${k}`) : k)),
    ]),
  );
  const formMessage = error
    ? [t(error.messageKey), error.reference ? t("errors.reference", { reference: error.reference }) : ""]
        .filter(Boolean)
        .join(" ")
    : null;
  return { state, formAction, pending, fieldErrors, formMessage, succeeded: Boolean(state?.ok) };
}
