import type { Translator } from "@/lib/i18n/translator";
import type { ActionError, FieldErrors } from "./action-result";

/** What an error shown to the user needs: its message key, the values the message names, and the reference to quote. */
export type ShownError = Pick<ActionError, "messageKey" | "reference"> & { values?: Record<string, string | number> };

/**
 * The text of an error from a server action or route handler, always with its reference when it
 * has one: users quote the reference to support, who find the logged cause by it.
 */
export function errorText(t: Translator, error: ShownError): string {
  const message = t.has(error.messageKey) ? t(error.messageKey, error.values) : t("errors.internal");
  return error.reference ? `${message} ${referenceText(t, error.reference)}` : message;
}

export function referenceText(t: Translator, reference: string): string {
  return t("errors.reference", { reference });
}

/**
 * A field error's message key as text: `validation.*` first (the form schemas' keys), then a
 * full key such as `errors.input.nulCharacter`; an unknown key is shown as it is.
 */
export function fieldErrorText(t: Translator, key: string): string {
  if (t.has(`validation.${key}`)) return t(`validation.${key}`);
  return t.has(key) ? t(key) : key;
}

/** Field errors with every message key translated. */
export function translateFieldErrors(
  errors: FieldErrors,
  translate: (key: string) => string,
): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([path, keys]) => [path, keys.map(translate)]));
}
